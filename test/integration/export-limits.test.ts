import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExportLimits } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createLogger } from '../../src/log.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { type HttpResponse, startTestServer, type TestServer } from '../support/http-server.ts';
import { captureLines } from '../support/log-lines.ts';
import { openDatabaseReading, openSlowDatabase, slowFixturesDir, waitForSlowStatements } from '../support/slow-database.ts';

let db: Database;
let slow: Database;
const servers: TestServer[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  slow = await openSlowDatabase();
  await loadRealSeed(db);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await slow?.close();
  await db?.close();
});

function errorOf(response: HttpResponse): { code: string; message: string } {
  return (JSON.parse(response.text) as { error: { code: string; message: string } }).error;
}

describe('neighbourhood exports', () => {
  it('refuse a neighbourhood that reaches more entities than the cap, naming the cap, and serve one under it', async () => {
    const capped = await startTestServer(db, { exchange: { exportLimits: { ...defaultExportLimits, neighbourhoodEntities: 3 } } });
    servers.push(capped);
    const refused = await capped.send({ method: 'GET', path: '/export?format=json&around=msk-ix&depth=2' });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).code).toBe('QUERY_TOO_COMPLEX');
    expect(errorOf(refused).message).toMatch(/"msk-ix" at depth 2 reaches more than 3 entities.*GOVGRAPH_MAX_EXPORT_ENTITIES = 3/);

    const roomy = await startTestServer(db);
    servers.push(roomy);
    expect((await roomy.send({ method: 'GET', path: '/export?format=json&around=msk-ix&depth=2' })).status).toBe(200);
  });
});

describe('exports in flight', () => {
  it('run within a time budget (504) and one at a time past the cap (429, Retry-After), the slot freed when one ends', async () => {
    const server = await startTestServer(slow, {
      exchange: { exportLimits: { timeoutMs: 3000, concurrent: 1, neighbourhoodEntities: 100 } },
    });
    servers.push(server);
    const path = '/export?format=json&around=msk-ix';
    const first = server.send({ method: 'GET', path });
    expect(await waitForSlowStatements(slow, 1, 60_000)).toBe(true);

    const second = await server.send({ method: 'GET', path });
    expect(second.status).toBe(429);
    expect(errorOf(second).code).toBe('TOO_MANY_REQUESTS');
    expect(errorOf(second).message).toMatch(/GOVGRAPH_MAX_CONCURRENT_EXPORTS/);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);

    const timedOut = await first;
    expect(timedOut.status).toBe(504);
    expect(errorOf(timedOut).code).toBe('TIMEOUT');
    expect(await waitForSlowStatements(slow, 0, 60_000)).toBe(true);

    // The slot is free again: the next export runs (and meets the same budget).
    const third = await server.send({ method: 'GET', path });
    expect(third.status).toBe(504);
  });
});

describe('an export that fails unexpectedly', () => {
  it('answers a masked 500 and leaves the details to the log', async () => {
    // The fixtures alone lack the statement that resolves the slug: the read fails as a bug would.
    const broken = await openDatabaseReading(slowFixturesDir);
    const { lines, stream } = captureLines();
    const server = await startTestServer(broken, { logger: createLogger('info', stream) });
    servers.push(server);
    try {
      const response = await server.send({ method: 'GET', path: '/export?format=json&around=msk-ix' });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error. The server log has the details.' });
      expect(response.text).not.toMatch(/ENOENT|\.cypher|\bat /);
      const failure = lines
        .map((line) => JSON.parse(line) as { msg: string; path?: string; err?: { message: string } })
        .find((line) => line.msg === 'the route failed');
      expect(failure?.path).toBe('/export');
      expect(failure?.err?.message).toMatch(/ENOENT.*entities-by-id\.cypher/);
    } finally {
      await server.close();
      servers.splice(servers.indexOf(server), 1);
      await broken.close();
    }
  });
});
