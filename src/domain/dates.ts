/**
 * Partial dates: a date with exactly the precision its source gives ("2020", "2021-02",
 * "2018-12-21"). The seed never invents a month or a day, so a partial date stands for a
 * range of days, and comparisons and the stored dateFrom/dateTo work on that range.
 */

const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The first and the last day a partial date can mean, both as 'YYYY-MM-DD'. */
export interface DateRange {
  first: string;
  last: string;
}

interface DateParts {
  year: number;
  month: number | undefined;
  day: number | undefined;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function splitDate(value: string): DateParts | undefined {
  const match = partialDatePattern.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return {
    year: Number(year),
    month: month === undefined ? undefined : Number(month),
    day: day === undefined ? undefined : Number(day),
  };
}

/** Why a string is not a partial date, or undefined when it is one. */
export function partialDateProblem(value: string): string | undefined {
  const parts = splitDate(value);
  if (!parts) {
    return `expected a partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got ${JSON.stringify(value)}`;
  }
  const { year, month, day } = parts;
  if (month !== undefined && (month < 1 || month > 12)) {
    return `${JSON.stringify(value)} is not a real date: there is no month ${month}`;
  }
  if (month !== undefined && day !== undefined) {
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) {
      return `${JSON.stringify(value)} is not a real date: ${monthNames[month - 1]} ${year} has ${days} days`;
    }
  }
  return undefined;
}

/** A partial date as people write it, at its precision ("27 April 2021", "February 2021", "2020"); undefined when it is none. */
export function partialDateInWords(value: string): string | undefined {
  const parts = splitDate(value);
  if (!parts || partialDateProblem(value) !== undefined) return undefined;
  const month = parts.month === undefined ? undefined : monthNames[parts.month - 1];
  return [parts.day, month, parts.year].filter((part) => part !== undefined).join(' ');
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The days a valid partial date covers; throws on an invalid one (validate first). */
export function dateRange(value: string): DateRange {
  const parts = splitDate(value);
  if (!parts || partialDateProblem(value) !== undefined) throw new Error(`not a partial date: ${value}`);
  const year = pad(parts.year, 4);
  if (parts.month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const month = `${year}-${pad(parts.month, 2)}`;
  if (parts.day === undefined) {
    return { first: `${month}-01`, last: `${month}-${pad(daysInMonth(parts.year, parts.month), 2)}` };
  }
  return { first: value, last: value };
}

/**
 * True when `end` certainly comes before `start`. Overlapping precisions are allowed:
 * startDate "2021-03" with endDate "2021" is fine, since the end may be any day of 2021.
 */
export function endsBeforeStart(start: string, end: string): boolean {
  return dateRange(end).last < dateRange(start).first;
}

/**
 * The `asOf` argument of the relation-walking fields: the days its partial date covers, and
 * whether relationships with no date at all pass. Null when no asOf is asked: every relationship
 * passes, dated or not.
 */
export type AsOfFilter = { first: string; last: string; includeUndated: boolean } | null;

/** The filter for an asOf argument (a valid partial date, or absent) and its includeUndated. */
export function asOfFilter(asOf: string | null | undefined, includeUndated: boolean | null | undefined): AsOfFilter {
  if (asOf === null || asOf === undefined) return null;
  return { ...dateRange(asOf), includeUndated: includeUndated === true };
}
