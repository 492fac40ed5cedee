import type { Edge, EntitySummary } from '../api/shapes.ts';
import { edgeDates, propertyText } from '../model/edge-facts.ts';
import { evidenceMeaning } from '../model/evidence.ts';
import { describeDate } from '../model/partial-dates.ts';
import { describeSpan, endsOf, relationDates, whoseDates } from '../model/relation-dates.ts';
import { EntityName } from './entity-name.tsx';
import { SourceList } from './source-list.tsx';

const dateFields = [
  ['date', 'Date'],
  ['startDate', 'From'],
  ['endDate', 'Until'],
] as const;
const dateNames = new Set<string>(dateFields.map(([name]) => name));

/** One relation: its type, ends, own fields, dates with their precision, evidence and sources. */
export function EdgePanel(props: {
  edge: Edge;
  entities: ReadonlyMap<string, EntitySummary>;
  evidenceKnown: boolean;
  onSelectEntity(id: string): void;
}) {
  const { edge } = props;
  const dates = edgeDates(edge);
  // Without dates of its own, the dates the table and the date filter give it: an end's.
  const borrowed = relationDates(edge, endsOf(edge, props.entities));
  const otherProperties = Object.entries(edge.properties ?? {}).filter(([name]) => !dateNames.has(name));
  return (
    <section className="panel edge-panel" aria-labelledby="edge-panel-title" data-testid="edge-panel">
      <h2 id="edge-panel-title" tabIndex={-1}>
        Relation <span className="relation-type">{edge.type}</span>
      </h2>
      <p className="edge-ends">
        <EntityName entity={props.entities.get(edge.from.id)} onSelect={props.onSelectEntity} /> <span aria-hidden="true">→</span>
        <span className="visually-hidden">{edge.type} </span>
        <EntityName entity={props.entities.get(edge.to.id)} onSelect={props.onSelectEntity} />
      </p>
      <dl className="facts">
        {dateFields.map(([name, label]) => {
          const value = dates[name];
          return value ? (
            <div key={name}>
              <dt>{label}</dt>
              <dd>{describeDate(value)}</dd>
            </div>
          ) : null;
        })}
        {borrowed?.borrowedFrom && (
          <div>
            <dt>When</dt>
            <dd data-testid="edge-dates">
              {describeSpan(borrowed, { precision: true })} ({whoseDates(borrowed.borrowedFrom)})
            </dd>
          </div>
        )}
        {otherProperties.map(([name, value]) => {
          // onBehalfOf holds a slug: the entity's name reads better when it is in view.
          const named = name === 'onBehalfOf' ? [...props.entities.values()].find((entity) => entity.slug === value) : undefined;
          return (
            <div key={name}>
              <dt>{name === 'onBehalfOf' ? 'On behalf of' : name}</dt>
              <dd>{named ? <EntityName entity={named} onSelect={props.onSelectEntity} /> : propertyText(value)}</dd>
            </div>
          );
        })}
        {props.evidenceKnown && (
          <div>
            <dt>Evidence</dt>
            <dd data-testid="edge-evidence">{edge.evidence ? `${edge.evidence}: ${evidenceMeaning[edge.evidence] ?? ''}` : 'not given'}</dd>
          </div>
        )}
        {/* How an inferred relation is read from its sources: the label alone read as a plain fact. */}
        {edge.basis && (
          <div>
            <dt>Basis</dt>
            <dd data-testid="edge-basis">{edge.basis}</dd>
          </div>
        )}
        {edge.externalFacts.length > 0 && (
          <div>
            <dt>Outside knowledge (not in the sources) in</dt>
            <dd>{edge.externalFacts.join(', ')}</dd>
          </div>
        )}
      </dl>
      <h3>Sources</h3>
      <SourceList sources={edge.sources} label={`Sources of ${edge.type}`} />
    </section>
  );
}
