import { BadUserInputError } from '../../domain/errors.ts';
import {
  type ClaimReport,
  type FieldValueReport,
  type MergeReport,
  type MergeTarget,
  mergeEntities,
  type RelationCount,
  type RelationMoveReport,
  type UnmergeReport,
  unmergeEntities,
} from '../../services/merges.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { EntityTypeEnum, loadEntities } from '../entity.ts';
import { parseRef, type RefRequest, resolveRefs } from '../references.ts';
import { EntityRef } from '../refs.ts';
import { RelationTypeEnum } from './conflict-mutations.ts';
import { writeCost } from './payloads.ts';
import { runWrite } from './write.ts';

const RelationOutcomeEnum = builder.enumType('MergeRelationOutcome', {
  description: 'What a merge does with one relationship of a merged entity.',
  values: {
    MOVED: { value: 'moved', description: 'Re-pointed to the survivor, under a new key.' },
    COMBINED: {
      value: 'combined',
      description: 'The survivor already has it (same type, other end, role and title): it gains its sources.',
    },
    DROPPED: {
      value: 'dropped',
      description: 'Both its ends become the survivor, so it would be a loop: it is dropped (an unmerge puts it back).',
    },
  } as const,
});

const ClaimOriginEnum = builder.enumType('MergeClaimOrigin', {
  description: 'Why a merge adds a claim to the survivor.',
  values: {
    MOVED: { value: 'moved', description: 'It was a claim of the merged entity.' },
    CONFLICT: { value: 'conflict', description: "The merged entity's value for a field the survivor has another value for." },
  } as const,
});

const RelationMoveRef = builder.objectRef<RelationMoveReport>('MergeRelationMove').implement({
  description: 'One relationship of a merged entity and what the merge does with it.',
  fields: (t) => ({
    relationType: t.field({ type: RelationTypeEnum, resolve: (move) => move.type, description: 'Its type.' }),
    fromSlug: t.exposeString('from', { description: 'Its start before the merge.' }),
    toSlug: t.exposeString('to', { description: 'Its end before the merge.' }),
    key: t.exposeString('key', { description: 'Its key before the merge.' }),
    otherSlug: t.exposeString('other', { description: 'The end that is not a merged entity (the survivor for a dropped one).' }),
    otherType: t.field({ type: EntityTypeEnum, resolve: (move) => move.otherType, description: "The other end's type." }),
    newKey: t.exposeString('newKey', { description: 'Its key after the merge (the survivor in place of the merged entity).' }),
    outcome: t.field({ type: RelationOutcomeEnum, resolve: (move) => move.outcome, description: 'What the merge does with it.' }),
  }),
});

const RelationCountRef = builder.objectRef<RelationCount>('MergeRelationCount').implement({
  description: 'How many relationships of one type a merge (or unmerge) moves, combines and drops.',
  fields: (t) => ({
    relationType: t.field({ type: RelationTypeEnum, resolve: (count) => count.type, description: 'The type.' }),
    moved: t.exposeInt('moved', { description: 'Re-pointed to the survivor.' }),
    combined: t.exposeInt('combined', { description: 'Combined with one the survivor has.' }),
    dropped: t.exposeInt('dropped', { description: 'Dropped as loops.' }),
  }),
});

const ClaimMoveRef = builder.objectRef<ClaimReport>('MergeClaim').implement({
  description: 'A claim a merge adds to the survivor (or an unmerge takes off it).',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field, e.g. "kind".' }),
    value: t.exposeString('value', { description: 'The value (lists as JSON).' }),
    sourceSlugs: t.exposeStringList('sources', { description: 'The sources that make it.' }),
    origin: t.field({ type: ClaimOriginEnum, resolve: (claim) => claim.origin, description: 'Why it is added.' }),
    fromSlug: t.exposeString('from', { description: 'The merged entity it comes from.' }),
  }),
});

const FieldValueRef = builder.objectRef<FieldValueReport>('MergeFieldValue').implement({
  description: 'A field the survivor had no value for and takes from a merged entity.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field.' }),
    value: t.exposeString('value', { description: 'The value (lists as JSON).' }),
    fromSlug: t.exposeString('from', { description: 'The merged entity it comes from.' }),
  }),
});

const MergedEntityRef = builder.objectRef<MergeReport['merged'][number]>('MergeMergedEntity').implement({
  description: 'An entity a merge merges into the survivor.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Its slug: after the merge, a former slug of the survivor.' }),
    name: t.exposeString('name', { description: 'Its name: after the merge, an alias of the survivor.' }),
    formerSlugs: t.exposeStringList('formerSlugs', { description: 'Its former slugs, which the survivor takes too.' }),
  }),
});

const AlreadyMergedRef = builder.objectRef<MergeReport['alreadyMerged'][number]>('MergeAlreadyMerged').implement({
  description: 'A `from` reference that already names the survivor (merged, or renamed, before): skipped.',
  fields: (t) => ({
    argument: t.exposeString('argument', { description: 'The argument, e.g. "from[0]".' }),
    ref: t.exposeString('ref', { description: 'What it gave.' }),
    merge: t.exposeString('merge', { nullable: true, description: 'The merge that did it; null for a rename.' }),
  }),
});

export const MergePayload = builder.objectRef<MergeReport>('MergeEntitiesPayload').implement({
  description:
    'What a merge did, or (dryRun) exactly what it would do: every relationship it re-points, the statements among their other ends, ' +
    'the claims, sources, aliases and former slugs the survivor gains, and the fields it fills.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'Whether this was a dry run (nothing was written).' }),
    changed: t.exposeBoolean('changed', {
      description: 'Whether anything was merged (would be, for a dry run); false when every `from` was merged already.',
    }),
    merge: t.exposeString('merge', {
      nullable: true,
      description:
        'The id of this merge, for unmergeEntities; also its operation in the change log. Null for a dry run or when nothing changed.',
    }),
    entityType: t.field({ type: EntityTypeEnum, resolve: (report) => report.entityType, description: 'The type of the entities merged.' }),
    intoSlug: t.exposeString('into', { description: "The survivor's slug." }),
    into: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The survivor as it is now (after the merge, unless a dry run).',
      resolve: async (report, _args, context) => (await loadEntities(context, [report.into]))[0] ?? null,
    }),
    merged: t.field({ type: [MergedEntityRef], resolve: (report) => report.merged, description: 'The entities merged into the survivor.' }),
    alreadyMerged: t.field({
      type: [AlreadyMergedRef],
      resolve: (report) => report.alreadyMerged,
      description: '`from` references that already named the survivor, skipped.',
    }),
    relations: t.field({
      type: [RelationMoveRef],
      resolve: (report) => report.relations,
      description: "Every relationship of the merged entities (statements' SAID_BY, SAID_AT and ABOUT included) and what happens to it.",
    }),
    relationCounts: t.field({
      type: [RelationCountRef],
      resolve: (report) => report.relationCounts,
      description: 'The same, counted per type.',
    }),
    statements: t.exposeStringList('statements', { description: 'The statements among the other ends: they now speak of the survivor.' }),
    claims: t.field({ type: [ClaimMoveRef], resolve: (report) => report.claims, description: 'The claims the survivor gains.' }),
    sources: t.exposeStringList('sources', { description: 'The sources the survivor gains (slugs).' }),
    aliases: t.exposeStringList('aliases', { description: 'The aliases the survivor gains: the merged names and aliases.' }),
    formerSlugs: t.exposeStringList('formerSlugs', {
      description: 'The former slugs the survivor gains: the merged slugs and theirs, which keep resolving to it.',
    }),
    filledFields: t.field({
      type: [FieldValueRef],
      resolve: (report) => report.filledFields,
      description: 'The fields the survivor fills.',
    }),
  }),
});

const KeptRelationRef = builder.objectRef<UnmergeReport['relations'][number]>('UnmergeRelation').implement({
  description: 'A relationship an unmerge puts back on a merged entity.',
  fields: (t) => ({
    relationType: t.field({ type: RelationTypeEnum, resolve: (relation) => relation.type, description: 'Its type.' }),
    fromSlug: t.exposeString('from', { description: 'Its start, as before the merge.' }),
    toSlug: t.exposeString('to', { description: 'Its end, as before the merge.' }),
    key: t.exposeString('key', { description: 'Its key, as before the merge.' }),
    mergedKey: t.exposeString('newKey', { description: 'Its key on the survivor since the merge.' }),
    outcome: t.field({
      type: RelationOutcomeEnum,
      resolve: (relation) => relation.outcome,
      description: 'What the merge had done with it.',
    }),
    changedSince: t.exposeBoolean('changedSince', {
      description: "Whether the survivor's copy was changed after the merge: it is put back as it was before the merge.",
    }),
  }),
});

const SurvivorRelationRef = builder.objectRef<UnmergeReport['keptOnSurvivor'][number]>('UnmergeKeptRelation').implement({
  description: 'A relationship the survivor got after the merge: it stays on the survivor.',
  fields: (t) => ({
    relationType: t.field({ type: RelationTypeEnum, resolve: (relation) => relation.type, description: 'Its type.' }),
    fromSlug: t.exposeString('from', { description: 'Its start.' }),
    toSlug: t.exposeString('to', { description: 'Its end.' }),
    key: t.exposeString('key', { description: 'Its key.' }),
  }),
});

export const UnmergePayload = builder.objectRef<UnmergeReport>('UnmergeEntitiesPayload').implement({
  description: 'What an unmerge did, or (dryRun) exactly what it would do, with what stays on the survivor.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'Whether this was a dry run (nothing was written).' }),
    changed: t.exposeBoolean('changed', {
      description: 'Whether anything was undone (would be); false when the merge was undone already.',
    }),
    merge: t.exposeString('merge', { description: 'The merge undone.' }),
    operation: t.exposeString('operation', {
      nullable: true,
      description: "The unmerge's operation in the change log; null for a dry run or when nothing changed.",
    }),
    entityType: t.field({ type: EntityTypeEnum, resolve: (report) => report.entityType, description: 'The type of the entities.' }),
    intoSlug: t.exposeString('into', { description: "The survivor's slug." }),
    mergedAt: t.exposeString('mergedAt', { description: 'When the merge was made (ISO 8601).' }),
    restored: t.field({
      type: [MergedEntityRef],
      resolve: (report) => report.restored.map((entity) => ({ ...entity, formerSlugs: [] })),
      description: 'The entities given back, with their slugs and every property they had.',
    }),
    relations: t.field({ type: [KeptRelationRef], resolve: (report) => report.relations, description: 'The relationships put back.' }),
    relationCounts: t.field({
      type: [RelationCountRef],
      resolve: (report) => report.relationCounts,
      description: 'The same, counted per type.',
    }),
    aliases: t.exposeStringList('aliases', { description: 'The aliases the survivor loses.' }),
    formerSlugs: t.exposeStringList('formerSlugs', { description: 'The former slugs the survivor loses.' }),
    sources: t.exposeStringList('sources', { description: 'The sources the survivor loses.' }),
    claims: t.field({ type: [ClaimMoveRef], resolve: (report) => report.claims, description: 'The claims the survivor loses.' }),
    filledFields: t.field({
      type: [FieldValueRef],
      resolve: (report) => report.filledFields,
      description: 'The fields the merge filled, which the survivor loses unless they were written since.',
    }),
    keptOnSurvivor: t.field({
      type: [SurvivorRelationRef],
      resolve: (report) => report.keptOnSurvivor,
      description: 'Relationships the survivor got after the merge: they stay on the survivor.',
    }),
    survivorChangedSince: t.exposeBoolean('survivorChangedSince', {
      description: "Whether the survivor's fields were written after the merge: those values stay; only what the merge added is taken out.",
    }),
  }),
});

/** The entity a merge argument names, resolved like every reference argument (slugs, global IDs, former slugs). */
async function targets(context: RequestContext, into: string, from: readonly string[]): Promise<MergeTarget[]> {
  const requests: RefRequest[] = [{ argument: 'into', ref: into }, ...from.map((ref, index) => ({ argument: `from[${index}]`, ref }))];
  const entities = await resolveRefs(context, requests);
  return requests.map((request, index) => {
    const entity = entities[index];
    const parsed = parseRef(request.ref);
    if (!entity || parsed.kind === 'other') throw new Error('resolveRefs resolved no entity for a reference');
    return { argument: request.argument, ref: request.ref, givenSlug: parsed.slug, slug: entity.id, label: entity.label };
  });
}

/** How many entities one merge may merge into its survivor. */
export const maxMerged = 20;

/** The survivor and the entities to merge into it, as a merge's `into` and `from` arguments name them. */
export async function mergeTargets(
  context: RequestContext,
  args: { into: string | number; from: readonly (string | number)[] },
): Promise<{ into: MergeTarget; from: MergeTarget[] }> {
  const from = args.from.map(String);
  if (from.length === 0 || from.length > maxMerged) {
    throw new BadUserInputError(`"from" takes 1 to ${maxMerged} entities, got ${from.length}`, { argument: 'from' });
  }
  const [into, ...merged] = await targets(context, String(args.into), from);
  if (!into) throw new Error('no survivor resolved');
  return { into, from: merged };
}

builder.mutationField('mergeEntities', (t) =>
  t.field({
    type: MergePayload,
    description:
      'Merges entities that turn out to be one into a survivor, in one transaction: every relationship of a merged entity is re-pointed ' +
      'to the survivor (combined with one it has already), its names and aliases become aliases of the survivor, its sources and claims ' +
      "move to the survivor, and its field values that differ from the survivor's become claims. The merged slugs (and global IDs built " +
      'from them) keep naming the survivor in every lookup and reference argument, through its formerSlugs. Only entities of one type ' +
      'merge. dryRun: true reports exactly what would happen and writes nothing. unmergeEntities undoes it. A merge too large for one ' +
      "request's time budget (thousands of relationships) runs as a job instead: startMergeJob. " +
      'Needs the "admin" scope.',
    authScopes: { admin: true },
    complexity: writeCost,
    args: {
      into: t.arg.id({ required: true, description: 'The survivor: its slug or global ID.' }),
      from: t.arg.idList({ required: true, description: `The entities to merge into it (1 to ${maxMerged}): slugs or global IDs.` }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Only report what the merge would do.' }),
    },
    resolve: async (_root, args, context) => {
      const { into, from } = await mergeTargets(context, args);
      return runWrite(context, (tx, scope) => mergeEntities(tx, scope, into, from, args.dryRun ?? false));
    },
  }),
);

builder.mutationField('unmergeEntities', (t) =>
  t.field({
    type: UnmergePayload,
    description:
      "Undoes a merge by its id (mergeEntities.merge, or an entry of the survivor's mergedFrom): the merged entities come back with their " +
      'slugs and every property, their relationships (statements included) and claims go back to them, and the survivor loses the aliases, ' +
      'former slugs, sources and claims the merge gave it. What the survivor got after the merge stays on it, as the dry run lists. ' +
      'Refused (CONFLICT) when the survivor is gone, or a merged slug is taken by another entity now. Needs the "admin" scope.',
    authScopes: { admin: true },
    complexity: writeCost,
    args: {
      merge: t.arg.id({ required: true, description: 'The id of the merge to undo.' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Only report what the unmerge would do.' }),
    },
    resolve: (_root, args, context) =>
      runWrite(context, (tx, scope) => unmergeEntities(tx, scope, String(args.merge), args.dryRun ?? false)),
  }),
);
