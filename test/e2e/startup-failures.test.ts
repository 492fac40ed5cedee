import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { javaProcessesFor, runServerToExit, startServer, waitUntil } from '../support/server-process.ts';

const nodeOnlyPath = path.dirname(process.execPath);

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('start-up failures and the JVM lifecycle', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-lifecycle-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('names what to install when Java is missing', async () => {
    // A PATH with node alone: no java, no mvn.
    const result = await runServerToExit({ PATH: nodeOnlyPath, HOME: process.env.HOME, GOVGRAPH_DATA_DIR: path.join(folder, 'nojava') }, [
      process.execPath,
      'src/server.ts',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Java 17 or newer is needed');
    expect(result.stderr).toContain('apt-get install');
    expect(result.stderr).toContain('NEO4J_URI');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits with one line naming the URI and the cause when NEO4J_URI is unreachable', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const result = await runServerToExit({ ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-password-42', PORT: '0' }, [
      process.execPath,
      'src/server.ts',
    ]);
    // How soon it gives up is the driver's connection timeout, not something a test on a shared
    // machine can time; that it exits at all, with one line, is what is checked.
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(uri);
    expect(lines[0]).toMatch(/unreachable/);
    expect(result.stderr + result.stdout).not.toContain('secret-password-42');
  });

  it('leaves no JVM behind when the Node parent is killed with SIGKILL', async () => {
    const dataDir = path.join(folder, 'sigkill', 'neo4j');
    const server = await startServer({ PORT: '0', GOVGRAPH_DATA_DIR: dataDir, NEO4J_URI: '' }, [process.execPath, 'src/server.ts']);
    const [jvm] = javaProcessesFor(dataDir);
    expect(jvm).toBeGreaterThan(0);
    server.child.kill('SIGKILL');
    await server.exited;
    // The JVM sees its stdin pipe close and shuts Neo4j down by itself.
    expect(await waitUntil(() => javaProcessesFor(dataDir).length === 0, 30000)).toBe(true);
  });
});
