import { BadUserInputError } from '../domain/errors.ts';

/** A keyset position: the sort value and the unique tie-breaker of the last row seen. */
export interface Position {
  key: string;
  id: string;
  /**
   * The order the sort value belongs to, when it is not the list's default: a date is no place
   * in a list by name, so a cursor of one order is refused in another (pageWindow).
   */
  order?: string;
}

export interface PageArguments {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface PageWindow {
  limit: number;
  after: Position | null;
  before: Position | null;
  backwards: boolean;
  /** How many rows the caller asked for (limit is one more, to learn whether more exist). */
  size: number;
}

export const maxPageSize = 100;
export const defaultPageSize = 20;

/**
 * The page a relation connection gives when neither first nor last is asked for, by how many
 * lists it sits in: 20 at the top (one entity's memoranda), 10 inside one list (each
 * organization's memoranda), 5 inside two or more (each memorandum's signatories, for each
 * organization). Every level multiplies the cost of the one below, so smaller defaults deeper
 * down keep a natural first query, written without first:, under the cost limit; the cost model
 * (src/schema/cost.ts) counts the same sizes. A page says hasNextPage and totalCount either way.
 */
export function defaultPageSizeAt(lists: number): number {
  if (lists <= 0) return defaultPageSize;
  return lists === 1 ? 10 : 5;
}

/** How many lists a field's value sits in: one per list index on its response path. */
export function listsAbove(path: { prev: unknown; key: string | number } | undefined): number {
  let count = 0;
  for (let at = path; at; at = at.prev as typeof path) if (typeof at.key === 'number') count += 1;
  return count;
}

/**
 * A connection's totalCount, for its field's resolver. The page's resolver counts only when the
 * selection asks for the field (selectsField), and Pothos types the connection without it.
 */
export function countedTotal(connection: object): number {
  const total = 'totalCount' in connection ? connection.totalCount : null;
  // selectsField errs towards counting, so a selected totalCount always has its number.
  if (typeof total !== 'number') throw new Error('totalCount was selected but not counted');
  return total;
}

/** Cursors are opaque to clients: base64url of the keyset position, and its order when not the default. */
export function encodeCursor(position: Position): string {
  const value = position.order === undefined ? [position.key, position.id] : [position.key, position.id, position.order];
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every((part) => typeof part === 'string')) {
      const [key = '', id = '', order] = value;
      return order === undefined ? { key, id } : { key, id, order };
    }
  } catch {
    // Reported below.
  }
  throw new BadUserInputError(`"${argument}" is not a cursor this API issued`, { argument });
}

/** A cursor's position, refused when it was issued for another order than the page asks for (undefined: the default). */
function positionIn(cursor: string, argument: string, order: string | undefined): Position {
  const position = decodeCursor(cursor, argument);
  if (position.order !== order) {
    throw new BadUserInputError(
      `"${argument}" is a cursor of a page ordered by ${position.order ?? 'the default order'}, not by ${order ?? 'the default order'}: ` +
        'pass it with the orderBy of the page it came from',
      { argument },
    );
  }
  return position;
}

function checkSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1 || value > maxPageSize) {
    throw new BadUserInputError(`"${argument}" must be between 1 and ${maxPageSize}, got ${value}`, { argument });
  }
  return value;
}

/**
 * Checks first/last/after/before the way GitHub's API does, and turns them into a keyset window.
 * `order`: what the page is ordered by when not the list's default, which its cursors must carry.
 */
export function pageWindow(args: PageArguments, fallback: number = defaultPageSize, order?: string): PageWindow {
  if (args.first != null && args.last != null) throw new BadUserInputError('give "first" or "last", not both', { argument: 'last' });
  const backwards = args.last != null;
  const size = backwards ? checkSize(args.last as number, 'last') : checkSize(args.first ?? fallback, 'first');
  return {
    size,
    limit: size + 1,
    backwards,
    after: args.after ? positionIn(args.after, 'after', order) : null,
    before: args.before ? positionIn(args.before, 'before', order) : null,
  };
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * A page's info. Its cursors are written only when read: most selections ask for none, and
 * nested pages are many (Q3 reads some 70 per request).
 */
class KeptPageInfo<T> implements PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  private readonly first: T | undefined;
  private readonly last: T | undefined;
  private readonly position: (row: T) => Position;

  constructor(hasNextPage: boolean, hasPreviousPage: boolean, kept: readonly T[], position: (row: T) => Position) {
    this.hasNextPage = hasNextPage;
    this.hasPreviousPage = hasPreviousPage;
    this.first = kept[0];
    this.last = kept[kept.length - 1];
    this.position = position;
  }
  get startCursor(): string | null {
    return this.first === undefined ? null : encodeCursor(this.position(this.first));
  }
  get endCursor(): string | null {
    return this.last === undefined ? null : encodeCursor(this.position(this.last));
  }
}

/**
 * Cuts the extra row off a fetched window and says which way more rows exist. `rows` are in
 * ascending order; when reading backwards the extra row is the first one.
 */
export function cutPage<T>(rows: T[], window: PageWindow, position: (row: T) => Position): { rows: T[]; pageInfo: PageInfo } {
  const more = rows.length > window.size;
  const kept = more ? (window.backwards ? rows.slice(rows.length - window.size) : rows.slice(0, window.size)) : rows;
  return {
    rows: kept,
    pageInfo: new KeptPageInfo(
      window.backwards ? window.before !== null : more,
      window.backwards ? more : window.after !== null,
      kept,
      position,
    ),
  };
}
