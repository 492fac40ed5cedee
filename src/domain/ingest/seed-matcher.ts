import type { SeedGraph } from '../graph.ts';
import { AliasMatcher, isLinkedLabel, matcherEntity } from './matcher.ts';

/** A matcher over a validated seed graph: what the quality script and the unit tests link against. */
export function matcherFromSeed(graph: SeedGraph): AliasMatcher {
  const entities = graph.nodes.filter((node) => isLinkedLabel(node.label)).map((node) => matcherEntity(node.label, node.id, node.props));
  return new AliasMatcher(
    entities,
    graph.relations.map((relation) => [relation.from, relation.to] as const),
  );
}
