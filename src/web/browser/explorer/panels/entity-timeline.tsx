import type { EntitySummary, TimelineEntry } from '../api/shapes.ts';
import { edgeQualifier } from '../model/edge-facts.ts';
import { describeSpan, type RelationDates, relationDates, whoseDates } from '../model/relation-dates.ts';
import { EntityName } from './entity-name.tsx';
import { SourceList } from './source-list.tsx';

/**
 * The dates the API gave a timeline entry, for one the explorer's rule cannot date: an end
 * dated by a field that EntitySummary does not ask for (a kind of entity added since).
 */
function apiDates(entry: TimelineEntry): RelationDates {
  return { start: entry.date, end: entry.endDate ?? entry.date };
}

/**
 * An entity's dated facts, oldest first: its own date (a memorandum's, an event's days), which
 * has no relation, and each relation that links it to a date, with its role or title, as two
 * relations of one type to one end (a moderator and a speaker) differ only by it.
 */
export function EntityTimeline(props: {
  entity: EntitySummary;
  timeline: readonly TimelineEntry[];
  inView: ReadonlyMap<string, EntitySummary>;
  onSelectEntity(id: string): void;
  onExpand(id: string): void;
}) {
  const { entity, timeline } = props;
  if (timeline.length === 0) return <p className="muted">No dated fact.</p>;
  return (
    <ol className="timeline" aria-label={`Timeline of ${entity.name}`}>
      {timeline.map((entry) => {
        if (entry.edge === null)
          return (
            <li key={`own|${entry.date}`}>
              <span className="timeline-date">{describeSpan(apiDates(entry), { precision: true })}</span>{' '}
              <span className="muted">its own date</span>
            </li>
          );
        // Seen from this entity, a relation without dates takes the other end's, as the table does.
        const dates = relationDates(entry.edge, [entry.other]) ?? apiDates(entry);
        const qualifier = edgeQualifier(entry.edge);
        return (
          <li key={`${entry.edge.key}|${entry.date}`}>
            <span className="timeline-date">
              {describeSpan(dates, { precision: true })}
              {dates.borrowedFrom && ` (${whoseDates(dates.borrowedFrom)})`}
            </span>{' '}
            <span className="relation-type">
              {entry.edge.type}
              {qualifier && ` (${qualifier})`}
            </span>{' '}
            <EntityName entity={entry.other} onSelect={props.inView.has(entry.other.id) ? props.onSelectEntity : props.onExpand} />
            <SourceList sources={entry.edge.sources} label={`Sources of ${entry.edge.type} ${entry.other.name}`} />
          </li>
        );
      })}
    </ol>
  );
}
