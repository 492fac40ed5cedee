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
