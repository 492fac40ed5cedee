import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, seedDataDir } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/database.ts';
import { journalLeft, neo4jEnv, runScript, snapshot } from '../support/exchange.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { startServer } from '../support/server-process.ts';

// A real `npm run import`, killed without warning halfway through: the database must end up as
// it was, whether the import was one transaction or journaled over many.

let db: Database;
let folder: string;
let large: string;
let before: unknown;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  folder = await mkdtemp(path.join(tmpdir(), 'govgraph-kill-'));
  large = path.join(folder, 'large.json');
  // 3,000 synthetic entities and about 5,000 relations, whose ids do not clash with the seed's.
  await promisify(execFile)(process.execPath, ['bench/generate.ts', '--entities', '3000', '--out', large], { cwd: projectRoot });
  before = await snapshot(db);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await db.close();
});

/** Starts the import command and kills it once its progress bar shows at least 30 % written (and not all). */
async function killHalfway(...args: string[]): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, ['src/cli/import.ts', ...args, large], {
    cwd: projectRoot,
    env: neo4jEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/importing \[[#.]+\] [3-9]\d% /.test(output)) resolve();
    });
    void exited.then(() => reject(new Error(`the import ended before it was killed:\n${output}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return output;
}

describe('an import killed halfway', () => {
  it('in one transaction: Neo4j rolls it back, and nothing of it is left', async () => {
    const output = await killHalfway('--batch-size', '50', '--max-transaction-rows', '100000');
    expect(output).toMatch(/checked 3000 entities/);
    expect(await snapshot(db)).toEqual(before);
    expect(await journalLeft(db)).toBe(0);
  });

  it('journaled: what it wrote stays until the next server start, which undoes it', async () => {
    await killHalfway('--batch-size', '50', '--max-transaction-rows', '100');
    // The window: the batches already committed are in the database, marked as an open load.
    expect(await journalLeft(db)).toBeGreaterThan(0);
    expect(await snapshot(db)).not.toEqual(before);

    // Another process could still be writing to a Neo4j reached by NEO4J_URI, so the server waits
    // GOVGRAPH_STALE_LOAD_MS after a load's last batch before taking it for dead; 0 here.
    const server = await startServer(
      neo4jEnv({ PORT: '0', GOVGRAPH_SEED_ON_START: 'false', GOVGRAPH_STALE_LOAD_MS: '0', LOG_LEVEL: 'silent' }),
      [process.execPath, 'src/server.ts'],
    );
    try {
      expect(server.output()).toMatch(/govgraph: undoing load [0-9a-f-]+, interrupted at .* before it was complete/);
      expect(await journalLeft(db)).toBe(0);
      expect(await snapshot(db)).toEqual(before);
    } finally {
      process.kill(-(server.child.pid ?? 0), 'SIGTERM');
      await server.exited;
    }
  });

  it('journaled: the next import undoes it too, before it writes anything of its own', async () => {
    await killHalfway('--batch-size', '50', '--max-transaction-rows', '100');
    expect(await journalLeft(db)).toBeGreaterThan(0);
    const next = await runScript('src/cli/import.ts', [seedDataDir], { GOVGRAPH_STALE_LOAD_MS: '0' });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/import: undoing load [0-9a-f-]+, interrupted/);
    expect(await journalLeft(db)).toBe(0);
    // The seed was there already: the second import found it all unchanged and logged no change.
    expect(await snapshot(db)).toEqual(before);
  });
});
