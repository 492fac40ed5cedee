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
  /** What the input called the record's slug: a problem with the record's id is reported under this name. */
  slugField: 'slug' | 'id';
  content: Record<string, Input[]>;
}

interface Citation {
  slug?: string | null;
  /** Deprecated: the old name of `slug`. */
  id?: string | null;
  source?: Input | null;
}

/**
 * Write inputs call an entity's slug `slug`, as the read side does (`id` is the Relay global ID
 * there). The old name, `id`, is still taken for one release, deprecated: both mean the slug.
 */
export function slugOf(input: Input): string | undefined {
  const given = input.slug ?? input.id;
  return typeof given === 'string' ? given : undefined;
}

/** Which of the two names an input used for its slug, so that a problem is reported under it. */
export function slugField(input: Input): 'slug' | 'id' {
  return input.slug == null && input.id != null ? 'id' : 'slug';
}

/**
 * The problems of the slug of an input (a record, a citation, an inline source) at `path`:
 * missing, or given under both names with two values.
 */
export function slugProblems(input: Input, path: string): { field: string; message: string }[] {
  if (input.slug == null && input.id == null) return [{ field: `${path}.slug`, message: 'missing: give the slug' }];
  if (input.slug != null && input.id != null && input.slug !== input.id) {
    return [{ field: `${path}.slug`, message: 'give "slug" or the deprecated "id", not both' }];
  }
  return [];
}

/** Every slug problem of an entity input: its own, then its citations' and their inline sources'. */
export function inputSlugProblems(input: Input, withOwn: boolean): { field: string; message: string }[] {
  const citations = Array.isArray(input.sources) ? (input.sources as Citation[]) : [];
  return [
    ...(withOwn ? slugProblems(input, 'input') : []),
    ...citations.flatMap((citation, index) =>
      citation.source
        ? slugProblems(citation.source, `input.sources[${index}].source`)
        : slugProblems(citation as Input, `input.sources[${index}]`),
    ),
  ];
}

/** ISO codes are stored in upper case; the CountryCode scalar also accepts "ru". */
const upperCased = new Set(['country', 'code']);

/**
 * The seed record for an input: the same fields, citations as slugs, URLs as text; absent and
 * null fields are left out, which is how an upsert removes them.
 */
export function seedRecord(input: Input): Input {
  const record: Input = {};
  const slug = slugOf(input);
  if (slug !== undefined) record.id = slug;
  for (const [field, value] of Object.entries(input)) {
    if (value === null || value === undefined || field === 'slug' || field === 'id') continue;
    if (field === 'sources' && Array.isArray(value)) {
      record.sources = (value as Citation[]).map(
        (citation) => slugOf(citation as Input) ?? (citation.source ? slugOf(citation.source) : undefined),
      );
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
    citation.source
      ? [
          {
            path: `input.sources[${index}].source`,
            slugField: slugField(citation.source),
            content: { sources: [seedRecord(citation.source)] },
          },
        ]
      : [],
  );
}

/** An entity input as records: the entity itself under "input", then each inline source. */
export function entityFiles(collection: string, input: Input): InputFile[] {
  return [{ path: 'input', slugField: slugField(input), content: { [collection]: [seedRecord(input)] } }, ...inlineSourceFiles(input)];
}

/** A relation input as records: the relation under "input", then each inline source. */
export function relationFiles(type: RelationType, input: Input): InputFile[] {
  return [{ path: 'input', slugField: 'slug', content: { relations: [{ type, ...seedRecord(input) }] } }, ...inlineSourceFiles(input)];
}

/** The slugs of the sources an input gives in full. */
export function inlineSourceIds(input: Input): string[] {
  const citations = Array.isArray(input.sources) ? (input.sources as Citation[]) : [];
  return citations.flatMap((citation) => {
    const slug = citation.source ? slugOf(citation.source) : undefined;
    return slug === undefined ? [] : [slug];
  });
}

/** A relation's identity, as the seed loader keys it: type|from|to|role|title. */
export function relationKey(type: RelationType, fields: { from: string; to: string; role?: string | null; title?: string | null }): string {
  return [type, fields.from, fields.to, fields.role ?? '', fields.title ?? ''].join('|');
}
