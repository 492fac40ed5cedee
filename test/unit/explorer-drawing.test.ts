import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { edgeLabelBox, overlap } from '../../src/web/browser/explorer/graph/label-boxes.ts';
import { chainOf } from '../../src/web/browser/explorer/graph/layouts.ts';

// The explorer's drawing rules that need no browser: when two labels cover each other, a
// relation's along a slanted line included, and which views are one chain for the snake layout.

/** A headless Cytoscape holding `links` (pairs of ids) and their ends. */
function graphOf(links: readonly [string, string][]) {
  const ids = [...new Set(links.flat())];
  return cytoscape({
    headless: true,
    elements: [
      ...ids.map((id) => ({ group: 'nodes' as const, data: { id } })),
      ...links.map(([source, target], index) => ({ group: 'edges' as const, data: { id: `e${index}`, source, target } })),
    ],
  });
}

describe('label boxes', () => {
  const label = { width: 100, height: 12 };

  it('tells a slanted label apart from a box in the corner of its squared bounds', () => {
    // Along a 45° line from (0, 0) to (100, 100), centred at (50, 50).
    const slanted = edgeLabelBox({ x: 50, y: 50 }, { x: 0, y: 0 }, { x: 100, y: 100 }, label);
    const corner = { x: 90, y: 10, halfWidth: 8, halfHeight: 8, angle: 0 };
    const onTheLine = { x: 70, y: 70, halfWidth: 8, halfHeight: 8, angle: 0 };
    expect(overlap(slanted, corner)).toBe(false);
    expect(overlap(slanted, onTheLine)).toBe(true);
  });

  it('finds two labels along crossing lines covering each other, and parallel ones apart', () => {
    const a = edgeLabelBox({ x: 0, y: 0 }, { x: -100, y: 0 }, { x: 100, y: 0 }, label);
    const crossing = edgeLabelBox({ x: 0, y: 0 }, { x: 0, y: -100 }, { x: 0, y: 100 }, label);
    const parallel = edgeLabelBox({ x: 0, y: 14 }, { x: -100, y: 14 }, { x: 100, y: 14 }, label);
    expect(overlap(a, crossing)).toBe(true);
    expect(overlap(a, parallel)).toBe(false);
  });
});

describe('the chain a long path draws as a snake', () => {
  it('orders a chain from the end it starts at, parallel relations and all', () => {
    const cy = graphOf([
      ['b', 'a'],
      ['b', 'c'],
      ['c', 'b'],
      ['d', 'c'],
      ['d', 'e'],
    ]);
    expect(chainOf(cy)?.map((node) => node.id())).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(chainOf(cy, 'e')?.map((node) => node.id())).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  const notChains: Record<string, [string, string][]> = {
    'a chain of three': [
      ['a', 'b'],
      ['b', 'c'],
    ],
    'a branch': [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['b', 'x'],
    ],
    'a ring': [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'a'],
    ],
    'a chain beside a ring': [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'x'],
    ],
  };
  it.each(Object.entries(notChains))('leaves out %s', (_name, links) => {
    expect(chainOf(graphOf(links))).toBeNull();
  });
});
