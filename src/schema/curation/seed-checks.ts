/**
 * The seed format's own field checks (src/domain/rules.ts), handed to the validation plugin so
 * that an input field is checked exactly as the same field of a seed record is.
 */
import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import { z } from 'zod';
import { entityCollections, relationSchema } from '../../domain/rules.ts';

function fieldOf(schema: z.ZodType, field: string, where: string): StandardSchemaV1 {
  const found = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[field] : undefined;
  if (!found) throw new Error(`the seed format has no field "${field}" in ${where}`);
  return found;
}

/** The check of one field of an entity collection, e.g. seedCheck('tlds', 'ascii'). */
export function seedCheck(collection: string, field: string): StandardSchemaV1 {
  const kind = entityCollections[collection];
  if (!kind) throw new Error(`the seed format has no collection "${collection}"`);
  return fieldOf(kind.schema, field, collection);
}

/** The check of one field of a relation record, e.g. relationCheck('from'). */
export function relationCheck(field: string): StandardSchemaV1 {
  return fieldOf(relationSchema, field, 'relations');
}

/** A slug: what every id, relation end and cited source must be. */
export const slugCheck: StandardSchemaV1 = relationCheck('from');

/** Citations are checked one by one; the list must not be empty, as in the seed format. */
export const citationsCheck: StandardSchemaV1 = z.array(z.unknown()).min(1, 'must cite at least one source');
