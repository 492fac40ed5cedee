import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { EntitySummary } from './api/shapes.ts';
import { exposeAutomation } from './automation.ts';
import type { ExplorerApi } from './explorer-api.ts';
import { GraphCanvas, placeOf } from './graph/graph-canvas.tsx';
import { errorMessage } from './model/error-message.ts';
import { describeCut } from './model/neighbourhood-cut.ts';
import { narrowingKey, pathNarrowing } from './model/path-narrowing.ts';
import { type Permalink, readPermalink, writePermalink } from './model/permalink.ts';
import { emptyView, type PathQuery, pathHops, type Selection, type View, viewReducer, visibleOf } from './model/view.ts';
import { EdgePanel } from './panels/edge-panel.tsx';
import { EntityPanel } from './panels/entity-panel.tsx';
import { EntitySearch } from './panels/entity-search.tsx';
import { ExportMenu } from './panels/export-menu.tsx';
import { FiltersPanel } from './panels/filters-panel.tsx';
import { PathFinder } from './panels/path-finder.tsx';
import { PathPanel } from './panels/path-panel.tsx';
import { TableView } from './panels/table-view.tsx';
import { restoreView } from './restore.ts';

const startHint = 'Search for an actor, a domain, a memorandum… to start.';

export function App({ api, link }: { api: ExplorerApi; link: Permalink }) {
  const [view, dispatch] = useReducer(viewReducer, emptyView);
  const [status, setStatus] = useState(startHint);
  // What the status line says when nothing is under way: kept for a request after which the
  // view is the same (a path search that finds nothing), so no effect below runs to say it.
  const settled = useRef(startHint);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(link.expanded.length > 0 || link.path !== undefined);
  const [cy, setCy] = useState<Core | null>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const details = useRef<HTMLElement>(null);
  const visible = useMemo(() => visibleOf(view), [view]);
  // The view a link could not be wholly restored into: its address is left as it was until the
  // reader changes the view, so a mistyped id can be corrected, or the page reloaded once the
  // server is back, rather than the link being replaced by what little was restored.
  const unrestored = useRef<View | null>(null);
  // The filters the listed paths were found under (model/path-narrowing.ts).
  const pathsAskedUnder = useRef<string | null>(link.path ? narrowingKey(pathNarrowing(link.filters, link.path.throughCountries)) : null);

  useEffect(() => {
    if (!restoring) return;
    setStatus('Restoring the linked view…');
    const problems: string[] = [];
    restoreView(api, link, problems)
      .then((restored) => {
        dispatch({ type: 'restore', view: restored });
        if (problems.length === 0) return;
        unrestored.current = restored;
        const nothing = restored.entities.size === 0;
        setProblem(`${nothing ? 'The linked view' : 'Part of the linked view'} could not be restored: ${problems.join('; ')}`);
        if (nothing) setStatus('Search for an entity to start again, or correct the address and reload.');
      })
      .catch((error: unknown) => {
        unrestored.current = emptyView;
        setProblem(`The linked view could not be restored: ${errorMessage(error)}`);
        setStatus('Search for an entity to start again.');
      })
      .finally(() => setRestoring(false));
  }, [api, link, restoring]);

  // The address always holds the view, so it can be copied, bookmarked or reloaded.
  useEffect(() => {
    if (restoring || view === unrestored.current) return;
    const search = writePermalink(view);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [view, restoring]);

  // On the counts, not the view: a request that leaves them as they were (a path search that
  // finds nothing) keeps the line its `run` wrote.
  const [entitiesInView, relationsInView] = [visible.entities.length, visible.edges.length];
  // A neighbourhood the API gave only part of is said after the counts, or the graph reads as all of it.
  const cutNotes = [...view.cuts.values()].map(describeCut).join(' ');
  useEffect(() => {
    if (restoring || view.entities.size === 0) return;
    const counts = `${counted(entitiesInView, 'entity', 'entities')} and ${counted(relationsInView, 'relation', 'relations')} in view.`;
    settled.current = cutNotes ? `${counts} ${cutNotes}` : counts;
    setStatus(settled.current);
  }, [entitiesInView, relationsInView, restoring, view.entities.size, cutNotes]);

  useEffect(() => exposeAutomation(cy, () => canvasHolder.current), [cy]);

  // A new selection's panel is at the top of the details: show it there, wherever they were scrolled
  // (a hop low in a long path list, clicked, opened its relation out of sight).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection is what changed, not what the effect reads.
  useEffect(() => {
    details.current?.scrollTo({ top: 0 });
  }, [view.selection]);

  /** Runs a request with `what` on the status line; after it, the line says what `work` returns, or what is in view. */
  const run = useCallback(async (what: string, work: () => Promise<string | undefined>) => {
    setProblem(null);
    setStatus(`${what}…`);
    try {
      setStatus((await work()) ?? settled.current);
    } catch (error) {
      setStatus(settled.current);
      setProblem(`${what} failed: ${errorMessage(error)}`);
    }
  }, []);

  const start = (entity: EntitySummary) =>
    run(`Loading the neighbours of ${entity.name}`, async () => {
      dispatch({ type: 'start', around: entity.id, subgraph: await api.neighborhood(entity.id, view.depth) });
      return undefined;
    });
  const expand = (id: string) =>
    run(`Loading the neighbours of ${view.entities.get(id)?.name ?? 'the entity'}`, async () => {
      const subgraph = await api.neighborhood(id, view.depth);
      if (view.entities.size === 0) dispatch({ type: 'start', around: id, subgraph });
      else dispatch({ type: 'expand', around: id, subgraph });
      return undefined;
    });
  // How far neighbourhoods reach is part of the view, as the address keeps it: a new depth asks
  // every expanded neighbourhood again, as opening the address would, and keeps the rest.
  const changeDepth = (depth: number) => {
    if (view.expanded.length === 0) {
      dispatch({ type: 'depth', depth });
      return;
    }
    void run(`Loading the neighbours within ${depth === 1 ? '1 hop' : `${depth} hops`}`, async () => {
      const problems: string[] = [];
      const rebuilt = await restoreView(api, readPermalink(writePermalink({ ...view, depth })), problems);
      if (problems.length > 0) throw new Error(problems.join('; '));
      dispatch({ type: 'restore', view: { ...rebuilt, layoutRequest: view.layoutRequest + 1 } });
      return undefined;
    });
  };
  const findPaths = (query: PathQuery) =>
    run(`Finding paths from ${query.from.name} to ${query.to.name}`, async () => {
      const { from, to, maxHops, throughCountries } = query;
      const narrowing = pathNarrowing(view.filters, throughCountries);
      const paths = await api.paths(from.id, to.id, maxHops, throughCountries, narrowing);
      pathsAskedUnder.current = narrowingKey(narrowing);
      dispatch({ type: 'path', search: { ...query, paths } });
      return paths.length === 0 ? `No path of at most ${maxHops} relations links ${from.name} and ${to.name}.` : undefined;
    });
  // Filters that change what a path may hold ask for the paths again under them: the list found
  // before kept a hop the graph no longer drew, and left out the chains that do hold.
  const narrowedKey = view.path ? narrowingKey(pathNarrowing(view.filters, view.path.throughCountries)) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters' narrowing is what changed; findPaths reads the view it was made with.
  useEffect(() => {
    if (restoring || !view.path || narrowedKey === null || narrowedKey === pathsAskedUnder.current) return;
    pathsAskedUnder.current = narrowedKey;
    void findPaths(view.path);
  }, [narrowedKey, restoring]);
  const select = (selection: Selection) => dispatch({ type: 'select', selection });
  const selectEntity = (id: string) => select({ kind: 'entity', id });
  const selectEdge = (key: string) => select({ kind: 'edge', key });

  const onPath = useMemo(() => {
    const ids = new Set<string>();
    for (const path of view.path?.paths ?? []) {
      for (const entity of path.nodes) ids.add(entity.id);
      for (const edge of path.edges) ids.add(edge.key);
    }
    return ids;
  }, [view.path]);

  const visibleEdgeKeys = useMemo(() => new Set(visible.edges.map((edge) => edge.key)), [visible]);

  const selectedEntity = view.selection?.kind === 'entity' ? view.entities.get(view.selection.id) : undefined;
  const selectedEdge = view.selection?.kind === 'edge' ? view.edges.get(view.selection.key) : undefined;
  const evidenceKnown = api.capabilities.evidence;

  return (
    <div className="explorer">
      <header className="top">
        <h1>
          <a href="/">govgraph</a> explorer
        </h1>
        <EntitySearch
          api={api}
          label="Find an entity"
          placeholder="Воробьёв, MSK-IX, .рф…"
          onChoose={(entity) => void start(entity)}
          testId="search"
        />
        <PathFinder
          // A new search (or a restored one) shows its ends in the boxes.
          key={view.path ? `${view.path.from.id}>${view.path.to.id}` : 'no-path'}
          api={api}
          initial={view.path ? { from: view.path.from, to: view.path.to } : null}
          // A new pair is searched as near as first; whether through countries stays as the reader set it.
          onFind={(from, to) => findPaths({ from, to, maxHops: pathHops.first, throughCountries: view.path?.throughCountries ?? false })}
        />
        <nav aria-label="Elsewhere">
          <a href="/explore?ingest">Ingest an article</a> <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <div className="columns">
        <aside className="left" aria-label="Filters and export">
          <FiltersPanel view={view} evidenceKnown={evidenceKnown} onChange={(filters) => dispatch({ type: 'filters', filters })} />
          <ExportMenu visible={visible} cy={view.mode === 'graph' ? cy : null} />
        </aside>
        <main className="centre">
          <div className="toolbar" role="toolbar" aria-label="View">
            <fieldset>
              <legend className="visually-hidden">Show as</legend>
              <button type="button" aria-pressed={view.mode === 'graph'} onClick={() => dispatch({ type: 'mode', mode: 'graph' })}>
                Graph
              </button>
              <button
                type="button"
                aria-pressed={view.mode === 'table'}
                onClick={() => dispatch({ type: 'mode', mode: 'table' })}
                data-testid="table-mode"
              >
                Table
              </button>
            </fieldset>
            <label className="depth">
              Neighbours within{' '}
              <select value={view.depth} onChange={(event) => changeDepth(Number(event.target.value))} data-testid="depth">
                <option value={1}>1 hop</option>
                <option value={2}>2 hops</option>
                <option value={3}>3 hops</option>
              </select>
            </label>
            <button type="button" onClick={() => dispatch({ type: 'relayout' })} disabled={view.mode !== 'graph'}>
              Re-layout
            </button>
            <button type="button" onClick={() => dispatch({ type: 'showAll' })} disabled={view.hidden.size === 0}>
              Show hidden ({view.hidden.size})
            </button>
            <p className="status" role="status" data-testid="status">
              {status}
            </p>
          </div>
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <div ref={canvasHolder} className="canvas-holder" hidden={view.mode !== 'graph'}>
            <GraphCanvas
              visible={visible}
              pinned={view.pinned}
              selection={view.selection}
              onPath={onPath}
              roots={view.expanded}
              layoutRequest={view.layoutRequest}
              onSelect={select}
              onExpand={(id) => void expand(id)}
              onReady={setCy}
            />
            <p className="canvas-hint">Click an entity or a relation to read it; double-click an entity to add its neighbours.</p>
          </div>
          {view.mode === 'table' && (
            <TableView
              visible={visible}
              entities={view.entities}
              pinned={view.pinned}
              evidenceKnown={evidenceKnown}
              onSelectEntity={selectEntity}
              onSelectEdge={selectEdge}
              onExpand={(id) => void expand(id)}
            />
          )}
        </main>
        <aside ref={details} className="right" aria-label="Details">
          {/* What was selected comes first, above the paths, whose hops select their relations. */}
          {selectedEdge && (
            <EdgePanel edge={selectedEdge} entities={view.entities} evidenceKnown={evidenceKnown} onSelectEntity={selectEntity} />
          )}
          {selectedEntity && (
            <EntityPanel
              api={api}
              entity={selectedEntity}
              edges={view.edges}
              entities={view.entities}
              pinned={view.pinned.has(selectedEntity.id)}
              onExpand={(id) => void expand(id)}
              onTogglePin={(id) => dispatch({ type: 'togglePin', id, at: placeOf(cy, id) })}
              onHide={(id) => dispatch({ type: 'hide', id })}
              onSelectEntity={selectEntity}
              onSelectEdge={selectEdge}
            />
          )}
          {view.path && (
            <PathPanel
              search={view.path}
              edgesInView={visibleEdgeKeys}
              onSelectEntity={selectEntity}
              onSelectEdge={selectEdge}
              onClose={() => dispatch({ type: 'restore', view: { ...view, path: null } })}
              onSearchAgain={(change) => view.path && void findPaths({ ...view.path, ...change })}
            />
          )}
          {!selectedEdge && !selectedEntity && !view.path && (
            <p className="muted panel">Select an entity or a relation to see its sources here.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

/** "1 entity", "2 entities". */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
