import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { applySchemaMigrations } from '../../src/db/migrations.ts';
import { readServerInfo } from '../../src/db/repositories/server-info.ts';
import { openTestDatabase } from '../support/database.ts';

describe('the database through Bolt', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes a node in one transaction and reads it back in another', async () => {
    const marker = `bolt-roundtrip-${Date.now()}`;
    await db.driver.executeQuery('CREATE (:BoltProbe {marker: $marker, word: $word})', { marker, word: 'рф' }, { database: db.name });
    const { records } = await db.driver.executeQuery(
      'MATCH (p:BoltProbe {marker: $marker}) RETURN p.word AS word',
      { marker },
      { database: db.name, routing: 'READ' },
    );
    expect(records.map((r) => r.get('word'))).toEqual(['рф']);
    await db.driver.executeQuery('MATCH (p:BoltProbe) DELETE p', {}, { database: db.name });
  });

  it('reports the Neo4j version and edition from dbms.components()', async () => {
    const counter = db.openScope();
    const info = await readServerInfo(counter);
    expect(info.name).toBe('Neo4j Kernel');
    expect(info.version).toMatch(/^5\.\d+/);
    expect(['community', 'enterprise']).toContain(info.edition);
    expect(counter.roundTrips).toBe(1);
  });

  it('applies the schema migrations idempotently', async () => {
    const count = async () => {
      const { records } = await db.driver.executeQuery('SHOW INDEXES YIELD name RETURN count(*) AS n', {}, { database: db.name });
      return records[0]?.get('n') as number;
    };
    await applySchemaMigrations(db);
    const first = await count();
    expect(first).toBeGreaterThan(10);
    // Each file is applied once (test/integration/migrations.test.ts): a second run applies none.
    expect(await applySchemaMigrations(db)).toEqual({ applied: [], statements: 0, superseded: [] });
    expect(await count()).toBe(first);
    const { records } = await db.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN name",
      {},
      { database: db.name },
    );
    expect(records).toHaveLength(1);
  });
});
