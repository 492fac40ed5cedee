/**
 * Rebuilds a view from a permalink by asking the API the same questions again: each expanded
 * neighbourhood in order, then the path search; hidden, pinned, filters and selection follow.
 */
import type { EntitySummary, Subgraph } from './api/shapes.ts';
import type { Permalink } from './model/permalink.ts';
import { emptyView, type View, viewReducer } from './model/view.ts';

/** What a restore asks of the explorer's API (explorer-api.ts): the neighbourhoods, and a path search's ends and paths. */
export interface RestoreApi {
  neighborhood(id: string, depth: number): Promise<Subgraph>;
  entities(ids: readonly string[]): Promise<EntitySummary[]>;
  paths(from: string, to: string, maxHops: number, throughCountries: boolean): Promise<Subgraph[]>;
}

export async function restoreView(api: RestoreApi, link: Permalink): Promise<View> {
  let view: View = { ...emptyView, depth: link.depth };
  for (const [index, id] of link.expanded.entries()) {
    const subgraph = await api.neighborhood(id, link.depth);
    view = viewReducer(view, { type: index === 0 ? 'start' : 'expand', around: id, subgraph });
  }
  if (link.path) {
    const [from, to] = await api.entities([link.path.from, link.path.to]);
    if (from && to) {
      const { maxHops, throughCountries } = link.path;
      const paths = await api.paths(from.id, to.id, maxHops, throughCountries);
      view = viewReducer(view, { type: 'path', search: { from, to, maxHops, throughCountries, paths } });
    }
  }
  // The explorer writes global IDs; a link written by hand may name entities by slug, as
  // `expand` (the API's neighborhood) already takes them: each is read as the entity in view.
  const bySlug = new Map([...view.entities.values()].map((entity) => [entity.slug, entity.id]));
  const idOf = (ref: string) => (view.entities.has(ref) ? ref : (bySlug.get(ref) ?? ref));
  const selection = link.selection?.kind === 'entity' ? { kind: 'entity' as const, id: idOf(link.selection.id) } : link.selection;
  return {
    ...view,
    // As ids too, or the canvas did not draw a hand-linked entity as the view's centre.
    expanded: view.expanded.map(idOf),
    hidden: new Set(link.hidden.map(idOf)),
    pinned: new Map(link.pinned.map((pin) => [idOf(pin.id), pin.at])),
    filters: link.filters,
    selection,
    mode: link.mode,
    depth: link.depth,
  };
}
