import type { EntitySummary } from '../../src/web/browser/explorer/api/shapes.ts';

// Two entities as the explorer holds them (global ID, slug, name), for the tests of its model.
export const kulikova: EntitySummary = {
  __typename: 'Person',
  id: 'UGVyc29uOmFsZXhhbmRyYS1rdWxpa292YQ==',
  slug: 'alexandra-kulikova',
  name: 'Alexandra Kulikova',
};
export const oewg: EntitySummary = { __typename: 'Body', id: 'Qm9keTp1bi1vZXdn', slug: 'un-oewg', name: 'UN Open-Ended Working Group' };
