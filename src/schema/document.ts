import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { BodyRef, DocumentRef, EntityRef, EventRef, StatementRef, TopicRef } from './refs.ts';
import { relationConnection } from './relations.ts';
import { PartialDate } from './scalars.ts';

builder.node(DocumentRef, {
  ...nodeOptions('Document'),
  interfaces: [EntityRef],
  description: 'A resolution, report or other document.',
  fields: (t) => ({
    kind: t.string({
      description: 'resolution, report, memorandum-text, statement, other.',
      resolve: (d) => d.kind ?? 'other',
    }),
    number: t.string({ nullable: true, description: 'Its official number, e.g. "75/240".', resolve: (d) => d.number }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'Its date, with the precision the sources give.',
      resolve: (d) => d.date,
    }),
    establishes: relationConnection(t, { type: 'ESTABLISHED_BY', direction: 'in', target: BodyRef, description: 'Bodies it established.' }),
    issuedBy: relationConnection(t, { type: 'ISSUED', direction: 'in', target: EntityRef, description: 'Who issued it.' }),
    presentedAt: relationConnection(t, {
      type: 'PRESENTED_AT',
      direction: 'out',
      target: EventRef,
      description: 'Events where it was presented.',
    }),
    topics: relationConnection(t, { type: 'COVERS', direction: 'out', target: TopicRef, description: 'Topics it covers.' }),
    statements: relationConnection(t, {
      type: 'ABOUT',
      direction: 'in',
      target: StatementRef,
      description: 'What was said about it, by whom, where and when.',
    }),
  }),
});
