import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import { readEntities } from '../../db/repositories/curation.ts';
import type { EntityRecord } from '../../db/repositories/entities.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { texts } from '../props.ts';
import { type EntityWriteSpec, entityWriteSpecs } from './entity-inputs.ts';
import { type Outcome, WriteOutcomeEnum } from './enums.ts';
import { InlineSourceOutcomeRef, type InlineSourceResult, operationDescription, writeCost } from './payloads.ts';
import { entityFiles, type Input, inlineSourceIds, inputSlugProblems, slugField, slugOf } from './records.ts';
import { checkAgainstDatabase } from './validation.ts';
import { runWrite, upsertEntityRow } from './write.ts';

export interface EntityWriteResult {
  outcome: Outcome;
  entity: EntityRecord;
  operation: string;
  inlineSources: InlineSourceResult[];
}

/** The entities just written, as read back in the write's transaction: the payload needs no further read. */
export function primeEntities(context: RequestContext, entities: readonly EntityRecord[]): void {
  for (const entity of entities) context.loaders.entity.prime(entity.id, entity);
}

/**
 * An upsert replaces the whole record, but an entity's former slugs are redirects, not one of
 * its fields: they are kept (null when there are none, so that the record has no such field).
 * A slug that is another entity's former slug is refused: a new entity there would take the
 * old slug's meaning away from the entity it redirects to.
 */
async function keptFormerSlugs(tx: TransactionRunner, id: string, field: string): Promise<string[] | null> {
  const [stored] = await readEntities(tx, [id]);
  if (!stored) return null;
  if (stored.id !== id) {
    throw BadUserInputError.of([
      { field, message: `"${id}" is a former slug of "${stored.id}" (${stored.label}); write to "${stored.id}" instead` },
    ]);
  }
  const former = texts(stored.props, 'formerSlugs');
  return former.length > 0 ? former : null;
}

/**
 * Checks and writes an entity and the sources it gives inline, inside the caller's write
 * transaction: the upsert mutations and an accepted ingestion proposal write through this.
 */
export async function writeEntity(
  tx: TransactionRunner,
  scope: WriteScope,
  spec: EntityWriteSpec,
  input: Input,
): Promise<EntityWriteResult> {
  const problems = inputSlugProblems(input, true);
  if (problems.length > 0) throw BadUserInputError.of(problems);
  const id = String(slugOf(input));
  const inlineIds = inlineSourceIds(input);
  const files = entityFiles(spec.collection, { ...input, formerSlugs: await keptFormerSlugs(tx, id, `input.${slugField(input)}`) });
  const graph = await checkAgainstDatabase(tx, files);
  const inlineOutcomes = new Map<string, Outcome>();
  for (const row of graph.nodes) {
    if (row.id !== id) inlineOutcomes.set(row.id, await upsertEntityRow(tx, row, scope));
  }
  const own = graph.nodes.find((row) => row.id === id);
  if (!own) throw new Error(`the validated input lost its own record "${id}"`);
  const outcome = await upsertEntityRow(tx, own, scope);
  const stored = new Map((await readEntities(tx, [id, ...inlineIds])).map((entity) => [entity.id, entity]));
  const entity = stored.get(id);
  if (!entity) throw new Error(`"${id}" was written but cannot be read back`);
  const inlineSources = [...inlineOutcomes].flatMap(([sourceId, sourceOutcome]) => {
    const source = stored.get(sourceId);
    return source ? [{ outcome: sourceOutcome, source }] : [];
  });
  return { outcome, entity, operation: scope.operation, inlineSources };
}

/** Checks and writes an entity and the sources it gives inline, in one transaction. */
export async function upsertEntity(context: RequestContext, spec: EntityWriteSpec, input: Input): Promise<EntityWriteResult> {
  const result = await runWrite(context, (tx, scope) => writeEntity(tx, scope, spec, input));
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
      [entityField]: t.field({ type: spec.ref, description: 'The entity as stored after the write.', resolve: (result) => result.entity }),
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
      resolve: (_root, args, context) => upsertEntity(context, spec, args.input as Input),
    }),
  );
}
