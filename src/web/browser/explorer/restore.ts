/**
 * Rebuilds a view from a permalink by asking the API the same questions again: each expanded
 * neighbourhood in order, then the path search; hidden, pinned, filters and selection follow.
 */
import type { ExplorerApi } from './explorer-api.ts';
import type { Permalink } from './model/permalink.ts';
import { emptyView, type View, viewReducer } from './model/view.ts';

export async function restoreView(api: ExplorerApi, link: Permalink): Promise<View> {
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
  return {
    ...view,
    hidden: new Set(link.hidden),
    pinned: new Map(link.pinned.map((pin) => [pin.id, pin.at])),
    filters: link.filters,
    selection: link.selection,
    mode: link.mode,
    depth: link.depth,
  };
}
