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
 * Up to three entities the ranked search (the one behind `search`) finds for what was typed,
 * best first, of the given types when there are any; none when it holds no letter or digit. A
 * read's reference and a write's id use it alike.
 */
export async function candidatesFor(reader: StatementReader, typed: string, labels?: readonly EntityLabel[]): Promise<Candidate[]> {
  // A slug's hyphens separate words; a name is searched as typed.
  const query = slugPattern.test(typed) ? typed.replaceAll('-', ' ') : typed;
  const plan = planSearch(query.slice(0, 200));
  if (!plan) return [];
  const rows = await searchEntities(
    reader,
    searchStatementParameters(plan, labels && labels.length > 0 ? labels : null, searchedForCandidates),
  );
  // A candidate resembles the reference by a name (a name, an alias, its slug, a form), not by
  // words of its description: "vorobiev" listed, beside Andrey Vorobyev, a topic and ICANN,
  // whose descriptions name him.
  const named = rows.filter(({ entity }) => explainMatch(plan, entity.label, entity.id, searchedProperties(entity), 'name') !== null);
  return named.slice(0, candidateCount).map((row) => asCandidate(row.entity));
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
