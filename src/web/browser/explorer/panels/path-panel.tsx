import type { EntitySummary } from '../api/shapes.ts';
import { edgeQualifier } from '../model/edge-facts.ts';
import { type PathQuery, type PathSearch, pathHops } from '../model/view.ts';
import { EntityName } from './entity-name.tsx';
import { SourceList } from './source-list.tsx';

/** The shortest paths found: each hop with its relation, its direction and its sources. */
export function PathPanel(props: {
  search: PathSearch;
  /** The relations in view: a path the filters (a kind of relation, a date range) or Hide break is marked. */
  edgesInView: ReadonlySet<string>;
  onSelectEntity(id: string): void;
  onSelectEdge(key: string): void;
  onClose(): void;
  /** Searches the same two entities again, farther or through countries too. */
  onSearchAgain(change: Partial<Pick<PathQuery, 'maxHops' | 'throughCountries'>>): void;
}) {
  const { search } = props;
  return (
    <section className="panel path-panel" aria-labelledby="path-panel-title" data-testid="path-panel">
      <h2 id="path-panel-title" tabIndex={-1}>
        Paths from {search.from.name} to {search.to.name}
      </h2>
      <button type="button" onClick={props.onClose}>
        Close paths
      </button>
      <p className="path-countries">
        {search.throughCountries
          ? 'Paths through a country are included. '
          : 'Paths that only run through a country the two share are left out. '}
        <button
          type="button"
          onClick={() => props.onSearchAgain({ throughCountries: !search.throughCountries })}
          data-testid="through-countries"
        >
          {search.throughCountries ? 'Leave them out' : 'Include them'}
        </button>
      </p>
      {search.paths.length === 0 && <p>No path of at most {search.maxHops} relations links them.</p>}
      {search.paths.length === 0 && search.maxHops < pathHops.farthest && (
        <button type="button" onClick={() => props.onSearchAgain({ maxHops: pathHops.farthest })} data-testid="look-farther">
          Look up to {pathHops.farthest} relations
        </button>
      )}
      {search.paths.map((path, pathIndex) => {
        const byId = new Map<string, EntitySummary>(path.nodes.map((entity) => [entity.id, entity]));
        // The API takes the evidence and entity filters (the paths are asked again under them), not
        // the others: a path they break is said to be, as the graph no longer draws it whole.
        const outOfView = path.edges.filter((edge) => !props.edgesInView.has(edge.key)).length;
        return (
          <div key={path.edges.map((edge) => edge.key).join('/')} className="path" data-testid="path">
            <h3>
              Path {pathIndex + 1}: {path.edges.length} {path.edges.length === 1 ? 'hop' : 'hops'}
            </h3>
            {outOfView > 0 && (
              <p className="muted" data-testid="path-out-of-view">
                Not all in view: the filters or Hide take out {outOfView === 1 ? '1 of its hops' : `${outOfView} of its hops`}.
              </p>
            )}
            <ol className="hops">
              {path.edges.map((edge, hopIndex) => {
                const here = path.nodes[hopIndex];
                const there = path.nodes[hopIndex + 1];
                const forward = edge.from.id === here?.id;
                // Two paths through parallel relations (a host and an organizer of one event) differ only here.
                const qualifier = edgeQualifier(edge);
                const relation = qualifier ? `${edge.type} (${qualifier})` : edge.type;
                return (
                  <li key={edge.key} className="hop" data-testid="hop">
                    <p>
                      <EntityName entity={here} onSelect={props.onSelectEntity} />{' '}
                      <button type="button" className="link-button relation-type" onClick={() => props.onSelectEdge(edge.key)}>
                        {forward ? `${relation} →` : `← ${relation}`}
                      </button>{' '}
                      <EntityName entity={there ?? byId.get(edge.to.id)} onSelect={props.onSelectEntity} />
                      {/* A hop no source states (planned, not reported as under way) is weaker than the others: said here, not only in its panel. */}
                      {edge.evidence && edge.evidence !== 'STATED' && (
                        <span className="hop-evidence" data-testid="hop-evidence">
                          {' '}
                          ({edge.evidence.toLowerCase()})
                        </span>
                      )}
                    </p>
                    <SourceList sources={edge.sources} label={`Sources of hop ${hopIndex + 1}`} />
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
