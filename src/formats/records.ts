/**
 * Stored properties back to seed records: the inverse of entityRow and relationRow in
 * src/domain/validate.ts. Only the fields a record may have are kept, so the derived properties
 * (nameKey, searchText, dateFrom, dateTo, a source's name and sources, a relation's key), the
 * audit properties and the journal's marks all fall away, and an exported record imports as
 * the same stored entity.
 */
import type { EntityLabel, RelationType } from '../domain/graph.ts';
import { citationFields, claimFields, completenessFields, conflictSideFields, provenanceFields } from '../domain/rules.ts';
import { sideInOrder } from '../domain/validate.ts';
import { fieldsOfLabel, relationFields } from './fields.ts';

/** A record of the seed format, its fields in export order. */
export type SeedRecord = Record<string, unknown>;

/**
 * One stored entity: its label and properties as Neo4j returns them. The exchange formats carry
 * every property of every label alike, so they read the raw map rather than a label's row.
 */
export interface EntityProperties {
  label: EntityLabel;
  props: Readonly<Record<string, unknown>>;
}

/** One stored relationship, oriented as stored. */
export interface StoredRelation {
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** The nested objects stored as JSON text, each with its fields in export order. */
const nestedOrder: Record<string, readonly string[]> = {
  claims: claimFields,
  citations: citationFields,
  provenance: provenanceFields,
  completeness: completenessFields,
  sides: conflictSideFields,
};

/**
 * Nested objects are stored as one JSON string each. They are rewritten in the schema's field
 * order, whatever order they were given in, so two exports of the same claims are the same text.
 */
function nestedOf(order: readonly string[], stored: unknown): Record<string, unknown>[] | undefined {
  if (typeof stored !== 'string' || stored === '') return undefined;
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed)) return undefined;
  return parsed.map((entry: unknown) => {
    const object: Record<string, unknown> = typeof entry === 'object' && entry !== null ? { ...entry } : {};
    const ordered: Record<string, unknown> = {};
    for (const field of order) if (object[field] !== undefined) ordered[field] = object[field];
    // A conflict's side nests its relationship, whose fields have an order too.
    return order === conflictSideFields ? sideInOrder(ordered) : ordered;
  });
}

function copyFields(fields: readonly string[], props: Readonly<Record<string, unknown>>, into: SeedRecord): void {
  for (const field of fields) {
    if (field in into) continue;
    const order = nestedOrder[field];
    const value = order ? nestedOf(order, props[field]) : props[field];
    // The loader stores absent lists as [] (aliases): absent again here.
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    into[field] = value;
  }
}

export function entityRecord(entity: EntityProperties): SeedRecord {
  const record: SeedRecord = {};
  copyFields(fieldsOfLabel(entity.label).fields, entity.props, record);
  return record;
}

export function relationRecord(relation: StoredRelation): SeedRecord {
  const record: SeedRecord = { type: relation.type, from: relation.from, to: relation.to };
  copyFields(relationFields, relation.props, record);
  return record;
}
