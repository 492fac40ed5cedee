import type { EntitySummary } from '../api/shapes.ts';

/**
 * Whether how far neighbourhoods reach (1–3 hops) changes anything in a view that expanded
 * `expanded` (ids of entities in `entities`). A source has no relation of its own: its
 * neighbours are the records it is cited for (explorer-api.ts), the same at any depth, and the
 * API's `Source.supports` takes no depth to go farther. With nothing expanded yet the depth is
 * for the next search, so it applies.
 */
export function depthApplies(expanded: readonly string[], entities: ReadonlyMap<string, EntitySummary>): boolean {
  return expanded.length === 0 || expanded.some((id) => entities.get(id)?.__typename !== 'Source');
}

/** Whether the neighbourhood asked around `around` (an id or a slug) is a source's. */
export function isSourceNeighbourhood(around: string, nodes: readonly EntitySummary[]): boolean {
  return nodes.find((entity) => entity.id === around || entity.slug === around)?.__typename === 'Source';
}
