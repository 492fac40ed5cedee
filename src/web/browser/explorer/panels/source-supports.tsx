import type { ExplorerApi } from '../explorer-api.ts';
import { EntityName } from './entity-name.tsx';
import { useAnswer } from './use-answer.ts';

/**
 * A source's panel section: the first records it is cited for (entities, then relationships),
 * how many in all, and which rest on it alone. An entity in view is selected, another one added
 * with its neighbours, as the timeline's entities are.
 */
export function SourceSupports(props: {
  api: ExplorerApi;
  source: { id: string; name: string };
  inView: { has(id: string): boolean };
  onSelectEntity(id: string): void;
  onExpand(id: string): void;
}) {
  const { api, source } = props;
  const { value: found, problem } = useAnswer(() => api.sourceSupports(source.id), source.id);
  const open = (id: string) => (props.inView.has(id) ? props.onSelectEntity(id) : props.onExpand(id));
  return (
    <div data-testid="source-supports">
      <h3>What it is cited for</h3>
      {problem && (
        <p className="problem" role="alert">
          Could not load what it is cited for: {problem}
        </p>
      )}
      {!found && !problem && <p className="muted">Loading…</p>}
      {found && (
        <>
          <p>
            {found.total === 1 ? '1 record cites it' : `${found.total} records cite it`}
            {found.total > found.records.length ? `; the first ${found.records.length}:` : found.total > 0 ? ':' : '.'}
          </p>
          <ul className="supports" aria-label={`What ${source.name} is cited for`}>
            {found.records.map(({ node, onlySource, citation }) => (
              <li key={'key' in node ? node.key : node.id} data-testid="supported">
                {'key' in node ? (
                  <>
                    <EntityName entity={node.from} onSelect={open} /> <span className="relation-type">{node.type} →</span>{' '}
                    <EntityName entity={node.to} onSelect={open} />
                  </>
                ) : (
                  <EntityName entity={node} onSelect={open} />
                )}
                {citation && citation.evidence !== 'STATED' && <span className="muted"> — {citation.evidence.toLowerCase()}</span>}
                {onlySource && <span className="only-source"> (this source only)</span>}
              </li>
            ))}
          </ul>
          {found.total > found.records.length && (
            <p className="muted">
              {found.total - found.records.length} more: <code>supports</code> of <code>source(slug:)</code> in GraphiQL lists them all.
            </p>
          )}
        </>
      )}
    </div>
  );
}
