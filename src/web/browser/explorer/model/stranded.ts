import { emptyFilters, type View, type Visible, visibleOf } from './view.ts';

/**
 * How many entities in view the filters leave without any relation, though they have one in
 * view without them: brought in by a relation the filters now take out, they float unconnected
 * and read as part of the answer (a kind of entity filtered out strands its neighbours too). The
 * expanded entities are in view on their own account.
 */
export function strandedByFilters(view: View, visible: Visible): number {
  const linked = (edges: Visible['edges']) => new Set(edges.flatMap((edge) => [edge.from.id, edge.to.id]));
  const linkedNow = linked(visible.edges);
  const linkedUnfiltered = linked(visibleOf({ ...view, filters: emptyFilters }).edges);
  const roots = new Set(view.expanded);
  return visible.entities.filter((entity) => !roots.has(entity.id) && !linkedNow.has(entity.id) && linkedUnfiltered.has(entity.id)).length;
}
