import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isStoreBlank } from '../../src/db/bulk-load.ts';
import { cypherDir, cypherFolder } from '../../src/db/cypher-files.ts';
import type { Database } from '../../src/db/database.ts';
import { applySchemaMigrations, MigrationChangedError } from '../../src/db/migrations.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';

// Schema migrations on the real Neo4j, from a copy of cypher/schema in a folder of the test's
// own (so that it can add and change files): each file is applied once and recorded in a
// :Migration node; a later run applies only the files added since; a recorded file that was
// changed stops the run, naming the file; two processes starting at once apply and record each
// file once.

// Files of the test's own folder, not of cypher/ (test/unit/statement-references.test.ts checks
// every quoted schema/… name against cypher/), numbered after every real one.
const probe = path.posix.join('schema', '900-migration-probe');
const later = path.posix.join('schema', '901-after-the-changed-one');
const probeStatement = 'CREATE INDEX migration_probe IF NOT EXISTS FOR (n:MigrationProbe) ON (n.value);\n';

describe('schema migrations', () => {
  let db: Database;
  let other: Database;
  let folder: string;
  const schemaFile = (name: string) => path.join(folder, `${name}.cypher`);
  const real = cypherFolder('schema');

  const recorded = async () =>
    (
      await db
        .openScope({ requestId: 'test' })
        .read('admin/migrations-applied', {}, z.object({ name: z.string(), checksum: z.string(), appliedAt: z.string() }))
    ).sort((a, b) => a.name.localeCompare(b.name));
  const indexNames = async () =>
    (await db.driver.executeQuery('SHOW INDEXES YIELD name RETURN name', {}, { database: db.name })).records.map((record) =>
      String(record.get('name')),
    );
  const forgetRecords = () => db.driver.executeQuery('MATCH (m:Migration) DELETE m', {}, { database: db.name });

  beforeAll(async () => {
    db = await openTestDatabase();
    other = await openTestDatabase();
    folder = mkdtempSync(path.join(tmpdir(), 'govgraph-migrations-'));
    cpSync(path.join(cypherDir, 'schema'), path.join(folder, 'schema'), { recursive: true });
    // A database that never recorded a migration, as one from before they were recorded.
    await emptyDatabase(db);
  });

  afterAll(async () => {
    await db?.driver.executeQuery('DROP INDEX migration_probe IF EXISTS', {}, { database: db.name });
    await db?.driver.executeQuery('MATCH (m:Migration {name: $probe}) DELETE m', { probe }, { database: db.name });
    await other?.close();
    await db?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies every file on a first start, in order, and records each', async () => {
    const notices: string[] = [];
    const outcome = await applySchemaMigrations(db, (line) => notices.push(line), { cypherDir: folder });
    expect(outcome.applied).toEqual(real);
    expect(outcome.statements).toBeGreaterThan(real.length);
    // 002 creates it, 013 drops it: a database applying both never builds it; nor what 014
    // replaces (002's and 012's indexes on :Entity that began with the label).
    const replaced = ['entity_label_name', 'entity_label_kind_date', 'entity_label_kind_name', 'entity_label_kind_id'];
    expect(outcome.superseded.toSorted()).toEqual(['entity_name_key_text', ...replaced].toSorted());
    for (const name of ['entity_name_key_text', ...replaced]) expect(await indexNames()).not.toContain(name);
    expect(await indexNames()).toContain('event_page_kind_date');
    const records = await recorded();
    expect(records.map((record) => record.name)).toEqual(real);
    for (const record of records) {
      expect(record.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(Number.isNaN(Date.parse(record.appliedAt))).toBe(false);
    }
    expect(notices.join('\n')).toContain(`schema migrations applied: ${real.join(', ')}`);
    // The records are not data: a store holding only them is still one the offline importer may replace.
    expect(await isStoreBlank(db)).toBe(true);
  });

  it('applies none on the next start', async () => {
    const before = await recorded();
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({ applied: [], statements: 0, superseded: [] });
    expect(await recorded()).toEqual(before);
  });

  it('applies a file added since, alone', async () => {
    writeFileSync(path.join(folder, `${probe}.cypher`), `// A test's own index.\n${probeStatement}`);
    expect(await indexNames()).not.toContain('migration_probe');
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({ applied: [probe], statements: 1, superseded: [] });
    expect(await indexNames()).toContain('migration_probe');
    expect((await recorded()).map((record) => record.name)).toEqual([...real, probe]);
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({ applied: [], statements: 0, superseded: [] });
  });

  it('takes a changed comment as the same file, and refuses a changed statement, naming the file and running nothing', async () => {
    writeFileSync(path.join(folder, `${probe}.cypher`), `// The test's own index, explained otherwise.\n\n${probeStatement}`);
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({ applied: [], statements: 0, superseded: [] });

    writeFileSync(schemaFile(probe), 'CREATE INDEX migration_probe_changed IF NOT EXISTS FOR (n:MigrationProbe) ON (n.other);\n');
    writeFileSync(schemaFile(later), 'CREATE INDEX migration_probe_later IF NOT EXISTS FOR (n:MigrationProbe) ON (n.later);\n');
    const before = await recorded();
    const refused = applySchemaMigrations(db, undefined, { cypherDir: folder });
    await expect(refused).rejects.toThrow(MigrationChangedError);
    await expect(refused).rejects.toThrow(`${schemaFile(probe)} was changed after this database applied it`);
    const indexes = await indexNames();
    expect(indexes).not.toContain('migration_probe_changed');
    expect(indexes).not.toContain('migration_probe_later');
    expect(await recorded()).toEqual(before);
    rmSync(schemaFile(later));
    writeFileSync(schemaFile(probe), probeStatement);
  });

  it('does not create what a later file of the same run drops, and drops it where an earlier run created it', async () => {
    const creates = path.posix.join('schema', '902-superseded-probe');
    const drops = path.posix.join('schema', '903-drops-the-probe');
    const create = 'CREATE INDEX superseded_probe IF NOT EXISTS FOR (n:MigrationProbe) ON (n.superseded);\n';
    writeFileSync(schemaFile(creates), create);
    writeFileSync(schemaFile(drops), 'DROP INDEX superseded_probe IF EXISTS;\n');
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({
      applied: [creates, drops],
      statements: 1,
      superseded: ['superseded_probe'],
    });
    expect(await indexNames()).not.toContain('superseded_probe');

    // Applied one at a time, the first creates it and the second drops it.
    await db.driver.executeQuery('MATCH (m:Migration) WHERE m.name IN $names DELETE m', { names: [creates, drops] }, { database: db.name });
    rmSync(schemaFile(drops));
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({
      applied: [creates],
      statements: 1,
      superseded: [],
    });
    expect(await indexNames()).toContain('superseded_probe');
    writeFileSync(schemaFile(drops), 'DROP INDEX superseded_probe IF EXISTS;\n');
    expect(await applySchemaMigrations(db, undefined, { cypherDir: folder })).toEqual({ applied: [drops], statements: 1, superseded: [] });
    expect(await indexNames()).not.toContain('superseded_probe');
    rmSync(schemaFile(creates));
    rmSync(schemaFile(drops));
    await db.driver.executeQuery('MATCH (m:Migration) WHERE m.name IN $names DELETE m', { names: [creates, drops] }, { database: db.name });
  });

  it('records each file once when two processes start at once', async () => {
    await forgetRecords();
    const [first, second] = await Promise.all([
      applySchemaMigrations(db, undefined, { cypherDir: folder }),
      applySchemaMigrations(other, undefined, { cypherDir: folder }),
    ]);
    // Each applied every file it did not see recorded when it started; between them, all of them.
    expect(new Set([...first.applied, ...second.applied])).toEqual(new Set([...real, probe]));
    expect((await recorded()).map((record) => record.name)).toEqual([...real, probe]);
  });
});
