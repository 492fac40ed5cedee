import neo4j from 'neo4j-driver';
import type { Database, RoundTripCounter } from '../database.ts';
import { type EntityRecord, toEntityRecord } from './entities.ts';

export type Direction = 'out' | 'in' | 'both';

/** One stored relationship seen from one of its ends. */
export interface RelationRecord {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  /** The end that is not the entity the page belongs to. */
  other: EntityRecord;
  /** The entity named by the relation's onBehalfOf (a signatory's organization), if any. */
  onBehalfOf: EntityRecord | null;
  /** The keyset position: the other end's name key and the relationship key. */
  position: { key: string; id: string };
}

export interface RelationPageRequest {
  type: string;
  direction: Direction;
  /** Only relationships whose other end has one of these labels; null for any. */
  labels: string[] | null;
  /** Only relationships with one of these roles; null for any. */
  roles: string[] | null;
  limit: number;
  after: { key: string; id: string } | null;
  before: { key: string; id: string } | null;
  /** Read from the end (for `last`); the page comes back in ascending order all the same. */
  backwards: boolean;
}

export interface RelationPage {
  total: number;
  edges: RelationRecord[];
}

interface Row {
  id: string;
  total: number;
  edges: {
    type: string;
    from: string;
    to: string;
    props: Record<string, unknown>;
    sortKey: string;
    other: Record<string, unknown>;
    onBehalfOf: Record<string, unknown> | null;
  }[];
}

/** One page of one relationship type for each entity id, in one round trip. */
export async function loadRelationPages(
  db: Database,
  ids: readonly string[],
  request: RelationPageRequest,
  counter?: RoundTripCounter,
): Promise<Map<string, RelationPage>> {
  const rows = await db.read<Row>(
    'queries/relation-pages',
    {
      ids: [...new Set(ids)],
      type: request.type,
      direction: request.direction,
      labels: request.labels,
      roles: request.roles,
      // A JS number travels as a float, and LIMIT takes integers only.
      limit: neo4j.int(request.limit),
      afterKey: request.after?.key ?? null,
      afterId: request.after?.id ?? null,
      beforeKey: request.before?.key ?? null,
      beforeId: request.before?.id ?? null,
      backwards: request.backwards,
    },
    counter,
  );
  const pages = new Map<string, RelationPage>();
  for (const row of rows) {
    const edges = row.edges.map((edge) => ({
      type: edge.type,
      from: edge.from,
      to: edge.to,
      props: edge.props,
      other: toEntityRecord(edge.other),
      onBehalfOf: edge.onBehalfOf ? toEntityRecord(edge.onBehalfOf) : null,
      position: { key: edge.sortKey, id: String(edge.props.key) },
    }));
    if (request.backwards) edges.reverse();
    pages.set(row.id, { total: row.total, edges });
  }
  return pages;
}

/** The transitive PART_OF parents of each id, nearest first, in one round trip. */
export async function loadAncestors(db: Database, ids: readonly string[], counter?: RoundTripCounter): Promise<EntityRecord[][]> {
  const rows = await db.read<{ id: string; ancestors: Record<string, unknown>[] }>(
    'queries/ancestors',
    { ids: [...new Set(ids)] },
    counter,
  );
  const byId = new Map(rows.map((row) => [row.id, row.ancestors.map(toEntityRecord)]));
  return ids.map((id) => byId.get(id) ?? []);
}
