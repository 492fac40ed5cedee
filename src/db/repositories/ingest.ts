/**
 * The ingestion's reads and writes: the pages the alias matcher is built from, the change-log
 * position it follows, and the review queue (stored text, mentions, proposals). Rows in, parsed
 * rows out; no GraphQL here.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { TransactionRunner } from '../database.ts';
import type { ReadScope } from '../read-scope.ts';
import { properties } from '../rows.ts';
import { toDate } from '../values.ts';

/** A whole number as the driver hands it (Integer or number). */
const integer = z
  .union([z.number(), z.custom<{ toNumber(): number }>((value) => neo4j.isInt(value))])
  .transform((value) => (typeof value === 'number' ? value : value.toNumber()));

const matcherRow = z.object({ id: z.string(), label: z.string(), props: properties, neighbours: z.array(z.string()) });
export type MatcherRow = z.infer<typeof matcherRow>;

export async function loadMatcherPage(scope: ReadScope, after: string, limit: number): Promise<MatcherRow[]> {
  return scope.read('ingest/matcher-page', { after, limit: neo4j.int(limit) }, matcherRow);
}

export async function loadMatcherEntities(scope: ReadScope, ids: readonly string[]): Promise<MatcherRow[]> {
  return scope.read('ingest/matcher-entities', { ids: [...new Set(ids)] }, matcherRow);
}

/** The newest change-log position, or null on a database without changes. */
export async function loadLastChange(scope: ReadScope): Promise<{ atText: string; id: string } | null> {
  const [row] = await scope.read('ingest/last-change', {}, z.object({ atText: z.string(), id: z.string() }));
  return row ?? null;
}

export interface StoredMention {
  id: string;
  source: string;
  start: number;
  end: number;
  entity: string | null;
  /** [{slug, score}] as JSON: candidates are read with the mention, never queried by. */
  candidates: string;
  /** The entity proposal a new name's mention stands for (its fingerprint): accepting it links the mention. */
  proposal: string | null;
}

export interface QueuedProposal {
  id: string;
  kind: string;
  type: string;
  fromSlug: string | null;
  fromName: string | null;
  fromType: string | null;
  toSlug: string | null;
  toName: string | null;
  toType: string | null;
  /** The proposal's properties (title, role, date …) as JSON. */
  properties: string;
  evidence: string;
  basis: string | null;
  start: number;
  end: number;
  confidence: number;
}

/** Stores a source's text, its mentions and its new proposals in one transaction (see write-queue.cypher). */
export async function writeQueue(
  tx: TransactionRunner,
  queue: {
    source: string;
    text: string;
    lang: string;
    title: string | null;
    url: string | null;
    published: string | null;
    publisher: string | null;
    by: string;
    mentions: StoredMention[];
    proposals: QueuedProposal[];
  },
): Promise<void> {
  await tx.run('ingest/write-queue', {
    source: queue.source,
    text: queue.text,
    lang: queue.lang,
    title: queue.title,
    url: queue.url,
    published: queue.published,
    publisher: queue.publisher,
    by: queue.by,
    mentions: queue.mentions.map((mention) => ({ ...mention, start: neo4j.int(mention.start), end: neo4j.int(mention.end) })),
    proposals: queue.proposals.map(({ id, start, end, ...rest }) => ({
      id,
      props: { ...rest, start: neo4j.int(start), end: neo4j.int(end) },
    })),
  });
}

const nullableText = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? null);

const storedProposal = z.object({
  props: z.object({
    id: z.string(),
    source: z.string(),
    kind: z.string(),
    type: z.string(),
    fromSlug: nullableText,
    fromName: nullableText,
    fromType: nullableText,
    toSlug: nullableText,
    toName: nullableText,
    toType: nullableText,
    properties: z.string(),
    evidence: z.string(),
    basis: nullableText,
    start: integer,
    end: integer,
    confidence: z.number(),
    status: z.enum(['PENDING', 'ACCEPTED', 'REJECTED']),
    reason: nullableText,
    decidedBy: nullableText,
    decidedAt: z.unknown().optional(),
    createdAt: z.unknown(),
    acceptedAs: nullableText,
    operation: nullableText,
  }),
  evidenceText: z.string().nullable(),
});

export type ProposalRecord = Omit<z.infer<typeof storedProposal>['props'], 'decidedAt' | 'createdAt'> & {
  decidedAt: Date | null;
  createdAt: Date | null;
  evidenceText: string | null;
};

const toRecord = ({ props, evidenceText }: z.infer<typeof storedProposal>): ProposalRecord => ({
  ...props,
  decidedAt: toDate(props.decidedAt),
  createdAt: toDate(props.createdAt),
  evidenceText,
});

export type ProposalStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';

export interface ProposalPage {
  rows: ProposalRecord[];
  /** How many proposals there are in all with the same status and source; null unless asked for. */
  total: number | null;
}

const proposalPageRow = z.object({ total: z.number(), rows: z.array(storedProposal) });

/**
 * A page of proposals in id order after `after`, by status and source when given; with
 * `withTotal`, also how many there are in all, in the same statement.
 */
export async function loadProposalPage(
  scope: ReadScope,
  request: { status: ProposalStatus | null; source: string | null; after: string; limit: number; withTotal: boolean },
): Promise<ProposalPage> {
  const [row] = await scope.read(
    'ingest/proposals-page',
    {
      status: request.status,
      source: request.source,
      after: request.after,
      limit: neo4j.int(request.limit),
      withTotal: request.withTotal,
    },
    proposalPageRow,
  );
  return { rows: (row?.rows ?? []).map(toRecord), total: request.withTotal ? (row?.total ?? 0) : null };
}

export async function loadProposals(scope: ReadScope, ids: readonly string[]): Promise<ProposalRecord[]> {
  return (await scope.read('ingest/proposals-by-id', { ids: [...ids] }, storedProposal)).map(toRecord);
}

/** The same read inside a write transaction: a decision reads the proposal it decides. */
export async function readProposal(tx: TransactionRunner, id: string): Promise<ProposalRecord | undefined> {
  const [row] = await tx.run('ingest/proposals-by-id', { ids: [id] });
  return row ? toRecord(storedProposal.parse(row)) : undefined;
}

/** Marks a pending proposal decided; false when it was not pending. */
export async function decideProposal(
  tx: TransactionRunner,
  decision: {
    id: string;
    status: 'ACCEPTED' | 'REJECTED';
    reason: string | null;
    by: string;
    acceptedAs: string | null;
    operation: string | null;
  },
): Promise<boolean> {
  const rows = await tx.run('ingest/decide-proposal', decision);
  return rows.length > 0;
}

const mentionRow = z.object({
  id: z.string(),
  source: z.string(),
  start: integer,
  end: integer,
  entity: z.string().nullable(),
  candidates: z.string(),
});
export type MentionRecord = z.infer<typeof mentionRow> & { text: string | null };

/** How many mentions one read returns: a long report has a few thousand names. */
export const maxMentions = 5000;

export async function loadMentions(scope: ReadScope, source: string): Promise<MentionRecord[]> {
  return scope.read('ingest/mentions-of', { source, limit: neo4j.int(maxMentions) }, mentionRow.extend({ text: z.string().nullable() }));
}

/** Links a mention to an entity; undefined when either does not exist. */
export async function linkMention(
  tx: TransactionRunner,
  request: { id: string; entity: string; by: string },
): Promise<MentionRecord | undefined> {
  const [row] = await tx.run('ingest/link-mention', request);
  return row ? mentionRow.extend({ text: z.string().nullable() }).parse(row) : undefined;
}

/**
 * Links the unlinked mentions of a source that stand for an entity proposal to the entity it was
 * accepted as; how many it linked.
 */
export async function linkProposedMentions(
  tx: TransactionRunner,
  request: { source: string; proposal: string; entity: string; by: string },
): Promise<number> {
  const [row] = await tx.run('ingest/link-proposed-mentions', request);
  return z.object({ linked: integer }).parse(row).linked;
}

/** The slug an entity proposal of this source, name and type was accepted as, if one was. */
export async function acceptedEntityOf(
  tx: TransactionRunner,
  request: { source: string; name: string; type: string },
): Promise<string | undefined> {
  const [row] = await tx.run('ingest/accepted-entity', request);
  return row ? z.object({ slug: z.string() }).parse(row).slug : undefined;
}

const sourceTextRow = z.object({
  text: z.string(),
  lang: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  publisher: z.string().nullable(),
});
export type SourceTextRecord = z.infer<typeof sourceTextRow>;

export async function loadSourceText(scope: ReadScope, source: string): Promise<SourceTextRecord | undefined> {
  const [row] = await scope.read('ingest/source-text', { source }, sourceTextRow);
  return row;
}

/** The same read inside a write transaction. */
export async function readSourceText(tx: TransactionRunner, source: string): Promise<SourceTextRecord | undefined> {
  const [row] = await tx.run('ingest/source-text', { source });
  return row ? sourceTextRow.parse(row) : undefined;
}

const jsonList = z
  .string()
  .optional()
  .transform((value): unknown[] => {
    if (value === undefined) return [];
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  });

/** A stored relation's own fields, as its upsert input gives them (derived fields left out). */
const storedRelation = z.object({
  sources: z.array(z.string()),
  evidence: z.string().optional(),
  basis: z.string().optional(),
  note: z.string().optional(),
  onBehalfOf: z.string().optional(),
  date: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  citations: jsonList,
  provenance: jsonList,
});
export type StoredRelation = z.infer<typeof storedRelation>;

/** The keys of those of these relations that the graph has and that cite `source`. */
export async function relationsCiting(
  tx: TransactionRunner,
  source: string,
  identities: readonly { key: string; type: string; from: string }[],
): Promise<Set<string>> {
  const rows = await tx.run('queries/relations-by-key', { keys: [...identities] });
  const cited = z.object({ key: z.string(), props: z.object({ sources: z.array(z.string()) }) });
  return new Set(
    rows
      .map((row) => cited.parse(row))
      .filter((row) => row.props.sources.includes(source))
      .map((row) => row.key),
  );
}

/** The relation with this identity as this transaction sees it, or undefined. */
export async function readRelation(
  tx: TransactionRunner,
  identity: { key: string; type: string; from: string },
): Promise<StoredRelation | undefined> {
  const [row] = await tx.run('queries/relations-by-key', { keys: [identity] });
  return row ? z.object({ props: storedRelation }).parse(row).props : undefined;
}
