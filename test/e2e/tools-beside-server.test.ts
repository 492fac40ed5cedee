import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { graphql, javaProcessesFor, type ServerProcess, startServer, waitUntil } from '../support/server-process.ts';

// The command-line tools against the embedded Neo4j: beside a running server they use its store
// (which it holds locked); without one they start their own, as before.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runTool(script: string, args: readonly string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: projectRoot, env: { ...process.env, GOVGRAPH_DATA_DIR: dataDir, NEO4J_URI: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const entitiesIn = (json: string): number => {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return 0;
  return Object.entries(parsed)
    .filter(([key]) => key !== 'relations' && key !== 'format')
    .reduce((sum, [, value]) => sum + (Array.isArray(value) ? value.length : 0), 0);
};

describe('export, import and seed beside a running server', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-tools-'));
  const dataDir = path.join(folder, 'neo4j');
  const published = path.join(dataDir, 'govgraph-server.json');
  let server: ServerProcess | undefined;

  afterAll(() => {
    if (server?.child.pid) {
      try {
        process.kill(-server.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('use the server’s store while it runs, and their own once it has stopped', async () => {
    server = await startServer({ PORT: '0', GOVGRAPH_DATA_DIR: dataDir, NEO4J_URI: '' });
    expect(existsSync(published)).toBe(true);

    const exported = await runTool('src/cli/export.ts', ['--format', 'json'], dataDir);
    expect(exported.stderr).toContain('using the embedded Neo4j of the server running as process');
    expect(exported.code).toBe(0);
    expect(entitiesIn(exported.stdout)).toBeGreaterThan(50);

    const file = path.join(folder, 'topic.json');
    writeFileSync(
      file,
      JSON.stringify({
        topics: [
          {
            id: 'topic-tools-beside-server',
            name: 'Written beside the server',
            sources: ['src-000-cctld-msk-ix-memorandum'],
            evidence: 'STATED',
          },
        ],
      }),
    );
    const imported = await runTool('src/cli/import.ts', ['--as', 'tester', file], dataDir);
    expect(imported.stderr).toContain('using the embedded Neo4j of the server running as process');
    expect(imported.code).toBe(0);
    const seen = await graphql(server.url, '{ topic(slug: "topic-tools-beside-server") { name } }');
    expect(seen.body.data).toEqual({ topic: { name: 'Written beside the server' } });

    const seeded = await runTool('src/cli/seed.ts', [], dataDir);
    expect(seeded.code).toBe(0);
    expect(seeded.stderr).toContain('using the embedded Neo4j of the server running as process');
    // One JVM throughout: the tools started none of their own.
    expect(javaProcessesFor(dataDir)).toHaveLength(1);

    process.kill(-server.child.pid!, 'SIGINT');
    const { code, signal } = await server.exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    expect(await waitUntil(() => javaProcessesFor(dataDir).length === 0, 30000)).toBe(true);
    expect(existsSync(published)).toBe(false);

    const alone = await runTool('src/cli/export.ts', ['--format', 'json'], dataDir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).not.toContain('using the embedded Neo4j of the server');
    expect(alone.stderr).toMatch(/embedded Neo4j .* listens on bolt:\/\//);
    expect(entitiesIn(alone.stdout)).toBe(entitiesIn(exported.stdout) + 1);
  }, 600_000);

  it('say on stderr when the database they export holds nothing', async () => {
    const empty = await runTool('src/cli/export.ts', ['--format', 'json'], path.join(folder, 'empty', 'neo4j'));
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('the database holds no entity: it is empty or was never seeded');
  }, 300_000);
});
