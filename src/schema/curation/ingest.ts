/**
 * Growing the graph from articles (docs/ingestion.md): ingest a source into the review queue,
 * read the queue, and accept, reject or re-link what the ingestion found. The review's rules are
 * in src/services/ingest (ingest-for-review.ts, review.ts, mentions.ts); this maps their
 * arguments, scopes and payloads.
 */
import { z } from 'zod';
import {
  loadMentions,
  loadProposalPage,
  loadSourceText,
  maxMentions,
  type ProposalRecord,
  type ProposalStatus,
  type SourceTextRecord,
} from '../../db/repositories/ingest.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import type { EntityWriteResult } from '../../services/curation/entity-upserts.ts';
import type { IngestResult } from '../../services/ingest/ingest-for-review.ts';
import { matcherCacheFor } from '../../services/ingest/matchers.ts';
import { linkMentionTo, type ReviewMention, storedMention } from '../../services/ingest/mentions.ts';
import { acceptProposal, type ProposalDecision, proposalProperties, rejectProposal } from '../../services/ingest/review.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { expectGraphEntity, loadEntities } from '../entity.ts';
import { EvidenceEnum } from '../evidence.ts';
import { countedTotal, decodeCursor, encodeCursor, maxPageSize } from '../paging.ts';
import { resolveRef } from '../references.ts';
import { EntityRef } from '../refs.ts';
import { selectsField } from '../selection.ts';
import { primeEntities } from './entity-upserts.ts';
import { operationDescription, writeCost } from './payloads.ts';
import { primeRelation } from './relation-mutations.ts';
import { runWrite } from './write.ts';

const ProposalStatusEnum = builder.enumType('ProposalStatus', {
  description: 'Where a proposal stands in the review queue.',
  values: {
    PENDING: { value: 'PENDING', description: 'Waiting for a curator.' },
    ACCEPTED: { value: 'ACCEPTED', description: 'Accepted: written to the graph through the curation mutations (see acceptedAs).' },
    REJECTED: { value: 'REJECTED', description: 'Rejected; the same claim from the same sentence is not proposed again.' },
  } as const,
});

const ProposalKindEnum = builder.enumType('ProposalKind', {
  description: 'What a proposal would add.',
  values: {
    RELATION: { value: 'relation', description: 'A relation between two entities (type: MANAGES, HOLDS_POSITION …).' },
    ENTITY: { value: 'entity', description: 'A new entity for a name that matches none (type: Person, Organization …).' },
    STATEMENT: { value: 'statement', description: 'A statement: who said something (from), and what about (to), if named.' },
  } as const,
});

const SourceFormatEnum = builder.enumType('SourceFormat', {
  description: 'How ingested content is read.',
  values: {
    TEXT: { value: 'text', description: 'Plain text, stored as sent.' },
    HTML: { value: 'html', description: 'HTML, reduced to its text (the stored text, which offsets point into).' },
  } as const,
});

const TextSpanRef = builder.objectRef<{ start: number; end: number }>('TextSpan').implement({
  description: "A stretch of a source's stored text: UTF-16 code unit offsets, end exclusive.",
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'The first character.' }),
    end: t.exposeInt('end', { description: 'After the last character.' }),
  }),
});

interface EndRecord {
  slug: string | null;
  name: string | null;
  type: string | null;
}

const ProposalEndRef = builder.objectRef<EndRecord>('ProposalEnd').implement({
  description: 'An end of a proposed claim: a known entity (slug) or a proposed one (name and type).',
  fields: (t) => ({
    slug: t.exposeString('slug', { nullable: true, description: 'The known entity, by slug; null for a proposed one.' }),
    name: t.exposeString('name', {
      nullable: true,
      description:
        "The proposed entity's name as the text writes it (a memorandum the text does not name: by its parties); null for a known one.",
    }),
    type: t.exposeString('type', {
      nullable: true,
      description: "The proposed entity's type (Person, Organization …); null for a known one.",
    }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The known entity; null for a proposed one.',
      resolve: async (end, _args, context) => (end.slug ? ((await loadEntities(context, [end.slug]))[0] ?? null) : null),
    }),
  }),
});

const ProposalRef = builder.objectRef<ProposalRecord>('Proposal').implement({
  description:
    'Something an ingested source seems to say, waiting for a curator: a relation, a new entity or a statement, with the ' +
    'sentence that says it (by offsets into the stored text). Nothing of it is in the graph until it is accepted.',
  fields: (t) => ({
    id: t.exposeString('id', {
      description: 'Its id: a fingerprint of the claim and its sentence, the same whenever the same text is ingested.',
    }),
    status: t.field({ type: ProposalStatusEnum, description: 'Pending, accepted or rejected.', resolve: (p) => p.status }),
    kind: t.field({
      type: ProposalKindEnum,
      description: 'A relation, an entity or a statement.',
      resolve: (p) => z.enum(['relation', 'entity', 'statement']).parse(p.kind),
    }),
    type: t.exposeString('type', { description: 'The relationship type (HOLDS_POSITION …), or the entity type (Person …) or Statement.' }),
    source: t.exposeString('source', {
      description: 'The slug of the ingested source (a Source entity once a proposal of it is accepted).',
    }),
    from: t.field({
      type: ProposalEndRef,
      description: 'Where the claim starts; for an entity proposal, the entity itself; for a statement, the speaker.',
      resolve: (p) => ({ slug: p.fromSlug, name: p.fromName, type: p.fromType }),
    }),
    to: t.field({
      type: ProposalEndRef,
      nullable: true,
      description: 'Where the claim points; for a statement, what it is about; null when nothing is.',
      resolve: (p) => (p.toSlug || p.toName ? { slug: p.toSlug, name: p.toName, type: p.toType } : null),
    }),
    properties: t.field({
      type: 'JSONObject',
      description: 'What else the sentence gives: title, role, onBehalfOf, date and datePrecision (YEAR, MONTH or DAY), verb.',
      resolve: proposalProperties,
    }),
    evidence: t.field({
      type: EvidenceEnum,
      description: 'STATED when its sentence says it; INFERRED when read from more than one sentence (see basis).',
      resolve: (p) => z.enum(['STATED', 'INFERRED', 'EXTERNAL']).parse(p.evidence),
    }),
    basis: t.exposeString('basis', { nullable: true, description: "For INFERRED: how it was read, in the project's words." }),
    span: t.field({
      type: TextSpanRef,
      description: 'The sentence that says it, in the stored text.',
      resolve: (p) => ({ start: p.start, end: p.end }),
    }),
    evidenceText: t.exposeString('evidenceText', {
      nullable: true,
      description: 'The sentence itself, read from the stored text (never stored in the graph).',
    }),
    confidence: t.exposeFloat('confidence', { description: 'How sure the pattern that found it is, 0 to 1.' }),
    reason: t.exposeString('reason', { nullable: true, description: "Why it was rejected, in the curator's words." }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'The API key that accepted or rejected it.' }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was decided.', resolve: (p) => p.decidedAt }),
    acceptedAs: t.exposeString('acceptedAs', {
      nullable: true,
      description: 'What accepting wrote: the relation key ("type|from|to|role|title") or the new entity\'s slug.',
    }),
  }),
});

const CandidateRef = builder.objectRef<{ slug: string; score: number }>('MentionCandidate').implement({
  description: 'An entity a mention may name, with how well the text around it supports that.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: "The entity's slug." }),
    score: t.exposeFloat('score', { description: '0 to 1: its name, and the entities related to it named nearby.' }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity; null once it is deleted.',
      resolve: async (c, _args, context) => (await loadEntities(context, [c.slug]))[0] ?? null,
    }),
  }),
});

const MentionRef = builder.objectRef<ReviewMention>('Mention').implement({
  description: 'A name in an ingested source: linked to an entity, or not (then with its candidates, if any).',
  fields: (t) => ({
    id: t.exposeString('id', { nullable: true, description: 'Its id in the review queue (for linkMention); null in a dry run.' }),
    text: t.exposeString('text', { description: 'The name as the text writes it.' }),
    span: t.field({ type: TextSpanRef, description: 'Where, in the stored text.', resolve: (m) => ({ start: m.start, end: m.end }) }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity it names; null when none is certain.',
      resolve: async (m, _args, context) => (m.entity ? ((await loadEntities(context, [m.entity]))[0] ?? null) : null),
    }),
    candidates: t.field({ type: [CandidateRef], description: 'The entities it may name, best first.', resolve: (m) => m.candidates }),
  }),
});

const IngestSourcePayload = builder.objectRef<IngestResult>('IngestSourcePayload').implement({
  description: 'What ingesting a source found.',
  fields: (t) => ({
    source: t.exposeString('source', { description: 'The slug of the source.' }),
    text: t.exposeString('text', {
      description: 'The stored text (for HTML, the text it was reduced to; in a dry run, what would be stored): offsets point into it.',
    }),
    lang: t.exposeString('lang', { description: 'Its language, as given or detected: "en" or "ru".' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written.' }),
    mentions: t.field({ type: [MentionRef], description: 'The names found, in text order.', resolve: (r) => r.mentions }),
    proposals: t.field({
      type: [ProposalRef],
      description: 'The proposals waiting for review from this text; those decided before (accepted or rejected) are not repeated.',
      resolve: (r) => r.proposals,
    }),
    alreadyDecided: t.exposeInt('alreadyDecided', { description: 'How many proposals of this text were accepted or rejected before.' }),
  }),
});

const IngestSourceInput = builder.inputType('IngestSourceInput', {
  description: 'An article to read into the review queue.',
  fields: (t) => ({
    content: t.string({ required: true, description: 'The article: plain text or HTML.' }),
    format: t.field({ type: SourceFormatEnum, description: 'How to read content; omitted: HTML when it starts like an HTML document.' }),
    slug: t.string({ description: "The Source's slug; omitted: one made from the text, so the same text is the same source." }),
    title: t.field({ type: 'NonEmptyString', description: 'Its title.' }),
    url: t.field({ type: 'URL', description: 'Where it was published.' }),
    published: t.field({ type: 'PartialDate', description: 'When, as precisely as known.' }),
    publisher: t.field({ type: 'NonEmptyString', description: 'Who published it.' }),
    lang: t.string({ description: '"en" or "ru"; omitted: detected from the script of the text.' }),
    dryRun: t.boolean({ description: 'Read it and answer, but write nothing.' }),
  }),
});

const ProposalEditsInput = builder.inputType('ProposalEditsInput', {
  description:
    "A curator's corrections to a proposal before it is written; each omitted field keeps the proposal's value, and null " +
    "drops the proposal's role, title, onBehalfOf, date or basis.",
  fields: (t) => ({
    from: t.string({ description: 'The slug of the start (needed when the proposal names an entity not yet in the graph).' }),
    to: t.string({ description: 'The slug of the end.' }),
    role: t.string({ description: 'The role (PARTICIPATED_IN, MANAGES, MEMBER_OF), as the upsert input takes it, e.g. "speaker".' }),
    title: t.field({ type: 'NonEmptyString', description: 'The title (HOLDS_POSITION).' }),
    onBehalfOf: t.string({ description: 'The slug of the party a signatory signed for (SIGNED).' }),
    date: t.field({
      type: 'PartialDate',
      description: "When, with the precision the source gives; null drops the proposal's date (one its sentence gives for another claim).",
    }),
    evidence: t.field({ type: EvidenceEnum, description: 'How the source supports it.' }),
    basis: t.field({ type: 'NonEmptyString', description: "Required with INFERRED: one sentence, in the curator's words." }),
    slug: t.string({ description: 'For an entity or statement: the new slug (default: made from its name).' }),
    name: t.field({ type: 'NonEmptyString', description: 'For an entity or statement: its name (default: as the text writes it).' }),
    summary: t.field({ type: 'NonEmptyString', description: "For a statement (required): what was said, in the project's own words." }),
    fields: t.field({
      type: 'JSONObject',
      description:
        'For an entity: the other fields of its upsert input, e.g. {"kind": "association"}. An organization needs its kind; a ' +
        'body, event or document without one reads "other".',
    }),
  }),
});

interface DecisionResult {
  proposal: ProposalRecord;
  operation: string;
  entity: EntityWriteResult['entity'] | null;
  relations: string[];
}

const ProposalDecisionPayload = builder.objectRef<DecisionResult>('ProposalDecisionPayload').implement({
  description: 'What accepting or rejecting a proposal did.',
  fields: (t) => ({
    proposal: t.field({ type: ProposalRef, description: 'The proposal, as decided.', resolve: (r) => r.proposal }),
    operation: t.exposeString('operation', { description: operationDescription }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity or statement accepting created; null for a relation and a rejection.',
      resolve: (r) => (r.entity ? expectGraphEntity(r.entity) : null),
    }),
    relations: t.exposeStringList('relations', { description: 'The keys of the relations accepting wrote ("type|from|to|role|title").' }),
  }),
});

const LinkMentionPayload = builder.objectRef<{ mention: ReviewMention; operation: string }>('LinkMentionPayload').implement({
  description: 'What linking a mention did.',
  fields: (t) => ({
    mention: t.field({ type: MentionRef, description: 'The mention, now linked.', resolve: (r) => r.mention }),
    operation: t.exposeString('operation', { description: operationDescription }),
  }),
});

type IngestInput = {
  content: string;
  format?: 'text' | 'html' | null;
  slug?: string | null;
  title?: string | null;
  url?: URL | string | null;
  published?: string | null;
  publisher?: string | null;
  lang?: string | null;
  dryRun?: boolean | null;
};

async function ingestSource(context: RequestContext, input: IngestInput): Promise<IngestResult> {
  // The reading pipeline (HTML to text, sentences, the claim rules: some 45 modules) loads with
  // the first ingestion, not at start-up: most servers never ingest.
  const { ingestForReview } = await import('../../services/ingest/ingest-for-review.ts');
  return ingestForReview(
    { matchers: matcherCacheFor(context.db), reads: context.reads, write: (work) => runWrite(context, work) },
    {
      content: input.content,
      format: input.format ?? null,
      slug: input.slug ?? null,
      title: input.title ?? null,
      url: input.url ? String(input.url) : null,
      published: input.published ?? null,
      publisher: input.publisher ?? null,
      lang: input.lang ?? null,
      dryRun: input.dryRun ?? false,
    },
    (field) => `input.${field}`,
  );
}

/** The payload of a decision; the entities it wrote primed, so that the payload needs no further read. */
function decisionPayload(context: RequestContext, decision: ProposalDecision): DecisionResult {
  for (const relation of decision.relations) primeRelation(context, relation);
  if (decision.entity) primeEntities(context, [decision.entity.entity]);
  return {
    proposal: decision.proposal,
    operation: decision.operation,
    entity: decision.entity?.entity ?? null,
    relations: decision.relations.map((r) => r.key),
  };
}

builder.mutationField('ingestSource', (t) =>
  t.field({
    type: IngestSourcePayload,
    description:
      'Reads an article: links the names it knows, proposes new entities and claims with the sentence that states them, and ' +
      'stores the text, mentions and proposals for review (unless dryRun). Writes nothing to the graph itself; a proposal ' +
      'rejected before is not proposed again. Needs the "curate" scope.',
    authScopes: { curate: true },
    complexity: writeCost,
    args: { input: t.arg({ type: IngestSourceInput, required: true, description: 'The article and what is known of it.' }) },
    resolve: (_root, args, context) => ingestSource(context, args.input),
  }),
);

builder.mutationField('acceptProposal', (t) =>
  t.field({
    type: ProposalDecisionPayload,
    description:
      'Writes a pending proposal to the graph through the upserts, citing its source (created on first acceptance) with the ' +
      "proposal's evidence, and leaves change-log records. A relation between names not yet in the graph needs their slugs " +
      '(edits.from, edits.to) or their entity proposals accepted first; a statement needs edits.summary. Needs the "curate" scope.',
    authScopes: { curate: true },
    complexity: writeCost,
    args: {
      id: t.arg.string({ required: true, description: 'The proposal.' }),
      edits: t.arg({ type: ProposalEditsInput, description: 'Corrections to apply before writing.' }),
    },
    resolve: async (_root, args, context) =>
      decisionPayload(context, await runWrite(context, (tx, scope) => acceptProposal(tx, scope, args.id, args.edits ?? {}))),
  }),
);

builder.mutationField('rejectProposal', (t) =>
  t.field({
    type: ProposalDecisionPayload,
    description: 'Rejects a pending proposal; ingesting the same text again will not propose it again. Needs the "curate" scope.',
    authScopes: { curate: true },
    complexity: writeCost,
    args: {
      id: t.arg.string({ required: true, description: 'The proposal.' }),
      reason: t.arg({ type: 'NonEmptyString', description: "Why, in the curator's words." }),
    },
    resolve: async (_root, args, context) =>
      decisionPayload(context, await runWrite(context, (tx, scope) => rejectProposal(tx, scope, args.id, args.reason ?? null))),
  }),
);

builder.mutationField('linkMention', (t) =>
  t.field({
    type: LinkMentionPayload,
    description: 'Links (or re-links) a mention of an ingested source to an entity. Needs the "curate" scope.',
    authScopes: { curate: true },
    complexity: writeCost,
    args: {
      mention: t.arg.string({ required: true, description: 'The mention (Mention.id).' }),
      entity: t.arg.string({ required: true, description: "The entity's slug." }),
    },
    resolve: async (_root, args, context) => {
      // As every argument that names an entity: NOT_FOUND naming "entity", with candidates, and
      // a former slug names the entity it became.
      const entity = await resolveRef(context, { argument: 'entity', ref: args.entity });
      return runWrite(context, async (tx, scope) => ({
        mention: await linkMentionTo(tx, { mention: args.mention, entity: entity.id, by: scope.by }),
        operation: scope.operation,
      }));
    },
  }),
);

const ProposalConnection = builder.connectionObject(
  {
    type: ProposalRef,
    name: 'ProposalConnection',
    description: 'A page of the review queue, by proposal id.',
    fields: (c) => ({
      totalCount: c.int({
        description: 'How many proposals there are over all pages, with the same status and source (counted in the database).',
        resolve: countedTotal,
      }),
    }),
  },
  { name: 'ProposalEdge', description: 'One proposal.' },
);

export const defaultProposalPageSize = 20;

builder.queryField('proposals', (t) =>
  t.field({
    type: ProposalConnection,
    description: 'The review queue of ingested sources: proposals by status and source, with keyset cursors. Needs the "curate" scope.',
    authScopes: { curate: true },
    args: {
      status: t.arg({ type: ProposalStatusEnum, description: 'Only proposals in this state.' }),
      source: t.arg.string({ description: 'Only proposals from this source (its slug).' }),
      first: t.arg.int({
        defaultValue: defaultProposalPageSize,
        description: `How many (1–${maxPageSize}; default ${defaultProposalPageSize}).`,
      }),
      after: t.arg.string({ description: "Continue after this cursor (an edge's cursor or pageInfo.endCursor)." }),
    },
    resolve: async (_root, args, context, info) => {
      const size = args.first ?? defaultProposalPageSize;
      if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
        throw new BadUserInputError(`"first" must be between 1 and ${maxPageSize}, got ${size}`, { argument: 'first' });
      }
      const after = args.after ? decodeCursor(args.after, 'after') : null;
      const status: ProposalStatus | null = args.status ?? null;
      const { rows, total } = await loadProposalPage(context.reads, {
        status,
        source: args.source ?? null,
        after: after?.id ?? '',
        limit: size + 1,
        withTotal: selectsField(info, 'totalCount'),
      });
      const kept = rows.slice(0, size);
      const cursorOf = (proposal: ProposalRecord) => encodeCursor({ key: proposal.id, id: proposal.id });
      const first = kept[0];
      const last = kept.at(-1);
      return {
        totalCount: total,
        edges: kept.map((proposal) => ({ cursor: cursorOf(proposal), node: proposal })),
        pageInfo: {
          hasNextPage: rows.length > size,
          hasPreviousPage: after !== null,
          startCursor: first ? cursorOf(first) : null,
          endCursor: last ? cursorOf(last) : null,
        },
      };
    },
  }),
);

builder.queryField('mentions', (t) =>
  t.field({
    type: [MentionRef],
    description: `The names found in an ingested source, in text order (at most ${maxMentions}). Needs the "curate" scope.`,
    authScopes: { curate: true },
    args: { source: t.arg.string({ required: true, description: "The source's slug." }) },
    resolve: async (_root, args, context) => (await loadMentions(context.reads, args.source)).map(storedMention),
  }),
);

const IngestedSourceRef = builder.objectRef<SourceTextRecord & { slug: string }>('IngestedSource').implement({
  description:
    'An ingested source as stored for review: its text (which mention and proposal offsets point into) and what its sender ' +
    'said of it. Not a Source entity: that is created when a first proposal of it is accepted.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Its slug, as mentions(source:) and proposals(source:) take it.' }),
    text: t.exposeString('text', { description: 'The stored text (for HTML, the text it was reduced to).' }),
    lang: t.exposeString('lang', { description: 'Its language: "en" or "ru".' }),
    title: t.exposeString('title', { nullable: true, description: 'The title it was sent with.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where it was published, as sent.' }),
    published: t.exposeString('published', { nullable: true, description: 'When it was published (a partial date), as sent.' }),
    publisher: t.exposeString('publisher', { nullable: true, description: 'Who published it, as sent.' }),
  }),
});

builder.queryField('ingestedSource', (t) =>
  t.field({
    type: IngestedSourceRef,
    nullable: true,
    description:
      'An ingested source\'s stored text, to review its mentions and proposals again; null when none has this slug. Needs the "curate" scope.',
    authScopes: { curate: true },
    args: { slug: t.arg.string({ required: true, description: "The source's slug (IngestSourcePayload.source)." }) },
    resolve: async (_root, args, context) => {
      const stored = await loadSourceText(context.reads, args.slug);
      return stored ? { ...stored, slug: args.slug } : null;
    },
  }),
);
