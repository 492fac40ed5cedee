import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { ActorRef, EntityRef, MemorandumRef, PersonRef } from './refs.ts';
import { relationConnection } from './relations.ts';

builder.node(PersonRef, {
  ...nodeOptions('Person'),
  interfaces: [EntityRef, ActorRef],
  description: 'A person, with the positions they hold, the memoranda they signed and the events they took part in.',
  fields: (t) => ({
    positions: relationConnection(t, {
      type: 'HOLDS_POSITION',
      direction: 'out',
      target: EntityRef,
      labels: ['Organization', 'Body'],
      description: 'Positions held: the organization or body, the title and the dates.',
    }),
    memoranda: relationConnection(t, {
      type: 'SIGNED',
      direction: 'out',
      target: MemorandumRef,
      description: 'Memoranda this person signed, and on whose behalf.',
    }),
  }),
});
