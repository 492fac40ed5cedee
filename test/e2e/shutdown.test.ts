import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scannedFetch } from '../support/scanned-fetch.ts';
import { javaProcessesFor, type ServerProcess, startServer, waitUntil } from '../support/server-process.ts';

type Outcome = { kind: 'answered'; status: number } | { kind: 'refused' } | { kind: 'dropped'; error: string };

/**
 * Not accepted: the server had stopped listening (ECONNREFUSED), or, for a request sent after
 * SIGTERM, its connection was still in the kernel's accept queue when the listener closed, which
 * the kernel answers with a reset (ECONNRESET). A request sent before SIGTERM is never excused.
 */
function isRefused(error: unknown, sentAfterSignal: boolean): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code === 'ECONNREFUSED' || (sentAfterSignal && cause?.code === 'ECONNRESET');
}

describe('SIGTERM while serving (the real server, node itself signalled)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-shutdown-'));
  const dataDir = path.join(folder, 'neo4j');
  let server: ServerProcess | undefined;

  afterAll(() => {
    if (server?.child.exitCode === null && server.child.pid) process.kill(server.child.pid, 'SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers every accepted request, refuses new connections, stops Neo4j and exits 0', async () => {
    const password = 'never-log-this-password-77';
    server = await startServer({ PORT: '0', GOVGRAPH_DATA_DIR: dataDir, NEO4J_URI: '', NEO4J_PASSWORD: password, LOG_LEVEL: 'info' }, [
      process.execPath,
      'src/server.ts',
    ]);
    const url = server.url;
    expect(javaProcessesFor(dataDir)).toHaveLength(1);

    // 200 requests, 10 at a time; SIGTERM goes out once 60 have been answered.
    const total = 200;
    const concurrency = 10;
    const outcomes: Outcome[] = [];
    let next = 0;
    let signalledAt = 0;
    const worker = async () => {
      while (next < total) {
        next += 1;
        const sentAfterSignal = signalledAt !== 0;
        try {
          const response = await scannedFetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ serverInfo { database { version } } organizations(first: 5) { totalCount } }' }),
          });
          await response.arrayBuffer();
          outcomes.push({ kind: 'answered', status: response.status });
        } catch (error) {
          outcomes.push(
            isRefused(error, sentAfterSignal) ? { kind: 'refused' } : { kind: 'dropped', error: String((error as Error).cause ?? error) },
          );
        }
        if (!signalledAt && outcomes.length >= 60) {
          signalledAt = Date.now();
          server?.child.kill('SIGTERM');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const { code, signal } = await server.exited;
    const exitedAfterMs = Date.now() - signalledAt;

    const answered = outcomes.filter((outcome) => outcome.kind === 'answered');
    const statuses = new Map<number, number>();
    for (const outcome of answered) statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
    const refused = outcomes.filter((outcome) => outcome.kind === 'refused').length;
    const dropped = outcomes.filter((outcome) => outcome.kind === 'dropped');
    console.log(
      `shutdown: ${outcomes.length} requests: ${JSON.stringify(Object.fromEntries(statuses))} answered, ${refused} refused after SIGTERM, ` +
        `${dropped.length} dropped; exit ${code} ${exitedAfterMs} ms after SIGTERM`,
    );

    expect(outcomes).toHaveLength(total);
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect(answered.every((outcome) => outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300)).toBe(true);
    expect(dropped).toEqual([]);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(await waitUntil(() => javaProcessesFor(dataDir).length === 0, 30000)).toBe(true);

    const output = server.output();
    expect(output).toMatch(/SIGTERM: refusing new connections/);
    expect(output).toMatch(/stopped in \d+ ms/);
    expect(output).not.toContain(password);
    // One structured line per GraphQL request, each with a request id and a status.
    const requestLines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; reqId?: string; status?: number; path?: string; operationName?: string })
      // The server's own warm-up requests before it listened (src/http/warm-up.ts) are not the test's.
      .filter((line) => line.msg === 'request' && line.path === '/graphql' && !line.operationName?.startsWith('WarmUp'));
    expect(requestLines).toHaveLength(answered.length);
    expect(requestLines.every((line) => typeof line.reqId === 'string' && line.status === 200)).toBe(true);
  });
});
