/**
 * When a relation holds, by one rule that the timeline, the table and the date filter all read:
 * its own dates when it has them; else the dates of an end, as the API's timeline takes them (the
 * event a person took part in, the memorandum signed). Most relations carry no date of their own,
 * so without the ends' dates the table and the filter saw none where the timeline showed one.
 */
import type { Edge, EntitySummary } from '../api/shapes.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { edgeDates } from './edge-facts.ts';
import { describeDate } from './partial-dates.ts';

/**
 * The partial dates a record covers. No `end` after a `start` is a relation still going on (a
 * membership from 2018-12), as the API reads it; an event without an end day lies within its start.
 */
export interface Span {
  start?: string;
  end?: string;
}

export interface RelationDates extends Span {
  /** The end whose dates these are; absent when they are the relation's own. */
  borrowedFrom?: EntitySummary;
}

interface Dated {
  date?: string | null | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
}

function spanOf(dated: Dated, openEnded: boolean): Span | undefined {
  const { date, startDate, endDate } = dated;
  if (date) return { start: date, end: endDate || date };
  if (!startDate && !endDate) return undefined;
  const span: Span = {};
  if (startDate) span.start = startDate;
  if (endDate) span.end = endDate;
  else if (startDate && !openEnded) span.end = startDate;
  return span;
}

/**
 * A relation's dates: its own, else those of the first dated entity of `ends`. Seen from one end
 * (an entity's timeline), `ends` is the other end, as the API's timeline has it; seen from neither
 * (a table row, the filter), `endsOf` gives the source end first, where the act is when both are
 * dated (a statement said at an event, a session part of a conference).
 */
export function relationDates(edge: Pick<Edge, 'properties'>, ends: readonly (EntitySummary | undefined)[]): RelationDates | undefined {
  const own = spanOf(edgeDates(edge), true);
  if (own) return own;
  for (const end of ends) {
    const span = end && spanOf(end, false);
    if (end && span) return { ...span, borrowedFrom: end };
  }
  return undefined;
}

/** The ends a relation seen from neither may take its dates from, in the order it tries them. */
export function endsOf(edge: Pick<Edge, 'from' | 'to'>, entities: ReadonlyMap<string, EntitySummary>): (EntitySummary | undefined)[] {
  return [entities.get(edge.from.id), entities.get(edge.to.id)];
}

/** "the event's": whose dates a relation borrowed, by the end's kind. */
export function whoseDates(end: EntitySummary): string {
  return `the ${entityStyle(end.__typename).label.toLowerCase()}'s`;
}

/**
 * "2021-04-27 – 2021-04-28", "from 2018-12", "2020": the span in words, each date with its
 * precision ("2021 (year)") when asked, without saying whose it is.
 */
export function describeSpan(span: Span, options: { precision: boolean }): string {
  const show = (date: string) => (options.precision ? describeDate(date) : date);
  if (span.start && span.end) return span.start === span.end ? show(span.start) : `${show(span.start)} – ${show(span.end)}`;
  if (span.start) return `from ${show(span.start)}`;
  return span.end ? `until ${show(span.end)}` : '';
}

/** A table cell's dates: "2021-04-27 – 2021-04-28 (the event's)", or the relation's own. */
export function describeRelationDates(dates: RelationDates | undefined): string {
  if (!dates) return '';
  const span = describeSpan(dates, { precision: false });
  return dates.borrowedFrom ? `${span} (${whoseDates(dates.borrowedFrom)})` : span;
}
