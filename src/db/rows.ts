import { z } from 'zod';
import { entityLabels } from '../domain/graph.ts';
import type { EntityRecord } from './repositories/entities.ts';
import { withPlainTimes } from './values.ts';

/**
 * Row parts shared by many statements. Every statement's rows are parsed by a zod schema at
 * the boundary (ReadScope.read), so nothing past db/ sees an unchecked driver value.
 */
export const properties = z.record(z.string(), z.unknown());

/** A node's properties, as an entity: its slug and label checked, its audit times as Dates. */
export const entity = properties.transform((props, context): EntityRecord => {
  const id = props.id;
  const label = z.enum(entityLabels).safeParse(props.label);
  if (typeof id !== 'string' || !label.success) {
    context.addIssue({ code: 'custom', message: `not an entity: id ${String(id)}, label ${String(props.label)}` });
    return z.NEVER;
  }
  return { id, label: label.data, props: withPlainTimes(props) };
});

/** A relationship's properties, with its audit times as Dates. */
export const relationProperties = properties.transform((props) => withPlainTimes(props));

export const count = z.number();
