import { z } from 'zod';
import { isEntityLabel } from '../domain/graph.ts';
import type { EntityRecord } from './repositories/entities.ts';
import { withPlainTimes } from './values.ts';

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
