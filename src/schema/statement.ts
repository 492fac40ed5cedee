import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { ActorRef, EntityRef, EventRef, StatementRef } from './refs.ts';
import { relationConnection } from './relations.ts';
import { PartialDate } from './scalars.ts';

builder.node(StatementRef, {
  ...nodeOptions('Statement'),
  interfaces: [EntityRef],
  description:
    'Something a person, organization or body said, as a source reports it: who said it (speakers), where (saidAt), when (date) ' +
    "and what about (about), summarized in the project's own words. Each of those is a relation with its own sources and evidence.",
  fields: (t) => ({
    summary: t.string({
      description: "What was said, in the project's own words (never the source's sentences).",
      resolve: (statement) => statement.summary ?? '',
    }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description:
        'When it was said, with the precision the sources give; null when unknown. provenance(field: "date") says how it is known.',
      resolve: (statement) => statement.date,
    }),
    speakers: relationConnection(t, {
      type: 'SAID_BY',
      direction: 'out',
      target: ActorRef,
      description: 'Who said it: a person, an organization or a body (usually one).',
    }),
    saidAt: relationConnection(t, {
      type: 'SAID_AT',
      direction: 'out',
      target: EventRef,
      description: 'The event where it was said, if a source places it at one.',
    }),
    about: relationConnection(t, {
      type: 'ABOUT',
      direction: 'out',
      target: EntityRef,
      description: 'What it is about: topics, actors, bodies, documents, memoranda, events, TLDs, countries.',
    }),
  }),
});
