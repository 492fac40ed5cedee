import type { Claim, Conflict, ConflictRelation, Edge, EntitySummary } from '../api/shapes.ts';
import type { ExplorerApi } from '../explorer-api.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { edgeQualifier } from '../model/edge-facts.ts';
import { describeEvidence } from '../model/evidence.ts';
import { EntityFacts } from './entity-facts.tsx';
import { EntityTimeline } from './entity-timeline.tsx';
import { SourceList } from './source-list.tsx';
import { SourceSupports } from './source-supports.tsx';
import { useAnswer } from './use-answer.ts';

export interface EntityPanelProps {
  api: ExplorerApi;
  entity: EntitySummary;
  /** The relations in view: a side of a conflict that is among them can be selected. */
  edges: ReadonlyMap<string, Edge>;
  entities: ReadonlyMap<string, EntitySummary>;
  pinned: boolean;
  onExpand(id: string): void;
  onTogglePin(id: string): void;
  onHide(id: string): void;
  onSelectEntity(id: string): void;
  onSelectEdge(key: string): void;
}

/**
 * Claims grouped by field: a field with claims is one on which the sources disagree. A field
 * whose every value is a side of a recorded conflict is left to that conflict, which says the
 * same with its description (the two titles of a memorandum, say), so it is not listed twice.
 */
function claimsByField(claims: readonly Claim[], conflicts: readonly Conflict[]): Map<string, Claim[]> {
  const grouped = new Map<string, Claim[]>();
  for (const claim of claims) grouped.set(claim.field, [...(grouped.get(claim.field) ?? []), claim]);
  const sides = new Set(conflicts.flatMap((conflict) => conflict.claims.flatMap((claim) => (claim.value ? [claim.value] : []))));
  for (const [field, fieldClaims] of grouped) if (fieldClaims.every((claim) => sides.has(claim.value))) grouped.delete(field);
  return grouped;
}

/** A relationship side of a conflict in words: its type, its ends and what tells it apart (a role, a title). */
function describeRelation(relation: ConflictRelation): string {
  const qualifier = edgeQualifier(relation);
  return `${relation.type}: ${relation.from.name} → ${relation.to.name}${qualifier ? ` (${qualifier})` : ''}`;
}

/** A relationship side: a button that selects it when it is in view, its description otherwise. */
function RelationSide(props: { relation: ConflictRelation; inView: boolean; onSelect(key: string): void }) {
  const text = describeRelation(props.relation);
  if (!props.inView) return <span className="relation-side">{text}</span>;
  return (
    <button type="button" className="link-button relation-side" onClick={() => props.onSelect(props.relation.key)}>
      {text}
    </button>
  );
}

const noConflicts = { conflicts: [], total: 0 };

/** One entity: its fields, aliases, sources, disagreements between sources, and its timeline. */
export function EntityPanel(props: EntityPanelProps) {
  const { api, entity } = props;
  const loaded = useAnswer(() => api.entity(entity.id), entity.id);
  // Said, not swallowed: a panel without its conflicts would read as sources that agree.
  const disagreements = useAnswer(() => api.conflicts(entity.id), entity.id);
  const file = loaded.value;
  const problem = loaded.problem;
  const { conflicts, total: conflictTotal } = disagreements.value ?? noConflicts;
  const conflictProblem = disagreements.problem;

  const style = entityStyle(entity.__typename);
  const details = file?.details;
  const claims = details ? claimsByField(details.claims, conflicts) : new Map<string, Claim[]>();
  return (
    <section className="panel entity-panel" aria-labelledby="entity-panel-title" data-testid="entity-panel">
      <p className="entity-kind">
        <span className="type-dot" style={{ background: style.color }} aria-hidden="true" />
        {style.label}
      </p>
      <h2 id="entity-panel-title" tabIndex={-1}>
        {entity.name}
      </h2>
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
          <EntityFacts details={details} />
          {/* A source cites itself: listing it under its own sources said nothing. */}
          {entity.__typename !== 'Source' && (
            <>
              <h3>Sources</h3>
              <SourceList sources={details.sources} label={`Sources of ${entity.name}`} />
            </>
          )}
          {entity.__typename === 'Source' && (
            <SourceSupports
              api={api}
              source={entity}
              inView={props.entities}
              onSelectEntity={props.onSelectEntity}
              onExpand={props.onExpand}
            />
          )}
          {(claims.size > 0 || conflicts.length > 0) && (
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
                  <h4>{conflict.name}</h4>
                  {conflict.description && <p className="conflict-description">{conflict.description}</p>}
                  <ul>
                    {conflict.claims.map((claim, index) => (
                      <li key={claim.value ?? claim.relation?.key ?? index}>
                        {claim.value && `“${claim.value}”`}
                        {claim.relation && (
                          <RelationSide
                            relation={claim.relation}
                            inView={props.edges.has(claim.relation.key)}
                            onSelect={props.onSelectEdge}
                          />
                        )}
                        {/* An inferred side says how it is read, as a relation's panel does. */}
                        {claim.evidence && (
                          <span className="muted">
                            {' '}
                            — {claim.evidence === 'STATED' ? claim.evidence : describeEvidence(claim.evidence, claim.basis)}
                          </span>
                        )}
                        <SourceList sources={claim.sources} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {conflictTotal > conflicts.length && (
                <p className="muted">
                  {conflictTotal - conflicts.length} more: <code>conflicts(about:)</code> in GraphiQL lists them all.
                </p>
              )}
            </>
          )}
          {conflictProblem && (
            <p className="problem" role="alert">
              Could not load where its sources disagree: {conflictProblem}
            </p>
          )}
          <h3>Timeline</h3>
          <EntityTimeline
            entity={entity}
            timeline={file.timeline}
            inView={props.entities}
            onSelectEntity={props.onSelectEntity}
            onExpand={props.onExpand}
          />
        </>
      )}
    </section>
  );
}
