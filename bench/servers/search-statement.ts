import { fileURLToPath } from 'node:url';
import { statementText } from '../../src/db/cypher-text.ts';

/**
 * What A's Q4 selection (`node { slug name }`) reads of each hit, in the order of the record view
 * A computes from it (src/schema/record-view.ts): the statement returns each hit's values as a
 * list in this order, not its whole record.
 */
export const searchHitProperties = ['id', 'label', 'name'] as const;

/** Where a property of `searchHitProperties` stands in a hit's list of values. */
export function searchHitIndex(name: (typeof searchHitProperties)[number]): number {
  return searchHitProperties.indexOf(name);
}

/**
 * Q4 is the same work for all three systems: B (through @cypher) and C run the very statement A
 * sends, cypher/queries/search.cypher, read at start-up with its record slot filled as A fills it
 * for Q4's selection, so they follow when search changes. src/db/cypher-text.ts imports nothing
 * else of govgraph's, so B's and C's processes load none of govgraph's modules, whose memory
 * would count against them (test/bench compares the text with the one A sends).
 */
export function searchStatement(cypherDir = fileURLToPath(new URL('../../cypher', import.meta.url))): string {
  const text = statementText('queries/search', cypherDir);
  return text.replace('{{rowRecord}}', `[${searchHitProperties.map((name) => `n.${name}`).join(', ')}]`);
}
