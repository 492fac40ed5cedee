import { useEffect, useState } from 'react';
import type { Claim, Conflict, Edge, EntitySummary } from '../api/shapes.ts';
import type { EntityFile, ExplorerApi } from '../explorer-api.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { describeDate } from '../model/partial-dates.ts';
import { EntityName } from './entity-name.tsx';
import { SourceList } from './source-list.tsx';

export interface EntityPanelProps {
  api: ExplorerApi;
  entity: EntitySummary;
  /** The relations in view, to find the ones that disagree about this entity. */
  edges: ReadonlyMap<string, Edge>;
  entities: ReadonlyMap<string, EntitySummary>;
  pinned: boolean;
  onExpand(id: string): void;
  onTogglePin(id: string): void;
  onHide(id: string): void;
  onSelectEntity(id: string): void;
  onSelectEdge(key: string): void;
}

const fieldLabels: [keyof EntityFile['details'], string][] = [
  ['title', 'Title'],
  ['kind', 'Kind'],
  ['tldType', 'Type'],
  ['unicode', 'Unicode form'],
  ['ascii', 'ASCII form'],
  ['idn', 'Internationalised'],
  ['code', 'Code'],
  ['country', 'Country'],
  ['date', 'Date'],
  ['startDate', 'Starts'],
  ['endDate', 'Ends'],
  ['place', 'Place'],
  ['edition', 'Edition'],
  ['number', 'Number'],
  ['url', 'Address'],
];
const dated = new Set<string>(['date', 'startDate', 'endDate']);

/** Claims grouped by field: a field with claims is one on which the sources disagree. */
function claimsByField(claims: readonly Claim[]): Map<string, Claim[]> {
  const grouped = new Map<string, Claim[]>();
  for (const claim of claims) grouped.set(claim.field, [...(grouped.get(claim.field) ?? []), claim]);
  return grouped;
}

/** Relations in view with the same type and ends but different keys: sources that disagree on its details. */
function relationConflicts(id: string, edges: ReadonlyMap<string, Edge>): Edge[][] {
  const groups = new Map<string, Edge[]>();
  for (const edge of edges.values()) {
    if (edge.from.id !== id && edge.to.id !== id) continue;
    const ends = `${edge.type}|${edge.from.id}|${edge.to.id}`;
    groups.set(ends, [...(groups.get(ends) ?? []), edge]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** One entity: its fields, aliases, sources, disagreements between sources, and its timeline. */
export function EntityPanel(props: EntityPanelProps) {
  const { api, entity } = props;
  const [file, setFile] = useState<EntityFile | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setFile(null);
    setProblem(null);
    setConflicts([]);
    api
      .entity(entity.id)
      .then((found) => current && setFile(found))
      .catch((error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)));
    api
      .conflicts(entity.id)
      .then((found) => current && setConflicts(found))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, entity.id]);

  const style = entityStyle(entity.__typename);
  const details = file?.details;
  const claims = details ? claimsByField(details.claims) : new Map<string, Claim[]>();
  const disagreeingRelations = relationConflicts(entity.id, props.edges);
  return (
    <section className="panel entity-panel" aria-labelledby="entity-panel-title" data-testid="entity-panel">
      <p className="entity-kind">
        <span className="type-dot" style={{ background: style.color }} aria-hidden="true" />
        {style.label}
      </p>
      <h2 id="entity-panel-title">{entity.name}</h2>
      <fieldset className="actions">
        <legend className="visually-hidden">Actions on {entity.name}</legend>
        <button type="button" onClick={() => props.onExpand(entity.id)} data-testid="expand-entity">
          Show its neighbours
        </button>
        <button type="button" aria-pressed={props.pinned} onClick={() => props.onTogglePin(entity.id)}>
          {props.pinned ? 'Unpin' : 'Pin in place'}
        </button>
        <button type="button" onClick={() => props.onHide(entity.id)}>
          Hide
        </button>
      </fieldset>
      {problem && (
        <p className="problem" role="alert">
          Could not load its details: {problem}
        </p>
      )}
      {!details && !problem && <p className="muted">Loading…</p>}
      {details && (
        <>
          {details.description && <p>{details.description}</p>}
          <dl className="facts">
            <div>
              <dt>Id</dt>
              <dd>
                <code>{details.slug}</code>
              </dd>
            </div>
            {details.aliases.length > 0 && (
              <div>
                <dt>Also called</dt>
                <dd>{details.aliases.join(' · ')}</dd>
              </div>
            )}
            {fieldLabels.map(([field, label]) => {
              const value = details[field];
              if (value === null || value === undefined || typeof value === 'object') return null;
              const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
              return (
                <div key={field}>
                  <dt>{label}</dt>
                  <dd>{dated.has(field) ? describeDate(text) : text}</dd>
                </div>
              );
            })}
            {details.externalFacts.length > 0 && (
              <div>
                <dt>From outside the sources</dt>
                <dd>{details.externalFacts.join(', ')}</dd>
              </div>
            )}
          </dl>
          <h3>Sources</h3>
          <SourceList sources={details.sources} label={`Sources of ${entity.name}`} />
          {(claims.size > 0 || conflicts.length > 0 || disagreeingRelations.length > 0) && (
            <>
              <h3>Where sources disagree</h3>
              {[...claims].map(([field, fieldClaims]) => (
                <div key={field} className="claim-group">
                  <h4>{field}</h4>
                  <ul>
                    {fieldClaims.map((claim) => (
                      <li key={claim.value}>
                        “{claim.value}”
                        <SourceList sources={claim.sources} label={`Sources claiming ${claim.value}`} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {conflicts.map((conflict) => (
                <div key={conflict.id} className="claim-group">
                  <h4>{conflict.description ?? 'Conflict'}</h4>
                  <ul>
                    {conflict.claims.map((claim, index) => (
                      <li key={claim.value ?? claim.relation?.key ?? index}>
                        {claim.value ? `“${claim.value}”` : claim.relation ? `${claim.relation.type} (${claim.relation.key})` : ''}
                        {claim.evidence && <span className="muted"> — {claim.evidence}</span>}
                        <SourceList sources={claim.sources} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {disagreeingRelations.map((group) => (
                <div key={group[0]?.key} className="claim-group">
                  <h4>{group[0]?.type} told differently</h4>
                  <ul>
                    {group.map((edge) => (
                      <li key={edge.key}>
                        <button type="button" className="link-button" onClick={() => props.onSelectEdge(edge.key)}>
                          {edge.key}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
          <h3>Timeline</h3>
          {file.timeline.length === 0 ? (
            <p className="muted">No dated fact.</p>
          ) : (
            <ol className="timeline" aria-label={`Timeline of ${entity.name}`}>
              {file.timeline.map((entry) => (
                <li key={`${entry.edge.key}|${entry.date}`}>
                  <span className="timeline-date">
                    {describeDate(entry.date)}
                    {entry.endDate && entry.endDate !== entry.date ? ` – ${describeDate(entry.endDate)}` : ''}
                  </span>{' '}
                  <span className="relation-type">{entry.edge.type}</span>{' '}
                  <EntityName entity={entry.other} onSelect={props.entities.has(entry.other.id) ? props.onSelectEntity : props.onExpand} />
                  <SourceList sources={entry.edge.sources} label={`Sources of ${entry.edge.type} ${entry.other.name}`} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
