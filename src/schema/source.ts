import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { EntityRef, SourceRef } from './refs.ts';
import { PartialDate } from './scalars.ts';

builder.node(SourceRef, {
  ...nodeOptions('Source'),
  interfaces: [EntityRef],
  description: 'A source that states facts: an article, a report. Every entity and relation cites at least one.',
  fields: (t) => ({
    title: t.string({ description: "The source's title.", resolve: (s) => s.title ?? s.name ?? s.id }),
    publisher: t.string({ nullable: true, description: 'Who published it, when known.', resolve: (s) => s.publisher }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it was published, when known.',
      resolve: (s) => s.date,
    }),
    language: t.string({ nullable: true, description: 'Its language (BCP 47, e.g. "en").', resolve: (s) => s.language }),
    file: t.string({
      nullable: true,
      description: "The file holding its text in the project's shared seeds.",
      resolve: (s) => s.file,
    }),
    url: t.field({ type: 'URL', nullable: true, description: 'Where it was published, when known.', resolve: (s) => s.url }),
  }),
});
