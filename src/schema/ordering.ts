import type { relationOrders } from '../db/relation-page-slots.ts';
import { builder } from './builder.ts';

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Ascending or descending.',
  values: { ASC: { value: 'ASC', description: 'Smallest first.' }, DESC: { value: 'DESC', description: 'Largest first.' } } as const,
});

const RelationOrderFieldEnum = builder.enumType('RelationOrderField', {
  description: 'What a relation connection is ordered by.',
  values: {
    NAME: { value: 'NAME', description: "The other end's name, ignoring case and accents (the default)." },
    DATE: {
      value: 'DATE',
      description:
        "The first day the relation holds, or, when it has no date of its own, the other end's (a signature dated by its " +
        'memorandum, a participation by its event); undated relations come first in ascending order.',
    },
  } satisfies Record<(typeof relationOrders)[number], { value: (typeof relationOrders)[number]; description: string }>,
});

export const RelationOrderInput = builder.inputType('RelationOrder', {
  description: 'How to order a relation connection. Ties are broken by the relation key, so pages never overlap.',
  fields: (t) => ({
    field: t.field({ type: RelationOrderFieldEnum, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirectionEnum, required: false, defaultValue: 'ASC', description: 'Which way (default ASC).' }),
  }),
});
