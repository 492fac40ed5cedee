import { describe, expect, it } from 'vitest';
import { filledCypher } from '../../src/db/cypher-files.ts';
import { inlinePathParts, listedPathParts } from '../../src/db/path-parts-slots.ts';
import { pathSearch } from '../../src/db/path-search-slots.ts';
import { recordView } from '../../src/db/record-view.ts';
import { pathsIn } from '../../src/db/repositories/graph.ts';

// The entities and relationships on shortest paths (src/db/repositories/graph.ts): listed once
// each with their whole records, or inline on each path through the selection's view. What they
// become, what an error names, and what the parts slot accepts.
const view = recordView(['name'], ['key'], 'none', false);
if (view === null) throw new Error('a view of name and key');
const row = (paths: { nodes: unknown[]; edges: unknown[] }[], entities: unknown[] = [], relations: unknown[] = []) => ({
  fromEntity: null,
  toEntity: null,
  paths,
  entities,
  relations,
});
const values = (record: Record<string, string>) => view.entity.map((name) => record[name] ?? null);
const ripe = values({ id: 'ripe-ncc', label: 'Organization', name: 'RIPE NCC' });
const icann = values({ id: 'icann', label: 'Body', name: 'ICANN' });

describe('the paths of a shortest-paths answer', () => {
  it('puts inline values together, each entity decoded once, each relationship oriented as stored', () => {
    const memberOf = ['ripe-ncc', 'MEMBER_OF', ['MEMBER_OF|ripe-ncc|icann||']];
    const [first, second] = pathsIn(
      row([
        { nodes: [ripe, icann], edges: [memberOf] },
        { nodes: [icann, ripe], edges: [memberOf] },
      ]),
      view,
    );
    expect(first?.nodes).toMatchObject([{ id: 'ripe-ncc', label: 'Organization', name: 'RIPE NCC', kind: null }, { id: 'icann' }]);
    expect(first?.edges).toEqual([
      { id: 'MEMBER_OF|ripe-ncc|icann||', type: 'MEMBER_OF', from: 'ripe-ncc', to: 'icann', props: { key: 'MEMBER_OF|ripe-ncc|icann||' } },
    ]);
    // The second path walks the relationship against its direction: it keeps its stored ends.
    expect(second?.edges[0]).toMatchObject({ from: 'ripe-ncc', to: 'icann' });
    expect(second?.nodes[1]).toBe(first?.nodes[0]);
  });

  it('puts listed whole records together', () => {
    const [path] = pathsIn(
      row(
        [{ nodes: ['icann', 'itu'], edges: ['5:x:2'] }],
        [
          { id: 'icann', label: 'Body' },
          { id: 'itu', label: 'Body' },
        ],
        [{ id: '5:x:2', type: 'PART_OF', from: 'icann', to: 'itu', props: { key: 'k' } }],
      ),
      null,
    );
    expect(path?.nodes.map((node) => node.id)).toEqual(['icann', 'itu']);
    expect(path?.edges).toEqual([{ id: '5:x:2', type: 'PART_OF', from: 'icann', to: 'itu', props: { key: 'k' } }]);
  });

  it('names the statement, the path and the part when one does not fit', () => {
    expect(() => pathsIn(row([{ nodes: [ripe, ['a']], edges: [] }]), view)).toThrow(
      'queries/shortest-paths, path 0, entity 1: entity: expected the values of a view of 3 properties',
    );
    expect(() => pathsIn(row([{ nodes: [ripe, icann], edges: [[7, 'T', ['k']]] }]), view)).toThrow(
      "queries/shortest-paths, path 0, relation 0: expected a relationship's start and type as text",
    );
    expect(() => pathsIn(row([{ nodes: [ripe, icann], edges: [['itu', 'T', ['k']]] }]), view)).toThrow(
      'queries/shortest-paths, path 0, relation 0: starts at itu, which is not beside it on the path',
    );
    expect(() => pathsIn(row([{ nodes: [ripe, icann], edges: [['icann', 'T', {}]] }]), view)).toThrow(
      'queries/shortest-paths, path 0, relation 0: props: expected the values of a view of 1 properties',
    );
    expect(() => pathsIn(row([{ nodes: ['icann'], edges: [] }], [], []), null)).toThrow(
      'queries/shortest-paths: entity icann is on a path but not in the answer',
    );
    expect(() => pathsIn(row([], [], [{ id: 7, type: 'T', from: 'a', to: 'b', props: {} }]), null)).toThrow(
      "queries/shortest-paths, relation 0: expected a relationship's id, type and ends as text",
    );
  });

  it('fills the parts slot with the listed text or a view writer’s text only', () => {
    const parameters = (pathParts: string) => ({ pathSearch: pathSearch(new Set()), pathParts });
    const inline = inlinePathParts(['id', 'label', 'name'], ['title']);
    expect(inline).toContain('[startNode(r).id, type(r), [r.key, r.title]]');
    expect(filledCypher('queries/shortest-paths', parameters(inline))).toContain(inline);
    expect(filledCypher('queries/shortest-paths', parameters(listedPathParts))).toContain('AS relations');
    for (const refused of [
      inline.replace('[n.id, n.label, n.name]', '[n.id, n.label, n.secret]'),
      inline.replace('[r.key, r.title]', '[r.title, r.key]'),
      `${inline} UNION MATCH (x) RETURN x`,
      'RETURN 1',
    ]) {
      expect(() => filledCypher('queries/shortest-paths', parameters(refused)), refused).toThrow('cannot fill a slot');
    }
  });
});
