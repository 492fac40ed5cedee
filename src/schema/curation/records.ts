/**
 * Mutation inputs as seed records. The inputs mirror the seed format field for field, so a
 * write is checked by the seed validator and written by the seed loader's upserts: one set of
 * rules, whether a fact comes from a seed file or from the API.
 */
import type { RelationType } from '../../domain/graph.ts';

export type Input = Record<string, unknown>;

/** One record as the validator reads it, and the argument path its problems are reported under. */
export interface InputFile {
  /** e.g. "input" or "input.sources[1].source". */
  path: string;
  content: Record<string, Input[]>;
}

interface Citation {
  id?: string | null;
  source?: Input | null;
}

/** ISO codes are stored in upper case; the CountryCode scalar also accepts "ru". */
const upperCased = new Set(['country', 'code']);

/**
 * The seed record for an input: the same fields, citations as slugs, URLs as text; absent and
 * null fields are left out, which is how an upsert removes them.
 */
export function seedRecord(input: Input): Input {
  const record: Input = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (field === 'sources' && Array.isArray(value)) {
      record.sources = (value as Citation[]).map((citation) => citation.id ?? citation.source?.id);
    } else if (Array.isArray(value)) {
      record[field] = value.map(withoutNulls);
    } else if (value instanceof URL) {
      record[field] = value.href;
    } else if (upperCased.has(field) && typeof value === 'string') {
      record[field] = value.toUpperCase();
    } else {
      record[field] = value;
    }
  }
  return record;
}

/** A nested input object (a claim, a citation's evidence) as a seed object: null fields left out. */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined));
}

/** The sources given in full among an input's citations, each with its argument path. */
function inlineSourceFiles(input: Input): InputFile[] {
  const citations = Array.isArray(input.sources) ? (input.sources as Citation[]) : [];
  return citations.flatMap((citation, index) =>
    citation.source ? [{ path: `input.sources[${index}].source`, content: { sources: [seedRecord(citation.source)] } }] : [],
  );
}

/** An entity input as records: the entity itself under "input", then each inline source. */
export function entityFiles(collection: string, input: Input): InputFile[] {
  return [{ path: 'input', content: { [collection]: [seedRecord(input)] } }, ...inlineSourceFiles(input)];
}

/** A relation input as records: the relation under "input", then each inline source. */
export function relationFiles(type: RelationType, input: Input): InputFile[] {
  return [{ path: 'input', content: { relations: [{ type, ...seedRecord(input) }] } }, ...inlineSourceFiles(input)];
}

/** The slugs of the sources an input gives in full. */
export function inlineSourceIds(input: Input): string[] {
  const citations = Array.isArray(input.sources) ? (input.sources as Citation[]) : [];
  return citations.flatMap((citation) => (citation.source && typeof citation.source.id === 'string' ? [citation.source.id] : []));
}

/** A relation's identity, as the seed loader keys it: type|from|to|role|title. */
export function relationKey(type: RelationType, fields: { from: string; to: string; role?: string | null; title?: string | null }): string {
  return [type, fields.from, fields.to, fields.role ?? '', fields.title ?? ''].join('|');
}
