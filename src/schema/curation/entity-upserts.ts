import type { StoredEntity } from '../../domain/stored-entity.ts';
import { type EntityWriteResult, upsertEntity } from '../../services/curation/entity-upserts.ts';
import type { Input } from '../../services/curation/records.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { expectLabel } from '../entity.ts';
import { type EntityWriteSpec, entityWriteSpecs } from './entity-inputs.ts';
import { WriteOutcomeEnum } from './enums.ts';
import { InlineSourceOutcomeRef, operationDescription, writeCost } from './payloads.ts';
import { runWrite } from './write.ts';

/** The entities just written, as read back in the write's transaction: the payload needs no further read. */
export function primeEntities(context: RequestContext, entities: readonly StoredEntity[]): void {
  for (const entity of entities) context.loaders.entity.prime(entity.id, entity);
}

/** Checks and writes an entity and the sources it gives inline, in one transaction. */
async function upsertEntityMutation(context: RequestContext, spec: EntityWriteSpec, input: Input): Promise<EntityWriteResult> {
  const result = await runWrite(context, (tx, scope) => upsertEntity(tx, scope, spec.collection, input));
  primeEntities(context, [result.entity, ...result.inlineSources.map((inline) => inline.source)]);
  return result;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

for (const spec of entityWriteSpecs) {
  const entityField = lowerFirst(spec.label);
  const Payload = builder.objectRef<EntityWriteResult>(`${spec.label}WritePayload`).implement({
    description: `What upsert${spec.label} did.`,
    fields: (t) => ({
      outcome: t.field({
        type: WriteOutcomeEnum,
        description: `Whether ${spec.noun} was created, updated or left as it was.`,
        resolve: (result) => result.outcome,
      }),
      [entityField]: t.field({
        type: spec.ref,
        description: 'The entity as stored after the write.',
        resolve: (result) => expectLabel(result.entity, spec.label),
      }),
      operation: t.exposeString('operation', { description: operationDescription }),
      ...(spec.label === 'Source'
        ? {}
        : {
            inlineSources: t.field({
              type: [InlineSourceOutcomeRef],
              description: 'What the write did to each source given in full among the citations, in citation order.',
              resolve: (result) => result.inlineSources,
            }),
          }),
    }),
  });

  builder.mutationField(`upsert${spec.label}`, (t) =>
    t.field({
      type: Payload,
      description:
        `Creates ${spec.noun}, or replaces all its fields when its slug exists (an omitted optional field is removed). ` +
        'Checked as a seed record is, against the stored graph; invalid input writes nothing. Needs the "curate" scope.',
      authScopes: { curate: true },
      complexity: writeCost,
      args: { input: t.arg({ type: spec.input, required: true, description: `The whole record of ${spec.noun}.` }) },
      resolve: (_root, args, context) => upsertEntityMutation(context, spec, args.input as Input),
    }),
  );
}
