import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { EntityLabel } from '../../domain/graph.ts';
import type { ReadScope } from '../read-scope.ts';
import { entity } from '../rows.ts';
import type { EntityRecord } from './entities.ts';

export interface EntityFilter {
  kind: string | null;
  type: string | null;
  country: string | null;
  nameContains: string | null;
  nameStartsWith: string | null;
  /** First and last day of the date range, 'YYYY-MM-DD'. */
  dateFrom: string | null;
  dateTo: string | null;
  topic: string | null;
}

export type OrderField = 'NAME' | 'DATE' | 'ID';

export interface EntityPageRequest {
  label: EntityLabel;
  filter: EntityFilter;
  orderBy: OrderField;
  ascending: boolean;
  limit: number;
  after: { key: string; id: string } | null;
  before: { key: string; id: string } | null;
  backwards: boolean;
}

export interface EntityRow {
  entity: EntityRecord;
  position: { key: string; id: string };
}

export interface EntityPage {
  rows: EntityRow[];
  /** How many match the filter in all; null when the request did not ask for it. */
  total: number | null;
}

type PageStatement =
  | 'queries/entity-page'
  | 'queries/entity-page-name-asc'
  | 'queries/entity-page-name-desc'
  | 'queries/entity-page-date-asc'
  | 'queries/entity-page-date-desc'
  | 'queries/entity-page-id-asc'
  | 'queries/entity-page-id-desc'
  | 'queries/entity-page-kind-date-asc'
  | 'queries/entity-page-kind-date-desc';

// Orders an index (label, sortKey, id) or (label, id) can hand over already sorted, by reading
// direction. By date only dated entities are indexed, so that variant serves filters with a
// date bound only (they leave undated entities out anyway); with a kind too, the index
// (label, kind, dateFrom, id, dateTo) reads that kind only, and counts from the index alone.
const indexedStatements: Record<OrderField | 'KIND_DATE', Record<'asc' | 'desc', PageStatement>> = {
  NAME: { asc: 'queries/entity-page-name-asc', desc: 'queries/entity-page-name-desc' },
  DATE: { asc: 'queries/entity-page-date-asc', desc: 'queries/entity-page-date-desc' },
  ID: { asc: 'queries/entity-page-id-asc', desc: 'queries/entity-page-id-desc' },
  KIND_DATE: { asc: 'queries/entity-page-kind-date-asc', desc: 'queries/entity-page-kind-date-desc' },
};

function pageStatement(request: EntityPageRequest, readAscending: boolean): PageStatement {
  const direction = readAscending ? 'asc' : 'desc';
  if (request.orderBy === 'NAME' || request.orderBy === 'ID') return indexedStatements[request.orderBy][direction];
  if (request.orderBy === 'DATE' && (request.filter.dateFrom !== null || request.filter.dateTo !== null)) {
    return indexedStatements[request.filter.kind !== null ? 'KIND_DATE' : 'DATE'][direction];
  }
  return 'queries/entity-page';
}

// Above every stored key, so an absent upper bound still makes a range the index can seek.
const highestKey = '\uffff';

/**
 * One page of a root list, rows in the order the client asked for, and with `withTotal` the
 * number of all matches: one statement either way.
 */
export async function loadEntityPage(scope: ReadScope, request: EntityPageRequest, withTotal: boolean): Promise<EntityPage> {
  // Rows are read ascending when the client's order and the reading direction agree.
  const readAscending = request.ascending !== request.backwards;
  // The cursors as exclusive bounds in ascending key order: "after" is the lower bound of an
  // ascending list and the upper bound of a descending one.
  const lower = request.ascending ? request.after : request.before;
  const upper = request.ascending ? request.before : request.after;
  const [row] = await scope.read(
    pageStatement(request, readAscending),
    {
      label: request.label,
      ...request.filter,
      orderBy: request.orderBy,
      readAscending,
      withTotal,
      // A JS number travels as a float, and LIMIT takes integers only.
      limit: neo4j.int(request.limit),
      lowerKey: lower?.key ?? null,
      lowerId: lower?.id ?? null,
      upperKey: upper?.key ?? null,
      upperId: upper?.id ?? null,
      seekFrom: lower?.key ?? '',
      seekTo: upper?.key ?? highestKey,
      dateSeekTo: request.filter.dateTo ?? highestKey,
    },
    z.object({ total: z.number(), rows: z.array(z.object({ props: entity, sortKey: z.string() })) }),
  );
  const page = (row?.rows ?? []).map((found) => ({ entity: found.props, position: { key: found.sortKey, id: found.props.id } }));
  return { rows: request.backwards ? page.reverse() : page, total: withTotal ? (row?.total ?? 0) : null };
}

/** A TLD by any written form (the caller expands ".РФ", "xn--p1ai" … into both spellings). */
export async function findTldByForms(scope: ReadScope, forms: string[]): Promise<EntityRecord | null> {
  const [row] = await scope.read('queries/tld-by-form', { forms }, z.object({ props: entity }));
  return row?.props ?? null;
}

export interface SearchRow {
  entity: EntityRecord;
  score: number;
}

export async function searchEntities(
  scope: ReadScope,
  query: string,
  labels: EntityLabel[] | null,
  first: number,
  /** Normalized forms of the query: entities with a name, alias or form exactly this come first. */
  exact: readonly string[] = [],
): Promise<SearchRow[]> {
  // Type filtering and exact matches reorder the index's hits: ask it for more candidates than we
  // keep, so that "ISPCP" still finds the body whose alias it is among longer names that mention it.
  const candidates = Math.max(labels ? first * 10 : first, 100);
  const rows = await scope.read(
    'queries/search',
    { query, labels, exact: [...exact], first: neo4j.int(first), candidates: neo4j.int(candidates) },
    z.object({ props: entity, score: z.number() }),
  );
  return rows.map((row) => ({ entity: row.props, score: row.score }));
}

const countryRow = z.object({
  slug: z.string(),
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  formerSlugs: z.array(z.string()),
});
export type CountryRecord = z.infer<typeof countryRow>;

/** Every country of the graph, by name: its slug, ISO code, name, aliases and former slugs. */
export function loadCountries(scope: ReadScope): Promise<CountryRecord[]> {
  return scope.read('queries/countries', {}, countryRow);
}
