import type { Edge } from '../api/shapes.ts';

/** The dates of a relation, from its properties: a single date, or a start and an end. */
export function edgeDates(edge: Pick<Edge, 'properties'>): { date?: string; startDate?: string; endDate?: string } {
  const text = (name: string) => {
    const value = edge.properties?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const dates: { date?: string; startDate?: string; endDate?: string } = {};
  const date = text('date');
  const startDate = text('startDate');
  const endDate = text('endDate');
  if (date) dates.date = date;
  if (startDate) dates.startDate = startDate;
  if (endDate) dates.endDate = endDate;
  return dates;
}

/** A property's value as text for a panel or a table cell. */
export function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * What tells a relation apart from another of its type between the same two entities: its role
 * (host, organizer) or title (Director), for a line that names it.
 */
export function edgeQualifier(edge: Pick<Edge, 'properties'>): string | undefined {
  const parts = ['role', 'title']
    .map((name) => edge.properties?.[name])
    .filter((value): value is string => typeof value === 'string' && value !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}
