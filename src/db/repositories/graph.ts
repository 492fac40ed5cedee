import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { AsOfFilter } from '../../domain/dates.ts';
import { entityLabels } from '../../domain/graph.ts';
import type { EvidenceFilter } from '../../domain/rules.ts';
import type { EntityRow } from '../../domain/stored-entity.ts';
import { inlinePathParts, inlineRelationNames, listedPathParts } from '../path-parts-slots.ts';
import { type PathFilterName, pathSearch } from '../path-search-slots.ts';
import type { ReadScope } from '../read-scope.ts';
import { type RecordView, viewedRecordIn } from '../record-view.ts';
import {
  decodedEach,
  graphEntity,
  graphEntityIn,
  isPropertyMap,
  RowShapeError,
  relationProperties,
  relationPropertiesIn,
} from '../rows.ts';
import { timelineAnswers } from '../timeline-slots.ts';
import { asOfParameters } from './relations.ts';

/**
 * Whole-graph reads: neighbourhoods, shortest paths, timelines and counts. Every function is
 * one named statement per round trip (the neighbourhood one per hop), never one per entity.
 */

/** One stored relationship, oriented as stored: `from` is its start node's slug. */
const edgeRow = z.object({
  /**
   * Neo4j's element id (unique within one answer, not stable across database rebuilds); on a path
   * read through a record view, the relationship's key.
   */
  id: z.string(),
  type: z.string(),
  from: z.string(),
  to: z.string(),
  props: relationProperties,
});
export type EdgeRecord = z.infer<typeof edgeRow>;

/** A neighbourhood: entities in hop order (the start first), edges between them only. */
export interface NeighborhoodRecord {
  nodes: EntityRow[];
  edges: EdgeRecord[];
  /** How far each entity is from the start, by slug. */
  hops: Map<string, number>;
  /** Whether more entities lie within `depth` hops than `maxNodes` let in. */
  truncated: boolean;
}

const hopRow = z.object({ frontier: z.array(graphEntity), added: z.array(graphEntity), edges: z.array(edgeRow) });

/**
 * The entities within `depth` hops of `start` (any relationship, either direction), at most
 * `maxNodes` of them counting the start, and every relationship between two of them.
 * Breadth-first with one round trip per hop: each hop takes the next frontier's neighbours in
 * slug order until the budget is spent. Null when the start slug is unknown.
 */
export async function loadNeighborhood(
  scope: ReadScope,
  start: string,
  depth: number,
  maxNodes: number,
  evidence: EvidenceFilter = null,
  asOf: AsOfFilter = null,
): Promise<NeighborhoodRecord | null> {
  const nodes: EntityRow[] = [];
  const edges: EdgeRecord[] = [];
  const hops = new Map<string, number>();
  let frontier = [start];
  let truncated = false;
  for (let hop = 1; hop <= depth && !truncated; hop += 1) {
    const budget = maxNodes - (hop === 1 ? 1 : nodes.length);
    // The first hop always runs: it is also what proves the start exists.
    if (hop > 1 && frontier.length === 0) break;
    // One entity more than the budget, to learn whether the budget cut the walk short: a spent
    // budget still asks, for one, when a frontier is left.
    const [row] = await scope.read(
      'queries/neighborhood-hop',
      {
        frontier,
        seen: hop === 1 ? [start] : [...hops.keys()],
        budget: neo4j.int(Math.max(budget, 0) + 1),
        includeFrontier: hop === 1,
        evidence,
        ...asOfParameters(asOf),
      },
      hopRow,
    );
    if (hop === 1) {
      const origin = row?.frontier[0];
      if (!origin) return null;
      nodes.push(origin);
      hops.set(start, 0);
    }
    const reached = row?.added ?? [];
    truncated = reached.length > Math.max(budget, 0);
    const added = reached.slice(0, Math.max(budget, 0));
    const left = new Set(reached.slice(added.length).map((entity) => entity.id));
    for (const entity of added) {
      nodes.push(entity);
      hops.set(entity.id, hop);
    }
    edges.push(...(row?.edges ?? []).filter((edge) => !left.has(edge.from) && !left.has(edge.to)));
    frontier = added.map((entity) => entity.id);
  }
  return { nodes, edges, hops, truncated };
}

/** One path: its entities in path order and, between each pair, the relationship as stored. */
export interface PathRecord {
  nodes: EntityRow[];
  edges: EdgeRecord[];
}

/** An end of the paths as the statement names it: enough to check a reference, not a record. */
const pathEnd = z.object({ id: z.string(), label: z.enum(entityLabels) });
export type PathEnd = z.output<typeof pathEnd>;

export interface PathsResult {
  /** The two ends the slugs named (current or former slugs), null for one that names nothing. */
  from: PathEnd | null;
  to: PathEnd | null;
  paths: PathRecord[];
}

const pathsRow = z.object({
  fromEntity: pathEnd.nullable(),
  toEntity: pathEnd.nullable(),
  // Whole records: each path's slugs and element ids, each entity and relationship once in
  // entities and relations. Through a view: each path's values inline (path-parts-slots.ts).
  // Decoded below, by hand.
  paths: z.array(z.object({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) })),
  entities: z.array(z.unknown()),
  relations: z.array(z.unknown()),
});
type PathsRow = z.output<typeof pathsRow>;
const statementName = 'queries/shortest-paths';

/** One relationship on the paths, listed once with its whole record. */
function listedRelationIn(value: unknown): EdgeRecord {
  if (!isPropertyMap(value)) throw new RowShapeError('expected a relationship');
  const { id, type, from, to, props } = value;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
    throw new RowShapeError("expected a relationship's id, type and ends as text");
  }
  return { id, type, from, to, props: relationPropertiesIn(props, 'props') };
}

/** Whole records: the paths put together from the entities and relationships listed once. */
function listedPathsIn(row: PathsRow): PathRecord[] {
  const entities = new Map(
    decodedEach(`${statementName}, entity`, row.entities, (value) => graphEntityIn(value, 'entity')).map((found) => [found.id, found]),
  );
  const relations = new Map(decodedEach(`${statementName}, relation`, row.relations, listedRelationIn).map((edge) => [edge.id, edge]));
  const found = <T>(byKey: Map<string, T>, key: unknown, part: string): T => {
    const value = typeof key === 'string' ? byKey.get(key) : undefined;
    if (value === undefined) throw new RowShapeError(`${statementName}: ${part} ${String(key)} is on a path but not in the answer`);
    return value;
  };
  return row.paths.map((path) => ({
    nodes: path.nodes.map((slug) => found(entities, slug, 'entity')),
    edges: path.edges.map((id) => found(relations, id, 'relationship')),
  }));
}

/**
 * Through a view: each path's entities and relationships from the values inline, an entity
 * decoded once however many paths it is on. A relationship's id is its key, its end the other
 * entity beside it on the path.
 */
function inlinePathsIn(row: PathsRow, view: RecordView): PathRecord[] {
  const relationNames = inlineRelationNames(view.relation);
  const idAt = view.entity.indexOf('id');
  const decoded = new Map<string, EntityRow>();
  const entityIn = (value: unknown): EntityRow => {
    const id = Array.isArray(value) ? value[idAt] : undefined;
    const known = typeof id === 'string' ? decoded.get(id) : undefined;
    if (known !== undefined) return known;
    const entity = graphEntityIn(viewedRecordIn(view.entity, value, 'entity'), 'entity');
    decoded.set(entity.id, entity);
    return entity;
  };
  return row.paths.map((path, index) => {
    const where = `${statementName}, path ${index}`;
    const nodes = decodedEach(`${where}, entity`, path.nodes, entityIn);
    const edges = path.edges.map((value, hop) => {
      try {
        return inlineRelationIn(value, relationNames, nodes[hop]?.id, nodes[hop + 1]?.id);
      } catch (error) {
        if (!(error instanceof RowShapeError)) throw error;
        throw new RowShapeError(`${where}, relation ${hop}: ${error.message}`);
      }
    });
    return { nodes, edges };
  });
}

/** A relationship inline on a path between entities `here` and `next`: [start slug, type, values]. */
function inlineRelationIn(value: unknown, names: readonly string[], here: string | undefined, next: string | undefined): EdgeRecord {
  if (!Array.isArray(value) || value.length !== 3) throw new RowShapeError("expected a relationship's start, type and values");
  const [start, type, values] = value;
  if (typeof start !== 'string' || typeof type !== 'string') throw new RowShapeError("expected a relationship's start and type as text");
  if (here === undefined || next === undefined || (start !== here && start !== next)) {
    throw new RowShapeError(`starts at ${start}, which is not beside it on the path`);
  }
  const props = relationPropertiesIn(viewedRecordIn(names, values, 'props'), 'props');
  if (typeof props.key !== 'string') throw new RowShapeError("expected the relationship's key");
  return { id: props.key, type, from: start, to: start === here ? next : here, props };
}

/** The paths of a shortest-paths answer, whole or through `view` (decoded by hand: a request at 1M holds hundreds of parts). */
export function pathsIn(row: PathsRow | undefined, view: RecordView | null): PathRecord[] {
  if (row === undefined) return [];
  return view === null ? listedPathsIn(row) : inlinePathsIn(row, view);
}

/** The search slot of queries/shortest-paths for the filters given, with their parameters only. */
function searchFor(filters: {
  types: string[] | null;
  evidence: EvidenceFilter;
  asOfFrom: string | null;
  asOfTo: string | null;
  includeUndated: boolean;
}): Record<string, unknown> {
  const given = new Set<PathFilterName>();
  if (filters.types !== null) given.add('types');
  if (filters.evidence !== null) given.add('evidence');
  if (filters.asOfFrom !== null) given.add('asOf');
  return {
    pathSearch: pathSearch(given),
    ...(given.has('types') ? { types: filters.types } : {}),
    ...(given.has('evidence') ? { evidence: filters.evidence } : {}),
    ...(given.has('asOf') ? { asOfFrom: filters.asOfFrom, asOfTo: filters.asOfTo, includeUndated: filters.includeUndated } : {}),
  };
}

/**
 * Every shortest undirected path of at most `maxHops` (1–6) hops, at most `first` of them, in one
 * round trip with resolving the two ends: `from` and `to` are slugs, current or former. `excluded`: labels no inner node of a path may have (null or empty for none),
 * checked during the search (queries/shortest-paths-excluding).
 */
export async function findShortestPaths(
  scope: ReadScope,
  from: string,
  to: string,
  maxHops: number,
  types: readonly string[] | null,
  first: number,
  evidence: EvidenceFilter = null,
  excluded: readonly string[] | null = null,
  asOf: AsOfFilter = null,
  view: RecordView | null = null,
): Promise<PathsResult> {
  const excluding = excluded !== null && excluded.length > 0;
  const filters = { types: types ? [...types] : null, evidence, ...asOfParameters(asOf) };
  const [row] = await scope.read(
    excluding ? 'queries/shortest-paths-excluding' : 'queries/shortest-paths',
    {
      from,
      to,
      maxHops: neo4j.int(maxHops),
      first: neo4j.int(first),
      // The excluding search checks every filter in its pattern; the other has only those given.
      ...(excluding ? { ...filters, excluded: [...excluded] } : searchFor(filters)),
      pathParts: view === null ? listedPathParts : inlinePathParts(view.entity, view.relation),
    },
    pathsRow,
  );
  return { from: row?.fromEntity ?? null, to: row?.toEntity ?? null, paths: pathsIn(row, view) };
}

/**
 * One dated fact: an entity's date (`entity` set) or a relationship's own date (`edge` set, no
 * `entity`). In an actor's timeline every entry but the actor's own date has the relationship
 * touching the actor (`edge`) and its other end (`other`); when that relationship has no date of
 * its own, the date is the other end's, and `entity` is that end.
 */
const timelineEntry = z.object({
  /** The partial date as stored ("2021-02"): `date`, else `startDate`. */
  date: z.string(),
  /** When it ended, as stored, if the source says. */
  endDate: z.string().nullable(),
  /** The first and last days the fact covers; dateTo is null while it goes on. */
  dateFrom: z.string(),
  dateTo: z.string().nullable(),
  /** The tie-breaker after the date: an entity's slug, a relationship's key. */
  key: z.string(),
  entity: graphEntity.nullable(),
  edge: edgeRow.nullable(),
  other: graphEntity.nullable(),
});
export type TimelineRecord = z.infer<typeof timelineEntry>;

/** Which dated facts a timeline reads: whose, in which window, of which types, with which support. */
export interface TimelineFacts {
  /** Only the facts of this entity (its slug); null for the whole graph. */
  actor: string | null;
  /** The first and the last day ('YYYY-MM-DD') a fact must overlap; null for open. */
  from: string | null;
  to: string | null;
  /** The entity types whose dates are wanted, and the relationship types (either may be empty). */
  labels: readonly string[];
  types: readonly string[];
  evidence: EvidenceFilter;
}

export interface TimelineRequest extends TimelineFacts {
  /** The keyset position after which the page starts: a date (dateFrom) and a key. */
  after: { key: string; id: string } | null;
  limit: number;
}

/** The timeline statement for a request and its parameters, with the slot that ends it: a page, or a count. */
function timelineStatement(request: TimelineRequest, answer: keyof typeof timelineAnswers) {
  return {
    name: request.actor === null ? 'queries/timeline-graph' : 'queries/timeline',
    parameters: {
      ...(request.actor === null ? {} : { id: request.actor }),
      // The window through fragments/as-of: open ends as the earliest and latest days there are.
      ...asOfParameters({ first: request.from ?? '0000-01-01', last: request.to ?? '9999-12-31', includeUndated: false }),
      labels: [...request.labels],
      types: [...request.types],
      evidence: request.evidence,
      afterDate: request.after?.key ?? null,
      afterKey: request.after?.id ?? null,
      ...(request.actor === null ? { seekFrom: request.after?.key ?? '' } : {}),
      limit: neo4j.int(request.limit),
      timelineAnswer: timelineAnswers[answer],
    },
  };
}

/** A page of dated facts in (first day, key) order, in one round trip. */
export async function loadTimeline(scope: ReadScope, request: TimelineRequest): Promise<TimelineRecord[]> {
  const { name, parameters } = timelineStatement(request, 'page');
  return scope.read(name, parameters, timelineEntry);
}

/** How many dated facts a timeline holds over all its pages, in one round trip. */
export async function countTimeline(scope: ReadScope, facts: TimelineFacts): Promise<number> {
  // From the start, and no branch of the graph-wide statement stops early.
  const { name, parameters } = timelineStatement({ ...facts, after: null, limit: Number.MAX_SAFE_INTEGER }, 'count');
  const [row] = await scope.read(name, parameters, z.object({ total: z.number() }));
  return row?.total ?? 0;
}

const typeCount = z.object({ type: z.string(), count: z.number() });
export type TypeCountRecord = z.infer<typeof typeCount>;

/** How many entities of each of `labels`, in that order (0 where the statement has none), from the count store. */
export async function countEntitiesByLabel(scope: ReadScope, labels: readonly string[]): Promise<TypeCountRecord[]> {
  const rows = await scope.read('queries/stats-entities', {}, typeCount);
  const counts = new Map(rows.map((row) => [row.type, row.count]));
  return labels.map((type) => ({ type, count: counts.get(type) ?? 0 }));
}

/** How many relationships of each of `types`, in that order (0 where the statement has none), from the count store. */
export async function countRelationsByType(scope: ReadScope, types: readonly string[]): Promise<TypeCountRecord[]> {
  const rows = await scope.read('queries/stats-relations', {}, typeCount);
  const counts = new Map(rows.map((row) => [row.type, row.count]));
  return types.map((type) => ({ type, count: counts.get(type) ?? 0 }));
}

const rankedRow = z.object({ props: graphEntity, count: z.number() });

export interface RankedRecord {
  entity: EntityRow;
  count: number;
}

/** The actors (Organization, Person, Body) with the most relationships, ties by slug. */
export async function loadMostConnected(scope: ReadScope, first: number): Promise<RankedRecord[]> {
  const rows = await scope.read('queries/stats-most-connected', { first: neo4j.int(first) }, rankedRow);
  return rows.map((row) => ({ entity: row.props, count: row.count }));
}

/** The topics with the most COVERS and DISCUSSED relations, ties by slug. */
export async function loadTopTopics(scope: ReadScope, first: number): Promise<RankedRecord[]> {
  const rows = await scope.read('queries/stats-top-topics', { first: neo4j.int(first) }, rankedRow);
  return rows.map((row) => ({ entity: row.props, count: row.count }));
}
