import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cutPage, decodeCursor, encodeCursor, type PageWindow, type Position, pageWindow } from '../../src/schema/paging.ts';

// Keyset paging without a database. Every expected value is written out by hand; the cursors
// were computed with coreutils (`echo -n '["a","b"]' | base64`), not with encodeCursor.

const cursorAB = 'WyJhIiwiYiJd'; // ["a","b"]
const cursorAcme = 'WyJhY21lIiwienotMSJd'; // ["acme","zz-1"]
const cursorC = 'WyJjIiwiYy0xIl0'; // ["c","c-1"]

/** What a function threw, as a client would see it: the message and extensions. */
function thrown(run: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: { ...error.extensions } };
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('cursors', () => {
  it('are base64url of [key, id]', () => {
    expect(encodeCursor({ key: 'a', id: 'b' })).toBe(cursorAB);
    expect(encodeCursor({ key: 'acme', id: 'zz-1' })).toBe(cursorAcme);
    expect(decodeCursor(cursorAcme, 'after')).toEqual({ key: 'acme', id: 'zz-1' });
  });

  it('refuses anything this API did not issue, naming the argument', () => {
    // "[1,2]", "{}", "not json" and '["a"]', base64url-encoded by hand.
    for (const bad of ['WzEsMl0', 'e30', 'bm90IGpzb24', 'WyJhIl0', '%%%', '']) {
      expect(
        thrown(() => decodeCursor(bad, 'before')),
        bad,
      ).toEqual({
        message: '"before" is not a cursor this API issued',
        extensions: { code: 'BAD_USER_INPUT', field: 'before', argument: 'before' },
      });
    }
  });
});

describe('pageWindow', () => {
  it('reads 20 forwards from the start when given nothing, and one row more to learn whether more exist', () => {
    expect(pageWindow({})).toEqual({ size: 20, limit: 21, backwards: false, after: null, before: null });
  });

  it('reads `first` forwards after a cursor', () => {
    expect(pageWindow({ first: 5, after: cursorAB })).toEqual({
      size: 5,
      limit: 6,
      backwards: false,
      after: { key: 'a', id: 'b' },
      before: null,
    });
  });

  it('reads `last` backwards before a cursor, and keeps both cursors when given both', () => {
    expect(pageWindow({ last: 3, before: cursorAcme })).toEqual({
      size: 3,
      limit: 4,
      backwards: true,
      after: null,
      before: { key: 'acme', id: 'zz-1' },
    });
    expect(pageWindow({ first: 1, after: cursorAB, before: cursorAcme })).toMatchObject({
      after: { key: 'a', id: 'b' },
      before: { key: 'acme', id: 'zz-1' },
    });
  });

  it('treats null like an absent argument, as GraphQL variables send it', () => {
    expect(pageWindow({ first: null, last: null, after: null, before: null })).toEqual(pageWindow({}));
    expect(pageWindow({ first: 100 }).size).toBe(100);
    expect(pageWindow({ last: 1 }).limit).toBe(2);
  });

  it('refuses sizes outside 1..100 and fractions, naming the argument and the value', () => {
    const cases: [Parameters<typeof pageWindow>[0], string][] = [
      [{ first: 0 }, '"first" must be between 1 and 100, got 0'],
      [{ first: 101 }, '"first" must be between 1 and 100, got 101'],
      [{ first: -1 }, '"first" must be between 1 and 100, got -1'],
      [{ first: 2.5 }, '"first" must be between 1 and 100, got 2.5'],
      [{ last: 0 }, '"last" must be between 1 and 100, got 0'],
      [{ last: 1000 }, '"last" must be between 1 and 100, got 1000'],
    ];
    for (const [args, message] of cases) {
      const argument = args.first === undefined ? 'last' : 'first';
      expect(
        thrown(() => pageWindow(args)),
        message,
      ).toEqual({ message, extensions: { code: 'BAD_USER_INPUT', field: argument, argument } });
    }
  });

  it('refuses first and last together, and a cursor it cannot read', () => {
    expect(thrown(() => pageWindow({ first: 2, last: 2 }))).toEqual({
      message: 'give "first" or "last", not both',
      extensions: { code: 'BAD_USER_INPUT', field: 'last', argument: 'last' },
    });
    expect(thrown(() => pageWindow({ first: 2, after: 'nope' })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
      argument: 'after',
    });
    expect(thrown(() => pageWindow({ last: 2, before: 'nope' })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'before',
      argument: 'before',
    });
  });
});

describe('cutPage', () => {
  interface Row {
    name: string;
    slug: string;
  }
  const position = (row: Row): Position => ({ key: row.name, id: row.slug });
  const rows: Row[] = [
    { name: 'a', slug: 'b' },
    { name: 'acme', slug: 'zz-1' },
    { name: 'c', slug: 'c-1' },
  ];
  const window = (overrides: Partial<PageWindow>): PageWindow => ({
    size: 2,
    limit: 3,
    backwards: false,
    after: null,
    before: null,
    ...overrides,
  });

  // The cursors are written when read (getters): compare what a resolver reads.
  const cut = <T>(rows: T[], window: PageWindow, position: (row: T) => Position) => {
    const page = cutPage(rows, window, position);
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = page.pageInfo;
    return { rows: page.rows, pageInfo: { hasNextPage, hasPreviousPage, startCursor, endCursor } };
  };

  it('forwards from the start: drops the extra last row, says more follow and none precede', () => {
    expect(cut(rows, window({}), position)).toEqual({
      rows: [rows[0], rows[1]],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: cursorAB, endCursor: cursorAcme },
    });
  });

  it('forwards after a cursor, at the end: every row kept, rows precede, none follow', () => {
    expect(cut(rows.slice(0, 2), window({ after: { key: '0', id: '0' } }), position)).toEqual({
      rows: [rows[0], rows[1]],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: cursorAB, endCursor: cursorAcme },
    });
  });

  it('backwards: the extra row is the first one (rows come ascending); more precede', () => {
    expect(cut(rows, window({ backwards: true }), position)).toEqual({
      rows: [rows[1], rows[2]],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: cursorAcme, endCursor: cursorC },
    });
  });

  it('backwards before a cursor, at the start: rows follow (the cursor row), none precede', () => {
    expect(cut(rows.slice(0, 2), window({ backwards: true, before: { key: 'z', id: 'z' } }), position)).toEqual({
      rows: [rows[0], rows[1]],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: cursorAB, endCursor: cursorAcme },
    });
  });

  it('an empty page has no cursors', () => {
    expect(cut([], window({ after: { key: 'a', id: 'b' } }), position)).toEqual({
      rows: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('exactly `size` rows: all kept, nothing more either way', () => {
    expect(cut(rows.slice(0, 2), window({}), position).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: cursorAB,
      endCursor: cursorAcme,
    });
  });
});
