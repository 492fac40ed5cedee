/**
 * Rebuilds a view from a permalink by asking the API the same questions again: each expanded
 * neighbourhood in order, then the path search (under the link's filters, as the explorer asked
 * it), then the selected entity's neighbourhood when those did not bring it; hidden, pinned,
 * filters and selection follow.
 */
import type { EntitySummary, Subgraph } from './api/shapes.ts';
import { errorMessage } from './model/error-message.ts';
import type { Neighbourhood } from './model/neighbourhood-cut.ts';
import { depthApplies } from './model/neighbourhood-depth.ts';
import { type PathNarrowing, pathNarrowing } from './model/path-narrowing.ts';
import type { Permalink } from './model/permalink.ts';
import { emptyView, type View, viewReducer } from './model/view.ts';

/** What a restore asks of the explorer's API (explorer-api.ts): the neighbourhoods, and a path search's ends and paths. */
export interface RestoreApi {
  neighborhood(id: string, depth: number): Promise<Neighbourhood>;
  entities(ids: readonly string[]): Promise<EntitySummary[]>;
  paths(from: string, to: string, maxHops: number, throughCountries: boolean, narrowing?: PathNarrowing): Promise<Subgraph[]>;
}

/**
 * The view the link holds, as much of it as can be restored: an id the API does not know (or
 * cannot answer for) is left out and named in `problems`, each as “<id>: <why>”, so one bad id
 * among good ones does not cost the good ones. What the link asks that the view does not apply
 * (the link's own `notApplied`, a depth a source's neighbourhood cannot take, a relation not in
 * view) is named in `notApplied`, each as “<parameter>=<value>: <why>”: the view is restored
 * without it, and the reader told.
 */
export async function restoreView(api: RestoreApi, link: Permalink, problems: string[] = [], notApplied: string[] = []): Promise<View> {
  notApplied.push(...link.notApplied);
  let view: View = { ...emptyView, depth: link.depth };
  for (const id of link.expanded) {
    try {
      const subgraph = await api.neighborhood(id, link.depth);
      view = viewReducer(view, { type: view.expanded.length === 0 ? 'start' : 'expand', around: id, subgraph });
    } catch (error) {
      problems.push(`${id}: ${errorMessage(error)}`);
    }
  }
  if (link.path) {
    const { from: fromRef, to: toRef, maxHops, throughCountries } = link.path;
    try {
      const ends = await api.entities([fromRef, toRef]);
      const find = (ref: string) => ends.find((entity) => entity.id === ref || entity.slug === ref);
      const [from, to] = [find(fromRef), find(toRef)];
      // Said, not skipped: an unknown end left "Restoring the linked view…" on the status line for ever.
      for (const [ref, end] of [
        [fromRef, from],
        [toRef, to],
      ] as const)
        if (!end) problems.push(`${ref}: no entity has this id or slug, so the paths to it cannot be found`);
      if (from && to) {
        const paths = await api.paths(from.id, to.id, maxHops, throughCountries, pathNarrowing(link.filters, throughCountries));
        view = viewReducer(view, { type: 'path', search: { from, to, maxHops, throughCountries, paths } });
      }
    } catch (error) {
      problems.push(`the paths from ${fromRef} to ${toRef}: ${errorMessage(error)}`);
    }
  }
  // The explorer writes global IDs; a link written by hand may name entities by slug, as
  // `expand` (the API's neighborhood) already takes them: each is read as the entity in view.
  let bySlug = new Map([...view.entities.values()].map((entity) => [entity.slug, entity.id]));
  const idOf = (ref: string) => (view.entities.has(ref) ? ref : (bySlug.get(ref) ?? ref));
  // A link that names an entity the rest of it does not bring into view (`?entity=itu` alone, a
  // hand-written link) is sent to show that entity: it is opened with its neighbours, as a search
  // would open it, rather than leaving an empty explorer or a selection of nothing.
  const wanted = link.selection?.kind === 'entity' ? link.selection.id : null;
  // One the link expands already failed, and was named.
  if (wanted && !view.entities.has(idOf(wanted)) && !link.expanded.includes(wanted)) {
    try {
      const subgraph = await api.neighborhood(wanted, link.depth);
      view = viewReducer(view, { type: view.expanded.length === 0 ? 'start' : 'expand', around: wanted, subgraph });
      bySlug = new Map([...view.entities.values()].map((entity) => [entity.slug, entity.id]));
    } catch (error) {
      problems.push(`${wanted}: ${errorMessage(error)}`);
    }
  }
  let selection = link.selection?.kind === 'entity' ? { kind: 'entity' as const, id: idOf(link.selection.id) } : link.selection;
  // A selection of nothing in view opened no panel, yet stayed in the address.
  if (selection?.kind === 'edge' && !view.edges.has(selection.key)) {
    notApplied.push(`relation=${selection.key}: no relation in view has this key, so none is selected`);
    selection = null;
  }
  // As ids too, or the canvas did not draw a hand-linked entity as the view's centre.
  const expanded = view.expanded.map(idOf);
  // A depth that changes nothing is not kept: the address would say 2 hops of a view drawn as one.
  let depth = link.depth;
  if (depth !== 1 && !depthApplies(expanded, view.entities)) {
    notApplied.push(`depth=${depth}: a source's neighbours are the records it is cited for, at any depth, so 1 hop`);
    depth = 1;
  }
  return {
    ...view,
    expanded,
    cuts: new Map([...view.cuts].map(([id, cut]) => [idOf(id), cut])),
    hidden: new Set(link.hidden.map(idOf)),
    pinned: new Map(link.pinned.map((pin) => [idOf(pin.id), pin.at])),
    filters: link.filters,
    selection,
    mode: link.mode,
    depth,
  };
}
