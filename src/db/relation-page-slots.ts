/**
 * The filter and keyset slots of the relation-page statements (cypher/queries/relation-pages,
 * relation-pages-with-parts and each level of a planned read, cypher/planned/relation-level),
 * built from typed parts as entity-page-slots.ts builds the entity page's.
 *
 * Written as `($labels IS NULL OR b.label IN $labels)` for every filter, each statement carried
 * every absent filter and keyset bound twice (the count and the page): a planned Q3 was 7 KB of
 * text, which the driver writes in 1,400-byte pieces, a socket write each, and Neo4j evaluated
 * the absent filters on every relationship it read. A slot holds only the predicates a request
 * has, each after `AND`, behind a `WHERE true` in the statement.
 */

import { cypherDir } from './cypher-dir.ts';
import { withFragments } from './cypher-text.ts';

/** The filters of a relation connection, in the order their predicates are written. */
export const relationFilterNames = ['labels', 'roles', 'evidence', 'asOf'] as const;
export type RelationFilterName = (typeof relationFilterNames)[number];

const relationFilterPredicates: Readonly<Record<RelationFilterName, string>> = {
  labels: 'b.label IN $labels',
  roles: 'r.role IN $roles',
  // The shared fragments, as every statement that walks relations includes them.
  evidence: withFragments('{{include:fragments/evidence-filter(r)}}', cypherDir),
  asOf: withFragments('{{include:fragments/as-of(r)}}', cypherDir),
};

/** The `{{relationFilters}}` slot: the predicates of the filters given, in a fixed order. */
export function relationFiltersSlot(given: ReadonlySet<RelationFilterName>): string {
  return relationFilterNames
    .filter((name) => given.has(name))
    .map((name) => `AND ${relationFilterPredicates[name]}`)
    .join(' ');
}

/**
 * The `{{edgeBounds}}` slot: the page's exclusive keyset bounds on (k, r.key) in ascending order,
 * whatever order the client asked for, each only when the request has it ($lowerKey/$lowerId,
 * $upperKey/$upperId): "after" is the lower bound of an ascending page, the upper of a
 * descending one.
 */
export function edgeBoundsSlot(lower: boolean, upper: boolean): string {
  const bounds: string[] = [];
  if (lower) bounds.push('AND (k > $lowerKey OR (k = $lowerKey AND r.key > $lowerId))');
  if (upper) bounds.push('AND (k < $upperKey OR (k = $upperKey AND r.key < $upperId))');
  return bounds.join(' ');
}

/** What a relation connection can be ordered by (its `orderBy`). */
export const relationOrders = ['NAME', 'DATE'] as const;
export type RelationOrder = (typeof relationOrders)[number];

/**
 * The `{{edgeSortKey}}` slot, k: the other end's name key; or the relationship's own first day, else
 * the other end's (a signature dated by its memorandum, a participation by its event), as
 * `timeline(actor:)` dates a relationship, undated ones first ('').
 */
export const edgeSortKeySlots: Readonly<Record<RelationOrder, string>> = {
  NAME: "coalesce(b.nameKey, '')",
  DATE: "coalesce(r.dateFrom, b.dateFrom, '')",
};

/** Every value each slot can take: the closed lists filledCypher checks these slots against. */
export const relationPageSlotValues: Readonly<Record<'relationFilters' | 'edgeBounds' | 'edgeSortKey', ReadonlySet<string>>> = (() => {
  const subsets = relationFilterNames.reduce<RelationFilterName[][]>(
    (all, name) => all.flatMap((subset) => [subset, [...subset, name]]),
    [[]],
  );
  return {
    relationFilters: new Set(subsets.map((subset) => relationFiltersSlot(new Set(subset)))),
    edgeBounds: new Set([false, true].flatMap((lower) => [false, true].map((upper) => edgeBoundsSlot(lower, upper)))),
    edgeSortKey: new Set(Object.values(edgeSortKeySlots)),
  };
})();
