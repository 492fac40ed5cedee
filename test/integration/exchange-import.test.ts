import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { SeedLoadError } from '../../src/db/load.ts';
import { SeedValidationError } from '../../src/domain/validate.ts';
import { importFiles, readImportFiles } from '../../src/services/import.ts';
import { graphState, openTestDatabase } from '../support/database.ts';
import { runScript } from '../support/exchange.ts';
import { loadRealSeed } from '../support/graphql.ts';

const source = 'src-000-cctld-msk-ix-memorandum';

let db: Database;
let folder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  folder = await mkdtemp(path.join(tmpdir(), 'govgraph-import-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await db.close();
});

/** A hash of every node, relationship and property, the change log included: what a refused import must leave as it was. */
const footprint = () => graphState(db);

async function files(name: string, contents: Record<string, string>): Promise<string> {
  const dir = path.join(folder, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(contents)) await writeFile(path.join(dir, file), text);
  return dir;
}

describe('npm run import', () => {
  it('lists every problem of a CSV import with file, line, column and field, and writes nothing', async () => {
    const dir = await files('bad-csv', {
      'nodes.csv': [
        'label,id,name,date,sources,evidence',
        `Memorandum,memo-bad-date,A memorandum,2021-02-30,${source},STATED`,
        `Topic,topic-new,A new topic,,${source},STATED`,
      ].join('\n'),
      'edges.csv': [
        'type,from,to,role,sources,evidence',
        `COVERS,memo-bad-date,topic-new,,${source},STATED`,
        `MANAGES,no-such-registry,tld-ru,registry,${source},STATED`,
        `MANAGES,topic-new,tld-ru,registry,${source},STATED`,
      ].join('\n'),
    });
    const before = await footprint();
    const result = await runScript('src/cli/import.ts', [dir]);
    expect(result.code).toBe(1);
    const reported = result.stderr.split('\n').filter((line) => /\.csv:\d+:\d+: /.test(line));
    expect(reported).toEqual([
      // Files are read in name order: edges.csv before nodes.csv.
      `${path.join(dir, 'edges.csv')}:3:9: row 3 field "from": unknown id "no-such-registry": no record here or in the database has this id`,
      `${path.join(dir, 'edges.csv')}:4:9: row 4 field "from": "topic-new" is a Topic, but MANAGES goes from Organization`,
      `${path.join(dir, 'nodes.csv')}:2:39: row 2 (id "memo-bad-date") field "date": "2021-02-30" is not a real date: February 2021 has 28 days`,
    ]);
    expect(result.stderr).toMatch(/have 3 problems/);
    expect(await footprint()).toEqual(before);
  });

  it('reports the same problems in-process, as records with line, column, record and field', async () => {
    const dir = await files('bad-json', {
      'bad.json': JSON.stringify(
        { relations: [{ type: 'MANAGES', from: 'msk-ix', to: 'tld-nowhere', sources: [source], evidence: 'STATED' }] },
        null,
        2,
      ),
    });
    const before = await footprint();
    const failure = await importFiles(db, await readImportFiles([dir]), { by: 'test' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SeedValidationError);
    expect((failure as SeedValidationError).problems).toEqual([
      {
        file: path.join(dir, 'bad.json'),
        line: 6,
        column: 7,
        record: 'relations[0]',
        field: 'to',
        message: 'unknown id "tld-nowhere": no record here or in the database has this id',
      },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses text past its limit, a claim its field would refuse and a side naming no relationship, naming file, line, record and field', async () => {
    const conflict = (id: string, relation: Record<string, unknown>) => ({
      id,
      name: 'Who runs .su',
      description: 'Written by a test.',
      subjects: ['tld-su'],
      sides: [
        { relation, sources: [source], evidence: 'STATED' },
        { value: 'nobody', sources: [source], evidence: 'STATED' },
      ],
    });
    const dir = await files('bad-values', {
      'bad.json': JSON.stringify(
        {
          organizations: [{ id: 'imported-long-name', name: 'N'.repeat(20_000), kind: 'registry', sources: [source], evidence: 'STATED' }],
          memoranda: [
            {
              id: 'imported-claim-memo',
              name: 'A memorandum',
              sources: [source],
              evidence: 'STATED',
              claims: [{ field: 'date', value: '2024-02-30', sources: [source], evidence: 'STATED' }],
            },
          ],
          conflicts: [
            conflict('conflict-imported-missing', { type: 'MANAGES', from: 'msk-ix', to: 'tld-su', role: 'registry' }),
            // Named by a relation of the same import: accepted.
            conflict('conflict-imported-with-its-relation', { type: 'MANAGES', from: 'msk-ix', to: 'tld-su', role: 'operator' }),
          ],
          relations: [{ type: 'MANAGES', from: 'msk-ix', to: 'tld-su', role: 'operator', sources: [source], evidence: 'STATED' }],
        },
        null,
        2,
      ),
    });
    const before = await footprint();
    const failure = await importFiles(db, await readImportFiles([dir]), { by: 'test' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SeedValidationError);
    const file = path.join(dir, 'bad.json');
    expect((failure as SeedValidationError).problems).toEqual([
      {
        file,
        line: 5,
        column: 7,
        record: 'imported-long-name',
        field: 'name',
        message: 'too long: at most 300 characters here; this one has 20000',
      },
      {
        file,
        line: 24,
        column: 11,
        record: 'imported-claim-memo',
        field: 'claims[0].value',
        message: 'not a value of "date": "2024-02-30" is not a real date: February 2024 has 29 days',
      },
      {
        file,
        line: 43,
        column: 11,
        record: 'conflict-imported-missing',
        field: 'sides[0].relation',
        message:
          'no relation MANAGES|msk-ix|tld-su|registry| here or in the database; from "msk-ix" to "tld-su" there are MANAGES|msk-ix|tld-su|operator|',
      },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('imports JSON that refers to stored entities, recording who imported, and changes nothing the second time', async () => {
    const dir = await files('refers-to-stored', {
      'people.json': JSON.stringify({
        persons: [{ id: 'imported-adviser', name: 'Imported Adviser', aliases: ['Советник'], sources: [source], evidence: 'STATED' }],
        relations: [
          {
            type: 'HOLDS_POSITION',
            from: 'imported-adviser',
            to: 'msk-ix',
            title: 'Adviser',
            startDate: '2021',
            sources: [source],
            evidence: 'STATED',
          },
        ],
      }),
    });
    const first = await runScript('src/cli/import.ts', ['--as', 'researcher-1', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Person +1 +0 +0$/m);
    expect(first.stdout).toMatch(/^HOLDS_POSITION +1 +0 +0$/m);
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Person {id: 'imported-adviser'})-[r:HOLDS_POSITION]->(:Organization {id: 'msk-ix'})
       RETURN p.createdBy AS by, r.createdBy AS relationBy, COUNT { (c:Change {by: 'researcher-1'}) } AS changes`,
      {},
      { database: db.name },
    );
    expect(records[0]?.toObject()).toEqual({ by: 'researcher-1', relationBy: 'researcher-1', changes: 2 });

    const before = await footprint();
    const second = await runScript('src/cli/import.ts', ['--as', 'researcher-1', dir]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Person +0 +0 +1$/m);
    expect(second.stdout).toMatch(/^HOLDS_POSITION +0 +0 +1$/m);
    expect(second.stdout).not.toMatch(/^\S+ +([1-9]\d*) +\d+ +\d+$|^\S+ +\d+ +([1-9]\d*) +\d+$/m);
    expect(await footprint()).toEqual(before);
  });

  it('refuses an import that gives a stored id to another kind of entity', async () => {
    const dir = await files('clash', {
      'clash.json': JSON.stringify({ topics: [{ id: 'msk-ix', name: 'Not a topic', sources: [source], evidence: 'STATED' }] }),
    });
    const before = await footprint();
    const failure = await importFiles(db, await readImportFiles([dir]), { by: 'test' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SeedValidationError);
    expect(String(failure)).toMatch(
      /clash\.json:1:\d+: topics\[0\] \(id "msk-ix"\) field "id": "msk-ix" already belongs to an Organization in the database/,
    );
    expect(failure).not.toBeInstanceOf(SeedLoadError);
    expect(await footprint()).toEqual(before);
  });

  it('says what is wrong with the command line', async () => {
    const none = await runScript('src/cli/import.ts', []);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/name the files or folders to import/);
    const missing = await runScript('src/cli/import.ts', [path.join(folder, 'nowhere.json')]);
    expect(missing.stderr).toMatch(/nowhere\.json:1:1: no such file or folder/);
    const text = await runScript('src/cli/import.ts', ['--as', 'a b', folder]);
    expect(text.stderr).toMatch(/--as must be/);
    const option = await runScript('src/cli/import.ts', ['--colour', 'red', folder]);
    expect(option.stderr).toMatch(/Unknown option '--colour'/);
    expect(option.stderr).not.toMatch(/ {4}at /);
  });
});
