/**
 * The parts slot of cypher/queries/shortest-paths(-excluding): how the entities and
 * relationships on the paths come back.
 *
 * Whole records are listed once each, and each path names its entities by slug and its
 * relationships by element id: records are large and paths share most of them. Through a record
 * view (src/db/record-view.ts), each path carries its entities' and relationships' values inline:
 * a view's values are a few short strings, so repeating them on every path costs less than
 * listing each once. Replayed straight to Neo4j (bench/replay.ts, variant inline-view), the
 * benchmark's Q5 statement cost 0.855 CPU-ms listed and 0.781 inline, C's 0.746
 * (bench/results/2026-12-05-replay-Q5-10k.md): the COLLECT subqueries with DISTINCT and the
 * element ids were most of the difference with C.
 */

import { cypherDir } from './cypher-dir.ts';
import { withFragments } from './cypher-text.ts';
import { propertyList, type SlotValues, writtenSlotOf } from './record-view.ts';

/** Whole records, each once: `paths` name them, `entities` and `relations` hold them. */
export const listedPathParts = withFragments(
  `RETURN [p IN found | {nodes: [n IN nodes(p) | n.id], edges: [r IN relationships(p) | elementId(r)]}] AS paths,
    COLLECT { UNWIND found AS q UNWIND nodes(q) AS n WITH DISTINCT n
      RETURN {{include:fragments/entity-props(n)}} } AS entities,
    COLLECT { UNWIND found AS q UNWIND relationships(q) AS r WITH DISTINCT r
      RETURN {id: elementId(r), type: type(r), from: startNode(r).id, to: endNode(r).id,
        props: {{include:fragments/relation-props(r)}}} } AS relations`,
  cypherDir,
);

/**
 * The relationship properties an inline path reads: the view's, and the key, which names a
 * relationship (its record's id) where a listed one has its element id.
 */
export function inlineRelationNames(names: readonly string[]): string[] {
  return [...new Set([...names, 'key'])].sort();
}

/**
 * Each path's entities as the values of `entity` (sorted names), and each relationship as its
 * start node's slug, its type and the values of `relation` (with the key); `entities` and
 * `relations` empty.
 */
export function inlinePathParts(entity: readonly string[], relation: readonly string[]): string {
  const nodes = `[n IN nodes(p) | ${propertyList('n', entity)}]`;
  const edges = `[r IN relationships(p) | [startNode(r).id, type(r), ${propertyList('r', inlineRelationNames(relation))}]]`;
  return `RETURN [p IN found | {nodes: ${nodes}, edges: ${edges}}] AS paths, [] AS entities, [] AS relations`;
}

/**
 * The slot's closed list: the listed text, and any text inlinePathParts writes for names of the
 * closed list of stored properties (read back from its first two lists; the two empty lists after
 * them are text the writer always writes).
 */
export const pathPartsSlotValues: Readonly<Record<'pathParts', SlotValues>> = {
  pathParts: writtenSlotOf([listedPathParts], ([entity = [], relation = []]) => inlinePathParts(entity, relation)),
};
