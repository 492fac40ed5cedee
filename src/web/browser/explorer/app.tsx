import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useAddressHistory } from './address-history.ts';
import type { EntitySummary } from './api/shapes.ts';
import { exposeAutomation } from './automation.ts';
import { useEscapeCloses } from './escape-closes.ts';
import type { ExplorerApi } from './explorer-api.ts';
import { useFocusAfter } from './focus-after.ts';
import { GraphCanvas, placeOf } from './graph/graph-canvas.tsx';
import { errorMessage } from './model/error-message.ts';
import { describeCut } from './model/neighbourhood-cut.ts';
import { depthApplies } from './model/neighbourhood-depth.ts';
import { narrowingKey, pathNarrowing } from './model/path-narrowing.ts';
import { type Permalink, readPermalink, writePermalink } from './model/permalink.ts';
import { strandedByFilters } from './model/stranded.ts';
import { emptyView, type PathQuery, pathHops, type Selection, type View, type ViewAction, viewReducer, visibleOf } from './model/view.ts';
import { CollapsibleColumn } from './panels/collapsible-column.tsx';
import { DepthControl } from './panels/depth-control.tsx';
import { EdgePanel } from './panels/edge-panel.tsx';
import { EntityPanel } from './panels/entity-panel.tsx';
import { EntitySearch } from './panels/entity-search.tsx';
import { ExportMenu } from './panels/export-menu.tsx';
import { FiltersPanel } from './panels/filters-panel.tsx';
import { LinkNotice } from './panels/link-notice.tsx';
import { PathFinder } from './panels/path-finder.tsx';
import { PathPanel } from './panels/path-panel.tsx';
import { TableView } from './panels/table-view.tsx';
import { restoreView } from './restore.ts';

const startHint = 'Search for an actor, a domain, a memorandum… to start.';

/** Whether opening `link` asks the API anything: a plain `/explore`, or one with only filters, does not. */
const asksApi = (link: Permalink) => link.expanded.length > 0 || link.path !== undefined || link.selection !== null;

export function App({ api, link: opened }: { api: ExplorerApi; link: Permalink }) {
  const [view, dispatch] = useReducer(viewReducer, emptyView);
  // The address being restored: the one the page opened, then each that Back or Forward returns to.
  const [link, setLink] = useState(opened);
  const [status, setStatus] = useState(startHint);
  // What the status line says when nothing is under way: kept for a request after which the
  // view is the same (a path search that finds nothing), so no effect below runs to say it.
  const settled = useRef(startHint);
  const [problem, setProblem] = useState<string | null>(null);
  // What the restored link asked that its view does not apply (restore.ts), until dismissed or a step is taken.
  const [notApplied, setNotApplied] = useState<readonly string[]>([]);
  // Every address is restored, even one without requests, so that its filters, mode and depth apply.
  const [restoring, setRestoring] = useState(true);
  const [cy, setCy] = useState<Core | null>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const details = useRef<HTMLElement>(null);
  const showHidden = useRef<HTMLButtonElement>(null);
  const visible = useMemo(() => visibleOf(view), [view]);
  // For a view rebuilt from an address while another is drawn (Back, Forward): its layout count
  // is put above the drawn one's, as an equal one asked the graph for no new layout.
  const layoutCount = useRef(0);
  layoutCount.current = view.layoutRequest;
  // The view a link could not be wholly restored into: its address is left as it was until the
  // reader changes the view, so a mistyped id can be corrected, or the page reloaded once the
  // server is back, rather than the link being replaced by what little was restored.
  const unrestored = useRef<View | null>(null);
  // The filters the listed paths were found under (model/path-narrowing.ts).
  const pathsAskedUnder = useRef<string | null>(null);

  useEffect(() => {
    if (!restoring) return;
    // Back or Forward again before this one was rebuilt: only the last address's view is shown.
    let current = true;
    if (asksApi(link)) setStatus('Restoring the linked view…');
    pathsAskedUnder.current = link.path ? narrowingKey(pathNarrowing(link.filters, link.path.throughCountries)) : null;
    const problems: string[] = [];
    const notes: string[] = [];
    restoreView(api, link, problems, notes)
      .then((restored) => {
        if (!current) return;
        const reopened = { ...restored, layoutRequest: layoutCount.current + 1 };
        dispatch({ type: 'restore', view: reopened });
        setNotApplied(notes);
        unrestored.current = null;
        if (problems.length === 0) {
          if (restored.entities.size > 0) return;
          settled.current = startHint;
          setStatus(startHint);
          return;
        }
        unrestored.current = reopened;
        const nothing = restored.entities.size === 0;
        setProblem(`${nothing ? 'The linked view' : 'Part of the linked view'} could not be restored: ${problems.join('; ')}`);
        if (nothing) setStatus('Search for an entity to start again, or correct the address and reload.');
      })
      .catch((error: unknown) => {
        if (!current) return;
        // Nothing of it is shown, nor another view's address put in its place.
        const nothing = { ...emptyView, layoutRequest: layoutCount.current + 1 };
        dispatch({ type: 'restore', view: nothing });
        unrestored.current = nothing;
        setProblem(`The linked view could not be restored: ${errorMessage(error)}`);
        setStatus('Search for an entity to start again.');
      })
      .finally(() => {
        if (current) setRestoring(false);
      });
    return () => {
      current = false;
    };
  }, [api, link, restoring]);

  // The address always holds the view, so it can be copied, bookmarked or reloaded; Back and
  // Forward return to an earlier one, rebuilt as a link to it would be.
  const markStep = useAddressHistory(view, restoring || view === unrestored.current, (search) => {
    setProblem(null);
    setNotApplied([]);
    setLink(readPermalink(search));
    setRestoring(true);
  });
  /** Dispatches a step the reader may want to undo with Back (address-history.ts). */
  const step = (action: ViewAction) => {
    markStep();
    dispatch(action);
  };
  const focusAfter = useFocusAfter(view, { details, showHidden });

  // On the counts, not the view: a request that leaves them as they were (a path search that
  // finds nothing) keeps the line its `run` wrote.
  const [entitiesInView, relationsInView] = [visible.entities.length, visible.edges.length];
  const stranded = useMemo(() => strandedByFilters(view, visible), [view, visible]);
  // A neighbourhood the API gave only part of is said after the counts, or the graph reads as all of it.
  const cutNotes = [...view.cuts.values()].map(describeCut).join(' ');
  useEffect(() => {
    if (restoring || view.entities.size === 0) return;
    const counts = `${counted(entitiesInView, 'entity', 'entities')} and ${counted(relationsInView, 'relation', 'relations')} in view`;
    // Said rather than hidden for the reader: which of them still matter is theirs to judge, and Hide is at hand.
    const strandedNote = stranded > 0 ? `; the filters leave ${stranded} of them unconnected.` : '.';
    settled.current = [`${counts}${strandedNote}`, cutNotes].filter(Boolean).join(' ');
    setStatus(settled.current);
  }, [entitiesInView, relationsInView, restoring, view.entities.size, cutNotes, stranded]);

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
    setNotApplied([]);
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
      step({ type: 'start', around: entity.id, subgraph: await api.neighborhood(entity.id, view.depth) });
      return undefined;
    });
  const expand = (id: string) =>
    run(`Loading the neighbours of ${view.entities.get(id)?.name ?? 'the entity'}`, async () => {
      const subgraph = await api.neighborhood(id, view.depth);
      step(view.entities.size === 0 ? { type: 'start', around: id, subgraph } : { type: 'expand', around: id, subgraph });
      return undefined;
    });
  // How far neighbourhoods reach is part of the view, as the address keeps it: a new depth asks
  // every expanded neighbourhood again, as opening the address would, and keeps the rest.
  const changeDepth = (depth: number) => {
    if (view.expanded.length === 0) {
      step({ type: 'depth', depth });
      return;
    }
    void run(`Loading the neighbours within ${depth === 1 ? '1 hop' : `${depth} hops`}`, async () => {
      const problems: string[] = [];
      const rebuilt = await restoreView(api, readPermalink(writePermalink({ ...view, depth })), problems);
      if (problems.length > 0) throw new Error(problems.join('; '));
      step({ type: 'restore', view: { ...rebuilt, layoutRequest: view.layoutRequest + 1 } });
      return undefined;
    });
  };
  const findPaths = (query: PathQuery) =>
    run(`Finding paths from ${query.from.name} to ${query.to.name}`, async () => {
      const { from, to, maxHops, throughCountries } = query;
      const narrowing = pathNarrowing(view.filters, throughCountries);
      const paths = await api.paths(from.id, to.id, maxHops, throughCountries, narrowing);
      pathsAskedUnder.current = narrowingKey(narrowing);
      step({ type: 'path', search: { ...query, paths } });
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
  // A link followed in a panel opens another panel where the link was: the keyboard goes to its
  // heading. Only when the selection changes, or the target would wait for some later change.
  const followEntity = (id: string) => {
    if (view.selection?.kind === 'entity' && view.selection.id === id) return;
    focusAfter('details');
    selectEntity(id);
  };
  const followEdge = (key: string) => {
    if (view.selection?.kind === 'edge' && view.selection.key === key) return;
    focusAfter('details');
    selectEdge(key);
  };
  // A click on the mode already shown changes nothing, and must not leave a step waiting for the next change.
  const showAs = (mode: View['mode']) => mode !== view.mode && step({ type: 'mode', mode });
  // Folding or opening the filters changes the graph's width (and its height, when the toolbar
  // wraps): the drawing keeps its centre in the middle, where Cytoscape alone keeps its top left
  // corner and cut off or bared the right.
  const keepGraphCentred = () => {
    if (!cy) return;
    const [width, height] = [cy.width(), cy.height()];
    requestAnimationFrame(() => {
      cy.resize();
      cy.panBy({ x: (cy.width() - width) / 2, y: (cy.height() - height) / 2 });
    });
  };
  const closePaths = () => step({ type: 'restore', view: { ...view, path: null } });
  // Escape closes the panel on top (the selection's, then the paths); the keyboard, if it was in
  // the column, goes to what is left there.
  useEscapeCloses(() => {
    if (!view.selection && !view.path) return;
    const active = document.activeElement;
    if (active === null || active === document.body || details.current?.contains(active)) focusAfter('details');
    if (view.selection) select(null);
    else closePaths();
  });

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
        <CollapsibleColumn side="left" label="Filters and export" foldedOnTablets onToggle={keepGraphCentred}>
          {/* Filters replace the address's entry rather than add one: Back undoes a step, not each box ticked. */}
          <FiltersPanel view={view} evidenceKnown={evidenceKnown} onChange={(filters) => dispatch({ type: 'filters', filters })} />
          <ExportMenu visible={visible} cy={view.mode === 'graph' ? cy : null} />
        </CollapsibleColumn>
        <main className="centre">
          <div className="toolbar" role="toolbar" aria-label="View">
            <fieldset>
              <legend className="visually-hidden">Show as</legend>
              <button type="button" aria-pressed={view.mode === 'graph'} onClick={() => showAs('graph')}>
                Graph
              </button>
              <button type="button" aria-pressed={view.mode === 'table'} onClick={() => showAs('table')} data-testid="table-mode">
                Table
              </button>
            </fieldset>
            <DepthControl depth={view.depth} applies={depthApplies(view.expanded, view.entities)} onChange={changeDepth} />
            <button type="button" onClick={() => dispatch({ type: 'relayout' })} disabled={view.mode !== 'graph'}>
              Re-layout
            </button>
            <button type="button" ref={showHidden} onClick={() => step({ type: 'showAll' })} disabled={view.hidden.size === 0}>
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
          <LinkNotice notes={notApplied} onDismiss={() => setNotApplied([])} />
          {/* A canvas has no text for a screen reader: the holder is named as the picture it is, and sends to the Table. */}
          <div
            ref={canvasHolder}
            className="canvas-holder"
            hidden={view.mode !== 'graph'}
            role="img"
            aria-label={`Graph of the ${counted(entitiesInView, 'entity', 'entities')} and ${counted(relationsInView, 'relation', 'relations')} in view, drawn on a canvas; the Table view lists them all, for the keyboard and screen readers.`}
            data-testid="canvas-holder"
          >
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
              selection={view.selection}
              onSelectEntity={selectEntity}
              onSelectEdge={selectEdge}
              onExpand={(id) => void expand(id)}
            />
          )}
        </main>
        <aside ref={details} className="right" aria-label="Details">
          {/* What was selected comes first, above the paths, whose hops select their relations. */}
          {selectedEdge && (
            <EdgePanel edge={selectedEdge} entities={view.entities} evidenceKnown={evidenceKnown} onSelectEntity={followEntity} />
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
              onHide={(id) => {
                focusAfter('show-hidden');
                step({ type: 'hide', id });
              }}
              onSelectEntity={followEntity}
              onSelectEdge={followEdge}
            />
          )}
          {view.path && (
            <PathPanel
              search={view.path}
              edgesInView={visibleEdgeKeys}
              onSelectEntity={followEntity}
              onSelectEdge={followEdge}
              onClose={() => {
                focusAfter('details');
                closePaths();
              }}
              onSearchAgain={(change) => view.path && void findPaths({ ...view.path, ...change })}
            />
          )}
          {!selectedEdge && !selectedEntity && !view.path && (
            <p className="muted panel" tabIndex={-1} data-focus-fallback>
              Select an entity or a relation to see its sources here.
            </p>
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
