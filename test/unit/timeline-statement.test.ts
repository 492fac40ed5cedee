import { describe, expect, it } from 'vitest';
import { cypher, statementsOf } from '../../src/db/cypher-files.ts';
import { pathSearch } from '../../src/db/path-search-slots.ts';
import { relationFiltersSlot } from '../../src/db/relation-page-slots.ts';
import { asOfFilter } from '../../src/domain/dates.ts';
import { relationTypes } from '../../src/domain/graph.ts';

// The graph-wide timeline reads each relationship type from its own date index, so a type added
// to the domain without its branch and its index would silently drop out of the timeline.
describe('the graph-wide timeline statement', () => {
  it('has a branch for every relationship type, and every type a date index', () => {
    const statement = cypher('queries/timeline-graph');
    const branches = [
      ...statement.matchAll(
        /MATCH \(\)-\[r:([A-Z_]+)\]->\(\)\s+USING INDEX SEEK r:([A-Z_]+)\(dateFrom, key\)\s+WHERE '([A-Z_]+)' IN \$types/g,
      ),
    ];
    expect(branches.map(([, type]) => type)).toEqual([...relationTypes]);
    expect(branches.every(([, type, hinted, listed]) => type === hinted && type === listed)).toBe(true);
    const indexed = statementsOf('schema/008-relation-dates').map(
      (line) => /FOR \(\)-\[r:([A-Z_]+)\]-\(\) ON \(r\.dateFrom, r\.key\)/.exec(line)?.[1],
    );
    expect(indexed).toEqual([...relationTypes]);
  });
});

describe('asOf', () => {
  it('is written once, and every statement walking relations includes it', () => {
    // The relation pages have it through their filter slot, only when a request gives a date.
    expect(relationFiltersSlot(new Set(['asOf']))).toContain('$includeUndated');
    // So have the shortest paths, through their search slot.
    expect(pathSearch(new Set(['asOf']))).toContain('$includeUndated');
    expect(pathSearch(new Set())).not.toContain('WHERE');
    expect(cypher('queries/shortest-paths')).toContain('{{pathSearch}}');
    for (const name of ['queries/relation-pages', 'queries/relation-pages-with-parts', 'planned/relation-level']) {
      expect(cypher(name), name).toContain('WHERE true {{relationFilters}}');
    }
    for (const name of ['queries/neighborhood-hop', 'queries/shortest-paths-excluding', 'queries/timeline']) {
      expect(cypher(name), name).toContain('$includeUndated');
    }
    // The graph-wide timeline seeks each first day within the window: it writes out only the
    // fragment's test of the last day (see the statement), in every branch.
    const graphWide = cypher('queries/timeline-graph');
    expect(graphWide.match(/coalesce\((n|r)\.dateTo >= \$asOfFrom, true\)/g)).toHaveLength(relationTypes.length + 1);
    expect(graphWide.match(/dateFrom >= \$seekFrom AND \w\.dateFrom <= \$asOfTo/g)).toHaveLength(relationTypes.length + 1);
  });

  it('covers the days of its partial date; absent, it filters nothing', () => {
    expect(asOfFilter('2021', null)).toEqual({ first: '2021-01-01', last: '2021-12-31', includeUndated: false });
    expect(asOfFilter('2024-02', true)).toEqual({ first: '2024-02-01', last: '2024-02-29', includeUndated: true });
    expect(asOfFilter(null, true)).toBeNull();
  });
});
