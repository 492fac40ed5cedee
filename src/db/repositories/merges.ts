/**
 * The statements behind entity merges and unmerges (cypher/curation/merge-*, unmerge-*), each
 * run inside the caller's write transaction. Rows are parsed here; the rules are in
 * src/services/merges.ts.
 */
import { z } from 'zod';
import { type EntityLabel, isEntityLabel, type RelationType, relationTypes } from '../../domain/graph.ts';
import type { TransactionRunner } from '../database.ts';
import { properties } from '../rows.ts';

const entityLabel = z.custom<EntityLabel>(isEntityLabel, 'expected an entity label');
const relationType = z.enum(relationTypes);
const nullableText = z.string().nullable();

const plannedRelation = z.object({
  type: relationType,
  from: z.string(),
  to: z.string(),
  key: z.string(),
  fromLabel: entityLabel,
  toLabel: entityLabel,
  newFrom: z.string(),
  newTo: z.string(),
  newKey: z.string(),
  sources: z.array(z.string()),
  existing: z.boolean(),
});
export type PlannedRelation = z.infer<typeof plannedRelation>;

const planRow = z.object({
  id: z.string(),
  label: entityLabel,
  props: properties,
  relations: z.array(plannedRelation),
  at: z.string(),
});
export type MergePlanRow = z.infer<typeof planRow>;

/** The survivor and the merged entities, locked, with the merged ones' relationships (merge-plan.cypher). */
export async function readMergePlan(tx: TransactionRunner, into: string, from: readonly string[]): Promise<MergePlanRow[]> {
  const ids = [...new Set([into, ...from])].sort();
  const rows = await tx.run('curation/merge-plan', { ids, into, from: [...from] });
  return rows.map((row) => planRow.parse(row));
}

export interface RelationMove {
  key: string;
  newFrom: string;
  newTo: string;
  newKey: string;
  outcome: 'moved' | 'combined' | 'dropped';
}

const countRow = z.object({ relations: z.number() });

/**
 * Re-points one type's relationships: the moved and dropped ones (merge-relations.cypher), or the
 * combined ones (merge-relations-combined.cypher), which must run after the others; returns how
 * many rows the statement counted.
 */
export async function moveRelations(
  tx: TransactionRunner,
  type: RelationType,
  rows: readonly RelationMove[],
  merge: string,
  by: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  const statement = rows.every((row) => row.outcome === 'combined') ? 'curation/merge-relations-combined' : 'curation/merge-relations';
  if (statement === 'curation/merge-relations' && rows.some((row) => row.outcome === 'combined')) {
    throw new Error('moveRelations: combined rows go in a call of their own, after the moved and dropped ones');
  }
  const [row] = await tx.run(statement, { type, rows: [...rows], merge, by });
  return countRow.parse(row).relations;
}

/** A property map as Neo4j stores it: a null removes the property. */
export type PropertyPatch = Record<string, string | number | boolean | string[] | null>;

/** What a merge keeps on its :MergeRecord for the unmerge (all lists and JSON text). */
export interface MergeRecordFields {
  addedAliases: string[];
  addedFormerSlugs: string[];
  addedSources: string[];
  /** JSON: the claims the merge added to the survivor, each as stored. */
  addedClaims: string;
  /** JSON: {field: value} of the fields the survivor had none of and took. */
  filled: string;
  /** JSON: the survivor's mergedFrom entries the merge added. */
  mergedFrom: string;
}

/** The survivor's new properties, the record, and the merged entities laid aside (merge-entities.cypher). */
export async function mergeEntityRecords(
  tx: TransactionRunner,
  input: { into: string; from: readonly string[]; patch: PropertyPatch; fields: readonly string[]; record: MergeRecordFields },
  merge: string,
  by: string,
): Promise<number> {
  const [row] = await tx.run('curation/merge-entities', {
    into: input.into,
    from: [...input.from],
    patch: input.patch,
    fields: [...input.fields],
    record: { ...input.record },
    merge,
    by,
  });
  return z.object({ merged: z.number() }).parse(row).merged;
}

const storedRecord = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  into: z.string(),
  from: z.array(z.string()),
  label: entityLabel,
  undone: z.boolean(),
  undoneAt: nullableText,
  addedAliases: z.array(z.string()),
  addedFormerSlugs: z.array(z.string()),
  addedSources: z.array(z.string()),
  addedClaims: z.string(),
  filled: z.string(),
  mergedFrom: z.string(),
});
export type StoredMergeRecord = z.infer<typeof storedRecord>;

/** A relationship a merge re-points: its identity before and after, and what the merge does with it. */
export const relationMove = z.object({
  type: relationType,
  from: z.string(),
  to: z.string(),
  key: z.string(),
  newFrom: z.string(),
  newTo: z.string(),
  newKey: z.string(),
  outcome: z.enum(['moved', 'combined', 'dropped']),
});

export const keptRelation = relationMove.extend({
  addedSources: z.array(z.string()),
  endsThere: z.boolean(),
  changedSince: z.boolean(),
});
export type KeptRelation = z.infer<typeof keptRelation>;

const unmergePlanRow = z.object({
  record: storedRecord,
  survivor: properties.nullable(),
  survivorChangedSince: z.boolean(),
  before: properties.nullable(),
  merged: z.array(z.object({ id: z.string(), label: entityLabel, name: nullableText, taken: z.boolean() })),
  relations: z.array(keptRelation),
  addedSince: z.array(z.object({ type: relationType, from: z.string(), to: z.string(), key: z.string() })),
  at: z.string(),
});
export type UnmergePlanRow = z.infer<typeof unmergePlanRow>;

/** Everything an unmerge of `merge` needs to decide, the survivor locked (unmerge-plan.cypher); null for no such merge. */
export async function readUnmergePlan(tx: TransactionRunner, merge: string): Promise<UnmergePlanRow | null> {
  const [row] = await tx.run('curation/unmerge-plan', { merge });
  return row === undefined ? null : unmergePlanRow.parse(row);
}

/** Gives the merged entities back and takes the merge's additions off the survivor (unmerge-entities.cypher). */
export async function unmergeEntityRecords(
  tx: TransactionRunner,
  input: { merge: string; exact: boolean; patch: PropertyPatch; fields: readonly string[] },
  operation: string,
  by: string,
): Promise<number> {
  const [row] = await tx.run('curation/unmerge-entities', {
    merge: input.merge,
    exact: input.exact,
    patch: input.patch,
    fields: [...input.fields],
    operation,
    by,
  });
  return row === undefined ? 0 : z.object({ restored: z.number() }).parse(row).restored;
}

/** Puts back one type's relationships (unmerge-relations.cypher); returns how many. */
export async function restoreRelations(
  tx: TransactionRunner,
  type: RelationType,
  merge: string,
  operation: string,
  by: string,
): Promise<number> {
  const [row] = await tx.run('curation/unmerge-relations', { type, merge, operation, by });
  return row === undefined ? 0 : countRow.parse(row).relations;
}
