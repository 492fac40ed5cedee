import { describe, expect, it } from 'vitest';
import { readPermalink, writePermalink } from '../../src/web/browser/explorer/model/permalink.ts';
import { emptyView, pathHops, type View } from '../../src/web/browser/explorer/model/view.ts';
import { kulikova, oewg } from '../support/explorer-entities.ts';

// The explorer's address holds its view: a path search comes back with how far it looked and
// whether it let paths run through a country.

const withPath = (maxHops: number, throughCountries = false): View => ({
  ...emptyView,
  path: { from: kulikova, to: oewg, maxHops, throughCountries, paths: [] },
});

describe('the permalink of a path search', () => {
  it('names the two ends, and the length only when the search looked farther than it does first', () => {
    const first = writePermalink(withPath(pathHops.first));
    expect(new URLSearchParams(first).get('path')).toBe(`${kulikova.id},${oewg.id}`);
    expect(readPermalink(first).path).toEqual({ from: kulikova.id, to: oewg.id, maxHops: pathHops.first, throughCountries: false });

    const farther = writePermalink(withPath(pathHops.farthest));
    expect(new URLSearchParams(farther).get('path')).toBe(`${kulikova.id},${oewg.id},${pathHops.farthest}`);
    expect(readPermalink(farther).path).toEqual({ from: kulikova.id, to: oewg.id, maxHops: pathHops.farthest, throughCountries: false });
  });

  it('says when paths may run through a country, with or without a longer search', () => {
    const countries = writePermalink(withPath(pathHops.first, true));
    expect(new URLSearchParams(countries).get('path')).toBe(`${kulikova.id},${oewg.id},countries`);
    expect(readPermalink(countries).path).toEqual({ from: kulikova.id, to: oewg.id, maxHops: pathHops.first, throughCountries: true });
    const both = writePermalink(withPath(pathHops.farthest, true));
    expect(new URLSearchParams(both).get('path')).toBe(`${kulikova.id},${oewg.id},${pathHops.farthest},countries`);
    expect(readPermalink(both).path).toEqual({ from: kulikova.id, to: oewg.id, maxHops: pathHops.farthest, throughCountries: true });
  });

  it('reads a length it does not offer as the first one, and no path without both ends', () => {
    expect(readPermalink(`?path=${kulikova.id},${oewg.id},99`).path?.maxHops).toBe(pathHops.first);
    expect(readPermalink(`?path=${kulikova.id}`).path).toBeUndefined();
  });
});

describe('a link the explorer cannot take as written', () => {
  it('merges a list given more than once, and says nothing of it', () => {
    const link = readPermalink('?expand=qrator-labs&expand=itu,qrator-labs&hide=a&hide=b');
    expect(link.expanded).toEqual(['qrator-labs', 'itu']);
    expect(link.hidden).toEqual(['a', 'b']);
    expect(link.notApplied).toEqual([]);
  });

  it('names each parameter it does not apply, with why, and keeps the rest', () => {
    const link = readPermalink(
      '?expand=qrator-labs&path=qrator-labs&depth=9&mode=xyz&pin=qrator-labs@abc:def&notEvidence=maybe&expnad=itu',
    );
    expect(link.expanded).toEqual(['qrator-labs']);
    expect(link.path).toBeUndefined();
    expect(link.depth).toBe(3);
    expect(link.mode).toBe('graph');
    expect(link.pinned).toEqual([{ id: 'qrator-labs', at: null }]);
    expect(link.filters.hiddenEvidence.size).toBe(0);
    const said = (start: string) => link.notApplied.find((note) => note.startsWith(start));
    expect(said('path=qrator-labs:')).toContain('two ends');
    expect(said('depth=9:')).toContain('so 3');
    expect(said('mode=xyz:')).toContain('as a graph');
    expect(said('pin=qrator-labs@abc:def:')).toContain('where the layout puts it');
    expect(said('notEvidence=maybe:')).toContain('not a kind of evidence');
    expect(said('expnad=itu:')).toBeDefined();
    expect(link.notApplied).toHaveLength(6);
  });

  it('reads a depth as whole hops, and a second selection as one too many', () => {
    expect(readPermalink('?depth=2.5').depth).toBe(2);
    expect(readPermalink('?depth=abc').notApplied).toEqual(['depth=abc: not a number of hops, so 1']);
    const both = readPermalink('?entity=a&entity=b&relation=r');
    expect(both.selection).toEqual({ kind: 'entity', id: 'a' });
    expect(both.notApplied).toHaveLength(2);
  });

  it('writes nothing it would have to take back: its own links read with no note', () => {
    const view: View = { ...withPath(pathHops.farthest, true), depth: 2, mode: 'table', pinned: new Map([[kulikova.id, { x: 1, y: -2 }]]) };
    expect(readPermalink(writePermalink(view)).notApplied).toEqual([]);
  });
});
