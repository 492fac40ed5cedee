import { externalFactsOf } from '../domain/evidence.ts';
import { type EntityLabel, entityLabels, graphEntityLabels } from '../domain/graph.ts';
import {
  type EntityRow,
  hasLabel,
  isGraphEntity,
  type MergedFromEntry,
  type RowOfLabel,
  type StoredClaim,
  type StoredEntity,
} from '../domain/stored-entity.ts';
import { withArticle } from '../domain/text/article.ts';
import { builder } from './builder.ts';
import type { RequestContext } from './context.ts';
import { EvidenceEnum, evidenceFields, FieldProvenanceRef, provenanceOf } from './evidence.ts';
import { readsStored } from './record-view.ts';
import { ActorRef, EntityRef, SourceRef } from './refs.ts';

/**
 * The loader's answers, or its first failure thrown: loadMany reports a failed batch (the
 * database down, a timeout) as an Error per key, which must not read as "not found".
 * Slugs resolve as the loader's statement resolves them: current slugs, then former slugs.
 */
export async function loadEntitiesInOrder(context: RequestContext, ids: readonly string[]): Promise<(StoredEntity | null)[]> {
  return loadAll(context, ids);
}

async function loadAll(context: RequestContext, ids: readonly string[]): Promise<(StoredEntity | null)[]> {
  const found = await context.loaders.entity.loadMany(ids);
  const entities: (StoredEntity | null)[] = [];
  for (const entity of found) {
    if (entity instanceof Error) throw entity;
    entities.push(entity);
  }
  return entities;
}

/**
 * Loads entities by slug through the request's loader, keeping those of the given labels (by
 * default every label of the Entity interface: a conflict's slug names no entity).
 */
export async function loadEntities(context: RequestContext, ids: readonly string[]): Promise<EntityRow[]>;
export async function loadEntities<L extends EntityLabel>(
  context: RequestContext,
  ids: readonly string[],
  labels: readonly L[],
): Promise<RowOfLabel<L>[]>;
export async function loadEntities(
  context: RequestContext,
  ids: readonly string[],
  labels: readonly EntityLabel[] = graphEntityLabels,
): Promise<StoredEntity[]> {
  const found = await loadAll(context, ids);
  return found.filter((entity) => hasLabel(entity, labels));
}

/**
 * An entity a statement returned for one label (it filters by label), as that label's row; any
 * other is a bug in the statement, reported as such rather than answered as the wrong type.
 */
export function expectLabel<L extends EntityLabel>(entity: StoredEntity, label: L): RowOfLabel<L> {
  if (hasLabel(entity, [label])) return entity;
  throw new Error(`expected a ${label}, got the ${entity.label} "${entity.id}"`);
}

/** An entity a write returned where the API answers an Entity: a conflict there is a bug. */
export function expectGraphEntity(entity: StoredEntity): EntityRow {
  if (isGraphEntity(entity)) return entity;
  throw new Error(`expected an entity of the graph, got the ${entity.label} "${entity.id}"`);
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The kinds of entity in the graph.',
  values: Object.fromEntries(
    entityLabels.map((label) => [label.toUpperCase(), { value: label, description: `${upperFirst(withArticle(label))}.` }]),
  ) as Record<Uppercase<EntityLabel>, { value: EntityLabel; description: string }>,
});

export const ClaimRef = builder.objectRef<StoredClaim>('Claim').implement({
  description: "One source's value for a field where sources disagree (e.g. two titles of one memorandum).",
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field the claim is about, e.g. "name".' }),
    value: t.exposeString('value', { description: 'The value this claim gives.' }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that make this claim.',
      resolve: (claim, _args, context) => loadEntities(context, claim.sources, ['Source']),
    }),
    evidence: t.field({ type: EvidenceEnum, description: 'How its sources support this value.', resolve: (claim) => claim.evidence }),
    basis: t.string({
      nullable: true,
      description: "For INFERRED: how the value is read from the sources, in the project's own words.",
      resolve: (claim) => claim.basis,
    }),
  }),
});

const MergedFromRef = builder.objectRef<MergedFromEntry>('MergedFrom').implement({
  description: 'An entity merged into this one.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Its slug, now a former slug of this entity.' }),
    name: t.exposeString('name', { description: 'Its name when it was merged, now an alias of this entity.' }),
    mergedAt: t.field({ type: 'DateTime', description: 'When it was merged.', resolve: (entry) => new Date(entry.mergedAt) }),
    by: t.exposeString('by', { description: 'The API key that merged it.' }),
    merge: t.exposeString('merge', { description: 'The id of the merge, for unmergeEntities.' }),
  }),
});

EntityRef.implement({
  description:
    'Anything in the graph. Every entity has a stable slug, a name, the sources that state it and the kind of support each gives, and the provenance of each of its fields.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.label,
  fields: (t) => ({
    slug: t.string({
      description: 'The stable, human-readable id, e.g. "msk-ix" or "tld-rf".',
      extensions: readsStored('id'),
      resolve: (entity) => entity.id,
    }),
    formerSlugs: t.stringList({
      description:
        'Slugs this entity had before (a rename): each still names it in every lookup and reference argument, and so do global ' +
        'IDs built from them. Empty for most entities.',
      resolve: (entity) => entity.formerSlugs,
    }),
    name: t.string({
      description: 'The name used for display.',
      extensions: readsStored('name', 'id'),
      resolve: (entity) => entity.name ?? entity.id,
    }),
    mergedFrom: t.field({
      type: [MergedFromRef],
      description:
        'The entities merged into this one (mergeEntities), oldest first: their slugs are among formerSlugs and keep naming this ' +
        'entity. Each entry names the merge, for unmergeEntities. Empty for most entities.',
      resolve: (entity) => entity.mergedFrom,
    }),

    aliases: t.stringList({
      description: 'Other names: abbreviations, spellings in other scripts, other titles.',
      extensions: readsStored('aliases'),
      resolve: (entity) => entity.aliases,
    }),
    description: t.string({
      nullable: true,
      description: "A short note on what this is, in the project's own words.",
      resolve: (entity) => entity.description,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that state this entity.',
      resolve: (entity, _args, context) => loadEntities(context, entity.sources, ['Source']),
    }),
    ...evidenceFields(t, (entity: EntityRow) => entity),
    provenance: t.field({
      type: [FieldProvenanceRef],
      args: { field: t.arg.string({ description: 'Only this field, e.g. "date"; absent or null: every field that has a value.' }) },
      description:
        "Where each field's value comes from: its sources and their kind of support. A field on which sources disagree has one entry per value.",
      resolve: (entity, args) => provenanceOf(entity, args.field),
    }),
    externalFacts: t.stringList({
      deprecationReason: 'Use provenance (entries with evidence EXTERNAL) or evidence.',
      description:
        'The fields whose values come from outside the sources (e.g. "ascii" for a punycode form); "record" when the whole entity does.',
      resolve: (entity) => externalFactsOf(entity),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Values of fields on which sources disagree, each with its own sources and evidence. Empty when they agree.',
      resolve: (entity) => entity.claims,
    }),
  }),
});

ActorRef.implement({
  description: 'An entity that acts: it signs memoranda, takes part in events and belongs to bodies (Organization, Person, Body).',
  // GraphQL requires an interface to list the interfaces of the interfaces it implements.
  interfaces: [builder.nodeInterfaceRef(), EntityRef],
  resolveType: (entity) => entity.label,
});

/** The Relay node options every entity type shares: global ids from label + slug, batched loads. */
export function nodeOptions<L extends EntityLabel>(label: L) {
  return {
    id: { resolve: (entity: RowOfLabel<L>) => entity.id },
    loadMany: (ids: readonly string[], context: RequestContext) =>
      loadAll(context, ids).then((found) => found.map((entity) => (hasLabel(entity, [label]) ? entity : null))),
    isTypeOf: (value: unknown) => typeof value === 'object' && value !== null && 'label' in value && value.label === label,
  };
}
