import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scannedFetch } from '../support/scanned-fetch.ts';
import { graphql, javaProcessesFor, type ServerProcess, startServer, waitUntil } from '../support/server-process.ts';

// The README's start command, on its own embedded Neo4j in a temporary folder.
/** Whether any process of the group led by this pid is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start (embedded Neo4j)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-e2e-'));
  const dataDir = path.join(folder, 'neo4j');
  let server: ServerProcess | undefined;

  afterAll(() => {
    // The whole group: npm alone would leave node and its JVM running when a test fails early.
    if (server?.child.pid) groupAlive(server.child.pid) && process.kill(-server.child.pid, 'SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the GraphQL URL and answers over HTTP, then Ctrl-C leaves no JVM', async () => {
    server = await startServer({ PORT: '0', GOVGRAPH_DATA_DIR: dataDir, NEO4J_URI: '' });
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(javaProcessesFor(dataDir)).toHaveLength(1);

    const typename = await graphql(server.url, '{ __typename }');
    expect(typename).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' }, extensions: { cost: { cost: 1, limit: expect.any(Number) } } },
    });

    const info = await graphql(server.url, '{ serverInfo { version database { name version edition } } }');
    expect(info.status).toBe(200);
    expect(info.body.data).toMatchObject({
      serverInfo: {
        version: expect.any(String),
        database: { name: 'Neo4j Kernel', version: expect.stringMatching(/^5\.26\./), edition: 'community' },
      },
    });

    const base = server.url.replace(/\/graphql$/, '');
    expect((await scannedFetch(`${base}/health`)).status).toBe(200);
    const ready = await scannedFetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });

    const graphiql = await scannedFetch(server.url, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('govgraph');

    // Ctrl-C in a terminal sends SIGINT to the whole foreground group: npm, its shell and node.
    process.kill(-server.child.pid!, 'SIGINT');
    const { code, signal } = await server.exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(await waitUntil(() => javaProcessesFor(dataDir).length === 0, 30000)).toBe(true);
    // npm, its shell and node itself are all gone, not only npm.
    expect(await waitUntil(() => !groupAlive(server?.child.pid ?? 0), 30000)).toBe(true);
  });
});
