// Validation on records already parsed (an API write's): the same rules as seed files, with
// problems naming their record and field instead of a line and column.
import { describe, expect, it } from 'vitest';
import type { EntityLabel } from '../../src/domain/graph.ts';
import { documentOrder } from '../../src/domain/positions.ts';
import {
  checkRecordsAgainst,
  type LocatedRecord,
  type RecordProblem,
  type StoredGraph,
  type StoredRelation,
  validateSeedFiles,
} from '../../src/domain/validate.ts';

/** What the database holds, for these tests: a source and an organization. */
const stored = new Map<string, EntityLabel>([
  ['src-stored', 'Source'],
  ['org-stored', 'Organization'],
  ['tld-stored', 'Tld'],
  ['body-stored', 'Body'],
  ['tld-spare', 'Tld'],
]);
/** …and one relationship: the organization operates the TLD. */
const storedRelations: StoredRelation[] = [{ from: 'org-stored', to: 'tld-stored', key: 'MANAGES|org-stored|tld-stored|operator|' }];
const storedGraph: StoredGraph = {
  labels: async (ids) => new Map([...stored].filter(([id]) => ids.includes(id))),
  relations: async (ends) =>
    storedRelations.filter((relation) => ends.some(({ from, to }) => relation.from === from && relation.to === to)),
};

const event = (fields: Record<string, unknown>): LocatedRecord => ({
  collection: 'events',
  place: 'input',
  record: { id: 'conf-x', name: 'A conference', sources: ['src-stored'], evidence: 'STATED', ...fields },
});

async function problems(...records: LocatedRecord[]): Promise<RecordProblem[]> {
  const check = await checkRecordsAgainst(records, storedGraph);
  if (check.ok) throw new Error('expected the records to be refused');
  return check.problems;
}

/** A conflict about a stored TLD with these sides, as a write would give it. */
const conflictRecord = (sides: readonly Record<string, unknown>[]): LocatedRecord => ({
  collection: 'conflicts',
  place: 'input',
  record: { id: 'conflict-x', name: 'Who runs it', description: 'Two readings.', subjects: ['tld-stored'], sides },
});

describe('records checked against the database', () => {
  it('gives the rows seed files give for the same records', async () => {
    const source = { id: 'src-new', title: 'An article', evidence: 'STATED' };
    const record = { id: 'conf-x', name: 'A conference', sources: ['src-new'], evidence: 'STATED', startDate: '2021-02' };
    const check = await checkRecordsAgainst(
      [
        { collection: 'events', record, place: 'input' },
        { collection: 'sources', record: source, place: 'input.sources[0].source' },
      ],
      storedGraph,
    );
    const fromFile = validateSeedFiles([{ path: 'x.json', text: JSON.stringify({ events: [record], sources: [source] }) }]);
    expect(check).toEqual({ ok: true, graph: fromFile });
  });

  it('accepts references to stored entities and refuses a stored slug of another kind', async () => {
    expect((await checkRecordsAgainst([event({})], storedGraph)).ok).toBe(true);
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

const memorandum = (fields: Record<string, unknown>): LocatedRecord => ({
  collection: 'memoranda',
  place: 'input',
  record: { id: 'memo-x', name: 'A memorandum', sources: ['src-stored'], evidence: 'STATED', ...fields },
});

const claim = (field: string, value: unknown) => ({ field, value, sources: ['src-stored'], evidence: 'STATED' });

const messages = (found: RecordProblem[]) => found.map(({ path, message }) => [path.join('.'), message]);

describe('the length of every text field', () => {
  it('refuses a name, an alias, a description, a slug and a URL past their limits, naming the limit', async () => {
    const found = await problems(
      event({
        id: `conf-${'x'.repeat(200)}`,
        name: 'N'.repeat(301),
        aliases: ['ok', 'A'.repeat(9000)],
        description: 'D'.repeat(5001),
        url: `https://example.org/${'p'.repeat(2000)}`,
      }),
    );
    expect(messages(found)).toEqual([
      ['id', 'too long: at most 200 characters here; this one has 205'],
      ['name', 'too long: at most 300 characters here; this one has 301'],
      ['aliases.1', 'too long: at most 300 characters here; this one has 9000'],
      ['description', 'too long: at most 5000 characters here; this one has 5001'],
      ['url', 'too long: at most 2000 characters here; this one has 2020'],
    ]);
  });

  it('takes text at its limit', async () => {
    const check = await checkRecordsAgainst(
      [event({ name: 'N'.repeat(300), aliases: ['A'.repeat(300)], description: 'D'.repeat(5000), basis: 'B'.repeat(5000) })],
      storedGraph,
    );
    expect(check.ok).toBe(true);
  });

  it("bounds a relation's role, title and note, a claim's value, a provenance value and a conflict's sides", async () => {
    const relation: LocatedRecord = {
      collection: 'relations',
      place: 'input',
      record: {
        type: 'MEMBER_OF',
        from: 'org-stored',
        to: 'body-stored',
        role: 'R'.repeat(301),
        note: 'N'.repeat(5001),
        sources: ['src-stored'],
        evidence: 'STATED',
      },
    };
    expect(messages(await problems(relation))).toEqual([
      ['role', 'too long: at most 300 characters here; this one has 301'],
      ['note', 'too long: at most 5000 characters here; this one has 5001'],
    ]);
    expect(messages(await problems(memorandum({ claims: [claim('description', 'D'.repeat(5001))] })))).toEqual([
      ['claims.0.value', 'too long: at most 5000 characters here; this one has 5001'],
    ]);
    const conflict = conflictRecord([
      {
        relation: { type: 'HOLDS_POSITION', from: 'org-stored', to: 'body-stored', title: 'T'.repeat(400) },
        sources: ['src-stored'],
        evidence: 'STATED',
      },
      { value: 'V'.repeat(5001), sources: ['src-stored'], evidence: 'STATED' },
    ]);
    expect(messages(await problems(conflict))).toEqual([
      ['sides.0.relation.title', 'too long: at most 300 characters here; this one has 400'],
      ['sides.1.value', 'too long: at most 5000 characters here; this one has 5001'],
    ]);
  });

  it('refuses a name whose key for ordering would outgrow the index, though it has few characters', async () => {
    // U+FDFA decomposes into 18 letters (33 bytes of UTF-8): 200 of them stay under 300 characters.
    const [found] = await problems(event({ name: '\uFDFA'.repeat(200) }));
    expect(found?.path).toEqual(['name']);
    expect(found?.message).toMatch(/^too long: its key for ordering .* takes 6\d{3} bytes; at most 4000$/);
  });
});

describe("a claim's value obeys its field's rules", () => {
  it('refuses an impossible date, a date that is no date, a kind outside the vocabulary, a number that is none', async () => {
    const found = await problems(
      memorandum({ claims: [claim('date', '2024-02-30'), claim('date', 'next tuesday'), claim('date', '2024-02-29')] }),
      event({ claims: [claim('kind', 'festival'), claim('edition', 'three'), claim('url', 'not a url'), claim('edition', '0')] }),
    );
    expect(found.map(({ record, path, message }) => [record, path.join('.'), message])).toEqual([
      [0, 'claims.0.value', 'not a value of "date": "2024-02-30" is not a real date: February 2024 has 29 days'],
      [0, 'claims.1.value', 'not a value of "date": expected a partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "next tuesday"'],
      [1, 'claims.0.value', expect.stringMatching(/^not a value of "kind": expected one of "registry", .*"statement"; got "festival"$/)],
      [1, 'claims.1.value', 'not a value of "edition": expected a number, got "three"'],
      [1, 'claims.2.value', 'not a value of "url": expected an http(s) URL; got "not a url"'],
      [1, 'claims.3.value', 'not a value of "edition": must be a positive integer'],
    ]);
  });

  it('refuses an empty value whatever its field', async () => {
    expect(messages(await problems(memorandum({ claims: [claim('name', '   ')] })))).toEqual([
      ['claims.0.value', 'must not be empty; got "   "'],
    ]);
  });

  it("takes a real partial date, one alias of a list, another label's kind, and numbers and flags written as text", async () => {
    const check = await checkRecordsAgainst(
      [
        memorandum({ claims: [claim('date', '2024-02'), claim('aliases', 'Another name'), claim('aliases', ['One', 'Two'])] }),
        event({ claims: [claim('kind', 'company'), claim('edition', '3'), claim('edition', 4)] }),
        {
          collection: 'tlds',
          place: 'input.tld',
          record: { id: 'tld-x', name: '.x', ascii: '.x', sources: ['src-stored'], evidence: 'STATED', claims: [claim('idn', 'true')] },
        },
      ],
      storedGraph,
    );
    expect(check.ok).toBe(true);
  });
});

describe("a conflict's side names a relationship", () => {
  const conflict = (relation: Record<string, unknown>): LocatedRecord =>
    conflictRecord([
      { relation: { type: 'MANAGES', from: 'org-stored', to: 'tld-stored', ...relation }, sources: ['src-stored'], evidence: 'STATED' },
      { value: 'nobody', sources: ['src-stored'], evidence: 'STATED' },
    ]);

  it('accepts one stored, or one among the records written with it', async () => {
    expect((await checkRecordsAgainst([conflict({ role: 'operator' })], storedGraph)).ok).toBe(true);
    const registry: LocatedRecord = {
      collection: 'relations',
      place: 'input.relation',
      record: { type: 'MANAGES', from: 'org-stored', to: 'tld-stored', role: 'registry', sources: ['src-stored'], evidence: 'STATED' },
    };
    expect((await checkRecordsAgainst([conflict({ role: 'registry' }), registry], storedGraph)).ok).toBe(true);
  });

  it('refuses one that is not stored, listing what is stored between its ends', async () => {
    expect(messages(await problems(conflict({ role: 'registry' })))).toEqual([
      [
        'sides.0.relation',
        'no relation MANAGES|org-stored|tld-stored|registry| here or in the database; from "org-stored" to "tld-stored" there are MANAGES|org-stored|tld-stored|operator|',
      ],
    ]);
    expect(messages(await problems(conflict({ to: 'tld-spare', role: 'registry' })))).toEqual([
      [
        'sides.0.relation',
        'no relation MANAGES|org-stored|tld-spare|registry| here or in the database; there is none from "org-stored" to "tld-spare"',
      ],
    ]);
    // An end that names nothing is reported once, at the end.
    expect(messages(await problems(conflict({ to: 'tld-other-stored' })))).toEqual([
      ['sides.0.relation.to', 'unknown id "tld-other-stored": no record here or in the database has this id'],
    ]);
    expect(messages(await problems(conflict({ to: 'org-stored' })))).toEqual([
      ['sides.0.relation.to', '"org-stored" is an Organization, but MANAGES goes to Tld'],
    ]);
  });

  it("refuses a role in another case, and a field the relationship's type does not have, as a relation record's", async () => {
    expect(messages(await problems(conflict({ role: 'OPERATOR', title: 'Boss' })))).toEqual([
      ['sides.0.relation', expect.stringContaining('no relation MANAGES|org-stored|tld-stored|OPERATOR|Boss here or in the database')],
      ['sides.0.relation.role', 'expected one of "registry", "registrar", "operator", "administrator" for MANAGES; got "OPERATOR"'],
      ['sides.0.relation.title', 'a MANAGES relation has no "title" (its own fields are role)'],
    ]);
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
