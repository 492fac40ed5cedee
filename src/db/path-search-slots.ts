/**
 * The search slot of cypher/queries/shortest-paths: the shortest-path search with only the
 * filters a request has, built from typed parts as relation-page-slots.ts builds a relation
 * page's. Written once with every filter behind `$x IS NULL OR …` and a UNION of a filtered and
 * an unfiltered branch (Neo4j does not fold an absent filter away, and evaluated it on every
 * relationship the search expanded), the statement carried both searches and their operators
 * into every plan: replayed straight to Neo4j, the benchmark's Q5 cost it about a tenth more CPU
 * than with the one search it needs.
 */

import { cypherDir } from './cypher-dir.ts';
import { withFragments } from './cypher-text.ts';

/** The filters a path's every relationship must pass, in the order their predicates are written. */
export const pathFilterNames = ['types', 'evidence', 'asOf'] as const;
export type PathFilterName = (typeof pathFilterNames)[number];

const pathFilterPredicates: Readonly<Record<PathFilterName, string>> = {
  types: 'type(r) IN $types',
  evidence: withFragments('{{include:fragments/evidence-filter(r)}}', cypherDir),
  asOf: withFragments('{{include:fragments/as-of(r)}}', cypherDir),
};

/**
 * The search for `filters`: every shortest path between a and b of up to 6 hops (a bound Cypher
 * takes no parameter for), at most 200 of them, each relationship passing the filters during
 * the search, not after it.
 */
export function pathSearch(filters: ReadonlySet<PathFilterName>): string {
  const predicates = pathFilterNames.filter((name) => filters.has(name)).map((name) => pathFilterPredicates[name]);
  const where = predicates.length === 0 ? '' : `\n  WHERE all(r IN relationships(p) WHERE ${predicates.join(' AND ')})`;
  return `MATCH p = allShortestPaths((a)-[*1..6]-(b))${where}\n  WITH p LIMIT 200`;
}

/** Every subset of the filters, for the slot's closed list. */
const everyFilterSet: Set<PathFilterName>[] = [new Set()];
for (const name of pathFilterNames) {
  for (const set of [...everyFilterSet]) everyFilterSet.push(new Set([...set, name]));
}

/** The closed list of the search slot, for cypher-files.ts's check. */
export const pathSearchSlotValues: Readonly<Record<'pathSearch', ReadonlySet<string>>> = {
  pathSearch: new Set(everyFilterSet.map(pathSearch)),
};
