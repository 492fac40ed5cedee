// Validation on records already parsed (an API write's): the same rules as seed files, with
// problems naming their record and field instead of a line and column.
import { describe, expect, it } from 'vitest';
import type { EntityLabel } from '../../src/domain/graph.ts';
import { documentOrder } from '../../src/domain/positions.ts';
import { checkRecordsAgainst, type LocatedRecord, type RecordProblem, validateSeedFiles } from '../../src/domain/validate.ts';

/** What the database holds, for these tests: a source and an organization. */
const stored = new Map<string, EntityLabel>([
  ['src-stored', 'Source'],
  ['org-stored', 'Organization'],
]);
const storedLabels = async (ids: string[]) => new Map([...stored].filter(([id]) => ids.includes(id)));

const event = (fields: Record<string, unknown>): LocatedRecord => ({
  collection: 'events',
  place: 'input',
  record: { id: 'conf-x', name: 'A conference', sources: ['src-stored'], evidence: 'STATED', ...fields },
});

async function problems(...records: LocatedRecord[]): Promise<RecordProblem[]> {
  const check = await checkRecordsAgainst(records, storedLabels);
  if (check.ok) throw new Error('expected the records to be refused');
  return check.problems;
}

describe('records checked against the database', () => {
  it('gives the rows seed files give for the same records', async () => {
    const source = { id: 'src-new', title: 'An article', evidence: 'STATED' };
    const record = { id: 'conf-x', name: 'A conference', sources: ['src-new'], evidence: 'STATED', startDate: '2021-02' };
    const check = await checkRecordsAgainst(
      [
        { collection: 'events', record, place: 'input' },
        { collection: 'sources', record: source, place: 'input.sources[0].source' },
      ],
      storedLabels,
    );
    const fromFile = validateSeedFiles([{ path: 'x.json', text: JSON.stringify({ events: [record], sources: [source] }) }]);
    expect(check).toEqual({ ok: true, graph: fromFile });
  });

  it('accepts references to stored entities and refuses a stored slug of another kind', async () => {
    expect((await checkRecordsAgainst([event({})], storedLabels)).ok).toBe(true);
    expect(await problems(event({ id: 'org-stored' }))).toEqual([
      { record: 0, path: ['id'], message: '"org-stored" already belongs to an Organization in the database, not an Event' },
    ]);
  });

  it("lists problems by record, and within a record in its fields' order, whatever order the checks found them in", async () => {
    const found = await problems(event({ sources: ['src-missing'], startDate: '2021', endDate: '2019', edition: 0 }), {
      collection: 'sources',
      record: { id: 'src-y', title: 'T', evidence: 'INFERRED' },
      place: 'input.sources[1].source',
    });
    expect(found.map(({ record, path }) => [record, path.join('.')])).toEqual([
      [0, 'sources.0'],
      [0, 'endDate'],
      [0, 'edition'],
      [1, 'basis'],
    ]);
    expect(found[1]?.message).toBe('endDate "2019" is before startDate "2021"');
  });

  it('names another record by its place, with no line or column', async () => {
    const source = (place: string): LocatedRecord => ({ collection: 'sources', record: { id: 'src-twice', title: 'T' }, place });
    const [duplicate] = await problems(source('input.sources[0].source'), source('input.sources[1].source'));
    expect(duplicate).toEqual({
      record: 1,
      path: ['id'],
      message: 'duplicate id "src-twice": already used by input.sources[0].source (id "src-twice")',
    });
  });
});

describe('documentOrder', () => {
  it('ranks paths as JSON.stringify writes them, a missing one as its nearest existing parent', () => {
    const rank = documentOrder({ b: 1, a: [{ x: 1 }, 2], skipped: undefined, c: 'z' });
    const paths = [['c'], ['a', 1], ['a', 0, 'x'], ['a'], ['b'], [], ['a', 0, 'missing'], ['missing']];
    const sorted = [...paths].sort((p, q) => rank(p) - rank(q));
    expect(sorted).toEqual([[], ['missing'], ['b'], ['a'], ['a', 0, 'missing'], ['a', 0, 'x'], ['a', 1], ['c']]);
  });
});
