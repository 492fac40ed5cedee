import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { EntityLabel } from '../../domain/graph.ts';
import type { EvidenceFilter } from '../../domain/rules.ts';
import type { EntityRow } from '../../domain/stored-entity.ts';
import type { SearchStatementParameters } from '../../domain/text/search-query.ts';
import {
  entityFilterNames,
  entityPageSlots,
  filtersSlot,
  type PageRead,
  pageBoundsSlot,
  pageNodesSlot,
  rowSourceSlots,
} from '../entity-page-slots.ts';
import type { ReadScope } from '../read-scope.ts';
import { rowRecordParameters, viewedRecord } from '../record-view.ts';
import { graphEntity, parseRows } from '../rows.ts';

export interface EntityFilter {
  kind: string | null;
  type: string | null;
  /** A TLD's internationalized form: true for IDNs only, false for ASCII names only. */
  idn: boolean | null;
  country: string | null;
  /** Only organizations that manage a TLD in one of these roles (stored values: 'registry', …). */
  manages: readonly string[] | null;
  nameContains: string | null;
  nameStartsWith: string | null;
  /** First and last day of the date range, 'YYYY-MM-DD'. */
  dateFrom: string | null;
  dateTo: string | null;
  topic: string | null;
  /** Slugs of an entity at the other end of a relation the rows must have. */
  party: string | null;
  signatory: string | null;
  participant: string | null;
  speaker: string | null;
  about: string | null;
  saidAt: string | null;
  /** Only entities with a citation of one of these evidence kinds; null for any. */
  evidence: EvidenceFilter;
}

/** A root list's filter with nothing set: what a request without `filter` asks for. */
export const noEntityFilter: EntityFilter = {
  kind: null,
  type: null,
  idn: null,
  country: null,
  manages: null,
  nameContains: null,
  nameStartsWith: null,
  dateFrom: null,
  dateTo: null,
  topic: null,
  party: null,
  signatory: null,
  participant: null,
  speaker: null,
  about: null,
  saidAt: null,
  evidence: null,
};

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
  /**
   * The stored properties the selection reads of each row, sorted (src/db/record-view.ts):
   * the rows then hold only those. Null for whole records.
   */
  view: readonly string[] | null;
}

export interface PagedEntity {
  entity: EntityRow;
  position: { key: string; id: string; order?: string };
}

export interface EntityPage {
  rows: PagedEntity[];
  /** How many match the filter in all; null when the request did not ask for it. */
  total: number | null;
}

/**
 * How a page is read (the slots of queries/entity-page, src/db/entity-page-slots.ts): in the
 * order of one of the label's indexes, (sortKey, id) or (id), when one hands the rows over
 * already sorted, or of its twin with the kind in front when the request filters on a kind, which
 * then reads that kind's rows only. By date only dated entities are indexed, so that read serves
 * filters with a date bound only (they leave undated entities out anyway); with a kind too, the
 * index (kind, dateFrom, id, dateTo) also counts from the index alone.
 */
export function pageRead(request: Pick<EntityPageRequest, 'orderBy' | 'filter'>): PageRead {
  const ofKind = request.filter.kind !== null;
  if (request.orderBy === 'NAME') return ofKind ? 'kind-name' : 'name';
  if (request.orderBy === 'ID') return ofKind ? 'kind-id' : 'id';
  if (request.filter.dateFrom !== null || request.filter.dateTo !== null) return ofKind ? 'kind-date' : 'date';
  return 'sorted';
}

// Above every stored key, so an absent upper bound still makes a range the index can seek.
const highestKey = '\uffff';

/** The parameters of queries/entity-page (slots included) for one page request. */
export function entityPageParameters(request: EntityPageRequest, withTotal: boolean): Record<string, unknown> {
  // Rows are read ascending when the client's order and the reading direction agree.
  const readAscending = request.ascending !== request.backwards;
  // The cursors as exclusive bounds in ascending key order: "after" is the lower bound of an
  // ascending list and the upper bound of a descending one.
  const lower = request.ascending ? request.after : request.before;
  const upper = request.ascending ? request.before : request.after;
  const slots = entityPageSlots(pageRead(request), readAscending ? 'ASC' : 'DESC');
  const given = new Set(entityFilterNames.filter((name) => request.filter[name] !== null));
  const source = rowSourceSlots(request.label, slots.index, given);
  return {
    ...slots,
    ...source.slots,
    ...rowRecordParameters(request.view),
    filters: filtersSlot(source.filters),
    pageBounds: pageBoundsSlot(slots.sortKey, lower !== null, upper !== null),
    pageNodes: pageNodesSlot.kept,
    entityLabel: request.label,
    ...request.filter,
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
  };
}

/** The answer of queries/entity-page; each row's props are parsed as the request read them (entityPageOf). */
export const entityPageRow = z.object({ total: z.number(), rows: z.array(z.object({ props: z.unknown(), sortKey: z.string() })) });
const wholeRow = z.object({ props: graphEntity });
const viewedRow = z.object({ props: z.array(z.unknown()) });

/** A page from what queries/entity-page returned, rows in the order the client asked for. */
export function entityPageOf(request: EntityPageRequest, withTotal: boolean, row: z.output<typeof entityPageRow> | undefined): EntityPage {
  const found = row?.rows ?? [];
  const view = request.view;
  const entities =
    view === null
      ? parseRows('queries/entity-page', found, wholeRow).map((parsed) => parsed.props)
      : parseRows(
          'queries/entity-page',
          parseRows('queries/entity-page', found, viewedRow).map((parsed) => viewedRecord(view, parsed.props)),
          graphEntity,
        );
  // A cursor of one order is no place in another (schema/paging.ts): it says its order unless that is the default, by name.
  const order = request.orderBy === 'NAME' ? {} : { order: request.orderBy };
  const page = entities.map((entity, index) => ({ entity, position: { key: found[index]?.sortKey ?? '', id: entity.id, ...order } }));
  return { rows: request.backwards ? page.reverse() : page, total: withTotal ? (row?.total ?? 0) : null };
}

/**
 * One page of a root list, rows in the order the client asked for, and with `withTotal` the
 * number of all matches: one statement either way.
 */
export async function loadEntityPage(scope: ReadScope, request: EntityPageRequest, withTotal: boolean): Promise<EntityPage> {
  const [row] = await scope.read('queries/entity-page', entityPageParameters(request, withTotal), entityPageRow);
  return entityPageOf(request, withTotal, row);
}

const tldRow = z.object({ props: graphEntity });

/** A TLD by any written form (the caller expands ".РФ", "xn--p1ai" … into both spellings). */
export async function findTldByForms(scope: ReadScope, forms: string[]): Promise<EntityRow | null> {
  const [row] = await scope.read('queries/tld-by-form', { forms }, tldRow);
  return row?.props ?? null;
}

export interface SearchRow {
  entity: EntityRow;
  score: number;
  /** Whether the entity matches every content word of the query (or is exactly it). */
  allWords: boolean;
  /** For a person, how many of the query's words the position that holds most of them holds; else null. */
  positionWords: number | null;
  /** For a memorandum or an event with positionWords, how many of the query's words its topics hold alone; else null. */
  topicWords: number | null;
}

const searchRow = z.object({
  props: graphEntity,
  score: z.number(),
  allWords: z.boolean(),
  positionWords: z.number().nullable(),
  topicWords: z.number().nullable(),
});
const viewedSearchRow = searchRow.extend({ props: z.array(z.unknown()) });

/**
 * One page of ranked search hits: queries/search with what searchStatementParameters() built.
 * With a view (src/db/record-view.ts), only its properties are read of each hit: the records are
 * partial and answer only the selection the view was made for.
 */
/** What runs a named statement and parses its rows: a request's ReadScope, or a write's transaction through `readerOf`. */
export type StatementReader = Pick<ReadScope, 'read'>;

export async function searchEntities(
  scope: StatementReader,
  parameters: SearchStatementParameters,
  view: readonly string[] | null = null,
): Promise<SearchRow[]> {
  const sent = {
    ...parameters,
    first: neo4j.int(parameters.first),
    candidates: neo4j.int(parameters.candidates),
    ...rowRecordParameters(view),
  };
  const rows =
    view === null
      ? await scope.read('queries/search', sent, searchRow)
      : parseRows(
          'queries/search',
          (await scope.read('queries/search', sent, viewedSearchRow)).map((row) => ({ ...row, props: viewedRecord(view, row.props) })),
          searchRow,
        );
  return rows.map(({ props, ...ranking }) => ({ entity: props, ...ranking }));
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
