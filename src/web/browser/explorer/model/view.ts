/**
 * What the analyst has on screen: the entities and relations fetched so far, which of them are
 * pinned or hidden, the filters, the selection and the last path search. A reducer changes it;
 * the graph, the table, the exports and the permalink all read it.
 */
import type { Edge, EntitySummary, Subgraph } from '../api/shapes.ts';
import type { Cut, Neighbourhood } from './neighbourhood-cut.ts';
import { isSourceNeighbourhood } from './neighbourhood-depth.ts';
import { overlaps } from './partial-dates.ts';
import { endsOf, relationDates } from './relation-dates.ts';

export interface Filters {
  hiddenEntityTypes: ReadonlySet<string>;
  hiddenRelationTypes: ReadonlySet<string>;
  hiddenEvidence: ReadonlySet<string>;
  from?: string;
  to?: string;
  /** Whether relations without any date stay in view while a date range is set. */
  includeUndated: boolean;
}

export type Selection = { kind: 'entity'; id: string } | { kind: 'edge'; key: string } | null;

export interface PathSearch {
  from: EntitySummary;
  to: EntitySummary;
  /** The most relations a path may have: pathHops.first, or pathHops.farthest when asked to look farther. */
  maxHops: number;
  /**
   * Whether a path may run through a country. By default it may not: any two organizations of
   * one country are two relations apart through it (LOCATED_IN both ways), and such paths push
   * out the ones that say how the two are linked. The ends themselves may be countries.
   */
  throughCountries: boolean;
  paths: readonly Subgraph[];
}

/** What a path search asks: a PathSearch without its answer. */
export type PathQuery = Omit<PathSearch, 'paths'>;

/**
 * How long a path the explorer looks for: first at most 4 relations (longer ones mostly run
 * through a hub, a country or ICANN, and say little), then, when none is that short and the
 * reader asks, at most 6, the API's limit.
 */
export const pathHops = { first: 4, farthest: 6 } as const;

/** Where a node is drawn, in the graph's own coordinates (not the screen's). */
export interface Point {
  x: number;
  y: number;
}

export interface View {
  entities: ReadonlyMap<string, EntitySummary>;
  edges: ReadonlyMap<string, Edge>;
  /** Entities whose neighbourhood was added, in the order they were: the permalink replays them. */
  expanded: readonly string[];
  /** The expanded neighbourhoods the API gave only part of, by the id they were asked with. */
  cuts: ReadonlyMap<string, Cut>;
  /** Pinned entities, each where it was pinned (null: where the layout puts it, for old links). */
  pinned: ReadonlyMap<string, Point | null>;
  hidden: ReadonlySet<string>;
  filters: Filters;
  selection: Selection;
  path: PathSearch | null;
  mode: 'graph' | 'table';
  /** How many hops a search or an expansion brings in (1–3). */
  depth: number;
  /** Bumped to ask the graph for a fresh layout. */
  layoutRequest: number;
}

export const emptyFilters: Filters = {
  hiddenEntityTypes: new Set(),
  hiddenRelationTypes: new Set(),
  hiddenEvidence: new Set(),
  includeUndated: true,
};

export const emptyView: View = {
  entities: new Map(),
  edges: new Map(),
  expanded: [],
  cuts: new Map(),
  pinned: new Map(),
  hidden: new Set(),
  filters: emptyFilters,
  selection: null,
  path: null,
  mode: 'graph',
  depth: 1,
  layoutRequest: 0,
};

export type ViewAction =
  | { type: 'start'; around: string; subgraph: Neighbourhood }
  | { type: 'expand'; around: string; subgraph: Neighbourhood }
  | { type: 'path'; search: PathSearch }
  | { type: 'select'; selection: Selection }
  | { type: 'togglePin'; id: string; at: Point | null }
  | { type: 'hide'; id: string }
  | { type: 'showAll' }
  | { type: 'filters'; filters: Filters }
  | { type: 'mode'; mode: View['mode'] }
  | { type: 'depth'; depth: number }
  | { type: 'relayout' }
  | { type: 'restore'; view: View };

function withSubgraph(view: View, subgraph: Subgraph): Pick<View, 'entities' | 'edges'> {
  const entities = new Map(view.entities);
  const edges = new Map(view.edges);
  for (const entity of subgraph.nodes) entities.set(entity.id, entity);
  for (const edge of subgraph.edges) edges.set(edge.key, edge);
  return { entities, edges };
}

/** The cuts with `around`'s as its latest neighbourhood left it: asked again whole, it is no longer cut. */
function withCut(cuts: ReadonlyMap<string, Cut>, around: string, cut: Cut | undefined): ReadonlyMap<string, Cut> {
  const next = new Map(cuts);
  if (cut) next.set(around, cut);
  else next.delete(around);
  return next;
}

export function viewReducer(view: View, action: ViewAction): View {
  switch (action.type) {
    case 'start':
      return {
        ...emptyView,
        ...withSubgraph(emptyView, action.subgraph),
        filters: view.filters,
        mode: view.mode,
        // A source's neighbours are one hop away at any depth (neighbourhood-depth.ts): a view of
        // one source says 1 hop, in its control and its address, whatever was set before.
        depth: isSourceNeighbourhood(action.around, action.subgraph.nodes) ? 1 : view.depth,
        expanded: [action.around],
        cuts: withCut(new Map(), action.around, action.subgraph.cut),
        selection: { kind: 'entity', id: action.around },
        layoutRequest: view.layoutRequest + 1,
      };
    case 'expand': {
      const hidden = new Set(view.hidden);
      for (const entity of action.subgraph.nodes) hidden.delete(entity.id);
      return {
        ...view,
        ...withSubgraph(view, action.subgraph),
        hidden,
        expanded: view.expanded.includes(action.around) ? view.expanded : [...view.expanded, action.around],
        cuts: withCut(view.cuts, action.around, action.subgraph.cut),
        layoutRequest: view.layoutRequest + 1,
      };
    }
    case 'path': {
      let merged: View = view;
      for (const path of action.search.paths) merged = { ...merged, ...withSubgraph(merged, path) };
      const hidden = new Set(view.hidden);
      for (const path of action.search.paths) for (const entity of path.nodes) hidden.delete(entity.id);
      return {
        ...merged,
        hidden,
        path: action.search,
        // The paths are what was asked for: a panel still open above them would push them out of sight.
        selection: null,
        layoutRequest: view.layoutRequest + 1,
      };
    }
    case 'select':
      return { ...view, selection: action.selection };
    case 'togglePin': {
      const pinned = new Map(view.pinned);
      if (pinned.has(action.id)) pinned.delete(action.id);
      else pinned.set(action.id, action.at);
      return { ...view, pinned };
    }
    case 'hide':
      return withSelectionInView({ ...view, hidden: new Set(view.hidden).add(action.id) });
    case 'showAll':
      return { ...view, hidden: new Set() };
    case 'filters':
      return withSelectionInView({ ...view, filters: action.filters });
    case 'mode':
      return { ...view, mode: action.mode };
    case 'depth':
      return { ...view, depth: action.depth };
    case 'relayout':
      return { ...view, layoutRequest: view.layoutRequest + 1 };
    case 'restore':
      return action.view;
  }
}

/**
 * The view without its selection once what is selected has left it (filtered out, hidden, or an
 * end hidden): a panel still open on it, and its address, read as if it were in view.
 */
function withSelectionInView(view: View): View {
  const { selection } = view;
  if (!selection) return view;
  const visible = visibleOf(view);
  const inView =
    selection.kind === 'entity'
      ? visible.entities.some((entity) => entity.id === selection.id)
      : visible.edges.some((edge) => edge.key === selection.key);
  return inView ? view : { ...view, selection: null };
}

function edgePassesFilters(edge: Edge, filters: Filters, entities: View['entities']): boolean {
  if (filters.hiddenRelationTypes.has(edge.type)) return false;
  if (edge.evidence && filters.hiddenEvidence.has(edge.evidence)) return false;
  if (filters.from || filters.to) {
    // The dates the table shows for it, its end's when it has none of its own.
    const span = relationDates(edge, endsOf(edge, entities));
    if (!span) return filters.includeUndated;
    return overlaps(span, { from: filters.from, to: filters.to });
  }
  return true;
}

/** Exactly what is in view: what the graph draws, the table lists and the exports write. */
export interface Visible {
  entities: EntitySummary[];
  edges: Edge[];
}

export function visibleOf(view: View): Visible {
  const entities = [...view.entities.values()].filter(
    (entity) => !view.hidden.has(entity.id) && !view.filters.hiddenEntityTypes.has(entity.__typename),
  );
  const shown = new Set(entities.map((entity) => entity.id));
  const edges = [...view.edges.values()].filter(
    (edge) => shown.has(edge.from.id) && shown.has(edge.to.id) && edgePassesFilters(edge, view.filters, view.entities),
  );
  return { entities, edges };
}
