/**
 * The fields of the exchange formats, derived from the seed schemas (src/domain/rules.ts) so
 * that a field added there is exported, imported and typed without a second list to keep up.
 * One order per collection: records, CSV columns and GraphML keys all follow it, which is what
 * makes an export byte-for-byte repeatable.
 */
import { z } from 'zod';
import type { EntityLabel } from '../domain/graph.ts';
import { entityCollections, relationSchema } from '../domain/rules.ts';

/** How a field's value is written in a CSV cell or a GraphML attribute. */
export type FieldKind = 'text' | 'list' | 'boolean' | 'number' | 'json';

function kindOf(schema: z.ZodType): FieldKind {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodArray) return inner.element instanceof z.ZodString ? 'list' : 'json';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodNumber) return 'number';
  return 'text';
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  // Every collection schema is a z.strictObject (schema.ts); EntityCollection only types it as ZodType.
  return (schema as z.ZodObject).shape as Record<string, z.ZodType>;
}

/** Provenance last, in this order: what a reader looks at first is what the record says. */
const provenance = ['sources', 'evidence', 'basis', 'citations', 'provenance', 'claims'];

function ordered(fields: readonly string[], head: readonly string[]): string[] {
  const rest = fields.filter((field) => !head.includes(field) && !provenance.includes(field));
  return [...head.filter((field) => fields.includes(field)), ...rest, ...provenance.filter((field) => fields.includes(field))];
}

export interface CollectionFields {
  collection: string;
  label: EntityLabel;
  /** The record's fields in export order, id first. */
  fields: readonly string[];
}

/** The entity collections in the seed format's order (sources first), each with its fields in export order. */
export const entityCollectionFields: readonly CollectionFields[] = Object.entries(entityCollections).map(([collection, kind]) => ({
  collection,
  label: kind.label,
  fields: ordered(Object.keys(shapeOf(kind.schema)), ['id', 'name', 'title', 'aliases', 'description']),
}));

const byLabel = new Map(entityCollectionFields.map((entry) => [entry.label, entry]));
const byCollection = new Map(entityCollectionFields.map((entry) => [entry.collection, entry]));

export function fieldsOfLabel(label: EntityLabel): CollectionFields {
  const entry = byLabel.get(label);
  if (!entry) throw new Error(`no collection for label ${label}`);
  return entry;
}

export function collectionOfLabel(label: string): CollectionFields | undefined {
  return byLabel.get(label as EntityLabel);
}

export function fieldsOfCollection(collection: string): CollectionFields | undefined {
  return byCollection.get(collection);
}

/** A relation's fields in export order: its identity (type, ends, role, title) first. */
export const relationFields: readonly string[] = ordered(Object.keys(relationSchema.shape), ['type', 'from', 'to', 'role', 'title']);

const kinds = new Map<string, FieldKind>();
function noteKind(field: string, kind: FieldKind): void {
  const known = kinds.get(field);
  // A CSV column has one kind whatever the row's label: a schema that broke this would garble cells.
  if (known !== undefined && known !== kind) throw new Error(`field "${field}" is ${known} in one collection and ${kind} in another`);
  kinds.set(field, kind);
}
for (const { collection } of entityCollectionFields) {
  const schema = entityCollections[collection]?.schema;
  if (schema) for (const [field, fieldSchema] of Object.entries(shapeOf(schema))) noteKind(field, kindOf(fieldSchema));
}
for (const [field, fieldSchema] of Object.entries(relationSchema.shape)) noteKind(field, kindOf(fieldSchema as z.ZodType));

/** A field's kind, the same in every collection that has it. */
export function fieldKind(field: string): FieldKind {
  return kinds.get(field) ?? 'text';
}

/**
 * The columns of an entity CSV: label and id, then every field of any collection (a cell stays
 * empty where a row's label has no such field), provenance last.
 */
export const nodeColumns: readonly string[] = [
  'label',
  ...ordered([...new Set(entityCollectionFields.flatMap((entry) => entry.fields))], ['id', 'name', 'title', 'aliases', 'description']),
];

/** The columns of a relation CSV: the relation fields in export order. */
export const edgeColumns: readonly string[] = relationFields;
