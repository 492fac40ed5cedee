/**
 * The answer slot of cypher/queries/timeline and timeline-graph: a page of dated facts, or how
 * many there are in all (the connection's totalCount). Both read the same facts through the same
 * window, filters and indexes; only what the statement does with them differs, so the count is
 * the page's statement with another ending rather than a second copy of its twenty branches.
 */

import { cypherDir } from './cypher-dir.ts';
import { withFragments } from './cypher-text.ts';

/** The `{{timelineAnswer}}` slot's two values. */
export const timelineAnswers = {
  /** The first $limit facts in (first day, key) order, each with its record. */
  page: withFragments(
    `ORDER BY dateFrom, key
LIMIT $limit
RETURN coalesce(fact.date, fact.startDate) AS date, fact.endDate AS endDate, dateFrom, fact.dateTo AS dateTo, key,
  {{include:fragments/entity-props(node)}} AS entity,
  CASE WHEN relation IS NULL THEN null ELSE {id: elementId(relation), type: type(relation), from: startNode(relation).id,
    to: endNode(relation).id, props: {{include:fragments/relation-props(relation)}}} END AS edge,
  {{include:fragments/entity-props(other)}} AS other`,
    cypherDir,
  ),
  /** How many facts there are, the keyset and $limit left open by the caller. */
  count: 'RETURN count(*) AS total',
} as const;

/** The closed list of cypher-files.ts's check. */
export const timelineSlotValues: Readonly<Record<'timelineAnswer', ReadonlySet<string>>> = {
  timelineAnswer: new Set(Object.values(timelineAnswers)),
};
