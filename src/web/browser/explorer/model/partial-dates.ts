/**
 * Partial dates as the API gives them ("2021", "2021-02", "2021-04-27"): a year or a month
 * stands for every day it covers, so a range filter compares first and last days.
 */
const pattern = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

export type Precision = 'year' | 'month' | 'day';

export function precisionOf(date: string): Precision | undefined {
  const match = pattern.exec(date);
  if (!match) return undefined;
  return match[3] ? 'day' : match[2] ? 'month' : 'year';
}

/** Whether `text` is a partial date that names a real year, month or day ("2021-02-30" is not). */
export function isPartialDate(text: string): boolean {
  const match = pattern.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return false;
  if (!day) return true;
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= days;
}

/** The first day a partial date can mean, as YYYY-MM-DD. */
export function firstDay(date: string): string | undefined {
  const match = pattern.exec(date);
  if (!match) return undefined;
  return `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
}

/** The last day a partial date can mean, as YYYY-MM-DD. */
export function lastDay(date: string): string | undefined {
  const match = pattern.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (day) return `${year}-${month}-${day}`;
  if (month) {
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${String(days).padStart(2, '0')}`;
  }
  return `${year}-12-31`;
}

/** "2021-04-27 (day)", "2021 (year)": a date with the precision its source gives. */
export function describeDate(date: string): string {
  const precision = precisionOf(date);
  return precision ? `${date} (${precision})` : date;
}

/** Whether the span [start, end] (either open: a relation still going on has no end) reaches into [from, to] (either open). */
export function overlaps(span: { start?: string; end?: string }, range: { from?: string; to?: string }): boolean {
  const spanStart = span.start ? firstDay(span.start) : undefined;
  const spanEnd = span.end ? lastDay(span.end) : undefined;
  const rangeStart = range.from ? firstDay(range.from) : undefined;
  const rangeEnd = range.to ? lastDay(range.to) : undefined;
  if (rangeStart && spanEnd && spanEnd < rangeStart) return false;
  if (rangeEnd && spanStart && spanStart > rangeEnd) return false;
  return true;
}
