import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { readsStored } from './record-view.ts';
import { ActorRef, EntityRef, MemorandumRef, PersonRef, TopicRef } from './refs.ts';
import { relationConnection } from './relations.ts';
import { PartialDate } from './scalars.ts';

builder.node(MemorandumRef, {
  ...nodeOptions('Memorandum'),
  interfaces: [EntityRef],
  description: 'A memorandum of cooperation or understanding: its parties, its signatories and the topics it covers.',
  fields: (t) => ({
    title: t.string({
      description: 'The title (other titles, if sources differ, are in aliases and claims).',
      resolve: (m) => m.name ?? m.id,
    }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it was signed, with the precision the sources give; null when unknown.',
      extensions: readsStored('date'),
      resolve: (m) => m.date,
    }),
    parties: relationConnection(t, {
      type: 'PARTY_TO',
      direction: 'in',
      target: ActorRef,
      description: 'The organizations and bodies party to it.',
    }),
    signatories: relationConnection(t, {
      type: 'SIGNED',
      direction: 'in',
      target: PersonRef,
      description: 'Who signed it, each on behalf of an organization.',
    }),
    topics: relationConnection(t, {
      type: 'COVERS',
      direction: 'out',
      target: TopicRef,
      description: 'What it covers: phishing, botnets, malware, …',
    }),
  }),
});
