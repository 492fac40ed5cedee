/**
 * Evidence as a reader sees it, derived from what the loader stores (validate.ts setEvidence):
 * one citation per source with its kind and basis, a claim's kind as the strongest of its
 * citations, and where each field's value comes from. The API, the explorer and the audit read
 * evidence only through these, so "strongest" and "which basis" mean the same everywhere.
 * They read a decoded record (src/domain/stored-entity.ts): an entity's row, or a relationship's
 * evidence decoded by evidenceSourceOf.
 */
import type { EntityLabel } from './graph.ts';
import { type Evidence, entityCollections, evidenceKinds, metaFields } from './rules.ts';
import {
  type EvidenceSource,
  evidenceIn,
  type StoredClaim,
  type StoredCompleteness,
  type StoredFieldProvenance,
  shownValue,
  textIn,
} from './stored-entity.ts';

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
  /**
   * Whether `sources` are the record's, given for a value that has no sources of its own: each of
   * them cites the record, and not every one need write this value.
   */
  sourcesFromRecord: boolean;
}

/**
 * The kinds of evidence anything in a record stands on: its citations, its fields' provenance and
 * its claims, in the order of evidenceKinds. Stored as an entity's `valueEvidence`, which the root
 * lists' `evidence` filter reads: `organizations(evidence: [EXTERNAL])` finds the records holding a
 * value from outside the sources (an ISO code, a punycode alias), which no citation is.
 */
export function valueEvidenceOf(
  citationEvidence: readonly string[],
  provenance: readonly { evidence?: unknown }[],
  claims: readonly { evidence?: unknown }[],
): Evidence[] {
  const found = new Set<unknown>([
    ...citationEvidence,
    ...provenance.map((entry) => entry.evidence),
    ...claims.map((claim) => claim.evidence),
  ]);
  return evidenceKinds.filter((kind) => found.has(kind));
}

/** The strongest of some evidence kinds (STATED > INFERRED > EXTERNAL); EXTERNAL for none. */
export function strongestEvidence(kinds: readonly Evidence[]): Evidence {
  return evidenceKinds.find((kind) => kinds.includes(kind)) ?? 'EXTERNAL';
}

/**
 * One citation per source of a stored record or relationship. A source without an exception of
 * its own takes the record's evidence and basis. A source record cites itself.
 */
export function citationsOf(record: EvidenceSource): CitationRecord[] {
  const fallback = record.evidence ?? 'STATED';
  const exceptions = new Map(record.citations.map((entry) => [entry.source, entry]));
  const kinds = record.citationEvidence;
  return record.sources.map((source, index) => {
    const exception = exceptions.get(source);
    if (exception) return { source, evidence: exception.evidence, basis: exception.basis };
    return { source, evidence: evidenceIn(kinds[index]) ?? fallback, basis: record.basis };
  });
}

/** A claim's own evidence and basis: the strongest of its citations, and that citation's basis. */
export function claimEvidence(citations: readonly CitationRecord[]): { evidence: Evidence; basis: string | null } {
  const kind = strongestEvidence(citations.map((citation) => citation.evidence));
  const chosen = citations.find((citation) => citation.evidence === kind);
  return { evidence: kind, basis: kind === 'STATED' ? null : (chosen?.basis ?? null) };
}

/** The fact-bearing fields a record of this label may have: every field but the bookkeeping ones. */
function factFields(label: EntityLabel): string[] {
  const collection = Object.values(entityCollections).find((entry) => entry.label === label);
  return (collection?.fields ?? []).filter((field) => !metaFields.has(field));
}

/**
 * Fields the API shows under another name than the one they are stored and cited under: a
 * memorandum's title is its name, a TLD's Unicode form its name.
 */
const shownAs: Partial<Record<EntityLabel, Readonly<Record<string, string>>>> = {
  Memorandum: { title: 'name' },
  Tld: { unicode: 'name' },
};

/**
 * The stored field that `field` names on an entity of `label`, by its stored or its shown name,
 * or the names it could have been: `provenance(field: "title")` of a memorandum answered [] where
 * the title is stored as its name, and a misspelt field answered [] alike.
 */
export function provenanceFieldOf(label: EntityLabel, field: string): { stored: string } | { allowed: string[] } {
  const fields = factFields(label);
  const shown = shownAs[label] ?? {};
  const stored = shown[field] ?? (fields.includes(field) ? field : undefined);
  return stored !== undefined ? { stored } : { allowed: [...fields, ...Object.keys(shown)].sort() };
}

/**
 * Where each field's value comes from: the claims on the field when sources disagree (each value
 * with its own sources), and the value stored, unless a claim already gives it. The value stored
 * takes its field's own provenance entry, else the record's citations; a value of a list with an
 * entry of its own (a TLD's punycode alias, outside knowledge among stated ones) comes apart from
 * the rest of the list, which is then shown without it. `field` null: every
 * field that has a value (of an entity of `label`; a relationship, label null, names its field).
 */
export function fieldProvenanceOf(label: EntityLabel | null, record: EvidenceSource, field: string | null): FieldProvenanceRecord[] {
  const fields = field !== null ? [field] : label !== null ? factFields(label) : [];
  const citations = citationsOf(record);
  const own = claimEvidence(citations);
  const cited = citations.map((citation) => citation.source);
  // The field's own entry (no value), and for a list, the entries of single values of it.
  const entries = new Map(record.provenance.filter((entry) => entry.value === null).map((entry) => [entry.field, entry]));
  const ofValue = (entry: StoredFieldProvenance, value: string): FieldProvenanceRecord => ({
    field: entry.field,
    value,
    evidence: entry.evidence,
    basis: entry.basis,
    // An entry without sources of its own reads the record's; outside knowledge comes from none
    // of them (a punycode form, an ISO code), unless the entry names one.
    sources: entry.sources ?? (entry.evidence === 'EXTERNAL' ? [] : cited),
    sourcesFromRecord: entry.sources === null && entry.evidence !== 'EXTERNAL',
  });
  const result: FieldProvenanceRecord[] = [];
  for (const name of fields) {
    // Every fact field alike, by its name: the one generic read of a record's values.
    const value = record.stored[name];
    const onField = record.claims.filter((claim) => claim.field === name);
    const single = record.provenance.flatMap((entry) =>
      entry.field === name && entry.value !== null ? [{ entry, value: entry.value }] : [],
    );
    // A list's values with an entry of their own are given apart, and the rest of the list together.
    const rest = Array.isArray(value) ? value.filter((item) => !single.some((one) => one.value === item)) : value;
    if (rest !== undefined && rest !== null && !(Array.isArray(rest) && rest.length === 0)) {
      const text = shownValue(rest);
      if (!onField.some((claim) => claim.value === text)) {
        const entry = entries.get(name);
        result.push(entry ? ofValue(entry, text) : { field: name, value: text, ...own, sources: cited, sourcesFromRecord: true });
      }
    }
    for (const one of single) result.push(ofValue(one.entry, one.value));
    for (const claim of onField) result.push(claimEntry(claim));
  }
  return result;
}

const claimEntry = (claim: StoredClaim): FieldProvenanceRecord => ({
  field: claim.field,
  value: claim.value,
  sources: claim.sources,
  evidence: claim.evidence,
  basis: claim.basis,
  sourcesFromRecord: false,
});

/** The fields whose values come from outside the sources, "record" when the whole record does: the old externalFacts. */
export function externalFactsOf(record: EvidenceSource): string[] {
  const citations = citationsOf(record);
  if (citations.length > 0 && claimEvidence(citations).evidence === 'EXTERNAL') return ['record'];
  return record.provenance.filter((entry) => entry.evidence === 'EXTERNAL').map((entry) => entry.field);
}

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
export function completenessOf(stated: readonly StoredCompleteness[], relation: string, direction: string): CompletenessEntry | null {
  const entry = stated.find((candidate) => candidate.relation === relation && candidate.direction === direction);
  return entry ? { complete: entry.complete, sources: entry.sources, evidence: entry.evidence, basis: entry.basis } : null;
}

/**
 * Where the date of a dated record or relationship comes from (a timeline entry's): the value
 * stored in `date`, else in `startDate`, with its own provenance or claim, else the citations.
 */
export function dateProvenanceOf(record: EvidenceSource): FieldProvenanceRecord | null {
  const field = textIn(record.stored.date) !== null ? 'date' : 'startDate';
  const value = textIn(record.stored[field]);
  if (value === null) return null;
  return fieldProvenanceOf(null, record, field).find((entry) => entry.value === value) ?? null;
}
