import { distance } from 'fastest-levenshtein';
import { type StatementReader, searchEntities } from '../db/repositories/lists.ts';
import type { EntityLabel } from '../domain/graph.ts';
import { slugPattern } from '../domain/rules.ts';
import type { StoredEntity } from '../domain/stored-entity.ts';
import { explainMatch, planSearch, searchedProperties, searchStatementParameters } from '../domain/text/search-query.ts';

/** An entity a reference that named nothing may have meant, as extensions.didYouMean lists it. */
export interface Candidate {
  slug: string;
  name: string;
  type: EntityLabel;
}

/** How many candidates a reference that named nothing lists. */
export const candidateCount = 3;

/**
 * Up to three entities for what was typed, best first, of the given types when there are any;
 * none when it holds no letter or digit. First the entities whose slug (or a former one) is one
 * or two edits from it, nearest first; then those the ranked search (the one behind `search`)
 * finds by a name. A read's reference and a write's id use it alike. One statement either way:
 * the near slugs are a stage of queries/search, read from a keyword index.
 */
export async function candidatesFor(reader: StatementReader, typed: string, labels?: readonly EntityLabel[]): Promise<Candidate[]> {
  // A slug's hyphens separate words; a name is searched as typed.
  const query = slugPattern.test(typed) ? typed.replaceAll('-', ' ') : typed;
  const plan = planSearch(query.slice(0, 200));
  if (!plan) return [];
  const slug = slugFormOf(typed.slice(0, 200));
  const edits = slug === null ? 0 : nearSlugEdits(slug);
  const rows = await searchEntities(reader, {
    ...searchStatementParameters(plan, labels && labels.length > 0 ? labels : null, searchedForCandidates),
    nearSlug: slug !== null && edits > 0 ? nearSlugTerm(slug, edits) : '',
  });
  // "tld-rux" is "tld-ru" misspelt, not any other domain whose slug shares the word "tld".
  const nearness = (entity: StoredEntity) =>
    slug === null ? Number.POSITIVE_INFINITY : Math.min(...[entity.id, ...entity.formerSlugs].map((one) => distance(one, slug)));
  const near = rows
    .map((row) => ({ entity: row.entity, edits: nearness(row.entity) }))
    .filter((row) => row.edits <= edits)
    .sort((a, b) => a.edits - b.edits)
    .map((row) => row.entity);
  // A candidate resembles the reference by a name (a name, an alias, its slug, a form), not by
  // words of its description: "vorobiev" listed, beside Andrey Vorobyev, a topic and ICANN,
  // whose descriptions name him.
  const named = rows
    .map((row) => row.entity)
    .filter((entity) => !near.includes(entity) && explainMatch(plan, entity.label, entity.id, searchedProperties(entity), 'name') !== null);
  return [...near, ...named].slice(0, candidateCount).map(asCandidate);
}

/**
 * The slug a reference gave, or the one its text would be as a slug ("RIPM" is "ripm", "Qratr
 * Labs" "qratr-labs"), to compare with the stored slugs; null when it has no letter or digit of
 * the Latin alphabet (slugs have no other).
 */
function slugFormOf(typed: string): string | null {
  const form = typed
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slugPattern.test(form) ? form : null;
}

/**
 * How many edits a near slug may be away: none below three characters (everything short is near
 * everything short), one up to five ("ripm", "ripn"), two from six (Lucene's most).
 */
function nearSlugEdits(slug: string): number {
  return slug.length < 3 ? 0 : slug.length <= 5 ? 1 : 2;
}

/** A fuzzy term of Lucene's syntax: a slug holds only letters, digits and hyphens, and the hyphen is escaped. */
function nearSlugTerm(slug: string, edits: number): string {
  return `${slug.replaceAll('-', '\\-')}~${edits}`;
}

// Hits asked for, of which the first candidateCount that resemble the reference by a name are kept.
const searchedForCandidates = 10;

/** An entity as a candidate lists it. */
export function asCandidate(entity: StoredEntity): Candidate {
  return { slug: entity.id, name: entity.name ?? entity.id, type: entity.label };
}

/** What a message adds for the candidates: `; did you mean "a", "b"?`, or nothing. */
export function didYouMeanHint(candidates: readonly Candidate[]): string {
  return candidates.length > 0 ? `; did you mean ${candidates.map((candidate) => `"${candidate.slug}"`).join(', ')}?` : '';
}
