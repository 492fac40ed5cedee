import neo4j from 'neo4j-driver';
import type { EntityLabel } from '../../seed/graph.ts';
import type { Database, RoundTripCounter } from '../database.ts';
import { type EntityRecord, toEntityRecord } from './entities.ts';

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

/** One page of a root list, rows in the order the client asked for. */
export async function loadEntityPage(db: Database, request: EntityPageRequest, counter?: RoundTripCounter): Promise<EntityRow[]> {
  const rows = await db.read<{ props: Record<string, unknown>; sortKey: string }>(
    'queries/entity-page',
    {
      label: request.label,
      ...request.filter,
      orderBy: request.orderBy,
      ascending: request.ascending,
      backwards: request.backwards,
      // A JS number travels as a float, and LIMIT takes integers only.
      limit: neo4j.int(request.limit),
      afterKey: request.after?.key ?? null,
      afterId: request.after?.id ?? null,
      beforeKey: request.before?.key ?? null,
      beforeId: request.before?.id ?? null,
    },
    counter,
  );
  const page = rows.map((row) => {
    const entity = toEntityRecord(row.props);
    return { entity, position: { key: row.sortKey, id: entity.id } };
  });
  return request.backwards ? page.reverse() : page;
}

export async function countEntities(db: Database, label: EntityLabel, filter: EntityFilter, counter?: RoundTripCounter): Promise<number> {
  const [row] = await db.read<{ total: number }>('queries/entity-count', { label, ...filter }, counter);
  return row?.total ?? 0;
}

/** A TLD by any written form (the caller expands ".РФ", "xn--p1ai" … into both spellings). */
export async function findTldByForms(db: Database, forms: string[], counter?: RoundTripCounter): Promise<EntityRecord | null> {
  const [row] = await db.read<{ props: Record<string, unknown> }>('queries/tld-by-form', { forms }, counter);
  return row ? toEntityRecord(row.props) : null;
}

export interface SearchRow {
  entity: EntityRecord;
  score: number;
}

export async function searchEntities(
  db: Database,
  query: string,
  labels: EntityLabel[] | null,
  first: number,
  counter?: RoundTripCounter,
  /** Normalized forms of the query: entities with a name, alias or form exactly this come first. */
  exact: readonly string[] = [],
): Promise<SearchRow[]> {
  // Type filtering and exact matches reorder the index's hits: ask it for more candidates than we
  // keep, so that "ISPCP" still finds the body whose alias it is among longer names that mention it.
  const candidates = Math.max(labels ? first * 10 : first, 100);
  const rows = await db.read<{ props: Record<string, unknown>; score: number }>(
    'queries/search',
    { query, labels, exact: [...exact], first: neo4j.int(first), candidates: neo4j.int(candidates) },
    counter,
  );
  return rows.map((row) => ({ entity: toEntityRecord(row.props), score: row.score }));
}
