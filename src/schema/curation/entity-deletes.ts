import { BadUserInputError } from '../../domain/errors.ts';
import type { EntityLabel } from '../../domain/graph.ts';
import { type DeleteResult, deleteEntity } from '../../services/curation/deletes.ts';
import { slugField, slugOf, slugProblems } from '../../services/curation/records.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { EntityTypeEnum } from '../entity.ts';
import { slugRenameDate } from './citations.ts';
import { entityWriteSpecs } from './entity-inputs.ts';
import { writeCost } from './payloads.ts';
import { runWrite } from './write.ts';

/** Deletes an entity by slug in one transaction; `argument` names the argument that gave the slug. */
export function deleteEntityMutation(
  context: RequestContext,
  label: EntityLabel,
  slug: string,
  cascade: boolean,
  argument: string,
): Promise<DeleteResult> {
  return runWrite(context, (tx, scope) => deleteEntity(tx, scope, label, slug, cascade, argument));
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
      description:
        'Relations deleted: those of every deleted entity, the signatures made on behalf of one, and those a deleted source left with no source.',
    }),
    updatedEntities: t.exposeInt('updatedEntities', {
      description: 'Entities that lost a citation of a deleted source (sources or claims).',
    }),
    updatedRelations: t.exposeInt('updatedRelations', {
      description: 'Relations that lost a citation of a deleted source.',
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
          : `a relation${spec.label === 'Organization' || spec.label === 'Body' ? ', or a signature made on its behalf' : ''}. With cascade, its relations are deleted too${spec.label === 'Organization' || spec.label === 'Body' ? ', and so are the signatures made on its behalf' : ''}. `) +
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
        return deleteEntityMutation(context, spec.label, String(slugOf(args)), args.cascade ?? false, slugField(args));
      },
    }),
  );
}
