/**
 * The questions the explorer asks the API, each a static document with its answer checked
 * (api/shapes.ts). Nothing here reaches past the public GraphQL endpoint.
 */
import { type Capabilities, discoverApi } from './api/capabilities.ts';
import { ApiError, createClient } from './api/client.ts';
import {
  type CitedFor,
  type Conflict,
  conflictsAnswer,
  type Edge,
  type EntityDetails,
  type EntitySummary,
  entitiesAnswer,
  entityAnswer,
  entityDetailsSchema,
  entitySummarySchema,
  neighborhoodAnswer,
  pathsAnswer,
  type SearchHit,
  type Subgraph,
  type Supported,
  searchAnswer,
  sourceNeighbourhoodAnswer,
  sourceSupportsAnswer,
  type TimelineEntry,
} from './api/shapes.ts';
import type { Neighbourhood } from './model/neighbourhood-cut.ts';
import type { PathNarrowing } from './model/path-narrowing.ts';

export interface EntityFile {
  details: EntityDetails;
  timeline: TimelineEntry[];
}

export interface ExplorerApi {
  capabilities: Capabilities;
  search(query: string, signal?: AbortSignal): Promise<SearchHit[]>;
  /**
   * The entities within `depth` relations; for a source, the records it is cited for (it has no
   * relation of its own); with how it is cut when the API gave only part of it.
   */
  neighborhood(id: string, depth: number): Promise<Neighbourhood>;
  /**
   * The shortest paths of at most `maxHops` relations (the API allows 6), through a country only
   * when asked; under `narrowing` (the filters), every hop and entity inside passing them.
   */
  paths(from: string, to: string, maxHops: number, throughCountries: boolean, narrowing?: PathNarrowing): Promise<Subgraph[]>;
  entities(ids: readonly string[]): Promise<EntitySummary[]>;
  entity(id: string): Promise<EntityFile | null>;
  /** The first conflicts about an entity, and how many there are in all. */
  conflicts(id: string): Promise<{ conflicts: Conflict[]; total: number }>;
  /** The first records a source is cited for, and how many there are in all. */
  sourceSupports(id: string): Promise<{ records: Supported[]; total: number }>;
}

/** A source's subgraph with the records it is cited for: each entity, and each relationship with its ends. */
function withCitedFor(subgraph: Subgraph, records: readonly CitedFor[]): Subgraph {
  const nodes = new Map(subgraph.nodes.map((entity) => [entity.id, entity]));
  const edges: Edge[] = [...subgraph.edges];
  for (const record of records) {
    if (!('key' in record)) {
      nodes.set(record.id, record);
      continue;
    }
    const { __typename, from, to, ...edge } = record;
    nodes.set(from.id, from);
    nodes.set(to.id, to);
    edges.push({ ...edge, from: { id: from.id }, to: { id: to.id } });
  }
  return { nodes: [...nodes.values()], edges };
}

/** The most entities one neighbourhood brings: one hop rarely needs more, wider ones get the API's 200. */
const neighbourhoodSize = (depth: number) => (depth === 1 ? 60 : 200);

export async function connectExplorerApi(endpoint: string): Promise<ExplorerApi> {
  const client = createClient(endpoint);
  const { capabilities, documents } = await discoverApi(client);
  return {
    capabilities,
    async search(query, signal) {
      return (await client.request(documents.search, { query, first: 10 }, searchAnswer, signal)).search;
    },
    async neighborhood(id, depth) {
      const answer = await client.request(documents.neighborhood, { id, depth, first: neighbourhoodSize(depth) }, neighborhoodAnswer);
      if (!answer.neighborhood) throw new ApiError([`no entity has the id “${id}”`]);
      const { truncated, ...subgraph } = answer.neighborhood;
      // A source is cited, not linked: "its neighbours" drew it alone. What it is cited for stand for them.
      const centre = subgraph.nodes.find((entity) => entity.id === id || entity.slug === id);
      if (centre?.__typename !== 'Source') {
        if (!truncated || !centre) return subgraph;
        return { ...subgraph, cut: { centre: centre.name, drawn: subgraph.nodes.length, total: null, unit: 'entities' } };
      }
      const supports = (await client.request(documents.sourceNeighbourhood, { id }, sourceNeighbourhoodAnswer)).entity?.supports;
      const records = supports?.edges.map((edge) => edge.node) ?? [];
      const cited = withCitedFor(subgraph, records);
      const total = supports?.totalCount ?? records.length;
      return total > records.length ? { ...cited, cut: { centre: centre.name, drawn: records.length, total, unit: 'records' } } : cited;
    },
    async paths(from, to, maxHops, throughCountries, narrowing) {
      const excluded = narrowing?.excludeTypes ?? (throughCountries ? [] : ['COUNTRY']);
      const variables = { from, to, maxHops, excludeTypes: excluded.length > 0 ? excluded : null, evidence: narrowing?.evidence ?? null };
      return (await client.request(documents.paths, variables, pathsAnswer)).paths ?? [];
    },
    async entities(ids) {
      if (ids.length === 0) return [];
      const answer = await client.request(documents.entities, { ids }, entitiesAnswer);
      return answer.nodes.flatMap((node) => {
        const entity = entitySummarySchema.safeParse(node);
        return entity.success ? [entity.data] : [];
      });
    },
    async entity(id) {
      const answer = await client.request(documents.entity, { id }, entityAnswer);
      const details = entityDetailsSchema.safeParse(answer.node);
      if (!details.success) return null;
      // The entity's own date (no relationship, no other end) is a dated fact too: a memorandum's
      // only one, which left its timeline empty beside its Date.
      const timeline = (answer.timeline?.edges ?? []).flatMap(({ node }): TimelineEntry[] => {
        if (node.edge && node.other) return [{ date: node.date, endDate: node.endDate, other: node.other, edge: node.edge }];
        return node.edge === null ? [{ date: node.date, endDate: node.endDate, other: null, edge: null }] : [];
      });
      return { details: details.data, timeline };
    },
    async conflicts(id) {
      if (!capabilities.conflicts) return { conflicts: [], total: 0 };
      const answer = await client.request(documents.conflicts, { id, run: true }, conflictsAnswer);
      return { conflicts: answer.conflicts.edges.map((edge) => edge.node), total: answer.conflicts.totalCount };
    },
    async sourceSupports(id) {
      const supports = (await client.request(documents.sourceSupports, { id }, sourceSupportsAnswer)).entity?.supports;
      return { records: supports?.edges ?? [], total: supports?.totalCount ?? 0 };
    },
  };
}
