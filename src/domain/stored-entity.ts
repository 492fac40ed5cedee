/**
 * An entity as the database holds it, per label: the record schemas of rules.ts say which fields
 * each label has, and the stored-only fields (derived search and date keys, audit, merge history)
 * are added here. The database reader (src/db/rows.ts) decodes every row into one of these once;
 * nothing past it reads a property by name or parses stored JSON again.
 */
import { z } from 'zod';
import { type EntityLabel, relationKey } from './graph.ts';
import {
  type bodySchema,
  type conflictSchema,
  type countrySchema,
  type documentSchema,
  type Evidence,
  type eventSchema,
  evidenceKinds,
  type memorandumSchema,
  type organizationSchema,
  type personSchema,
  type sourceSchema,
  type statementSchema,
  type tldSchema,
  type topicSchema,
} from './rules.ts';

/**
 * Every property as stored (audit times as Dates), for the code that handles properties
 * generically: the exchange format, graphml, merges, field provenance by field name.
 */
export type StoredProperties = Readonly<Record<string, unknown>>;

// The nested lists stored as JSON text (Neo4j has no maps in properties). Lenient where the
// stored form was once laxer: claims written before evidence existed read as stated.
const evidence = z.enum(evidenceKinds);

const storedCitation = z.object({ source: z.string(), evidence, basis: z.string().optional() });
const storedProvenance = z.object({
  field: z.string(),
  value: z.string().optional(),
  evidence,
  basis: z.string().optional(),
  sources: z.array(z.string()).optional(),
});
const storedClaim = z.object({
  field: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  sources: z.array(z.string()),
  evidence: evidence.default('STATED'),
  basis: z.string().optional(),
});
const storedCompleteness = z.object({
  relation: z.string(),
  direction: z.enum(['out', 'in', 'both']),
  complete: z.boolean(),
  sources: z.array(z.string()),
  evidence,
  basis: z.string().optional(),
});
const storedSide = z.object({
  value: z.string().optional(),
  relation: z
    .object({ type: z.string(), from: z.string(), to: z.string(), role: z.string().optional(), title: z.string().optional() })
    .optional(),
  sources: z.array(z.string()),
  evidence,
  basis: z.string().optional(),
});
/** An entry of a survivor's mergedFrom (written by src/services/merges.ts). */
const mergedFromEntry = z.object({
  slug: z.string(),
  name: z.string(),
  mergedAt: z.string(),
  by: z.string(),
  merge: z.string(),
});
export type MergedFromEntry = z.infer<typeof mergedFromEntry>;

// Built once: a zod schema costs more to build than to run.
const storedCitationList = z.array(storedCitation);
const storedProvenanceList = z.array(storedProvenance);
const storedClaimList = z.array(storedClaim);
const storedCompletenessList = z.array(storedCompleteness);
const storedSideList = z.array(storedSide);
const mergedFromEntryList = z.array(mergedFromEntry);

export interface StoredCitation {
  source: string;
  evidence: Evidence;
  basis: string | null;
}

export interface StoredFieldProvenance {
  field: string;
  /** One value of a list field that this entry is about; null: the field's value, or the rest of its list. */
  value: string | null;
  evidence: Evidence;
  basis: string | null;
  /** Null: the record's own sources. */
  sources: string[] | null;
}

/** One claims entry: the value of a field on which sources disagree, as text (a list as JSON). */
export interface StoredClaim {
  field: string;
  value: string;
  sources: string[];
  evidence: Evidence;
  basis: string | null;
}

export interface StoredCompleteness {
  relation: string;
  direction: 'out' | 'in' | 'both';
  complete: boolean;
  sources: string[];
  evidence: Evidence;
  basis: string | null;
}

export interface ConflictSideRecord {
  value: string | null;
  /** The relationship's identity, type|from|to|role|title, as relationships are keyed. */
  relationKey: string | null;
  sources: string[];
  evidence: Evidence;
  basis: string | null;
}

/** A value as text, as provenance and claims show it: a list as JSON. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** A stored JSON list that does not read as its schema: the field, and what is wrong. */
export class StoredJsonError extends Error {
  override name = 'StoredJsonError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** The one empty list every row shares: most entities have no claims, citations, … (no allocation). */
const none: readonly never[] = Object.freeze([]);

/** A stored JSON list parsed by its schema, each entry as `each` makes it; none when the property is missing or empty. */
function storedJson<S extends z.ZodType, T>(
  props: StoredProperties,
  field: string,
  list: z.ZodArray<S>,
  each: (entry: z.output<S>) => T,
): readonly T[] {
  const raw = props[field];
  if (raw === undefined || raw === null || raw === '') return none;
  if (typeof raw !== 'string') throw new StoredJsonError(field, `expected JSON text, got ${typeof raw}`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new StoredJsonError(field, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = list.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredJsonError(field, `entry ${issue?.path.join('.') || '(list)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.map(each);
}

export const citationsIn = (props: StoredProperties): readonly StoredCitation[] =>
  storedJson(props, 'citations', storedCitationList, (entry) => ({ ...entry, basis: entry.basis ?? null }));

export const provenanceIn = (props: StoredProperties): readonly StoredFieldProvenance[] =>
  storedJson(props, 'provenance', storedProvenanceList, (entry) => ({
    field: entry.field,
    value: entry.value ?? null,
    evidence: entry.evidence,
    basis: entry.basis ?? null,
    sources: entry.sources ?? null,
  }));

export const claimsIn = (props: StoredProperties): readonly StoredClaim[] =>
  storedJson(props, 'claims', storedClaimList, (claim) => ({
    field: claim.field,
    value: shownValue(claim.value),
    sources: claim.sources,
    evidence: claim.evidence,
    basis: claim.basis ?? null,
  }));

export const completenessIn = (props: StoredProperties): readonly StoredCompleteness[] =>
  storedJson(props, 'completeness', storedCompletenessList, (entry) => ({ ...entry, basis: entry.basis ?? null }));

export const conflictSidesIn = (props: StoredProperties): readonly ConflictSideRecord[] =>
  storedJson(props, 'sides', storedSideList, (side) => ({
    value: side.value ?? null,
    relationKey: side.relation ? relationKey(side.relation.type, side.relation) : null,
    sources: side.sources,
    evidence: side.evidence,
    basis: side.basis ?? null,
  }));

export const mergedFromIn = (props: StoredProperties): readonly MergedFromEntry[] =>
  storedJson(props, 'mergedFrom', mergedFromEntryList, (entry) => entry);

// Plain properties are read leniently, as the API always read them: a value of the wrong type
// reads as none. Only the JSON lists, which a reader cannot half-read, are refused when malformed.

export const textIn = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function textsIn(value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) return none;
  // Stored lists are nearly always all strings: keep the array rather than copy it.
  return value.every((item) => typeof item === 'string') ? value : value.filter((item): item is string => typeof item === 'string');
}

export const numberIn = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const flagIn = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
export const timeIn = (value: unknown): Date | null => (value instanceof Date ? value : null);

/** A value of a closed list (a kind, an evidence kind), or null for anything else. */
export function oneOf<T extends string>(values: readonly T[]): (value: unknown) => T | null {
  const known = new Map<unknown, T>(values.map((one) => [one, one]));
  return (value) => known.get(value) ?? null;
}

export const evidenceIn = oneOf(evidenceKinds);

/** Who wrote an entity or relationship, and when (null before auditing began). */
export interface Audit {
  createdAt: Date | null;
  createdBy: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const auditIn = (props: StoredProperties): Audit => ({
  createdAt: timeIn(props.createdAt),
  createdBy: textIn(props.createdBy),
  updatedAt: timeIn(props.updatedAt),
  updatedBy: textIn(props.updatedBy),
});

/** Everything that cites sources (an entity, a relationship), as evidence.ts reads it. */
export interface EvidenceSource {
  readonly sources: readonly string[];
  /** The evidence of each citation, in the order of `sources` (derived by the loader). */
  readonly citationEvidence: readonly string[];
  readonly evidence: Evidence | null;
  readonly basis: string | null;
  readonly citations: readonly StoredCitation[];
  readonly provenance: readonly StoredFieldProvenance[];
  readonly claims: readonly StoredClaim[];
  /** The fields' values, by field name: provenance reads every field of a record alike. */
  readonly stored: StoredProperties;
}

const relationEvidence = new WeakMap<StoredProperties, EvidenceSource>();

/**
 * The evidence of a relationship, whose properties stay a map (src/db/repositories/relations.ts):
 * decoded on first use, once per relationship read.
 */
export function evidenceSourceOf(props: StoredProperties): EvidenceSource {
  const known = relationEvidence.get(props);
  if (known) return known;
  const decoded: EvidenceSource = {
    sources: textsIn(props.sources),
    citationEvidence: textsIn(props.citationEvidence),
    evidence: evidenceIn(props.evidence),
    basis: textIn(props.basis),
    citations: citationsIn(props),
    provenance: provenanceIn(props),
    claims: claimsIn(props),
    stored: props,
  };
  relationEvidence.set(props, decoded);
  return decoded;
}

// ---------------------------------------------------------------------------------------
// The rows

/** A seed field as stored: a missing value reads as null, a missing list as empty. */
type StoredField<V> = NonNullable<V> extends readonly (infer Item)[] ? readonly Item[] : NonNullable<V> | null;
type Stored<T> = { readonly [K in keyof T]-?: StoredField<T[K]> };

/** Fields whose stored form is not their seed form: identity, and the JSON lists decoded above. */
type Replaced = 'id' | 'name' | 'claims' | 'citations' | 'provenance' | 'completeness' | 'formerSlugs' | 'sides';

/** The fields every stored entity has, whatever its label. */
interface StoredBase<L extends EntityLabel> extends Audit {
  readonly id: string;
  readonly label: L;
  /** The display name (a source's title); null only for a node written without one. */
  readonly name: string | null;
  /** The name's search key: what lists sort by. */
  readonly nameKey: string | null;
  /** The days a dated record covers (YYYY-MM-DD), derived from date, startDate and endDate. */
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  readonly formerSlugs: readonly string[];
  readonly mergedFrom: readonly MergedFromEntry[];
  readonly stored: StoredProperties;
}

/** What every entity of the graph (everything but a conflict) carries beside its label's fields. */
interface GraphEntityBase<L extends EntityLabel> extends StoredBase<L>, EvidenceSource {
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly sources: readonly string[];
  readonly citationEvidence: readonly string[];
  readonly citations: readonly StoredCitation[];
  readonly provenance: readonly StoredFieldProvenance[];
  readonly claims: readonly StoredClaim[];
  readonly completeness: readonly StoredCompleteness[];
}

type RowOf<L extends EntityLabel, S extends z.ZodType> = Stored<Omit<z.infer<S>, Replaced>> & GraphEntityBase<L>;

export type SourceRow = RowOf<'Source', typeof sourceSchema>;
export type OrganizationRow = RowOf<'Organization', typeof organizationSchema>;
export type PersonRow = RowOf<'Person', typeof personSchema>;
export type TldRow = RowOf<'Tld', typeof tldSchema>;
export type MemorandumRow = RowOf<'Memorandum', typeof memorandumSchema>;
export type EventRow = RowOf<'Event', typeof eventSchema>;
export type BodyRow = RowOf<'Body', typeof bodySchema>;
export type DocumentRow = RowOf<'Document', typeof documentSchema>;
export type TopicRow = RowOf<'Topic', typeof topicSchema>;
export type CountryRow = RowOf<'Country', typeof countrySchema>;
export type StatementRow = RowOf<'Statement', typeof statementSchema>;

/** A disagreement between sources: stored like an entity, but none of the graph's. */
export type ConflictRow = Stored<Omit<z.infer<typeof conflictSchema>, Replaced>> &
  StoredBase<'Conflict'> & {
    readonly sides: readonly ConflictSideRecord[];
    /** Every source its sides cite (derived by the loader). */
    readonly sources: readonly string[];
  };

/** An entity of the graph: what the API's Entity interface stands for. */
export type EntityRow =
  | SourceRow
  | OrganizationRow
  | PersonRow
  | TldRow
  | MemorandumRow
  | EventRow
  | BodyRow
  | DocumentRow
  | TopicRow
  | CountryRow
  | StatementRow;

/** Whatever an entity read by slug may be: an entity of the graph, or a conflict. */
export type StoredEntity = EntityRow | ConflictRow;

/** The row type of a label. */
export type RowOfLabel<L extends EntityLabel> = Extract<StoredEntity, { label: L }>;

/** Whether a stored entity has one of the given labels. */
export function hasLabel<L extends EntityLabel>(entity: StoredEntity | null | undefined, labels: readonly L[]): entity is RowOfLabel<L> {
  return entity !== null && entity !== undefined && labels.some((label) => label === entity.label);
}

export const isGraphEntity = (entity: StoredEntity | null | undefined): entity is EntityRow =>
  entity !== null && entity !== undefined && entity.label !== 'Conflict';

/** The labels of the graph's entities (every label but Conflict). */
export type GraphEntityLabel = EntityRow['label'];
