/**
 * The statements behind the curation mutations, each run inside the caller's write transaction
 * (one per mutation), so a write is all or nothing. Rows in, plain rows out; no GraphQL here.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import {
  type EntityLabel,
  entityLabels,
  isEntityLabel,
  type NodeRow,
  type RelationRow,
  type RelationType,
  relationTypes,
} from '../../domain/graph.ts';
import type { StoredEntity } from '../../domain/stored-entity.ts';
import type { StoredSearchForms } from '../../domain/text/search-forms.ts';
import type { TransactionRunner } from '../database.ts';
import { type Outcome as Counts, emptySummary, upsertNodes, upsertRelations, type WriteScope } from '../load.ts';
import { entity } from '../rows.ts';
import { entitiesByIdParameters } from './entities.ts';

const knownTypes = new Set<string>(relationTypes);

const count = z.number();
const texts = z.array(z.string());
const storedLabel = z.enum(entityLabels);
const storedType = z.enum(relationTypes);

/** A relationship by its identity: type, ends and key (type|from|to|role|title). */
export interface RelationIdentity {
  type: RelationType;
  from: string;
  to: string;
  key: string;
}

function checkedType(type: string): RelationType {
  // Types reach Cypher as $(row.type): only ours may.
  if (!knownTypes.has(type)) throw new Error(`unknown relationship type "${type}"`);
  return type as RelationType;
}

/** What an upsert did to one record. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

function outcomeOf(counts: Counts | undefined): WriteOutcome {
  if (counts?.created) return 'created';
  if (counts?.updated) return 'updated';
  return 'unchanged';
}

/** Upserts one entity row with the seed loader's statement, alone so that its own outcome is known. */
export async function upsertEntityRow(tx: TransactionRunner, row: NodeRow, scope: WriteScope): Promise<WriteOutcome> {
  const summary = emptySummary(1, scope.operation);
  await upsertNodes(tx, [row], summary, scope);
  return outcomeOf(summary.nodes[row.label]);
}

/** Upserts one relation row with the seed loader's statement. */
export async function upsertRelationRow(tx: TransactionRunner, row: RelationRow, scope: WriteScope): Promise<WriteOutcome> {
  const summary = emptySummary(0, scope.operation);
  await upsertRelations(tx, [row], summary, scope);
  return outcomeOf(summary.relations[row.type]);
}

const labelRow = z.object({ id: z.string(), label: z.string() });
const entityRow = z.object({ props: entity });
const lockedRow = z.object({ label: z.string() });

/** The label of each of these ids that the database holds, locking each (see labels-of.cypher). */
export async function labelsOf(tx: TransactionRunner, ids: readonly string[]): Promise<Map<string, EntityLabel>> {
  const sorted = [...new Set(ids)].sort();
  const rows = await tx.run('curation/labels-of', { ids: sorted }, labelRow);
  const labels = new Map<string, EntityLabel>();
  for (const row of rows) if (isEntityLabel(row.label)) labels.set(row.id, row.label);
  return labels;
}

/** Entities as this transaction sees them, in no particular order. */
export async function readEntities(tx: TransactionRunner, ids: readonly string[]): Promise<StoredEntity[]> {
  const rows = await tx.run('queries/entities-by-id', entitiesByIdParameters(ids), entityRow);
  return rows.map((row) => row.props);
}

/** The entity's label, with the entity locked until commit; null when there is none. */
export async function lockEntity(tx: TransactionRunner, id: string): Promise<EntityLabel | null> {
  const [row] = await tx.run('curation/lock-entity', { id }, lockedRow);
  return row && isEntityLabel(row.label) ? row.label : null;
}

const relationIdentity = z.object({ type: storedType, from: z.string(), to: z.string(), key: z.string() });

export interface RelationDependent extends RelationIdentity {
  /** 'relation': it is one of the entity's relationships; 'onBehalfOf': a SIGNED naming it. */
  via: 'relation' | 'onBehalfOf';
}

/** How many relationships point at an entity (either way, or through onBehalfOf), and the first `limit`. */
export async function relationDependents(
  tx: TransactionRunner,
  id: string,
  limit: number,
): Promise<{ total: number; sample: RelationDependent[] }> {
  const [row] = await tx.run(
    'curation/relation-dependents',
    { id, limit: neo4j.int(limit) },
    z.object({ total: count, sample: z.array(relationIdentity.extend({ via: z.enum(['relation', 'onBehalfOf']) })) }),
  );
  return { total: row?.total ?? 0, sample: row?.sample ?? [] };
}

/** What a record derives from its citations, as stored (src/domain/validate.ts, setEvidence). */
const citedProps = z.object({
  evidence: z.string().nullable(),
  citationEvidence: texts.nullable().transform((kinds) => kinds ?? []),
  citations: z.string().nullable(),
  provenance: z.string().nullable(),
  date: z.string().nullable(),
  startDate: z.string().nullable(),
});
export type CitedProps = z.output<typeof citedProps>;

/** What is derived from a record's citations, written again when a deleted source leaves them. */
export interface CitedAfter {
  citationEvidence: string[];
  citations: string | null;
  provenance: string | null;
  dateEvidence: string[] | null;
}

/** The same for an entity, with the kinds its values stand on (validate.ts entityRow); a relationship has none. */
export interface EntityCitedAfter extends CitedAfter {
  valueEvidence: string[];
}

export interface CitingEntity {
  id: string;
  label: EntityLabel;
  sources: string[];
  /** The claims as stored: JSON text, or null. */
  claims: string | null;
  /** A conflict's sides as stored: JSON text; null for any other entity. */
  sides: string | null;
  /** Its properties but the derived search forms: what searchForms reads. */
  searched: Record<string, unknown>;
  cited: CitedProps;
}

export interface CitingRelation extends RelationIdentity {
  sources: string[];
  claims: string | null;
  cited: CitedProps;
}

/** Every entity and relationship that may cite a source (claims are to be parsed to be sure). */
export async function citingSource(tx: TransactionRunner, id: string): Promise<{ entities: CitingEntity[]; relations: CitingRelation[] }> {
  const [row] = await tx.run(
    'curation/citing-source',
    { source: id, quoted: JSON.stringify(id) },
    z.object({
      entities: z.array(
        z.object({
          id: z.string(),
          label: storedLabel,
          sources: texts,
          claims: z.string().nullable(),
          sides: z.string().nullable(),
          searched: z.record(z.string(), z.unknown()),
          cited: citedProps,
        }),
      ),
      relations: z.array(relationIdentity.extend({ sources: texts, claims: z.string().nullable(), cited: citedProps })),
    }),
  );
  return { entities: row?.entities ?? [], relations: row?.relations ?? [] };
}

export interface DeletedEntities {
  entities: number;
  /** Their relationships, and the SIGNED relationships made on their behalf. */
  relations: number;
}

/** Deletes entities with their relationships and the signatures made on their behalf; see delete-entities.cypher. */
export async function deleteEntities(tx: TransactionRunner, ids: readonly string[], scope: WriteScope): Promise<DeletedEntities> {
  if (ids.length === 0) return { entities: 0, relations: 0 };
  const rows = await tx.run(
    'curation/delete-entities',
    { ids: [...ids], by: scope.by, operation: scope.operation },
    z.object({ entities: count, relations: count }),
  );
  return rows.reduce((sum, row) => ({ entities: sum.entities + row.entities, relations: sum.relations + row.relations }), {
    entities: 0,
    relations: 0,
  });
}

/** Deletes relationships by identity; returns how many there were. */
export async function deleteRelations(tx: TransactionRunner, rows: readonly RelationIdentity[], scope: WriteScope): Promise<number> {
  if (rows.length === 0) return 0;
  const checked = rows.map((row) => ({ type: checkedType(row.type), from: row.from, to: row.to, key: row.key }));
  const [row] = await tx.run(
    'curation/delete-relations',
    { rows: checked, by: scope.by, operation: scope.operation },
    z.object({ deleted: count }),
  );
  return row?.deleted ?? 0;
}

export interface EntityCitations {
  id: string;
  sources: string[];
  claims: string | null;
  sides: string | null;
  cited: EntityCitedAfter;
  /** The search forms derived again when a claim went (its name is searched as an alias), else null. */
  forms: StoredSearchForms | null;
  /** The properties that changed: sources, claims, sides, citations, provenance. */
  fields: string[];
}

/** A relationship's sources after a source was deleted, with what is derived from them. */
export interface RelationCitations extends RelationIdentity {
  sources: string[];
  cited: CitedAfter;
  /** The properties that changed: sources, citations, provenance. */
  fields: string[];
}

/** New sources and claims for entities that cited a deleted source; returns how many were updated. */
export async function unciteEntities(tx: TransactionRunner, rows: readonly EntityCitations[], scope: WriteScope): Promise<number> {
  if (rows.length === 0) return 0;
  const [row] = await tx.run(
    'curation/uncite-entities',
    { rows: [...rows], by: scope.by, operation: scope.operation },
    z.object({ updated: count }),
  );
  return row?.updated ?? 0;
}

/** New sources for relationships that cited a deleted source; returns how many were updated. */
export async function unciteRelations(tx: TransactionRunner, rows: readonly RelationCitations[], scope: WriteScope): Promise<number> {
  if (rows.length === 0) return 0;
  const checked = rows.map((row) => ({ ...row, type: checkedType(row.type) }));
  const [row] = await tx.run(
    'curation/uncite-relations',
    { rows: checked, by: scope.by, operation: scope.operation },
    z.object({ updated: count }),
  );
  return row?.updated ?? 0;
}
