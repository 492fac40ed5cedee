/**
 * The shapes of the API's answers that the explorer reads, checked when they arrive: the rest
 * of the explorer works with these types and never with unchecked JSON.
 */
import { z } from 'zod/mini';

export const sourceSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  url: z.nullish(z.string()),
  publisher: z.nullish(z.string()),
  date: z.nullish(z.string()),
});
export type Source = z.infer<typeof sourceSchema>;

export const entitySummarySchema = z.object({
  __typename: z.string(),
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  /** A memorandum's, document's, statement's or source's date; an event's days are startDate to endDate. */
  date: z.nullish(z.string()),
  startDate: z.nullish(z.string()),
  endDate: z.nullish(z.string()),
});
export type EntitySummary = z.infer<typeof entitySummarySchema>;

export const edgeSchema = z.object({
  key: z.string(),
  type: z.string(),
  properties: z.nullish(z.record(z.string(), z.unknown())),
  externalFacts: z.array(z.string()),
  /** STATED, INFERRED or EXTERNAL, where the API has evidence kinds. */
  evidence: z.optional(z.nullable(z.string())),
  /** For INFERRED: how it is read from the sources. */
  basis: z.optional(z.nullable(z.string())),
  from: z.object({ id: z.string() }),
  to: z.object({ id: z.string() }),
  sources: z.array(sourceSchema),
});
export type Edge = z.infer<typeof edgeSchema>;

export const searchHitSchema = z.object({
  matched: z.nullish(z.string()),
  matchedField: z.nullish(z.string()),
  allWords: z.boolean(),
  node: entitySummarySchema,
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const subgraphSchema = z.object({ nodes: z.array(entitySummarySchema), edges: z.array(edgeSchema) });
export type Subgraph = z.infer<typeof subgraphSchema>;
/** A neighbourhood, and whether more entities lie within its hops than were let in. */
const neighbourhoodSchema = z.object({ ...subgraphSchema.shape, truncated: z.boolean() });

export const searchAnswer = z.object({ search: z.array(searchHitSchema) });
// Nullable: an unknown id may answer null rather than an error.
export const neighborhoodAnswer = z.object({ neighborhood: z.nullable(neighbourhoodSchema) });
export const pathsAnswer = z.object({ paths: z.nullable(z.array(subgraphSchema)) });
export const entitiesAnswer = z.object({ nodes: z.array(z.nullable(z.union([entitySummarySchema, z.object({})]))) });

const claimSchema = z.object({ field: z.string(), value: z.string(), sources: z.array(sourceSchema) });
export type Claim = z.infer<typeof claimSchema>;

const scalar = z.nullish(z.union([z.string(), z.number(), z.boolean()]));

/** Where one field's value (or one value of a list field) comes from: model/provenance.ts reads it. */
const fieldProvenanceSchema = z.object({ field: z.string(), value: z.string(), evidence: z.string(), basis: z.nullish(z.string()) });
export type FieldProvenance = z.infer<typeof fieldProvenanceSchema>;

export const entityDetailsSchema = z.object({
  ...entitySummarySchema.shape,
  aliases: z.array(z.string()),
  description: z.nullish(z.string()),
  /** The whole record's support (STATED, INFERRED, EXTERNAL), and for INFERRED how it is read. */
  evidence: z.nullish(z.string()),
  basis: z.nullish(z.string()),
  provenance: z.array(fieldProvenanceSchema),
  sources: z.array(sourceSchema),
  claims: z.array(claimSchema),
  /** A statement's: what was said, in the project's words. */
  summary: z.nullish(z.string()),
  // The fields of one kind of entity (a TLD's forms, an event's dates…), whichever it has.
  kind: scalar,
  country: scalar,
  unicode: scalar,
  ascii: scalar,
  idn: scalar,
  tldType: scalar,
  title: scalar,
  date: scalar,
  startDate: scalar,
  endDate: scalar,
  place: scalar,
  edition: scalar,
  url: scalar,
  number: scalar,
  code: scalar,
  /** A source's: who published it, and its language (BCP 47). */
  publisher: scalar,
  language: scalar,
});
export type EntityDetails = z.infer<typeof entityDetailsSchema>;

/** One dated fact of an entity, through the relationship that links it (the panel lists these). */
export const timelineEntrySchema = z.object({
  date: z.string(),
  endDate: z.nullish(z.string()),
  other: entitySummarySchema,
  edge: z.object({ key: z.string(), type: z.string(), properties: edgeSchema.shape.properties, sources: z.array(sourceSchema) }),
});
/** The entity's own date (a memorandum's, an event's days): no relationship, no other end. */
export interface OwnDate {
  date: string;
  endDate?: string | null;
  other: null;
  edge: null;
}
export type TimelineEntry = z.infer<typeof timelineEntrySchema> | OwnDate;

/** As the API gives it: the entity's own date (an event's days) has no relationship and no other end. */
const timelineNodeSchema = z.object({
  date: z.string(),
  endDate: z.nullish(z.string()),
  other: z.nullable(entitySummarySchema),
  edge: z.nullable(timelineEntrySchema.shape.edge),
});

export const entityAnswer = z.object({
  node: z.nullable(z.union([entityDetailsSchema, z.object({})])),
  timeline: z.nullable(z.object({ edges: z.array(z.object({ node: timelineNodeSchema })) })),
});

const namedEnd = z.object({ id: z.string(), name: z.string() });
/** A relationship that is one side of a conflict, with its ends' names: it may not be in view. */
const conflictRelationSchema = z.object({ ...edgeSchema.shape, from: namedEnd, to: namedEnd });
export type ConflictRelation = z.infer<typeof conflictRelationSchema>;

const conflictClaimSchema = z.object({
  value: z.nullish(z.string()),
  evidence: z.nullish(z.string()),
  /** For INFERRED: how this side is read from its sources. */
  basis: z.nullish(z.string()),
  sources: z.array(sourceSchema),
  relation: z.nullish(conflictRelationSchema),
});
export const conflictSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.nullish(z.string()),
  claims: z.array(conflictClaimSchema),
});
export type Conflict = z.infer<typeof conflictSchema>;
/** One record a source is cited for: an entity, or a relationship with its two ends. */
const supportedSchema = z.object({
  onlySource: z.boolean(),
  citation: z.nullable(z.object({ evidence: z.string() })),
  node: z.union([
    z.object({ __typename: z.literal('Edge'), key: z.string(), type: z.string(), from: entitySummarySchema, to: entitySummarySchema }),
    entitySummarySchema,
  ]),
});
export type Supported = z.infer<typeof supportedSchema>;
export const sourceSupportsAnswer = z.object({
  entity: z.nullable(z.object({ supports: z.optional(z.object({ totalCount: z.number(), edges: z.array(supportedSchema) })) })),
});

/** A record a source is cited for, as its neighbourhood: an entity, or a whole relationship with its two ends. */
const citedForSchema = z.union([
  z.object({ ...edgeSchema.shape, __typename: z.literal('Edge'), from: entitySummarySchema, to: entitySummarySchema }),
  entitySummarySchema,
]);
export type CitedFor = z.infer<typeof citedForSchema>;
export const sourceNeighbourhoodAnswer = z.object({
  entity: z.nullable(
    z.object({ supports: z.optional(z.object({ totalCount: z.number(), edges: z.array(z.object({ node: citedForSchema })) })) }),
  ),
});

export const conflictsAnswer = z.object({
  conflicts: z.object({ totalCount: z.number(), edges: z.array(z.object({ node: conflictSchema })) }),
});
