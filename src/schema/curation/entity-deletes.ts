import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import {
  type CitingEntity,
  type CitingRelation,
  citingSource,
  deleteEntities,
  deleteRelations,
  type EntityCitations,
  lockEntity,
  type RelationDependent,
  readEntities,
  relationDependents,
  unciteEntities,
  unciteRelations,
} from '../../db/repositories/curation.ts';
import { BadUserInputError, ConflictError } from '../../domain/errors.ts';
import type { EntityLabel } from '../../domain/graph.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { EntityTypeEnum } from '../entity.ts';
import { slugRenameDate } from './citations.ts';
import { entityWriteSpecs } from './entity-inputs.ts';
import { writeCost } from './payloads.ts';
import { slugField, slugOf, slugProblems } from './records.ts';
import { runWrite } from './write.ts';

interface DeleteResult {
  deleted: boolean;
  slug: string;
  entityType: EntityLabel | null;
  operation: string | null;
  removedEntities: number;
  removedRelations: number;
  updatedEntities: number;
  updatedRelations: number;
}

/** Something that still points at an entity, as a refusal lists it. */
type Dependent =
  | { kind: 'relation'; type: string; from: string; to: string; key: string; via: 'relation' | 'onBehalfOf' | 'sources' }
  | { kind: 'entity'; slug: string; entityType: EntityLabel; via: 'sources' | 'claims' };

/** How many dependents a refusal names; the rest are counted. */
export const shownDependents = 20;

function describe(dependent: Dependent): string {
  if (dependent.kind === 'entity') {
    return dependent.via === 'claims'
      ? `a claim of ${dependent.entityType} "${dependent.slug}" cites it`
      : `${dependent.entityType} "${dependent.slug}" cites it`;
  }
  const relation = `${dependent.type} ${dependent.from} → ${dependent.to}`;
  if (dependent.via === 'onBehalfOf') return `${relation} was signed on behalf of it`;
  if (dependent.via === 'sources') return `${relation} cites it`;
  return relation;
}

function refuse(label: EntityLabel, id: string, total: number, shown: Dependent[], cascadeDoes: string) {
  const listed = shown.slice(0, shownDependents);
  const more = total > listed.length ? `; …and ${total - listed.length} more` : '';
  return new ConflictError(
    `${label} "${id}" is not deleted: ${total} ${total === 1 ? 'thing still points' : 'things still point'} at it: ` +
      `${listed.map(describe).join('; ')}${more}. Delete or change ${total === 1 ? 'it' : 'them'} first, or pass cascade: true ` +
      `(which ${cascadeDoes}).`,
    { dependents: listed, dependentCount: total },
  );
}

const relationDependent = (relation: RelationDependent): Dependent => ({ kind: 'relation', ...relation });

const nothingDeleted = (id: string): DeleteResult => ({
  deleted: false,
  slug: id,
  entityType: null,
  operation: null,
  removedEntities: 0,
  removedRelations: 0,
  updatedEntities: 0,
  updatedRelations: 0,
});

interface Claim {
  field: string;
  value: unknown;
  sources: string[];
}

function parseClaims(text: string | null): Claim[] {
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? (parsed as Claim[]) : [];
}

interface Side {
  sources: string[];
}

function parseSides(text: string | null): Side[] {
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? (parsed as Side[]) : [];
}

/**
 * What removing one source leaves of a conflict: each side without it, a side left with no source
 * gone; its sources are those of the sides left. Fewer than two sides is no disagreement any
 * more, so it is left with no source, which deletes it.
 */
function conflictWithoutSource(entity: CitingEntity, id: string): EntityCitations & { viaSources: boolean } {
  const sides = parseSides(entity.sides)
    .map((side) => ({ ...side, sources: side.sources.filter((source) => source !== id) }))
    .filter((side) => side.sources.length > 0);
  const sources = sides.length < 2 ? [] : [...new Set(sides.flatMap((side) => side.sources))];
  return { id: entity.id, sources, claims: null, sides: JSON.stringify(sides), fields: ['sources', 'sides'], viaSources: true };
}

/** What removing one source leaves of an entity's citations, or null when it does not cite it after all. */
function withoutSource(entity: CitingEntity, id: string): (EntityCitations & { viaSources: boolean }) | null {
  if (entity.label === 'Conflict') return conflictWithoutSource(entity, id);
  const sources = entity.sources.filter((source) => source !== id);
  const claims = parseClaims(entity.claims);
  const citingClaims = claims.filter((claim) => claim.sources.includes(id));
  const viaSources = sources.length !== entity.sources.length;
  if (!viaSources && citingClaims.length === 0) return null;
  // A claim left with no source is a value nobody states any more: it goes.
  const kept = claims
    .map((claim) => ({ ...claim, sources: claim.sources.filter((source) => source !== id) }))
    .filter((claim) => claim.sources.length > 0);
  const fields = [...(viaSources ? ['sources'] : []), ...(citingClaims.length > 0 ? ['claims'] : [])];
  return { id: entity.id, sources, claims: kept.length > 0 ? JSON.stringify(kept) : null, sides: null, fields, viaSources };
}

/**
 * A source is what other facts stand on. Without cascade, any fact citing it refuses the delete;
 * with cascade, it is removed from every citing list, and the facts it leaves with no source at
 * all are deleted (entities with their relations), as a fact without evidence has no place here.
 */
async function deleteSource(tx: TransactionRunner, id: string, cascade: boolean, scope: WriteScope): Promise<DeleteResult> {
  const citing = await citingSource(tx, id);
  const entities = citing.entities.flatMap((entity) => {
    const after = withoutSource(entity, id);
    return after ? [{ entity, after }] : [];
  });
  const ownRelations = await relationDependents(tx, id, shownDependents);
  const total = entities.length + citing.relations.length + ownRelations.total;
  if (total > 0 && !cascade) {
    const shown: Dependent[] = [
      ...entities.map(
        ({ entity, after }): Dependent => ({
          kind: 'entity',
          slug: entity.id,
          entityType: entity.label,
          via: after.viaSources ? 'sources' : 'claims',
        }),
      ),
      ...citing.relations.map((relation): Dependent => ({ kind: 'relation', ...relationIdentity(relation), via: 'sources' })),
      ...ownRelations.sample.map(relationDependent),
    ];
    throw refuse('Source', id, total, shown, 'removes it from every sources list and deletes the facts left with no source');
  }
  const unsourcedEntities = entities.filter(({ after }) => after.sources.length === 0).map(({ entity }) => entity.id);
  const keptEntities = entities.filter(({ after }) => after.sources.length > 0).map(({ after }) => after);
  const relationsAfter = citing.relations.map((relation) => ({ ...relation, sources: relation.sources.filter((source) => source !== id) }));
  const unsourcedRelations = relationsAfter.filter((relation) => relation.sources.length === 0);
  const keptRelations = relationsAfter.filter((relation) => relation.sources.length > 0);

  const removedRelations = await deleteRelations(tx, unsourcedRelations.map(relationIdentity), scope);
  const removed = await deleteEntities(tx, [id, ...unsourcedEntities], scope);
  const updatedEntities = await unciteEntities(
    tx,
    keptEntities.map(({ viaSources: _viaSources, ...row }) => row),
    scope,
  );
  const updatedRelations = await unciteRelations(tx, keptRelations, scope);
  return {
    deleted: true,
    slug: id,
    entityType: 'Source',
    operation: scope.operation,
    removedEntities: removed.entities - 1,
    removedRelations: removedRelations + removed.relations,
    updatedEntities,
    updatedRelations: updatedRelations + removed.cleared,
  };
}

function relationIdentity(relation: CitingRelation) {
  return { type: relation.type, from: relation.from, to: relation.to, key: relation.key };
}

export async function deleteEntity(
  context: RequestContext,
  label: EntityLabel,
  id: string,
  cascade: boolean,
  argument: 'slug' | 'id' = 'slug',
): Promise<DeleteResult> {
  return runWrite(context, async (tx, scope) => {
    const stored = await lockEntity(tx, id);
    if (stored === null) {
      // A former slug still names its entity for reads; a delete must name it by its slug.
      const [renamed] = await readEntities(tx, [id]);
      if (renamed) {
        throw BadUserInputError.of([
          {
            field: argument,
            message: `"${id}" is a former slug of "${renamed.id}" (${renamed.label}); delete "${renamed.id}" if you mean it`,
          },
        ]);
      }
      return nothingDeleted(id);
    }
    if (stored !== label) throw BadUserInputError.of([{ field: argument, message: `"${id}" is a ${stored}, not a ${label}` }]);
    if (label === 'Source') return deleteSource(tx, id, cascade, scope);
    const dependents = await relationDependents(tx, id, shownDependents);
    if (dependents.total > 0 && !cascade) {
      throw refuse(
        label,
        id,
        dependents.total,
        dependents.sample.map(relationDependent),
        'deletes its relations and clears onBehalfOf naming it',
      );
    }
    const removed = await deleteEntities(tx, [id], scope);
    return {
      deleted: true,
      slug: id,
      entityType: label,
      operation: scope.operation,
      removedEntities: 0,
      removedRelations: removed.relations,
      updatedEntities: 0,
      updatedRelations: removed.cleared,
    };
  });
}

export const DeletePayload = builder.objectRef<DeleteResult>('DeletePayload').implement({
  description: 'What an entity delete did, with what its cascade removed and updated.',
  fields: (t) => ({
    deleted: t.exposeBoolean('deleted', {
      description: 'Whether the entity existed and was deleted; false when there was none (nothing else happened).',
    }),
    slug: t.exposeString('slug', { description: 'The slug that was asked for.' }),
    entityType: t.field({
      type: EntityTypeEnum,
      nullable: true,
      description: 'The kind of the entity deleted; null when nothing was.',
      resolve: (result) => result.entityType,
    }),
    operation: t.exposeString('operation', {
      nullable: true,
      description: 'The id of this delete in the change log (Change.operation); null when nothing was deleted.',
    }),
    removedEntities: t.exposeInt('removedEntities', {
      description: 'Other entities deleted by the cascade (those a deleted source left with no source), not counting this one.',
    }),
    removedRelations: t.exposeInt('removedRelations', {
      description: 'Relations deleted: those of every deleted entity, and those a deleted source left with no source.',
    }),
    updatedEntities: t.exposeInt('updatedEntities', {
      description: 'Entities that lost a citation of a deleted source (sources or claims).',
    }),
    updatedRelations: t.exposeInt('updatedRelations', {
      description: 'Relations that lost a citation of a deleted source, or whose onBehalfOf named a deleted entity and was cleared.',
    }),
  }),
});

for (const spec of entityWriteSpecs) {
  builder.mutationField(`delete${spec.label}`, (t) =>
    t.field({
      type: DeletePayload,
      description:
        `Deletes ${spec.noun} by slug. Without cascade, it is refused (CONFLICT, listing them) while anything points at it: ` +
        (spec.label === 'Source'
          ? 'an entity, relation or claim citing it. With cascade, the source is removed from every citing list and the facts left with no source are deleted. '
          : `a relation${spec.label === 'Organization' || spec.label === 'Body' ? ', or a signature made on its behalf' : ''}. With cascade, its relations are deleted too${spec.label === 'Organization' || spec.label === 'Body' ? ' and onBehalfOf naming it is cleared' : ''}. `) +
        'An unknown slug answers deleted: false. Needs the "admin" scope.',
      authScopes: { admin: true },
      complexity: writeCost,
      args: {
        slug: t.arg.string({ description: `The slug of ${spec.noun}. Required.` }),
        id: t.arg.string({
          description: `The slug of ${spec.noun}, under its old name.`,
          deprecationReason: `Use slug: on the read side, id is the global ID. Deprecated ${slugRenameDate}.`,
        }),
        cascade: t.arg.boolean({
          defaultValue: false,
          description: 'Also delete (or change) what points at it, as described above, instead of refusing.',
        }),
      },
      resolve: (_root, args, context) => {
        const problems = slugProblems(args, '');
        if (problems.length > 0)
          throw BadUserInputError.of(problems.map((problem) => ({ ...problem, field: problem.field.replace(/^\./, '') })));
        return deleteEntity(context, spec.label, String(slugOf(args)), args.cascade ?? false, slugField(args));
      },
    }),
  );
}
