/**
 * The conflict mutations: an upsert (create, or replace the whole record) and a delete, each in
 * one transaction, with the change log and scopes of every other write. The input calls the
 * sides `claims`, as the read side does; the rules, and the mapping of the input onto a seed
 * record, are in src/services/curation/conflicts.ts.
 */
import { relationTypes } from '../../domain/graph.ts';
import { type ConflictWriteResult, upsertConflict } from '../../services/curation/conflicts.ts';
import type { Input } from '../../services/curation/records.ts';
import { builder } from '../builder.ts';
import { expectLabel } from '../entity.ts';
import { EvidenceEnum } from '../evidence.ts';
import { ConflictRef } from '../refs.ts';
import { DeletePayload, deleteEntityMutation } from './entity-deletes.ts';
import { WriteOutcomeEnum } from './enums.ts';
import { operationDescription, writeCost } from './payloads.ts';
import { runWrite } from './write.ts';

export const RelationTypeEnum = builder.enumType('RelationType', {
  description: 'The kinds of relationship in the graph.',
  values: Object.fromEntries(relationTypes.map((type) => [type, { value: type, description: `A ${type} relationship.` }])),
});

const ConflictRelationInput = builder.inputType('ConflictRelationInput', {
  description: 'The relationship one side of a conflict stands for, by its identity: type, ends, role and title.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, required: true, description: 'Its type, e.g. MANAGES.' }),
    from: t.string({ required: true, description: 'The slug of its start.' }),
    to: t.string({ required: true, description: 'The slug of its end.' }),
    role: t.field({ type: 'NonEmptyString', description: 'Its role, when it has one.' }),
    title: t.field({ type: 'NonEmptyString', description: 'Its title, when it has one.' }),
  }),
});

const ConflictClaimInput = builder.inputType('ConflictClaimInput', {
  description: 'One side of a conflict: give either the competing value or the competing relationship, with its sources.',
  fields: (t) => ({
    value: t.field({ type: 'NonEmptyString', description: 'The competing value, e.g. a title or a date.' }),
    relation: t.field({ type: ConflictRelationInput, description: 'The competing relationship; it must be stored.' }),
    sources: t.stringList({ required: true, description: 'Slugs of the stored sources on this side; at least one.' }),
    evidence: t.field({ type: EvidenceEnum, required: true, description: 'How these sources support this side.' }),
    basis: t.field({
      type: 'NonEmptyString',
      description: "Required with INFERRED: one sentence in the curator's own words saying how this side is read from the sources.",
    }),
  }),
});

const ConflictInput = builder.inputType('ConflictInput', {
  description:
    'A disagreement between sources. The whole record is replaced: an omitted optional field is removed, so the same input twice ' +
    'leaves the same state.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Its slug, e.g. "conflict-su-manager".' }),
    name: t.field({ type: 'NonEmptyString', required: true, description: 'A short title: what the sources disagree about.' }),
    description: t.field({ type: 'NonEmptyString', required: true, description: "What the disagreement is, in the curator's own words." }),
    subjects: t.stringList({ required: true, description: 'Slugs of the entities it is about; at least one.' }),
    claims: t.field({ type: [ConflictClaimInput], required: true, description: 'The sides; at least two.' }),
  }),
});

const ConflictWritePayload = builder.objectRef<ConflictWriteResult>('ConflictWritePayload').implement({
  description: 'What upsertConflict did.',
  fields: (t) => ({
    outcome: t.field({
      type: WriteOutcomeEnum,
      description: 'Whether the conflict was created, updated or left as it was.',
      resolve: (result) => result.outcome,
    }),
    conflict: t.field({
      type: ConflictRef,
      description: 'The conflict as stored after the write.',
      resolve: (result) => expectLabel(result.conflict, 'Conflict'),
    }),
    operation: t.exposeString('operation', { description: operationDescription }),
  }),
});

builder.mutationField('upsertConflict', (t) =>
  t.field({
    type: ConflictWritePayload,
    description:
      'Creates a conflict, or replaces all its fields when its slug exists. Checked as a seed record is, against the stored graph ' +
      '(subjects, sources and the relationships its sides name must exist); invalid input writes nothing. Needs the "curate" scope.',
    authScopes: { curate: true },
    complexity: writeCost,
    args: { input: t.arg({ type: ConflictInput, required: true, description: 'The whole record of the conflict.' }) },
    resolve: async (_root, args, context) => {
      const result = await runWrite(context, (tx, scope) => upsertConflict(tx, scope, args.input as Input));
      context.loaders.entity.prime(result.conflict.id, result.conflict);
      return result;
    },
  }),
);

builder.mutationField('deleteConflict', (t) =>
  t.field({
    type: DeletePayload,
    description:
      'Deletes a conflict by slug; nothing else points at a conflict, so nothing else changes. An unknown slug answers deleted: false. ' +
      'Needs the "admin" scope.',
    authScopes: { admin: true },
    complexity: writeCost,
    args: { slug: t.arg.string({ required: true, description: 'The slug of the conflict.' }) },
    resolve: (_root, args, context) => deleteEntityMutation(context, 'Conflict', args.slug, false, 'slug'),
  }),
);
