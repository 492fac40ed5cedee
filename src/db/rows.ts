import { z } from 'zod';
import { isEntityLabel } from '../domain/graph.ts';
import type { EntityRecord } from './repositories/entities.ts';
import { withPlainTimes } from './values.ts';

/** A row that does not have the shape its statement promises: a bug in the statement or the parser. */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

/** Parses every row a statement returned with `row`, naming the statement and the row that does not fit. */
export function parseRows<S extends z.ZodType>(name: string, records: readonly Record<string, unknown>[], row: S): z.output<S>[] {
  return records.map((record, index) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RowShapeError(`row ${index} of ${name}: ${issue?.path.join('.') || '(row)'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
}

/**
 * Row parts shared by many statements. Every statement's rows are parsed by a zod schema at
 * the boundary (ReadScope.read), so nothing past db/ sees an unchecked driver value.
 */
// A property map is checked as one (a plain object), not key by key: entity rows are the bulk of
// every answer, and z.record's per-key checks cost more than the rest of reading a row.
// What each property holds is read by its label's decoder, not here.
export const properties = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a map of properties',
);

/** A node's properties, as an entity: its slug and label checked, its audit times as Dates. */
export const entity = properties.transform((props, context): EntityRecord => {
  const id = props.id;
  const label = props.label;
  if (typeof id !== 'string' || !isEntityLabel(label)) {
    context.addIssue({ code: 'custom', message: `not an entity: id ${String(id)}, label ${String(props.label)}` });
    return z.NEVER;
  }
  return { id, label, props: withPlainTimes(props) };
});

/** A relationship's properties, with its audit times as Dates. */
export const relationProperties = properties.transform((props) => withPlainTimes(props));
