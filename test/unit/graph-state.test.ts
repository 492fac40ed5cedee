import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalValue, type GraphContents, stateOf } from '../support/graph-state.ts';

// The "changed nothing" oracle itself, on contents written here: it must see any one change to
// a label, a type, a property or an end, and nothing else. Its counterpart on a real database is
// test/integration/graph-state.test.ts.

const contents: GraphContents = {
  nodes: [
    { id: '4:a:1', labels: ['Entity', 'Organization'], properties: { id: 'msk-ix', name: 'MSK-IX', aliases: ['ММТС'], edition: 3 } },
    { id: '4:a:2', labels: ['Entity', 'Tld'], properties: { id: 'tld-ru', name: '.ru', idn: false } },
    { id: '4:a:3', labels: ['Change'], properties: { by: 'seed', fields: [] } },
  ],
  relationships: [
    { type: 'MANAGES', from: '4:a:1', to: '4:a:2', properties: { role: 'operator', sources: ['src-a'], evidence: 'STATED' } },
  ],
};

interface EditableContents {
  nodes: GraphContents['nodes'][number][];
  relationships: GraphContents['relationships'][number][];
}

/** A copy whose rows `edit` may replace, one at a time. */
function edited(edit: (copy: EditableContents) => void): GraphContents {
  const copy: EditableContents = { nodes: [...contents.nodes], relationships: [...contents.relationships] };
  edit(copy);
  return copy;
}

describe('canonicalValue', () => {
  it('tells apart values that print alike', () => {
    const forms = ['1', 1, [1], ['1'], null, 'null', true, 'true', [], '', [null], new Date(0), new Date(0).toString()].map(canonicalValue);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('writes a value as documented', () => {
    expect(canonicalValue('ММТС')).toBe('"ММТС"');
    expect(canonicalValue(3)).toBe('number:3');
    expect(canonicalValue(['a', 2, false])).toBe('["a",number:2,false]');
    expect(canonicalValue({ b: 1, a: 'x' })).toBe('{"a":"x","b":number:1}');
  });
});

describe('stateOf', () => {
  const state = stateOf(contents);

  it('counts nodes, relationships and change records, and hashes them with sha256', () => {
    expect(state).toEqual({ nodes: 3, relationships: 1, changes: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('does not depend on the order of rows, labels or properties, nor on elementIds', () => {
    const shuffled: GraphContents = {
      nodes: [...contents.nodes].reverse().map((node) => ({
        id: `other-${node.id}`,
        labels: [...node.labels].reverse(),
        properties: Object.fromEntries(Object.entries(node.properties).reverse()),
      })),
      relationships: contents.relationships.map((relationship) => ({
        ...relationship,
        from: `other-${relationship.from}`,
        to: `other-${relationship.to}`,
      })),
    };
    expect(stateOf(shuffled)).toEqual(state);
  });

  it('changes with any one property, label, type or end, while the counts stay the same', () => {
    const changes: [string, GraphContents][] = [
      [
        'a node property: SET n.name = …',
        edited((copy) => {
          copy.nodes[0] = { ...contents.nodes[0]!, properties: { ...contents.nodes[0]!.properties, name: 'MSK-IX!' } };
        }),
      ],
      [
        'a property to the same text as a string: 3 → "3"',
        edited((copy) => {
          copy.nodes[0] = { ...contents.nodes[0]!, properties: { ...contents.nodes[0]!.properties, edition: '3' } };
        }),
      ],
      [
        'a list item',
        edited((copy) => {
          copy.nodes[0] = { ...contents.nodes[0]!, properties: { ...contents.nodes[0]!.properties, aliases: ['MMTS'] } };
        }),
      ],
      [
        'a label',
        edited((copy) => {
          copy.nodes[1] = { ...contents.nodes[1]!, labels: ['Entity', 'Topic'] };
        }),
      ],
      [
        'a relationship property',
        edited((copy) => {
          copy.relationships[0] = {
            ...contents.relationships[0]!,
            properties: { role: 'registry', sources: ['src-a'], evidence: 'STATED' },
          };
        }),
      ],
      [
        'a relationship type',
        edited((copy) => {
          copy.relationships[0] = { ...contents.relationships[0]!, type: 'MEMBER_OF' };
        }),
      ],
      [
        'a relationship turned round',
        edited((copy) => {
          copy.relationships[0] = { ...contents.relationships[0]!, from: '4:a:2', to: '4:a:1' };
        }),
      ],
      [
        'a property of a change record',
        edited((copy) => {
          copy.nodes[2] = { ...contents.nodes[2]!, properties: { by: 'someone', fields: [] } };
        }),
      ],
    ];
    for (const [what, changed] of changes) {
      const after = stateOf(changed);
      expect({ what, nodes: after.nodes, relationships: after.relationships }).toEqual({ what, nodes: 3, relationships: 1 });
      expect(after.hash, what).not.toBe(state.hash);
    }
  });

  it('an empty graph hashes the empty lists', () => {
    const empty = createHash('sha256').update('{"nodes":[],"relationships":[]}').digest('hex');
    expect(stateOf({ nodes: [], relationships: [] })).toEqual({ nodes: 0, relationships: 0, changes: 0, hash: empty });
  });

  it('refuses a relationship whose end is not among the nodes', () => {
    expect(() => stateOf({ nodes: [], relationships: [{ type: 'MANAGES', from: 'x', to: 'y', properties: {} }] })).toThrow(
      /a relationship ends at x/,
    );
  });
});
