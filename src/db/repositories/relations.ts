import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { AsOfFilter } from '../../domain/dates.ts';
import type { EvidenceFilter } from '../../domain/rules.ts';
import type { EntityRow } from '../../domain/stored-entity.ts';
import type { ReadScope } from '../read-scope.ts';
import {
  edgeBoundsSlot,
  edgeSortKeySlots,
  type RelationFilterName,
  type RelationOrder,
  relationFiltersSlot,
} from '../relation-page-slots.ts';
import { graphEntity, relationProperties } from '../rows.ts';

export type Direction = 'out' | 'in' | 'both';

/** One stored relationship seen from one of its ends. */
export interface RelationRecord {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  /** The end that is not the entity the page belongs to. */
  other: EntityRow;
  /** The entity named by the relation's onBehalfOf (a signatory's organization), if any. */
  onBehalfOf: EntityRow | null;
  /** With includeParts, the part (department, sub-body, section) the relation belongs to; null for the entity itself. */
  part: EntityRow | null;
  /** The keyset position: the page's sort key (the other end's name key, or the date), the relationship key, and the order when not by name. */
  position: { key: string; id: string; order?: string };
}

export interface RelationPageRequest {
  type: string;
  direction: Direction;
  /** Only relationships whose other end has one of these labels; null for any. */
  labels: string[] | null;
  /** Only relationships with one of these roles; null for any. */
  roles: string[] | null;
  /** Only relationships with a citation of one of these evidence kinds; null for any. */
  evidence: EvidenceFilter;
  /** Only relationships that hold on this date (cypher/fragments/as-of); null for any. */
  asOf: AsOfFilter;
  /**
   * How many relations to read: the page's size, and one more when the selection reads pageInfo,
   * to learn whether more exist (src/schema/relations.ts, relationPageRequest).
   */
  limit: number;
  /** The page's size: what the connection keeps of what it reads. */
  size: number;
  /** What the page is ordered by (relation-page-slots.ts, edgeSortKeySlots), then by the relationship key. */
  orderBy: RelationOrder;
  /** Largest first: the client's order, which the cursors follow. */
  descending: boolean;
  after: { key: string; id: string } | null;
  before: { key: string; id: string } | null;
  /** Read from the end (for `last`); the page comes back in the client's order all the same. */
  backwards: boolean;
  /** Whether to count all the relations too (only when totalCount is selected). */
  withTotal: boolean;
  /**
   * With includeParts, the labels of the parts whose relations are rolled into the page (the
   * organizations and bodies inside an organization, the sections inside an event, by PART_OF,
   * transitively); null for the entity's own relations only.
   */
  partLabels: string[] | null;
}

export interface RelationPage {
  /** How many relations there are in all; null when the request did not ask for it. */
  total: number | null;
  edges: RelationRecord[];
}

/** One edge of a page as the relation-page statements return it, parsed. */
export const relationEdgeRow = z.object({
  /** Whether the entity the page belongs to is the relationship's start. */
  forward: z.boolean(),
  props: relationProperties,
  other: graphEntity,
  onBehalfOf: graphEntity.nullable(),
  // Only relation-pages-with-parts has it.
  part: graphEntity.nullable().optional(),
});
export type RelationEdgeRow = z.output<typeof relationEdgeRow>;

const pageRow = z.object({ id: z.string(), total: z.number(), edges: z.array(relationEdgeRow) });

/** The two halves of the arrow the statement's pattern is written with, by direction. */
const arrows: Record<Direction, { left: string; right: string }> = {
  out: { left: '-', right: '->' },
  in: { left: '<-', right: '-' },
  both: { left: '-', right: '-' },
};

/**
 * The parameters of a relation-page read: those of queries/relation-pages, and of each level of
 * a planned nested read (cypher/planned/relation-level), which reads a page the same way.
 */
export function relationPageParameters(request: RelationPageRequest): Record<string, unknown> {
  // Only the filters and bounds a request has reach the text (src/db/relation-page-slots.ts),
  // and only their values are sent.
  const given = new Set<RelationFilterName>();
  if (request.labels !== null) given.add('labels');
  if (request.roles !== null) given.add('roles');
  if (request.evidence !== null) given.add('evidence');
  const asOf = asOfParameters(request.asOf);
  if (asOf.asOfFrom !== null) given.add('asOf');
  // The cursors as exclusive bounds in ascending order: "after" is the lower bound of an
  // ascending page and the upper bound of a descending one.
  const lower = request.descending ? request.before : request.after;
  const upper = request.descending ? request.after : request.before;
  return {
    // type, left, right, order and the three below are written into the statement's text, its
    // {{slots}} (src/db/cypher-files.ts): Neo4j 5 cannot follow a type or direction given as a parameter.
    type: request.type,
    ...arrows[request.direction],
    relationFilters: relationFiltersSlot(given),
    edgeBounds: edgeBoundsSlot(lower !== null, upper !== null),
    edgeSortKey: edgeSortKeySlots[request.orderBy],
    ...(request.labels === null ? {} : { labels: request.labels }),
    ...(request.roles === null ? {} : { roles: request.roles }),
    ...(request.evidence === null ? {} : { evidence: request.evidence }),
    ...(asOf.asOfFrom === null ? {} : asOf),
    // A JS number travels as a float, and LIMIT takes integers only.
    limit: neo4j.int(request.limit),
    ...(lower === null ? {} : { lowerKey: lower.key, lowerId: lower.id }),
    ...(upper === null ? {} : { upperKey: upper.key, upperId: upper.id }),
    // Read descending for a descending page, or backwards (for `last`) through an ascending one.
    order: request.descending !== request.backwards ? 'DESC' : 'ASC',
    withTotal: request.withTotal,
    ...(request.partLabels === null ? {} : { partLabels: request.partLabels }),
  };
}

/** One entity's page from the edges and count a statement returned for it. */
export function relationPageOf(id: string, total: number, rows: readonly RelationEdgeRow[], request: RelationPageRequest): RelationPage {
  const edges = rows.map((edge) => {
    const other = edge.other;
    // The end on this side: the entity itself, or the part the relation belongs to.
    const own = edge.part?.id ?? id;
    return {
      type: request.type,
      from: edge.forward ? own : other.id,
      to: edge.forward ? other.id : own,
      props: edge.props,
      other,
      onBehalfOf: edge.onBehalfOf,
      part: edge.part ?? null,
      // The statement's sort key (edgeSortKeySlots) and the relationship key. Read through a view of a
      // selection without cursors or page info, the page has neither, and needs none.
      position: {
        key: sortKeyOf(request.orderBy, edge.props, other),
        id: typeof edge.props.key === 'string' ? edge.props.key : '',
        // A cursor by date is no place in the default order by name (schema/paging.ts).
        ...(request.orderBy === 'NAME' ? {} : { order: request.orderBy }),
      },
    };
  });
  if (request.backwards) edges.reverse();
  return { total: request.withTotal ? total : null, edges };
}

/** An edge's sort key as edgeSortKeySlots computes it in the statement. */
function sortKeyOf(orderBy: RelationOrder, props: Record<string, unknown>, other: EntityRow): string {
  if (orderBy === 'NAME') return other.nameKey ?? '';
  return (typeof props.dateFrom === 'string' ? props.dateFrom : null) ?? other.dateFrom ?? '';
}

/** One page of one relationship type for each entity id, in one round trip. */
export async function loadRelationPages(
  scope: ReadScope,
  ids: readonly string[],
  request: RelationPageRequest,
): Promise<Map<string, RelationPage>> {
  const rows = await scope.read(
    request.partLabels ? 'queries/relation-pages-with-parts' : 'queries/relation-pages',
    { ids: [...new Set(ids)], ...relationPageParameters(request) },
    pageRow,
  );
  return new Map(rows.map((row) => [row.id, relationPageOf(row.id, row.total, row.edges, request)]));
}

const ancestorsRow = z.object({ id: z.string(), ancestors: z.array(graphEntity) });

/** The transitive PART_OF parents of each id, nearest first, in one round trip. */
export async function loadAncestors(scope: ReadScope, ids: readonly string[]): Promise<EntityRow[][]> {
  const rows = await scope.read('queries/ancestors', { ids: [...new Set(ids)] }, ancestorsRow);
  const byId = new Map(rows.map((row) => [row.id, row.ancestors]));
  return ids.map((id) => byId.get(id) ?? []);
}

/** The parameters of cypher/fragments/as-of, which every statement walking relations includes. */
export function asOfParameters(asOf: AsOfFilter): { asOfFrom: string | null; asOfTo: string | null; includeUndated: boolean } {
  return { asOfFrom: asOf?.first ?? null, asOfTo: asOf?.last ?? null, includeUndated: asOf?.includeUndated ?? false };
}
