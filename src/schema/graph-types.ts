import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  countEntitiesByLabel,
  countRelationsByType,
  type EdgeRecord,
  loadMostConnected,
  loadTopTopics,
  type RankedRecord,
  type TimelineRecord,
  type TypeCountRecord,
} from '../db/repositories/graph.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { dateProvenanceOf, externalFactsOf } from '../domain/evidence.ts';
import { type EntityLabel, entityLabels, relationTypes } from '../domain/graph.ts';
import { type EntityRow, type EvidenceSource, evidenceSourceOf } from '../domain/stored-entity.ts';
import { builder } from './builder.ts';
import type { RequestContext } from './context.ts';
import { scanCosts } from './cost.ts';
import { loadEntities } from './entity.ts';
import { EvidenceEnum, evidenceFields } from './evidence.ts';
import { readsStored } from './record-view.ts';
import { EntityRef, SourceRef } from './refs.ts';
import { PartialDate } from './scalars.ts';

/**
 * The types shared by the whole-graph queries (neighborhood, paths, timeline, stats) and the
 * helpers their resolvers share: argument checks, global-id decoding, loader priming.
 */

// ---------------------------------------------------------------------------------------
// Helpers

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const knownLabels = new Set<string>(entityLabels);

/** An entity's label and slug from its Relay global ID; BAD_USER_INPUT naming `argument` when it is not one. */
export function decodeEntityId(globalId: string, argument: string): { label: EntityLabel; slug: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new BadUserInputError(`"${argument}" is not a valid global ID: ${JSON.stringify(globalId.slice(0, 100))}`, { argument });
  }
  if (!knownLabels.has(decoded.typename) || !slugPattern.test(decoded.id)) {
    throw new BadUserInputError(`"${argument}" is not the global ID of an entity: ${JSON.stringify(globalId.slice(0, 100))}`, { argument });
  }
  return { label: decoded.typename as EntityLabel, slug: decoded.id };
}

/** An optional integer argument with its default, checked against its bounds (BAD_USER_INPUT naming it). */
export function boundedInt(value: number | null | undefined, fallback: number, min: number, max: number, argument: string): number {
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen) || chosen < min || chosen > max) {
    throw new BadUserInputError(`"${argument}" must be between ${min} and ${max}, got ${chosen}`, { argument });
  }
  return chosen;
}

const knownRelationTypes = new Set<string>(relationTypes);

/** A relationTypes argument checked (BAD_USER_INPUT naming it): null when absent, each type once. */
export function checkRelationTypes(types: readonly string[] | null | undefined, argument: string): string[] | null {
  if (types === null || types === undefined) return null;
  if (types.length === 0) throw new BadUserInputError(`"${argument}" must name at least one type, or be left out for any`, { argument });
  const unknown = types.filter((type) => !knownRelationTypes.has(type));
  if (unknown.length > 0) {
    throw new BadUserInputError(
      `"${argument}" holds unknown types: ${unknown
        .slice(0, 5)
        .map((type) => JSON.stringify(type.slice(0, 40)))
        .join(', ')}`,
      { argument },
    );
  }
  return [...new Set(types)];
}

/** Entities fetched along with a query: later lookups through the loader cost nothing. */
export function primeEntities(context: RequestContext, entities: readonly EntityRow[]): void {
  for (const entity of entities) context.loaders.entity.prime(entity.id, entity);
}

/** The relationship properties that have fields of their own on Edge, or are internal (the audit trail is bookkeeping, not a claim). */
const notInProperties = new Set([
  'key',
  'sources',
  'evidence',
  'basis',
  'citations',
  'citationEvidence',
  'provenance',
  'dateFrom',
  'dateTo',
  'dateEvidence',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
]);

async function entityBySlug(context: RequestContext, slug: string): Promise<EntityRow> {
  const [entity] = await loadEntities(context, [slug]);
  if (!entity) throw new Error(`entity "${slug}" vanished during the request`);
  return entity;
}

// ---------------------------------------------------------------------------------------
// Edge, Subgraph, Path

export const EdgeRef = builder.objectRef<EdgeRecord>('Edge').implement({
  description:
    'One relationship as stored, with its direction (from → to), its own fields and its evidence. ' +
    'Two sources that disagree (e.g. two managers of .SU) are two edges, each with its own sources.',
  fields: (t) => ({
    // The type, ends and element id come with every relationship a statement returns, not from its properties.
    type: t.exposeString('type', { description: 'The relationship type, e.g. MANAGES, SIGNED, PART_OF.', extensions: readsStored() }),
    key: t.string({
      description: 'The relationship\'s stable identity: "type|from slug|to slug|role|title". Conflicting claims have different keys.',
      extensions: readsStored('key'),
      resolve: (edge) => (typeof edge.props.key === 'string' ? edge.props.key : edge.id),
    }),
    from: t.field({
      type: EntityRef,
      description: 'The entity the relationship starts at (e.g. the organization that MANAGES a TLD).',
      resolve: (edge, _args, context) => entityBySlug(context, edge.from),
    }),
    to: t.field({
      type: EntityRef,
      description: 'The entity the relationship points to (e.g. the TLD that is managed).',
      resolve: (edge, _args, context) => entityBySlug(context, edge.to),
    }),
    properties: t.field({
      type: 'JSONObject',
      nullable: true,
      description:
        "The relationship's own fields as stored, those it has among: role, title, onBehalfOf (an entity slug), date, " +
        'startDate, endDate (partial dates, with their precision) and note. An empty object when it has none. ' +
        'Evidence is in sources, evidence and citations, not here.',
      resolve: (edge) => Object.fromEntries(Object.entries(edge.props).filter(([name]) => !notInProperties.has(name))),
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that state this relationship.',
      resolve: (edge, _args, context) => loadEntities(context, evidenceSourceOf(edge.props).sources, ['Source']),
    }),
    ...evidenceFields(t, (edge: EdgeRecord) => evidenceSourceOf(edge.props)),
    externalFacts: t.stringList({
      deprecationReason: 'Use evidence and citations.',
      description: 'Fields of this relationship that come from outside the sources; "record" when the whole relationship does.',
      resolve: (edge) => externalFactsOf(evidenceSourceOf(edge.props)),
    }),
  }),
});

export interface SubgraphShape {
  nodes: EntityRow[];
  edges: EdgeRecord[];
  /** A neighbourhood's: whether `first` left entities within reach out. */
  truncated?: boolean;
}

export const SubgraphRef = builder.objectRef<SubgraphShape>('Subgraph').implement({
  description: 'A set of entities and every relationship between two of them.',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      // As many as the neighborhood's `first`, which already multiplies this selection.
      complexity: { field: 1, multiplier: 1 },
      description: 'The entities: the start first, then by number of hops from it, then by slug.',
      resolve: (graph) => graph.nodes,
    }),
    edges: t.field({
      type: [EdgeRef],
      // Counted per entity of the neighborhood's `first`: an entity brings a couple of relationships on average.
      complexity: { field: 1, multiplier: 2 },
      description:
        'The relationships between two of the entities (none to entities outside), by hop, then type, then the slugs of their ends.',
      resolve: (graph) => graph.edges,
    }),
    truncated: t.boolean({
      description:
        'Whether more entities lie within `depth` hops than `first` let in: the nearest were kept, by hop, then slug. Ask again ' +
        'with a larger `first` (up to 200) or a smaller `depth` for the whole neighbourhood.',
      resolve: (graph) => graph.truncated ?? false,
    }),
  }),
});

export const PathRef = builder.objectRef<SubgraphShape>('Path').implement({
  description: 'A chain of relationships linking two entities, with the evidence for every hop.',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      description: 'The entities along the path, from the first to the last; one more than the edges.',
      resolve: (path) => path.nodes,
    }),
    edges: t.field({
      type: [EdgeRef],
      description:
        'The relationship of each hop, in path order: edges[i] links nodes[i] and nodes[i+1]. Each keeps its stored ' +
        'direction, so its from may be nodes[i+1].',
      resolve: (path) => path.edges,
    }),
  }),
});

// ---------------------------------------------------------------------------------------
// Timeline

export const TimelineEntryKindEnum = builder.enumType('TimelineEntryKind', {
  description: 'Whose date a timeline entry gives.',
  values: {
    ENTITY: { description: "An entity's date: a memorandum's date, an event's days, a document's or a source's date." },
    RELATION: { description: "A relationship's own date: a signing's date, a position's or membership's term, a mandate's years." },
  },
});

/** The dated thing of an entry: the entity whose date it is, else the relationship. */
const datedOf = (entry: TimelineRecord): EvidenceSource => entry.entity ?? evidenceSourceOf(entry.edge?.props ?? {});

export const TimelineEntryRef = builder.objectRef<TimelineRecord>('TimelineEntry').implement({
  description:
    'One dated fact: the date of an entity, or the own date of a relationship, with the precision its source gives and the ' +
    'sources and evidence of that date.',
  fields: (t) => ({
    kind: t.field({
      type: TimelineEntryKindEnum,
      description: "ENTITY when the date is an entity's (then `entity` is set), RELATION when it is a relationship's own (then `edge` is).",
      resolve: (entry) => (entry.entity ? 'ENTITY' : 'RELATION'),
    }),
    date: t.field({
      type: PartialDate,
      description:
        'When, as the source gives it ("2021", "2021-02", "2021-04-27"): its date, or when it began (startDate). The precision is ' +
        'kept: "2021" means some time in 2021, not 1 January.',
      resolve: (entry) => entry.date,
    }),
    endDate: t.field({
      type: PartialDate,
      nullable: true,
      description:
        "When it ended (a term's endDate, a several-day event's last day), if known. Null for a single date, and for a relationship " +
        'that has a start and no end: that one counts as still going on.',
      resolve: (entry) => entry.endDate,
    }),
    type: t.string({
      description: "The dated thing's type: the entity type (Event, Memorandum, Document) or the relationship type (SIGNED, MEMBER_OF).",
      resolve: (entry) => entry.entity?.label ?? entry.edge?.type ?? '',
    }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'For kind ENTITY: the entity whose date this is (the memorandum, the event, the document).',
      resolve: (entry) => entry.entity,
    }),
    edge: t.field({
      type: EdgeRef,
      nullable: true,
      description:
        "For kind RELATION: the relationship whose date this is. In an actor's timeline, also for kind ENTITY: the relationship " +
        "linking the actor to the dated entity (its SIGNED, PARTY_TO, PARTICIPATED_IN). Null for the actor's own date.",
      resolve: (entry) => entry.edge,
    }),
    other: t.field({
      type: EntityRef,
      nullable: true,
      description:
        "In an actor's timeline: the other end of `edge` (the memorandum signed, the body joined). Null in the graph-wide timeline.",
      resolve: (entry) => entry.other,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources of the date itself (its own provenance when it has one, else the sources of the entity or relationship).',
      resolve: (entry, _args, context) => loadEntities(context, dateProvenanceOf(datedOf(entry))?.sources ?? [], ['Source']),
    }),
    evidence: t.field({
      type: EvidenceEnum,
      description: 'The kind of support the date has: STATED, or INFERRED (e.g. a year read from the context), or EXTERNAL.',
      resolve: (entry) => dateProvenanceOf(datedOf(entry))?.evidence ?? 'STATED',
    }),
    basis: t.string({
      nullable: true,
      description: "For an INFERRED date: how it is read from the sources, in the project's own words.",
      resolve: (entry) => dateProvenanceOf(datedOf(entry))?.basis ?? null,
    }),
  }),
});

// ---------------------------------------------------------------------------------------
// Stats

export const TypeCountRef = builder.objectRef<TypeCountRecord>('TypeCount').implement({
  description: 'How many entities of one type, or relationships of one type, the graph holds.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The entity type (e.g. Organization) or relationship type (e.g. MANAGES).' }),
    count: t.exposeInt('count', { description: 'How many there are.' }),
  }),
});

export const RankedEntityRef = builder.objectRef<RankedRecord>('RankedEntity').implement({
  description: 'An entity with the number it is ranked by.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The entity.', resolve: (ranked) => ranked.entity }),
    count: t.exposeInt('count', { description: 'The number it is ranked by (relationships or mentions).' }),
  }),
});

/** Stats has no data of its own: every field is a count store or degree read of its own. */
export type StatsShape = Record<string, never>;

export const StatsRef = builder.objectRef<StatsShape>('Stats').implement({
  description: 'Counts over the whole graph. Each field costs one small query, and only when asked for.',
  fields: (t) => ({
    entities: t.field({
      type: [TypeCountRef],
      description: 'How many entities of each type, every type listed (0 when there are none), in a fixed order.',
      resolve: (_stats, _args, context) => countEntitiesByLabel(context.reads, entityLabels),
    }),
    relations: t.field({
      type: [TypeCountRef],
      description: 'How many relationships of each type, every type listed (0 when there are none), in a fixed order.',
      resolve: (_stats, _args, context) => countRelationsByType(context.reads, relationTypes),
    }),
    mostConnected: t.field({
      type: [RankedEntityRef],
      description:
        'The actors (organizations, people, bodies) with the most relationships of any type, in either direction; most first, ties by slug. ' +
        'Actors with none are left out.',
      args: { first: t.arg.int({ defaultValue: 10, description: 'How many (1–100, default 10).' }) },
      complexity: (args) => ({ field: scanCosts.mostConnected, multiplier: Math.max(0, args.first ?? 10) }),
      resolve: async (_stats, args, context) => {
        const first = boundedInt(args.first, 10, 1, 100, 'first');
        const ranked = await loadMostConnected(context.reads, first);
        primeEntities(
          context,
          ranked.map((row) => row.entity),
        );
        return ranked;
      },
    }),
    topTopics: t.field({
      type: [RankedEntityRef],
      description:
        'The topics most often covered by memoranda and documents (COVERS) or discussed at events (DISCUSSED); most first, ties by slug. ' +
        'Topics never covered are left out.',
      args: { first: t.arg.int({ defaultValue: 10, description: 'How many (1–100, default 10).' }) },
      resolve: async (_stats, args, context) => {
        const first = boundedInt(args.first, 10, 1, 100, 'first');
        const ranked = await loadTopTopics(context.reads, first);
        primeEntities(
          context,
          ranked.map((row) => row.entity),
        );
        return ranked;
      },
    }),
  }),
});
