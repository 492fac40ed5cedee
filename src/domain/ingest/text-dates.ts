import { partialDateProblem } from '../dates.ts';

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

/** A date written in a text, as the partial date it says and no more precise. */
export interface TextDate {
  start: number;
  end: number;
  /** "2018", "2018-12" or "2018-12-12": src/domain/dates.ts's partial dates. */
  value: string;
  precision: DatePrecision;
}

const englishMonths = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// Russian month names by the stem shared by their cases ("декабря", "декабре", "декабрь").
const russianMonths = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

const englishMonth = `(${englishMonths.join('|')})`;
const russianMonth = `(${russianMonths.map((stem) => `${stem}[а-я]*`).join('|')})`;
const year = '((?:19|20)\\d{2})';

// Longest forms first: each place in the text is read once, by the first pattern that takes it.
const patterns: { pattern: RegExp; read(groups: string[]): [number, number | undefined, number | undefined] | undefined }[] = [
  { pattern: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/giu, read: ([y, m, d]) => [Number(y), Number(m), Number(d)] },
  { pattern: /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/giu, read: ([d, m, y]) => [Number(y), Number(m), Number(d)] },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${englishMonth},? ${year}\\b`, 'giu'),
    read: ([d, m, y]) => [Number(y), monthOf(englishMonths, m), Number(d)],
  },
  {
    pattern: new RegExp(`\\b${englishMonth} (\\d{1,2})(?:st|nd|rd|th)?,? ${year}\\b`, 'giu'),
    read: ([m, d, y]) => [Number(y), monthOf(englishMonths, m), Number(d)],
  },
  { pattern: new RegExp(`\\b${englishMonth},? ${year}\\b`, 'giu'), read: ([m, y]) => [Number(y), monthOf(englishMonths, m), undefined] },
  {
    pattern: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}) ${russianMonth} ${year}(?: (?:года|г\\.))?`, 'giu'),
    read: ([d, m, y]) => [Number(y), russianMonthOf(m), Number(d)],
  },
  {
    pattern: new RegExp(`(?<![\\p{L}\\d])${russianMonth} ${year}(?: (?:года|г\\.))?`, 'giu'),
    read: ([m, y]) => [Number(y), russianMonthOf(m), undefined],
  },
  { pattern: /(?<![\p{L}\d./-])((?:19|20)\d{2})(?![\d/-]|\.\d)/gu, read: ([y]) => [Number(y), undefined, undefined] },
];

function monthOf(names: string[], written: string | undefined): number | undefined {
  const index = names.indexOf((written ?? '').toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function russianMonthOf(written: string | undefined): number | undefined {
  const word = (written ?? '').toLowerCase();
  const index = russianMonths.findIndex((stem) => new RegExp(`^${stem}`, 'u').test(word));
  return index < 0 ? undefined : index + 1;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Every date in a text, with the precision it is written at; impossible dates are skipped. */
export function findDates(text: string): TextDate[] {
  const found: TextDate[] = [];
  const taken = (start: number, end: number) => found.some((date) => start < date.end && date.start < end);
  for (const { pattern, read } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken(start, end)) continue;
      const parts = read(match.slice(1).map((group) => group ?? ''));
      if (!parts) continue;
      const [y, m, d] = parts;
      const value = m === undefined ? String(y) : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
      if (partialDateProblem(value) !== undefined) continue;
      found.push({ start, end, value, precision: m === undefined ? 'YEAR' : d === undefined ? 'MONTH' : 'DAY' });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
