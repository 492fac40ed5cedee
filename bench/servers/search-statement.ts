import { readFileSync } from 'node:fs';

/**
 * Q4 is the same work for all three systems: B (through @cypher) and C run the very statement A
 * sends, cypher/queries/search.cypher, read at start-up, so they follow when search changes.
 * Comment lines are dropped as src/db/cypher-files.ts drops them (test/bench asserts the two
 * texts are equal); the file is read here rather than through src/ so that B's and C's
 * processes load none of govgraph's modules, whose memory would count against them.
 */
export function searchStatement(): string {
  return readFileSync(new URL('../../cypher/queries/search.cypher', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}
