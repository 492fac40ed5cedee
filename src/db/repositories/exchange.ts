/**
 * What an export reads, page by page: the whole graph in keyset pages by slug, or one actor's
 * neighbourhood. Nothing here holds more than a page of records (a neighbourhood holds its
 * slugs), so a graph of a million entities streams through in constant memory.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { type EntityLabel, entityLabels, type RelationType, relationTypes } from '../../domain/graph.ts';
import { claimsIn } from '../../domain/stored-entity.ts';
import type { EntityProperties, StoredRelation } from '../../formats/records.ts';
import type { ReadScope } from '../read-scope.ts';
import { properties } from '../rows.ts';
import { loadEntitiesById } from './entities.ts';
import { countEntitiesByLabel, countRelationsByType } from './graph.ts';

/** Entities per page; relations come per page of start entities, so a page holds their relationships. */
export const defaultPageSize = 1000;

/**
 * One actor's surroundings: the entities within `depth` hops of it (any relationship, either
 * direction), plus what makes an export of them importable on its own: the organizations the
 * signatories among them signed for, and the sources they all cite.
 */
export interface Neighbourhood {
  start: string;
  depth: number;
  /** The entities the walk reached, the start included: relations are exported between two of these. */
  walked: ReadonlySet<string>;
  /** Every entity to export, by label, each list in slug order. */
  entities: ReadonlyMap<EntityLabel, readonly string[]>;
}

const labelled = z.object({ id: z.string(), label: z.enum(entityLabels) });

/** Null for the whole graph. */
export type ExportScope = Neighbourhood | null;

export async function labelsOf(reads: ReadScope, ids: readonly string[]): Promise<Map<string, EntityLabel>> {
  const labels = new Map<string, EntityLabel>();
  for (let at = 0; at < ids.length; at += 10_000) {
    const rows = await reads.read('exchange/labels-of', { ids: ids.slice(at, at + 10_000) }, labelled);
    for (const row of rows) labels.set(row.id, row.label);
  }
  return labels;
}

/**
 * A neighbourhood that reaches more entities than an export may hold: the walk keeps every id it
 * reached in memory, so it stops at the cap rather than at the end of a hub's surroundings.
 */
export class NeighbourhoodTooLargeError extends Error {
  override name = 'NeighbourhoodTooLargeError';
  readonly cap: number;

  constructor(start: string, depth: number, cap: number) {
    super(`the neighbourhood of "${start}" at depth ${depth} reaches more than ${cap} entities`);
    this.cap = cap;
  }
}

/** Null when no entity has the slug `start`. Past `maxEntities` reached, NeighbourhoodTooLargeError. */
export async function findNeighbourhood(
  reads: ReadScope,
  start: string,
  depth: number,
  pageSize = defaultPageSize,
  maxEntities = Number.POSITIVE_INFINITY,
): Promise<Neighbourhood | null> {
  const found = await labelsOf(reads, [start]);
  if (found.size === 0) return null;
  const members = new Map(found);
  let frontier = [start];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (let at = 0; at < frontier.length; at += pageSize) {
      const rows = await reads.read('exchange/neighbours', { ids: frontier.slice(at, at + pageSize) }, labelled);
      for (const row of rows) {
        if (members.has(row.id)) continue;
        members.set(row.id, row.label);
        if (members.size > maxEntities) throw new NeighbourhoodTooLargeError(start, depth, maxEntities);
        next.push(row.id);
      }
    }
    frontier = next;
  }
  const walked = new Set(members.keys());
  const scope: Neighbourhood = { start, depth, walked, entities: byLabel(members) };

  // The records must import without the rest of the graph: whom a signatory signed for, and
  // every source cited, come along (as records only: their own relations stay out).
  const cited = new Set<string>();
  const signedFor = new Set<string>();
  const cite = (ids: unknown) => {
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') cited.add(id);
  };
  for (const type of relationTypes) {
    for await (const page of relationPages(reads, scope, type, pageSize)) {
      for (const relation of page) {
        cite(relation.props.sources);
        const onBehalfOf = relation.props.onBehalfOf;
        if (typeof onBehalfOf === 'string' && !members.has(onBehalfOf)) signedFor.add(onBehalfOf);
      }
    }
  }
  for (const [id, label] of await labelsOf(reads, [...signedFor])) members.set(id, label);
  const withSignedFor: Neighbourhood = { ...scope, entities: byLabel(members) };
  for (const label of entityLabels) {
    for await (const page of entityPages(reads, withSignedFor, label, pageSize)) {
      for (const entity of page) {
        cite(entity.props.sources);
        for (const claim of claimsIn(entity.props)) cite(claim.sources);
      }
    }
  }
  const sources = [...cited].filter((id) => !members.has(id));
  for (const [id, label] of await labelsOf(reads, sources)) members.set(id, label);
  return { ...scope, entities: byLabel(members) };
}

function byLabel(members: ReadonlyMap<string, EntityLabel>): Map<EntityLabel, string[]> {
  const lists = new Map<EntityLabel, string[]>();
  for (const [id, label] of members) {
    const list = lists.get(label) ?? [];
    list.push(id);
    lists.set(label, list);
  }
  for (const list of lists.values()) list.sort(compareIds);
  return lists;
}

/** Code-unit order, as Neo4j orders strings, so the two kinds of export sort alike. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The labels and relationship types to read, the types in name order (relations sort by type first). */
export interface Wanted {
  labels: EntityLabel[];
  types: RelationType[];
}

/**
 * What an export of `scope` reads. For the whole graph the count store says, at no cost, which
 * labels and types hold anything: a type with no relationship would otherwise cost a walk of
 * the whole id index.
 */
export async function wantedFor(reads: ReadScope, scope: ExportScope): Promise<Wanted> {
  if (scope) return { labels: entityLabels.filter((label) => scope.entities.has(label)), types: [...relationTypes].sort() };
  const labels = await countEntitiesByLabel(reads, entityLabels);
  const types = await countRelationsByType(reads, relationTypes);
  return {
    labels: entityLabels.filter((label) => labels.some((row) => row.type === label && row.count > 0)),
    types: [...relationTypes].filter((type) => types.some((row) => row.type === type && row.count > 0)).sort(),
  };
}

const propertiesRow = z.object({ props: properties });
const relationRow = z.object({ from: z.string(), to: z.string(), props: properties });

/** One label's entities in slug order, a page at a time. */
export async function* entityPages(
  reads: ReadScope,
  scope: ExportScope,
  label: EntityLabel,
  pageSize = defaultPageSize,
): AsyncGenerator<EntityProperties[]> {
  if (scope) {
    const ids = scope.entities.get(label) ?? [];
    for (let at = 0; at < ids.length; at += pageSize) {
      const found = await loadEntitiesById(reads, ids.slice(at, at + pageSize));
      // An entity deleted since the walk found it is simply no longer there.
      // The exchange format carries every property as stored, whatever the label: the raw map.
      yield found.flatMap((entity) => (entity ? [{ label, props: entity.stored }] : []));
    }
    return;
  }
  let after = '';
  for (;;) {
    const rows = await reads.read('exchange/entities-page', { label, after, limit: neo4j.int(pageSize) }, propertiesRow);
    if (rows.length === 0) return;
    yield rows.map((row) => ({ label, props: row.props }));
    after = String(rows[rows.length - 1]?.props.id);
    if (rows.length < pageSize) return;
  }
}

/** One type's relationships in (from, to, key) order, a page of start entities at a time. */
export async function* relationPages(
  reads: ReadScope,
  scope: ExportScope,
  type: RelationType,
  pageSize = defaultPageSize,
): AsyncGenerator<StoredRelation[]> {
  const stored = (rows: z.infer<typeof relationRow>[]) => rows.map((found) => ({ type, ...found }));
  if (scope) {
    const starts = [...scope.walked].sort(compareIds);
    for (let at = 0; at < starts.length; at += pageSize) {
      const rows = await reads.read('exchange/relations-from', { type, ids: starts.slice(at, at + pageSize) }, relationRow);
      const among = rows.filter((found) => scope.walked.has(found.to));
      if (among.length > 0) yield stored(among);
    }
    return;
  }
  let after = '';
  for (;;) {
    const rows = await reads.read('exchange/relations-page', { type, after, limit: neo4j.int(pageSize) }, relationRow);
    if (rows.length === 0) return;
    yield stored(rows);
    after = rows[rows.length - 1]?.from ?? after;
  }
}
