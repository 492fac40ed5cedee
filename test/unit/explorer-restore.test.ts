import { describe, expect, it } from 'vitest';
import { readPermalink } from '../../src/web/browser/explorer/model/permalink.ts';
import { type RestoreApi, restoreView } from '../../src/web/browser/explorer/restore.ts';
import { kulikova, oewg } from '../support/explorer-entities.ts';

// The explorer writes its links with global IDs; a link written by hand names entities by slug,
// which `expand` passes to the API's neighborhood as it is. The rest of the link must read the
// same slugs as the entities in view, or the panel stays empty and nothing is hidden or pinned.

const unused = () => Promise.reject(new Error('not asked by a restore without a path'));
const asked: string[] = [];
const api: RestoreApi = {
  neighborhood: async (id) => {
    asked.push(id);
    return { nodes: [kulikova, oewg], edges: [] };
  },
  paths: unused,
  entities: unused,
};

describe('a view restored from its link', () => {
  it('reads slugs in the selection, the hidden and the pinned as the entities in view', async () => {
    const view = await restoreView(
      api,
      readPermalink('?expand=alexandra-kulikova&entity=un-oewg&hide=un-oewg&pin=alexandra-kulikova@10:20'),
    );
    expect(asked).toEqual(['alexandra-kulikova']);
    expect(view.selection).toEqual({ kind: 'entity', id: oewg.id });
    expect([...view.hidden]).toEqual([oewg.id]);
    expect([...view.pinned]).toEqual([[kulikova.id, { x: 10, y: 20 }]]);
  });

  it('keeps the global IDs the explorer writes, and what names nothing in view', async () => {
    const view = await restoreView(api, readPermalink(`?expand=${kulikova.id}&entity=${kulikova.id}&hide=${oewg.id},gone`));
    expect(view.selection).toEqual({ kind: 'entity', id: kulikova.id });
    expect([...view.hidden]).toEqual([oewg.id, 'gone']);
  });
});
