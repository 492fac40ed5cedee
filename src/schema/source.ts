import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { text } from './props.ts';
import { EntityRef, SourceRef } from './refs.ts';
import { PartialDate } from './scalars.ts';

builder.node(SourceRef, {
  ...nodeOptions('Source'),
  interfaces: [EntityRef],
  description: 'A source that states facts: an article, a report. Every entity and relation cites at least one.',
  fields: (t) => ({
    title: t.string({ description: "The source's title.", resolve: (s) => text(s.props, 'title') ?? text(s.props, 'name') ?? s.id }),
    publisher: t.string({ nullable: true, description: 'Who published it, when known.', resolve: (s) => text(s.props, 'publisher') }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it was published, when known.',
      resolve: (s) => text(s.props, 'date'),
    }),
    language: t.string({ nullable: true, description: 'Its language (BCP 47, e.g. "en").', resolve: (s) => text(s.props, 'language') }),
    file: t.string({
      nullable: true,
      description: "The file holding its text in the project's shared seeds.",
      resolve: (s) => text(s.props, 'file'),
    }),
    url: t.field({ type: 'URL', nullable: true, description: 'Where it was published, when known.', resolve: (s) => text(s.props, 'url') }),
  }),
});
