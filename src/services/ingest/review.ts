/**
 * Deciding a proposal of the review queue. Accepting writes through the curation service
 * (src/services/curation), so a claim from an article is checked, cited, audited and logged as
 * any curated claim is; rejecting marks it so that the same claim from the same sentence is not
 * proposed again.
 */
import { z } from 'zod';
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import { readEntities } from '../../db/repositories/curation.ts';
import {
  acceptedEntityOf,
  decideProposal,
  linkProposedMentions,
  type ProposalRecord,
  readProposal,
  readRelation,
} from '../../db/repositories/ingest.ts';
import { BadUserInputError, ConflictError, NotFoundError } from '../../domain/errors.ts';
import { type EntityLabel, isRelationType, type RelationType, relationKey } from '../../domain/graph.ts';
import { bodyKinds, documentKinds, entityCollections, eventKinds, organizationKinds, relationRules } from '../../domain/rules.ts';
import { hasCyrillic, transliterate } from '../../domain/text/match-key.ts';
import { type EntityWriteResult, upsertEntity } from '../curation/entity-upserts.ts';
import type { Input } from '../curation/records.ts';
import { type RelationWriteResult, upsertRelation } from '../curation/relations.ts';
import { sourceCitation, withCitation } from './source-citation.ts';

/**
 * A curator's corrections to a proposal before it is written; each omitted one keeps the
 * proposal's value, and an explicit null drops the proposal's role, title, onBehalfOf, date or basis.
 */
export interface ProposalEdits {
  from?: string | null;
  to?: string | null;
  role?: string | null;
  title?: string | null;
  onBehalfOf?: string | null;
  date?: string | null;
  evidence?: string | null;
  basis?: string | null;
  slug?: string | null;
  name?: string | null;
  summary?: string | null;
  fields?: Record<string, unknown> | null;
}

/** What deciding a proposal did: the proposal as decided, and what accepting wrote. */
export interface ProposalDecision {
  proposal: ProposalRecord;
  operation: string;
  entity: EntityWriteResult | null;
  relations: RelationWriteResult[];
}

const propertiesJson = z.record(z.string(), z.string());

/** What else a proposal's sentence gives (title, role, date …), read from its stored JSON. */
export const proposalProperties = (proposal: Pick<ProposalRecord, 'properties'>): Record<string, string> =>
  propertiesJson.parse(JSON.parse(proposal.properties));

/** The curator's value where the edit gives one, none where it is null, else the proposal's. */
const edited = (edit: string | null | undefined, proposed: string | undefined): string | undefined =>
  edit === undefined ? proposed : (edit ?? undefined);

/** The key of the relation a claim writes: its type, its ends, and the role or title its type is told apart by. */
export function proposedRelationKey(
  type: RelationType,
  claim: { from: string; to: string; role?: string | undefined; title?: string | undefined },
): string {
  const rule = relationRules[type];
  return relationKey(type, {
    from: claim.from,
    to: claim.to,
    role: rule.fields.includes('role') ? (claim.role ?? null) : null,
    title: rule.fields.includes('title') ? (claim.title ?? null) : null,
  });
}

/** The kinds an entity of a label takes (edits.fields.kind), and whether its record needs one. */
const kindsOf: Partial<Record<EntityLabel, { kinds: readonly string[]; required: boolean }>> = {
  Organization: { kinds: organizationKinds, required: true },
  Body: { kinds: bodyKinds, required: false },
  Event: { kinds: eventKinds, required: false },
  Document: { kinds: documentKinds, required: false },
};

/**
 * Refuses an entity's kind that its label does not have, or none where its record needs one
 * (an organization), naming edits.fields.kind and the kinds there are. A body, event or document
 * may go without: it reads "other" until a curator gives one, as through its upsert.
 */
function checkKind(label: EntityLabel, fields: Record<string, unknown> | null | undefined): void {
  const rule = kindsOf[label];
  const kind = fields?.kind;
  if (!rule || ((kind === undefined || kind === null) && !rule.required)) return;
  const allowed = rule.kinds.map((one) => `"${one}"`).join(', ');
  const where = { field: 'edits.fields.kind' };
  const details = { allowed: [...rule.kinds] };
  if (kind === undefined || kind === null) {
    throw new BadUserInputError(`edits.fields.kind: a new ${label} needs a kind: one of ${allowed}`, where, details);
  }
  if (typeof kind !== 'string' || !rule.kinds.includes(kind)) {
    throw new BadUserInputError(`edits.fields.kind: ${JSON.stringify(kind)} is not a kind of ${label}: one of ${allowed}`, where, details);
  }
}

/** Labels whose record has a date of its own: an accepted memorandum takes the date it was signed on. */
const datedLabels: ReadonlySet<EntityLabel> = new Set(['Memorandum', 'Document']);

/** A slug from a name: Cyrillic by the passport scheme, then lower-case words joined by hyphens. */
export function slugFromName(name: string): string {
  const latin = hasCyrillic(name)
    ? transliterate(name)
    : name
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  return (
    latin
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'entity'
  );
}

/** The pending proposal `id`; a missing or decided one is refused. */
async function pendingProposal(tx: TransactionRunner, id: string): Promise<ProposalRecord> {
  const proposal = await readProposal(tx, id);
  if (!proposal) throw new NotFoundError(`there is no proposal "${id}"`, { argument: 'id' });
  if (proposal.status !== 'PENDING') {
    // A client whose first request committed but whose answer was lost learns here what it did.
    const as = proposal.acceptedAs ? ` as "${proposal.acceptedAs}"` : '';
    throw new ConflictError(
      `the proposal "${id}" was ${proposal.status.toLowerCase()} already${as}${proposal.decidedBy ? ` by ${proposal.decidedBy}` : ''}; ` +
        'a decision is not made twice: read it in the proposals list, or write the claim with its upsert',
      {
        argument: 'id',
        status: proposal.status,
        decidedBy: proposal.decidedBy,
        decidedAt: proposal.decidedAt?.toISOString() ?? null,
        acceptedAs: proposal.acceptedAs,
        operation: proposal.operation,
      },
    );
  }
  return proposal;
}

async function readBackProposal(tx: TransactionRunner, id: string): Promise<ProposalRecord> {
  const after = await readProposal(tx, id);
  if (!after) throw new Error(`the proposal "${id}" cannot be read back`);
  return after;
}

/**
 * The slug of an end of a proposal: the curator's, the known entity's, or the entity an accepted
 * proposal of the same source created for its name; else the curator must name one.
 */
async function resolveEnd(
  tx: TransactionRunner,
  proposal: ProposalRecord,
  which: 'from' | 'to',
  edited: string | null | undefined,
): Promise<string | null> {
  if (edited) return edited;
  const slug = which === 'from' ? proposal.fromSlug : proposal.toSlug;
  if (slug) return slug;
  const name = which === 'from' ? proposal.fromName : proposal.toName;
  const type = which === 'from' ? proposal.fromType : proposal.toType;
  if (!name || !type) return null;
  const accepted = await acceptedEntityOf(tx, { source: proposal.source, name, type });
  if (accepted) return accepted;
  throw new BadUserInputError(
    `edits.${which}: "${name}" (${type}) is not in the graph yet: accept its entity proposal first, or give the slug of an entity in edits.${which}`,
    { argument: `edits.${which}` },
  );
}

/** A new entity of an accepted proposal: a slug already taken is refused, not overwritten. */
async function writeNewEntity(tx: TransactionRunner, scope: WriteScope, label: EntityLabel, input: Input): Promise<EntityWriteResult> {
  const collection = Object.entries(entityCollections).find(([, candidate]) => candidate.label === label)?.[0];
  if (!collection) throw new BadUserInputError(`"${label}" is not a kind of entity this API writes`, { argument: 'id' });
  const slug = String(input.slug);
  if ((await readEntities(tx, [slug])).length > 0) {
    throw new BadUserInputError(`edits.slug: "${slug}" exists already: give another slug, or link the mentions to it (linkMention)`, {
      argument: 'edits.slug',
    });
  }
  return upsertEntity(tx, scope, collection, input);
}

/**
 * Accepts a pending proposal inside the caller's write transaction: builds the record from the
 * proposal and the curator's edits, cites the proposal's source with its evidence, and writes it
 * through the curation service.
 */
export async function acceptProposal(
  tx: TransactionRunner,
  scope: WriteScope,
  id: string,
  edits: ProposalEdits,
): Promise<ProposalDecision> {
  const proposal = await pendingProposal(tx, id);
  const properties = proposalProperties(proposal);
  const citation = await sourceCitation(tx, proposal.source);
  const evidence = edits.evidence ?? proposal.evidence;
  const basis = edited(edits.basis, proposal.basis ?? undefined);
  const provenance = { sources: [citation], evidence, ...(basis ? { basis } : {}) };
  // The sentence's date may belong to another claim of it: null drops it.
  const date = edited(edits.date, properties.date);
  const relations: RelationWriteResult[] = [];
  let entity: EntityWriteResult | null = null;

  if (proposal.kind === 'relation') {
    const type = proposal.type;
    if (!isRelationType(type)) throw new Error(`a stored proposal has the unknown relation type "${type}"`);
    const rule = relationRules[type];
    const role = edited(edits.role, properties.role);
    const title = edited(edits.title, properties.title);
    const onBehalfOf = edited(edits.onBehalfOf, properties.onBehalfOf);
    const from = await resolveEnd(tx, proposal, 'from', edits.from);
    const to = await resolveEnd(tx, proposal, 'to', edits.to);
    const identity = {
      ...(rule.fields.includes('role') && role ? { role } : {}),
      ...(rule.fields.includes('title') && title ? { title } : {}),
    };
    const input: Input = {
      from,
      to,
      ...provenance,
      ...(date ? { date } : {}),
      ...identity,
      ...(rule.fields.includes('onBehalfOf') && onBehalfOf ? { onBehalfOf } : {}),
    };
    // An upsert replaces a relation whole: a claim the graph has already gains this source as
    // one more citation, keeping its sources, evidence, note and dates.
    const key = proposedRelationKey(type, { from: String(from), to: String(to), ...identity });
    const existing = await readRelation(tx, { key, type, from: String(from) });
    relations.push(await upsertRelation(tx, scope, type, existing ? withCitation(existing, input, proposal.source, citation) : input));
  } else if (proposal.kind === 'entity') {
    const name = edits.name ?? proposal.fromName ?? '';
    const label = z.enum(['Person', 'Organization', 'Body', 'Event', 'Document', 'Memorandum']).parse(proposal.type);
    checkKind(label, edits.fields);
    entity = await writeNewEntity(tx, scope, label, {
      ...(datedLabels.has(label) && date ? { date } : {}),
      ...(edits.fields ?? {}),
      slug: edits.slug ?? slugFromName(name),
      name,
      ...provenance,
    });
    // The name is an entity now: its mentions in the source say so, as linkMention would.
    await linkProposedMentions(tx, { source: proposal.source, proposal: proposal.id, entity: entity.entity.id, by: scope.by });
  } else {
    if (!edits.summary) {
      throw new BadUserInputError("edits.summary: a statement needs a summary in the project's own words", { argument: 'edits.summary' });
    }
    const speaker = await resolveEnd(tx, proposal, 'from', edits.from);
    if (!speaker) throw new BadUserInputError('edits.from: the statement has no speaker; give one', { argument: 'edits.from' });
    const speakerEntity = (await readEntities(tx, [speaker]))[0];
    const name = edits.name ?? `Statement by ${speakerEntity?.name ?? speaker}`;
    const slug = edits.slug ?? `statement-${slugFromName(speaker)}-${proposal.id.slice(0, 8)}`;
    entity = await writeNewEntity(tx, scope, 'Statement', { slug, name, summary: edits.summary, ...(date ? { date } : {}), ...provenance });
    relations.push(await upsertRelation(tx, scope, 'SAID_BY', { from: slug, to: speaker, ...provenance }));
    const about = edits.to ?? proposal.toSlug;
    if (about) relations.push(await upsertRelation(tx, scope, 'ABOUT', { from: slug, to: about, ...provenance }));
  }
  const acceptedAs = entity ? entity.entity.id : (relations[0]?.key ?? null);
  const decided = await decideProposal(tx, { id, status: 'ACCEPTED', reason: null, by: scope.by, acceptedAs, operation: scope.operation });
  if (!decided) throw new ConflictError(`the proposal "${id}" was decided by another request meanwhile`);
  return { proposal: await readBackProposal(tx, id), operation: scope.operation, entity, relations };
}

/** Rejects a pending proposal inside the caller's write transaction, with the curator's reason. */
export async function rejectProposal(
  tx: TransactionRunner,
  scope: WriteScope,
  id: string,
  reason: string | null,
): Promise<ProposalDecision> {
  await pendingProposal(tx, id);
  await decideProposal(tx, { id, status: 'REJECTED', reason, by: scope.by, acceptedAs: null, operation: scope.operation });
  return { proposal: await readBackProposal(tx, id), operation: scope.operation, entity: null, relations: [] };
}
