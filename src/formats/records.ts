/**
 * Stored properties back to seed records: the inverse of entityRow and relationRow in
 * src/domain/validate.ts. Only the fields a record may have are kept, so the derived properties
 * (nameKey, searchText, dateFrom, dateTo, a source's name and sources, a relation's key), the
 * audit properties and the journal's marks all fall away, and an exported record imports as
 * the same stored entity.
 */
import type { EntityLabel, RelationType } from '../domain/graph.ts';
import { fieldsOfLabel, relationFields } from './fields.ts';

/** A record of the seed format, its fields in export order. */
export type SeedRecord = Record<string, unknown>;

/** One stored entity: its label and properties as Neo4j returns them. */
export interface StoredEntity {
  label: EntityLabel;
  props: Record<string, unknown>;
}

/** One stored relationship, oriented as stored. */
export interface StoredRelation {
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

interface Claim {
  field: unknown;
  value: unknown;
  sources: unknown;
}

/**
 * Claims are stored as one JSON string. They are rewritten field, value, sources, whatever
 * order they were given in, so two exports of the same claims are the same text.
 */
function claimsOf(stored: unknown): Claim[] | undefined {
  if (typeof stored !== 'string' || stored === '') return undefined;
  const claims = JSON.parse(stored) as Claim[];
  return claims.map(({ field, value, sources }) => ({ field, value, sources }));
}

function copyFields(fields: readonly string[], props: Record<string, unknown>, into: SeedRecord): void {
  for (const field of fields) {
    if (field in into) continue;
    const value = field === 'claims' ? claimsOf(props.claims) : props[field];
    // The loader stores absent lists as [] (aliases, externalFacts): absent again here.
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    into[field] = value;
  }
}

export function entityRecord(entity: StoredEntity): SeedRecord {
  const record: SeedRecord = {};
  copyFields(fieldsOfLabel(entity.label).fields, entity.props, record);
  return record;
}

export function relationRecord(relation: StoredRelation): SeedRecord {
  const record: SeedRecord = { type: relation.type, from: relation.from, to: relation.to };
  copyFields(relationFields, relation.props, record);
  return record;
}
