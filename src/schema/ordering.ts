import type { EnumRef } from '@pothos/core';
import type { relationOrders } from '../db/relation-page-slots.ts';
import { builder, type Types } from './builder.ts';

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

/** An order's input: what to order by, of its own enum, and which way (ties are broken as its description says). */
function orderInput<Field extends string>(name: string, description: string, fieldEnum: EnumRef<Types, Field>) {
  return builder.inputType(name, {
    description,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true, description: 'What to order by.' }),
      direction: t.field({ type: OrderDirectionEnum, required: false, defaultValue: 'ASC', description: 'Which way (default ASC).' }),
    }),
  });
}

export const RelationOrderInput = orderInput(
  'RelationOrder',
  'How to order a relation connection. Ties are broken by the relation key, so pages never overlap.',
  RelationOrderFieldEnum,
);

const EntityOrderFieldEnum = builder.enumType('EntityOrderField', {
  description: 'What a list is ordered by.',
  values: {
    NAME: { value: 'NAME', description: 'The name, ignoring case and accents.' },
    DATE: { value: 'DATE', description: 'The first day the date can mean; undated entities come first in ascending order.' },
    ID: { value: 'ID', description: 'The slug.' },
  } as const,
});

export const EntityOrderInput = orderInput(
  'EntityOrder',
  'How to order a list. Ties are broken by slug, so pages never overlap.',
  EntityOrderFieldEnum,
);
