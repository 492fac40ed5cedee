import { builder } from './builder.ts';
import { StatsRef } from './graph-types.ts';

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    description: 'Counts over the whole graph: entities and relationships by type, the most connected actors, the most covered topics.',
    resolve: () => ({}),
  }),
);
