import { describe, expect, it } from 'vitest';
import { emptySummary, formatSummary } from '../../src/db/load.ts';

// What `npm run seed` and `npm run import` print after a load.

describe('formatSummary', () => {
  it('counts rows per label and type, and the rate', () => {
    const summary = emptySummary(3, 'op', 'journaled');
    summary.nodes = { Organization: { created: 2, updated: 1, unchanged: 0 } };
    summary.relations = { MEMBER_OF: { created: 1, updated: 0, unchanged: 1 } };
    summary.seconds = 2;
    expect(formatSummary(summary).split('\n')).toEqual([
      'kind                 created  updated  unchanged',
      'Organization               2        1          0',
      'MEMBER_OF                  1        0          1',
      '3 entities and 2 relations in 2.0 s (3 rows/s, 2 entities/s)',
    ]);
  });

  it("adds a bulk load's steps, in the order they ran", () => {
    const summary = emptySummary(1, 'op', 'bulk');
    summary.seconds = 10;
    summary.steps = { files: 1.25, stop: 0.3, import: 4, start: 2, schema: 2.5 };
    expect(formatSummary(summary).split('\n').at(-1)).toBe('steps: files 1.3 s, stop 0.3 s, import 4.0 s, start 2.0 s, schema 2.5 s');
  });
});
