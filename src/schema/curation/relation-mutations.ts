/**
 * An upsert and a delete per relationship type, generated from the seed format's relation rules
 * (src/domain/rules.ts): the ends each type allows, its own fields and, where it has a closed
 * list, its roles as an enum.
 */

import { type RelationType, relationTypes } from '../../domain/graph.ts';
import { relationRules } from '../../domain/rules.ts';
import { withArticle } from '../../domain/text/article.ts';
import type { Input } from '../../services/curation/records.ts';
import {
  deleteRelation,
  identityOf,
  type RelationDeleteResult,
  type RelationWriteResult,
  upsertRelation,
} from '../../services/curation/relations.ts';
import { builder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { expectGraphEntity } from '../entity.ts';
import { EntityRef } from '../refs.ts';
import { citationEvidenceField, citationsField, evidenceInputFields } from './citations.ts';
import { pascalCase, roleEnums, WriteOutcomeEnum } from './enums.ts';
import { InlineSourceOutcomeRef, operationDescription, writeCost } from './payloads.ts';
import { slugCheck } from './seed-checks.ts';
import { runWrite } from './write.ts';

const RelationWritePayload = builder.objectRef<RelationWriteResult>('RelationWritePayload').implement({
  description: 'What a relation upsert did.',
  fields: (t) => ({
    outcome: t.field({
      type: WriteOutcomeEnum,
      description: 'Whether the relation was created, updated or left as it was.',
      resolve: (r) => r.outcome,
    }),
    type: t.exposeString('type', { description: 'The relationship type, e.g. MANAGES.' }),
    key: t.exposeString('key', {
      description: 'Its identity: "type|from|to|role|title" (a different role or title is a different relation).',
    }),
    from: t.field({ type: EntityRef, description: 'The entity it starts at.', resolve: (r) => expectGraphEntity(r.from) }),
    to: t.field({ type: EntityRef, description: 'The entity it points to.', resolve: (r) => expectGraphEntity(r.to) }),
    operation: t.exposeString('operation', { description: operationDescription }),
    inlineSources: t.field({
      type: [InlineSourceOutcomeRef],
      description: 'What the write did to each source given in full among the citations, in citation order.',
      resolve: (r) => r.inlineSources,
    }),
  }),
});

const RelationDeletePayload = builder.objectRef<RelationDeleteResult>('RelationDeletePayload').implement({
  description: 'What a relation delete did.',
  fields: (t) => ({
    deleted: t.exposeBoolean('deleted', { description: 'Whether the relation existed and was deleted; false when there was none.' }),
    key: t.exposeString('key', { description: 'The identity that was asked for: "type|from|to|role|title".' }),
    operation: t.exposeString('operation', {
      nullable: true,
      description: 'The id of this delete in the change log (Change.operation); null when nothing was deleted.',
    }),
  }),
});

/** The entities a relation write read back: the payload needs no further read. */
export function primeRelation(context: RequestContext, result: RelationWriteResult): void {
  for (const entity of [result.from, result.to, ...result.inlineSources.map((inline) => inline.source)]) {
    context.loaders.entity.prime(entity.id, entity);
  }
}

async function upsertRelationMutation(context: RequestContext, type: RelationType, input: Input): Promise<RelationWriteResult> {
  const result = await runWrite(context, (tx, scope) => upsertRelation(tx, scope, type, input));
  primeRelation(context, result);
  return result;
}

/** ['Organization', 'Body'] → "an Organization or a Body". */
function ends(labels: readonly string[]): string {
  const named = labels.map(withArticle);
  return named.length === 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

for (const type of relationTypes) {
  const rule = relationRules[type];
  const name = pascalCase(type);
  const RoleEnum = roleEnums[type] ?? null;
  const has = (field: 'role' | 'title' | 'onBehalfOf') => rule.fields.includes(field);

  const RelationInput = builder.inputType(`${name}RelationInput`, {
    description:
      `A ${type} relation: from ${ends(rule.from)} to ${ends(rule.to)}. It is identified by its type, its ends` +
      `${has('role') ? ', its role' : ''}${has('title') ? ', its title' : ''}; the rest of its fields are replaced as a whole ` +
      '(an omitted optional field is removed).',
    fields: (t) => ({
      from: t.string({ required: true, description: `The slug of ${ends(rule.from)} it starts at.`, validate: slugCheck }),
      to: t.string({ required: true, description: `The slug of ${ends(rule.to)} it points to.`, validate: slugCheck }),
      sources: citationsField(t),
      note: t.field({ type: 'NonEmptyString', description: "A short note on the relation, in the curator's own words." }),
      ...evidenceInputFields(t),
      citations: citationEvidenceField(t),
      date: t.field({ type: 'PartialDate', description: 'When it happened, with the precision the source gives.' }),
      startDate: t.field({ type: 'PartialDate', description: 'When it began.' }),
      endDate: t.field({ type: 'PartialDate', description: 'When it ended; not before startDate.' }),
      ...(has('role')
        ? {
            role: RoleEnum
              ? t.field({ type: RoleEnum, description: 'The role in this relation; part of its identity.' })
              : t.field({ type: 'NonEmptyString', description: 'The role in this relation (free text); part of its identity.' }),
          }
        : {}),
      ...(has('title')
        ? { title: t.field({ type: 'NonEmptyString', description: "The position's title, as the source gives it; part of its identity." }) }
        : {}),
      ...(has('onBehalfOf')
        ? {
            onBehalfOf: t.string({
              required: true,
              description: 'The slug of the organization or body the signatory signed for.',
              validate: slugCheck,
            }),
          }
        : {}),
    }),
  });

  builder.mutationField(`upsert${name}Relation`, (t) =>
    t.field({
      type: RelationWritePayload,
      description:
        `Creates a ${type} relation, or replaces its fields when one with the same identity exists. Its ends must exist ` +
        'and be of the kinds the type allows; invalid input writes nothing. Needs the "curate" scope.',
      authScopes: { curate: true },
      complexity: writeCost,
      args: { input: t.arg({ type: RelationInput, required: true, description: `The whole ${type} relation.` }) },
      resolve: (_root, args, context) => upsertRelationMutation(context, type, args.input as Input),
    }),
  );

  builder.mutationField(`delete${name}Relation`, (t) =>
    t.field({
      type: RelationDeletePayload,
      description: `Deletes the ${type} relation with this identity; deleted: false when there is none. Needs the "admin" scope.`,
      authScopes: { admin: true },
      complexity: writeCost,
      args: {
        from: t.arg.string({ required: true, description: 'The slug it starts at.' }),
        to: t.arg.string({ required: true, description: 'The slug it points to.' }),
        ...(has('role')
          ? {
              role: RoleEnum
                ? t.arg({ type: RoleEnum, description: 'Its role; omitted for a relation without one.' })
                : t.arg.string({ description: 'Its role; omitted for a relation without one.' }),
            }
          : {}),
        ...(has('title') ? { title: t.arg.string({ description: 'Its title; omitted for a relation without one.' }) } : {}),
      },
      resolve: (_root, args, context) => runWrite(context, (tx, scope) => deleteRelation(tx, scope, type, identityOf(args as Input))),
    }),
  );
}
