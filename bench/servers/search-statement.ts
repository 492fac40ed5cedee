import { fileURLToPath } from 'node:url';
import { statementText } from '../../src/db/cypher-text.ts';

/**
 * Q4 is the same work for all three systems: B (through @cypher) and C run the very statement A
 * sends, cypher/queries/search.cypher, read at start-up, so they follow when search changes.
 * src/db/cypher-text.ts imports nothing else of govgraph's, so B's and C's processes load none
 * of govgraph's modules, whose memory would count against them (test/bench asserts the texts
 * are equal).
 */
export function searchStatement(): string {
  return statementText('queries/search', fileURLToPath(new URL('../../cypher', import.meta.url)));
}
