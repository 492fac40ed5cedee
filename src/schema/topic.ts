import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { EntityRef, EventRef, StatementRef, TopicRef } from './refs.ts';
import { relationConnection } from './relations.ts';

builder.node(TopicRef, {
  ...nodeOptions('Topic'),
  interfaces: [EntityRef],
  description: 'A subject: phishing, botnets, malware, internet governance, …',
  fields: (t) => ({
    coveredBy: relationConnection(t, {
      type: 'COVERS',
      direction: 'in',
      target: EntityRef,
      description: 'Memoranda and documents that cover it.',
    }),
    events: relationConnection(t, { type: 'DISCUSSED', direction: 'in', target: EventRef, description: 'Events where it was discussed.' }),
    statements: relationConnection(t, {
      type: 'ABOUT',
      direction: 'in',
      target: StatementRef,
      description: 'What was said about it, by whom, where and when, as the sources report it.',
    }),
  }),
});
