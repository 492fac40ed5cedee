/**
 * Evidence as a reader sees it, derived from what the loader stores (validate.ts setEvidence):
 * one citation per source with its kind and basis, a claim's kind as the strongest of its
 * citations, and where each field's value comes from. The API, the explorer and the audit read
 * evidence only through these, so "strongest" and "which basis" mean the same everywhere.
 */
import { z } from 'zod';
import { type EntityLabel, relationKey } from './graph.ts';
import { type Evidence, entityCollections, evidenceKinds, metaFields } from './rules.ts';

export interface CitationRecord {
  source: string;
  evidence: Evidence;
  basis: string | null;
}

export interface FieldProvenanceRecord {
  field: string;
  value: string;
  evidence: Evidence;
  basis: string | null;
  sources: string[];
}

const evidence = z.enum(evidenceKinds);
const storedCitations = z.array(z.object({ source: z.string(), evidence, basis: z.string().optional() }));
const storedProvenance = z.array(
  z.object({ field: z.string(), evidence, basis: z.string().optional(), sources: z.array(z.string()).optional() }),
);
const storedClaims = z.array(
  z.object({
    field: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
    sources: z.array(z.string()),
    // Claims written before evidence existed read as stated, which is what they were taken for.
    evidence: evidence.default('STATED'),
    basis: z.string().optional(),
  }),
);

/** A stored JSON property, parsed by its schema; a missing or unreadable one reads as none. */
function storedJson<T>(props: Record<string, unknown>, name: string, schema: z.ZodType<T[]>): T[] {
  const raw = props[name];
  if (typeof raw !== 'string' || raw === '') return [];
  const parsed = schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

function strings(props: Record<string, unknown>, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function kindOf(value: unknown): Evidence | null {
  const parsed = evidence.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The strongest of some evidence kinds (STATED > INFERRED > EXTERNAL); EXTERNAL for none. */
export function strongestEvidence(kinds: readonly Evidence[]): Evidence {
  return evidenceKinds.find((kind) => kinds.includes(kind)) ?? 'EXTERNAL';
}

/**
 * One citation per source of a stored record or relationship. A source without an exception of
 * its own takes the record's evidence and basis. A source record cites itself.
 */
export function citationsOf(props: Record<string, unknown>): CitationRecord[] {
  const fallback = kindOf(props.evidence) ?? 'STATED';
  const recordBasis = typeof props.basis === 'string' ? props.basis : null;
  const exceptions = new Map(storedJson(props, 'citations', storedCitations).map((entry) => [entry.source, entry]));
  const kinds = strings(props, 'citationEvidence');
  return strings(props, 'sources').map((source, index) => {
    const exception = exceptions.get(source);
    if (exception) return { source, evidence: exception.evidence, basis: exception.basis ?? null };
    return { source, evidence: kindOf(kinds[index]) ?? fallback, basis: recordBasis };
  });
}

/** A claim's own evidence and basis: the strongest of its citations, and that citation's basis. */
export function claimEvidence(citations: readonly CitationRecord[]): { evidence: Evidence; basis: string | null } {
  const kind = strongestEvidence(citations.map((citation) => citation.evidence));
  const chosen = citations.find((citation) => citation.evidence === kind);
  return { evidence: kind, basis: kind === 'STATED' ? null : (chosen?.basis ?? null) };
}

export interface StoredClaim {
  field: string;
  value: string;
  sources: string[];
  evidence: Evidence;
  basis: string | null;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** The claims entries of a stored entity: the values of fields on which its sources disagree. */
export function claimsOf(props: Record<string, unknown>): StoredClaim[] {
  return storedJson(props, 'claims', storedClaims).map((claim) => ({
    field: claim.field,
    value: shown(claim.value),
    sources: claim.sources,
    evidence: claim.evidence,
    basis: claim.basis ?? null,
  }));
}

/** The fact-bearing fields a record of this label may have: every field but the bookkeeping ones. */
function factFields(label: EntityLabel): string[] {
  const collection = Object.values(entityCollections).find((entry) => entry.label === label);
  return (collection?.fields ?? []).filter((field) => !metaFields.has(field));
}

/**
 * Where each field's value comes from: the claims on the field when sources disagree (each value
 * with its own sources), and the value stored, unless a claim already gives it. The value stored
 * takes its field's own provenance entry, else the record's citations. `field` null: every
 * field that has a value (of an entity of `label`; a relationship, label null, names its field).
 */
export function fieldProvenanceOf(
  label: EntityLabel | null,
  props: Record<string, unknown>,
  field: string | null,
): FieldProvenanceRecord[] {
  const fields = field !== null ? [field] : label !== null ? factFields(label) : [];
  const citations = citationsOf(props);
  const own = claimEvidence(citations);
  const entries = new Map(storedJson(props, 'provenance', storedProvenance).map((entry) => [entry.field, entry]));
  const claims = claimsOf(props);
  const result: FieldProvenanceRecord[] = [];
  for (const name of fields) {
    const value = props[name];
    const onField = claims.filter((claim) => claim.field === name);
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) {
      const text = shown(value);
      if (!onField.some((claim) => claim.value === text)) {
        const entry = entries.get(name);
        result.push(
          entry
            ? {
                field: name,
                value: text,
                evidence: entry.evidence,
                basis: entry.basis ?? null,
                sources: entry.sources ?? citations.map((citation) => citation.source),
              }
            : { field: name, value: text, ...own, sources: citations.map((citation) => citation.source) },
        );
      }
    }
    for (const claim of onField) result.push(claim);
  }
  return result;
}

/** The fields whose values come from outside the sources, "record" when the whole record does: the old externalFacts. */
export function externalFactsOf(props: Record<string, unknown>): string[] {
  const citations = citationsOf(props);
  if (citations.length > 0 && claimEvidence(citations).evidence === 'EXTERNAL') return ['record'];
  return storedJson(props, 'provenance', storedProvenance)
    .filter((entry) => entry.evidence === 'EXTERNAL')
    .map((entry) => entry.field);
}

const storedCompleteness = z.array(
  z.object({
    relation: z.string(),
    direction: z.enum(['out', 'in', 'both']),
    complete: z.boolean(),
    sources: z.array(z.string()),
    evidence,
    basis: z.string().optional(),
  }),
);

export interface CompletenessEntry {
  complete: boolean;
  sources: string[];
  evidence: Evidence;
  basis: string | null;
}

/**
 * What a source says about the completeness of an entity's list of one relation type seen from
 * one end; null when no source says anything about it.
 */
export function completenessOf(props: Record<string, unknown>, relation: string, direction: string): CompletenessEntry | null {
  const entry = storedJson(props, 'completeness', storedCompleteness).find(
    (candidate) => candidate.relation === relation && candidate.direction === direction,
  );
  return entry ? { complete: entry.complete, sources: entry.sources, evidence: entry.evidence, basis: entry.basis ?? null } : null;
}

const storedSides = z.array(
  z.object({
    value: z.string().optional(),
    relation: z
      .object({ type: z.string(), from: z.string(), to: z.string(), role: z.string().optional(), title: z.string().optional() })
      .optional(),
    sources: z.array(z.string()),
    evidence,
    basis: z.string().optional(),
  }),
);

export interface ConflictSideRecord {
  value: string | null;
  /** The relationship's identity, type|from|to|role|title, as relationships are keyed. */
  relationKey: string | null;
  sources: string[];
  evidence: Evidence;
  basis: string | null;
}

/** The sides of a stored conflict, in the order they were given. */
export function conflictSidesOf(props: Record<string, unknown>): ConflictSideRecord[] {
  return storedJson(props, 'sides', storedSides).map((side) => ({
    value: side.value ?? null,
    relationKey: side.relation ? relationKey(side.relation.type, side.relation) : null,
    sources: side.sources,
    evidence: side.evidence,
    basis: side.basis ?? null,
  }));
}

/**
 * Where the date of a dated record or relationship comes from (a timeline entry's): the value
 * stored in `date`, else in `startDate`, with its own provenance or claim, else the citations.
 */
export function dateProvenanceOf(props: Record<string, unknown>): FieldProvenanceRecord | null {
  const field = typeof props.date === 'string' ? 'date' : 'startDate';
  const value = props[field];
  if (typeof value !== 'string') return null;
  return fieldProvenanceOf(null, props, field).find((entry) => entry.value === value) ?? null;
}
