import { describe, expect, it } from 'vitest';
import { recordView } from '../../src/db/record-view.ts';
import { pathPartsIn } from '../../src/db/repositories/graph.ts';

// The entities and relationships on shortest paths are decoded by hand (src/db/repositories/graph.ts),
// whole or through the selection's view: what they become, and what an error names.
const view = recordView(['name'], ['key'], 'none', false);
if (view === null) throw new Error('a view of name and key');
const row = (entities: unknown[], relations: unknown[]) => ({ fromEntity: null, toEntity: null, paths: [], entities, relations });

describe('the parts of a paths answer', () => {
  it('decodes entities and relationships through the view, and whole', () => {
    const entity = view.entity.map((name) => ({ id: 'ripe-ncc', label: 'Organization', name: 'RIPE NCC' })[name] ?? null);
    const props = view.relation.map((name) => ({ key: 'member-1' })[name] ?? null);
    const viewed = pathPartsIn(row([entity], [{ id: '5:x:1', type: 'MEMBER_OF', from: 'ripe-ncc', to: 'icann', props }]), view);
    expect(viewed.entities).toMatchObject([{ id: 'ripe-ncc', label: 'Organization', name: 'RIPE NCC', kind: null }]);
    expect(viewed.relations).toEqual([{ id: '5:x:1', type: 'MEMBER_OF', from: 'ripe-ncc', to: 'icann', props: { key: 'member-1' } }]);
    const whole = pathPartsIn(
      row([{ id: 'icann', label: 'Body' }], [{ id: '5:x:2', type: 'PART_OF', from: 'a', to: 'b', props: { key: 'k' } }]),
      null,
    );
    expect(whole.entities).toMatchObject([{ id: 'icann', label: 'Body' }]);
    expect(whole.relations[0]?.props).toEqual({ key: 'k' });
  });

  it('names the statement, the part and its place when one does not fit', () => {
    const entity = view.entity.map((name) => (name === 'id' ? 'a' : name === 'label' ? 'Person' : null));
    expect(() => pathPartsIn(row([entity, ['a']], []), view)).toThrow(
      'queries/shortest-paths, entity 1: entity: expected the values of a view of 3 properties',
    );
    expect(() => pathPartsIn(row([], [{ id: 7, type: 'T', from: 'a', to: 'b', props: [] }]), view)).toThrow(
      "queries/shortest-paths, relation 0: expected a relationship's id, type and ends as text",
    );
    expect(() => pathPartsIn(row([], [{ id: 'r', type: 'T', from: 'a', to: 'b', props: {} }]), view)).toThrow(
      'queries/shortest-paths, relation 0: props: expected the values of a view of 1 properties',
    );
  });
});
