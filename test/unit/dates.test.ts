import { describe, expect, it } from 'vitest';
import { dateRange, endsBeforeStart, partialDateProblem } from '../../src/domain/dates.ts';
import type { NodeRow, RelationRow, SeedGraph } from '../../src/domain/graph.ts';
import { formSeparator } from '../../src/domain/text/search-forms.ts';
import { validateSeedFiles } from '../../src/domain/validate.ts';

// Partial dates and the properties derived from records (dateFrom, dateTo, nameKey,
// searchText), without a database. Every expected value is written out by hand, from the
// calendar and the rules in docs, not from the functions under test.

describe('partialDateProblem', () => {
  it('accepts a year, a month or a day that exist, leap days of leap years included', () => {
    for (const date of ['2020', '2021-02', '2018-12-21', '2020-02-29', '2000-02-29', '0001', '9999-12-31']) {
      expect(partialDateProblem(date), date).toBeUndefined();
    }
  });

  it('names the month and its length when the day does not exist', () => {
    expect(partialDateProblem('2021-02-30')).toBe('"2021-02-30" is not a real date: February 2021 has 28 days');
    expect(partialDateProblem('2019-02-29')).toBe('"2019-02-29" is not a real date: February 2019 has 28 days');
    // Divisible by 100 but not by 400: not a leap year.
    expect(partialDateProblem('1900-02-29')).toBe('"1900-02-29" is not a real date: February 1900 has 28 days');
    expect(partialDateProblem('2021-04-31')).toBe('"2021-04-31" is not a real date: April 2021 has 30 days');
    expect(partialDateProblem('2021-01-00')).toBe('"2021-01-00" is not a real date: January 2021 has 31 days');
    expect(partialDateProblem('2021-12-32')).toBe('"2021-12-32" is not a real date: December 2021 has 31 days');
  });

  it('names a month that does not exist', () => {
    expect(partialDateProblem('2021-13')).toBe('"2021-13" is not a real date: there is no month 13');
    expect(partialDateProblem('2021-00')).toBe('"2021-00" is not a real date: there is no month 0');
    expect(partialDateProblem('2021-13-01')).toBe('"2021-13-01" is not a real date: there is no month 13');
  });

  it('refuses every other shape', () => {
    for (const malformed of ['21-02', '2021-2', '2021-02-3', '2021/02', ' 2021', '2021 ', '2021-02-01T00:00', '', '20210', '-2021']) {
      expect(partialDateProblem(malformed), JSON.stringify(malformed)).toBe(
        `expected a partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got ${JSON.stringify(malformed)}`,
      );
    }
  });
});

describe('dateRange: the days a partial date can mean', () => {
  it('a year: 1 January to 31 December', () => {
    expect(dateRange('2021')).toEqual({ first: '2021-01-01', last: '2021-12-31' });
    expect(dateRange('0001')).toEqual({ first: '0001-01-01', last: '0001-12-31' });
  });

  it('a month: its first to its last day, February by the leap-year rule', () => {
    expect(dateRange('2021-02')).toEqual({ first: '2021-02-01', last: '2021-02-28' });
    expect(dateRange('2020-02')).toEqual({ first: '2020-02-01', last: '2020-02-29' });
    expect(dateRange('1900-02')).toEqual({ first: '1900-02-01', last: '1900-02-28' });
    expect(dateRange('2000-02')).toEqual({ first: '2000-02-01', last: '2000-02-29' });
    expect(dateRange('2021-04')).toEqual({ first: '2021-04-01', last: '2021-04-30' });
    expect(dateRange('2021-12')).toEqual({ first: '2021-12-01', last: '2021-12-31' });
  });

  it('a day: that day', () => {
    expect(dateRange('2021-02-03')).toEqual({ first: '2021-02-03', last: '2021-02-03' });
  });

  it('throws on what is not a partial date (callers validate first)', () => {
    for (const bad of ['2021-02-30', '2021-13', 'soon', '']) expect(() => dateRange(bad), bad).toThrow(`not a partial date: ${bad}`);
  });
});

describe('endsBeforeStart: an end certainly before its start', () => {
  it('only when no day of the end can fall on or after a day of the start', () => {
    expect(endsBeforeStart('2021-03', '2021-02-28')).toBe(true);
    expect(endsBeforeStart('2021', '2020-12')).toBe(true);
    expect(endsBeforeStart('2021-02-03', '2021-02-02')).toBe(true);
    expect(endsBeforeStart('2021', '2020')).toBe(true);
  });

  it('never when the precisions overlap, or on the same day', () => {
    expect(endsBeforeStart('2021-03', '2021')).toBe(false);
    expect(endsBeforeStart('2021', '2021-03')).toBe(false);
    expect(endsBeforeStart('2021-03-05', '2021-03')).toBe(false);
    expect(endsBeforeStart('2021-02', '2021-02-01')).toBe(false);
    expect(endsBeforeStart('2021-02-03', '2021-02-03')).toBe(false);
    expect(endsBeforeStart('2020-12-31', '2021')).toBe(false);
  });
});

describe('what the validator derives from records', () => {
  const files = [
    {
      path: 'seed/data/derived.json',
      text: JSON.stringify({
        sources: [
          { id: 'src-undated', title: 'Заметка  о  «Ёлке»' },
          { id: 'src-month', title: 'Monthly report', date: '2020-02' },
        ],
        persons: [
          {
            id: 'petr-ezhikov',
            name: 'Пётр Ёжиков',
            aliases: ['Pyotr Yozhikov', 'П. Ежиков'],
            sources: ['src-undated'],
            evidence: 'STATED',
          },
        ],
        organizations: [{ id: 'telefonica', name: 'Telefónica', kind: 'company', sources: ['src-undated'], evidence: 'STATED' }],
        tlds: [
          { id: 'tld-moskva', name: '.москва', ascii: '.xn--80adxhks', type: 'geographic', sources: ['src-undated'], evidence: 'STATED' },
        ],
        countries: [{ id: 'country-by', name: 'Belarus', code: 'BY', sources: ['src-undated'], evidence: 'STATED' }],
        memoranda: [
          { id: 'memo-year', name: 'A memorandum of 2021', date: '2021', sources: ['src-undated'], evidence: 'STATED' },
          { id: 'memo-undated', name: 'An undated memorandum', sources: ['src-undated'], evidence: 'STATED' },
        ],
        events: [
          {
            id: 'event-span',
            name: 'A two-month event',
            startDate: '2021-11',
            endDate: '2021-12',
            sources: ['src-undated'],
            evidence: 'STATED',
          },
          { id: 'event-start', name: 'An event with a start only', startDate: '2020-02', sources: ['src-undated'], evidence: 'STATED' },
          { id: 'event-day', name: 'A one-day event', startDate: '2021-02-03', sources: ['src-undated'], evidence: 'STATED' },
        ],
        bodies: [{ id: 'body-board', name: 'A board', sources: ['src-undated'], evidence: 'STATED' }],
        relations: [
          { type: 'MEMBER_OF', from: 'telefonica', to: 'body-board', startDate: '2019', sources: ['src-undated'], evidence: 'STATED' },
          { type: 'PARTY_TO', from: 'telefonica', to: 'memo-year', date: '2021-06', sources: ['src-undated'], evidence: 'STATED' },
          {
            type: 'HOLDS_POSITION',
            from: 'petr-ezhikov',
            to: 'telefonica',
            title: 'Director',
            startDate: '2018-03',
            endDate: '2020',
            sources: ['src-undated'],
            evidence: 'STATED',
          },
        ],
      }),
    },
  ];
  const graph: SeedGraph = validateSeedFiles(files);
  const node = (id: string): NodeRow => {
    const found = graph.nodes.find((row) => row.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  };
  const relation = (type: string): RelationRow => {
    const found = graph.relations.find((row) => row.type === type);
    if (!found) throw new Error(`no relation ${type}`);
    return found;
  };
  const pick = (props: NodeRow['props'], ...fields: string[]) =>
    Object.fromEntries(fields.filter((field) => field in props).map((field) => [field, props[field]]));

  it('a name key: lower case, ё as е, no accents, single spaces', () => {
    expect(node('petr-ezhikov').props.nameKey).toBe('петр ежиков');
    expect(node('telefonica').props.nameKey).toBe('telefonica');
    expect(node('tld-moskva').props.nameKey).toBe('.москва');
    // A source is named by its title.
    expect(pick(node('src-undated').props, 'name', 'nameKey')).toEqual({ name: 'Заметка  о  «Ёлке»', nameKey: 'заметка о «елке»' });
  });

  it('search text: the name key, each alias folded, the slug in words, and per type the other forms', () => {
    expect(node('petr-ezhikov').props.searchText).toBe(['петр ежиков', 'pyotr yozhikov', 'п. ежиков', 'petr ezhikov'].join(formSeparator));
    expect(node('telefonica').props.searchText).toBe('telefonica');
    // The slug "telefonica" is the name key already: written once.
    expect(node('tld-moskva').props.searchText).toBe(
      ['.москва', 'tld moskva', '.xn--80adxhks', 'xn--80adxhks', 'москва'].join(formSeparator),
    );
    expect(node('country-by').props.searchText).toBe(['belarus', 'country by', 'by'].join(formSeparator));
    expect(node('src-month').props.searchText).toBe(['monthly report', 'src month'].join(formSeparator));
  });

  it('dates of entities: a date covers its days; an event without an end lies within its start', () => {
    expect(pick(node('memo-year').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2021-01-01', dateTo: '2021-12-31' });
    expect(pick(node('src-month').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2020-02-01', dateTo: '2020-02-29' });
    expect(pick(node('event-span').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2021-11-01', dateTo: '2021-12-31' });
    expect(pick(node('event-start').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2020-02-01', dateTo: '2020-02-29' });
    expect(pick(node('event-day').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2021-02-03', dateTo: '2021-02-03' });
    expect(pick(node('memo-undated').props, 'dateFrom', 'dateTo')).toEqual({});
    expect(pick(node('src-undated').props, 'dateFrom', 'dateTo')).toEqual({});
  });

  it('dates of relations: a start alone is open-ended (a membership still held)', () => {
    expect(pick(relation('MEMBER_OF').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2019-01-01' });
    expect(pick(relation('PARTY_TO').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2021-06-01', dateTo: '2021-06-30' });
    expect(pick(relation('HOLDS_POSITION').props, 'dateFrom', 'dateTo')).toEqual({ dateFrom: '2018-03-01', dateTo: '2020-12-31' });
  });
});
