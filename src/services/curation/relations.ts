/**
 * Relation upserts and deletes. An upsert checks the relation and the sources it gives inline as
 * seed records against the stored graph (its ends must exist and be of the kinds its type
 * allows) and writes them with the seed loader's statements, inside the caller's write
 * transaction (the upsert mutations, an accepted ingestion proposal).
 */
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import { deleteRelations, upsertRelationRow, type WriteOutcome } from '../../db/repositories/curation.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import { type RelationType, relationKey } from '../../domain/graph.ts';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import { type InlineSourceResult, inlineSourceRecords, inputSlugProblems, readBack, upsertInlineSources } from './citations.ts';
import { checkWrite, type Input, seedRecord } from './records.ts';

export interface RelationWriteResult {
  outcome: WriteOutcome;
  type: RelationType;
  key: string;
  from: StoredEntity;
  to: StoredEntity;
  operation: string;
  inlineSources: InlineSourceResult[];
}

export interface RelationDeleteResult {
  deleted: boolean;
  key: string;
  operation: string | null;
}

/** What identifies a relation of a type: its ends, and its role and title where it has them. */
export interface RelationIdentity {
  from: string;
  to: string;
  role?: string | null;
  title?: string | null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The identity an input (or a delete's arguments) gives a relation. */
export function identityOf(input: Input): RelationIdentity {
  return { from: String(input.from), to: String(input.to), role: textOrNull(input.role), title: textOrNull(input.title) };
}

/** Checks and writes one relation and the sources it gives inline. */
export async function upsertRelation(
  tx: TransactionRunner,
  scope: WriteScope,
  type: RelationType,
  input: Input,
): Promise<RelationWriteResult> {
  const problems = inputSlugProblems(input, false);
  if (problems.length > 0) throw BadUserInputError.of(problems);
  const identity = identityOf(input);
  const { from, to } = identity;
  const key = relationKey(type, identity);
  const graph = await checkWrite(tx, [
    { collection: 'relations', record: { type, ...seedRecord(input) }, place: 'input', inputNames: {} },
    ...inlineSourceRecords(input),
  ]);
  const inline = await upsertInlineSources(tx, scope, graph.nodes);
  const [relation] = graph.relations;
  if (!relation) throw new Error(`the validated input lost its relation ${key}`);
  const outcome = await upsertRelationRow(tx, relation, scope);
  const { stored, inlineSources } = await readBack(tx, [from, to], inline);
  const fromEntity = stored.get(from);
  const toEntity = stored.get(to);
  if (!fromEntity || !toEntity) throw new Error(`the ends of ${key} cannot be read back`);
  return {
    outcome,
    type,
    key,
    from: fromEntity,
    to: toEntity,
    operation: scope.operation,
    inlineSources,
  };
}

/** Deletes the relation of this type and identity, if there is one. */
export async function deleteRelation(
  tx: TransactionRunner,
  scope: WriteScope,
  type: RelationType,
  identity: RelationIdentity,
): Promise<RelationDeleteResult> {
  const key = relationKey(type, identity);
  const deleted = (await deleteRelations(tx, [{ type, from: identity.from, to: identity.to, key }], scope)) > 0;
  return { deleted, key, operation: deleted ? scope.operation : null };
}
