/**
 * The shapes of the ingestion page's answers (ingest-api.ts), checked when they arrive, as
 * shapes.ts does for the explorer's reading.
 */
import { z } from 'zod/mini';
import { entitySummarySchema } from './shapes.ts';

const spanSchema = z.object({ start: z.number(), end: z.number() });
export type TextSpan = z.infer<typeof spanSchema>;

export const mentionSchema = z.object({
  /** Null in a dry run: nothing is stored to link. */
  id: z.nullable(z.string()),
  text: z.string(),
  span: spanSchema,
  entity: z.nullable(entitySummarySchema),
  candidates: z.array(z.object({ slug: z.string(), score: z.number(), entity: z.nullable(entitySummarySchema) })),
});
export type IngestMention = z.infer<typeof mentionSchema>;

const endSchema = z.object({
  slug: z.nullable(z.string()),
  name: z.nullable(z.string()),
  type: z.nullable(z.string()),
  entity: z.nullable(entitySummarySchema),
});
export type ProposalEnd = z.infer<typeof endSchema>;

export const proposalStatuses = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalSchema = z.object({
  id: z.string(),
  status: z.enum(proposalStatuses),
  kind: z.enum(['RELATION', 'ENTITY', 'STATEMENT']),
  type: z.string(),
  from: endSchema,
  to: z.nullable(endSchema),
  properties: z.record(z.string(), z.unknown()),
  evidence: z.string(),
  basis: z.nullable(z.string()),
  span: spanSchema,
  confidence: z.number(),
  reason: z.nullable(z.string()),
  acceptedAs: z.nullable(z.string()),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const curateCheckAnswer = z.object({ proposals: z.object({ pageInfo: z.object({ hasNextPage: z.boolean() }) }) });

export const ingestSourceAnswer = z.object({
  ingestSource: z.object({
    source: z.string(),
    text: z.string(),
    lang: z.string(),
    dryRun: z.boolean(),
    alreadyDecided: z.number(),
    mentions: z.array(mentionSchema),
    proposals: z.array(proposalSchema),
  }),
});

export const ingestedSourceAnswer = z.object({
  ingestedSource: z.nullable(z.object({ slug: z.string(), text: z.string(), lang: z.string(), title: z.nullable(z.string()) })),
  mentions: z.array(mentionSchema),
});

export const proposalsAnswer = z.object({
  proposals: z.object({
    edges: z.array(z.object({ node: proposalSchema })),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) }),
  }),
});

export type ProposalsAnswer = z.infer<typeof proposalsAnswer>;

export const linkMentionAnswer = z.object({ linkMention: z.object({ mention: mentionSchema }) });
export const acceptProposalAnswer = z.object({
  acceptProposal: z.object({ proposal: proposalSchema, relations: z.array(z.string()), entity: z.nullable(entitySummarySchema) }),
});
export const rejectProposalAnswer = z.object({ rejectProposal: z.object({ proposal: proposalSchema }) });
