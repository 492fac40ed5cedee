import { describe, expect, it } from 'vitest';
import { readPermalink, writePermalink } from '../../src/web/browser/explorer/model/permalink.ts';
import { emptyView, viewReducer } from '../../src/web/browser/explorer/model/view.ts';
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

describe('a view of sources only, restored from a link with a depth', () => {
  const source = { __typename: 'Source', id: 'U291cmNlOnNyYy0wMDM=', slug: 'src-003', name: 'An article' };
  const sourceApi: RestoreApi = { ...api, neighborhood: async () => ({ nodes: [source, kulikova], edges: [] }) };

  it('keeps 1 hop, which is what a source has at any depth, and says so', async () => {
    const notApplied: string[] = [];
    const view = await restoreView(sourceApi, readPermalink('?expand=src-003&depth=2&mode=xyz'), [], notApplied);
    expect(view.depth).toBe(1);
    expect(notApplied).toHaveLength(2);
    expect(notApplied[1]).toMatch(/^depth=2: a source's neighbours are the records it is cited for/);
  });

  it('keeps the depth where another neighbourhood takes it', async () => {
    const notApplied: string[] = [];
    const mixed: RestoreApi = {
      ...api,
      neighborhood: async (id) => (id === 'src-003' ? { nodes: [source], edges: [] } : { nodes: [kulikova, oewg], edges: [] }),
    };
    const view = await restoreView(mixed, readPermalink('?expand=src-003,alexandra-kulikova&depth=2'), [], notApplied);
    expect(view.depth).toBe(2);
    expect(notApplied).toEqual([]);
  });

  it('says a relation not in view is not selected', async () => {
    const notApplied: string[] = [];
    const view = await restoreView(api, readPermalink('?expand=alexandra-kulikova&relation=nothing'), [], notApplied);
    expect(view.selection).toBeNull();
    expect(notApplied).toEqual(['relation=nothing: no relation in view has this key, so none is selected']);
  });
});

describe('a source opened while neighbourhoods reach two hops', () => {
  it('is drawn at 1 hop, which its address says too', () => {
    const source = { __typename: 'Source', id: 'U291cmNlOnNyYy0wMDM=', slug: 'src-003', name: 'An article' };
    const before = { ...emptyView, depth: 2 };
    const opened = viewReducer(before, { type: 'start', around: source.id, subgraph: { nodes: [source, kulikova], edges: [] } });
    expect(opened.depth).toBe(1);
    expect(new URLSearchParams(writePermalink(opened)).get('depth')).toBeNull();
    const person = viewReducer(before, { type: 'start', around: kulikova.id, subgraph: { nodes: [kulikova, oewg], edges: [] } });
    expect(person.depth).toBe(2);
  });
});
