import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/embedded/embedded-neo4j.ts';
import {
  endCursor,
  levelNames,
  levels,
  normalize,
  type Params,
  perQuery,
  type QueryName,
  queryNames,
  type Request,
  requestFor,
  type System,
  systems,
} from './mix.ts';

export interface Neo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/**
 * The embedded Neo4j that one size of the benchmark runs on, in its own folder of `work`, with
 * the page cache the size needs: the same for npm run bench and bench/profile.ts.
 */
export async function startSizeNeo4j(
  entities: number,
  work: string,
  log: (line: string) => void,
): Promise<{ embedded: EmbeddedNeo4j; neo4j: Neo4jSettings }> {
  const embedded = await startEmbeddedNeo4j({
    dataDir: path.join(work, `neo4j-${entities}`),
    logFile: path.join(work, `neo4j-${entities}.log`),
    readyTimeoutMs: 600000,
    pageCacheMb: entities > 100000 ? 1024 : 256,
    log,
  });
  return { embedded, neo4j: { uri: embedded.uri, username: 'neo4j', password: '', database: 'neo4j' } };
}

export interface BenchServer {
  system: System;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * B and C run on bench/'s own dependencies (@neo4j/graphql 7, graphql-yoga, graphql-jit), kept out
 * of the API's tree: installs them from bench/package-lock.json when any is missing.
 */
export function ensureBenchDependencies(log: (line: string) => void = () => {}): void {
  const bench = new URL('..', import.meta.url).pathname;
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const dependencies: unknown = typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'dependencies') : {};
  const names = typeof dependencies === 'object' && dependencies !== null ? Object.keys(dependencies) : [];
  if (names.every((name) => existsSync(new URL(`../node_modules/${name}/package.json`, import.meta.url)))) return;
  log('installing bench/ dependencies (@neo4j/graphql 7, graphql-jit …) with npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--prefix', bench], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const serverFiles: Record<System, string> = { A: 'a.ts', B: 'b.ts', C: 'c.ts' };

/** This checkout: where the servers are started from unless another is named. */
const root = new URL('../..', import.meta.url).pathname;
const warmed = new Set<string>();

/**
 * Starts one system as a child process (so /proc shows its own CPU and memory) and waits for its
 * port. A system's first start in this process is a throwaway that fills the compile cache, so
 * that what is measured is a warm start for all three alike, whatever changed since the last run.
 * `checkout` runs the server of another checkout of govgraph (a git worktree of another commit,
 * with its dependencies installed) on the same Neo4j: bench/side-by-side.ts measures a change so.
 */
export async function startServer(
  system: System,
  neo4j: Neo4jSettings,
  log: (line: string) => void = () => {},
  nodeFlags: readonly string[] = [],
  checkout: string = root,
): Promise<BenchServer> {
  const key = `${path.resolve(checkout)}:${system}`;
  if (!warmed.has(key)) {
    warmed.add(key);
    await (await spawnServer(system, neo4j, () => {}, nodeFlags, checkout)).stop();
  }
  return spawnServer(system, neo4j, log, nodeFlags, checkout);
}

async function spawnServer(
  system: System,
  neo4j: Neo4jSettings,
  log: (line: string) => void,
  nodeFlags: readonly string[],
  checkout: string,
): Promise<BenchServer> {
  const file = path.join(checkout, 'bench', 'servers', serverFiles[system]);
  // Every system starts as `npm start` starts govgraph: with Node's compile cache preloaded, which
  // keeps type stripping's WebAssembly (20–40 MB that never shrink) out of a warm start.
  const cache = path.join(checkout, 'scripts', 'compile-cache.mjs');
  const child: ChildProcess = spawn(process.execPath, ['--import', cache, ...nodeFlags, file], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server ${system} did not start within 60 s: ${stderr}`)), 60000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^BENCH_READY (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      } else log(`[${system}] ${line}`);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server ${system} exited before it was ready: ${stderr}`));
    });
  });
  return {
    system,
    port,
    pid: child.pid ?? -1,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Reply {
  status: number;
  body: string;
}

/** One HTTP request on a kept-alive loopback connection. */
export function send(port: number, method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export interface GraphqlResult {
  status: number;
  data: unknown;
  errors: unknown[] | undefined;
}

export async function graphql(port: number, request: Request): Promise<GraphqlResult> {
  const reply = await send(port, 'POST', '/graphql', JSON.stringify(request));
  let parsed: { data?: unknown; errors?: unknown[] } = {};
  try {
    parsed = JSON.parse(reply.body) as typeof parsed;
  } catch {
    parsed = { errors: [`not JSON: ${reply.body.slice(0, 200)}`] };
  }
  return { status: reply.status, data: parsed.data, errors: parsed.errors };
}

/** Sends the `index`-th of `requests`, round and round, to the server on `port`: a sender for throughput and keepInFlight. */
export function sendingInTurn(port: number, requests: readonly Request[]): (index: number) => Promise<void> {
  return async (index) => {
    const request = requests[index % requests.length];
    if (request) await graphql(port, request);
  };
}

/** A server's Bolt traffic (bench/servers/bolt-wire.ts): exchanges (client turns) and messages by type. */
export interface Wire {
  exchanges: number;
  messages: Record<string, number>;
  connections: number;
  bytesOut: number;
  bytesIn: number;
}

export type DriverSettings = Record<string, string | number | boolean | null>;

export interface Stats {
  system: System;
  requests: number;
  wire: Wire;
  driver: DriverSettings;
}

export async function stats(server: BenchServer): Promise<Stats> {
  return JSON.parse((await send(server.port, 'GET', '/bench-stats')).body) as Stats;
}

export async function resetStats(server: BenchServer): Promise<void> {
  await send(server.port, 'POST', '/bench-stats/reset');
}

/** A RUN message a server sent, as bolt-wire.ts decoded it; integers travel as {"$int": "…"}. */
export interface CapturedRun {
  query: string;
  parameters: Record<string, unknown>;
}

export async function setCapture(server: BenchServer, on: boolean): Promise<void> {
  await send(server.port, 'POST', `/bench-capture/${on ? 'on' : 'off'}`);
}

export async function takeCaptured(server: BenchServer): Promise<CapturedRun[]> {
  return JSON.parse((await send(server.port, 'GET', '/bench-captured')).body) as CapturedRun[];
}

/** CPU time (user + system, ms) and resident memory (bytes) of a process, from /proc. */
export function processUsage(pid: number): { cpuMs: number; rssBytes: number } {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ is 100 on Linux for every architecture Node supports.
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  const rssLine = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs, rssBytes: Number(rssLine?.[1] ?? 0) * 1024 };
}

export interface Mismatch {
  index: number;
  params: Params;
  detail: string;
}

/** The requests each system gets, per parameter set (Q2 carries that system's own page-1 cursor). */
export type Prepared = Record<System, Request[]>;

/**
 * A request of the gate, asked again (at most twice) when it ran out of its time budget: the gate
 * compares answers, and on a busy machine a request can outlast its budget. Any other error
 * counts as a mismatch at once.
 */
async function patiently(port: number, request: Request): Promise<GraphqlResult> {
  let result = await graphql(port, request);
  for (let retry = 0; retry < 2 && (result.status === 504 || JSON.stringify(result.errors ?? []).includes('"TIMEOUT"')); retry++) {
    result = await graphql(port, request);
  }
  return result;
}

/**
 * Sends each system every parameter set once, then one request of every query twice more, and
 * ignores the answers: the first request of a kind plans its statements and fills caches, which
 * on a busy machine or a cold page cache can outlast a request's time budget. The gate then
 * compares answers, not cold starts.
 */
export async function warmUp(servers: Record<System, BenchServer>, params: Params[]): Promise<void> {
  // On a reused store Neo4j's page cache starts cold, and a set's first read from disk exceeded
  // A's 10 s time budget in the gate once (a Q3 set at 1M). Each system warms the pages its own
  // statements read.
  for (const set of params) {
    for (const system of systems) await graphql(servers[system].port, requestFor(system, set)).catch(() => {});
  }
  const firstOfEach = queryNames.flatMap((query) => params.filter((set) => set.query === query).slice(0, 1));
  for (let pass = 0; pass < 2; pass++) {
    for (const set of firstOfEach) {
      for (const system of systems) await graphql(servers[system].port, requestFor(system, set)).catch(() => {});
    }
  }
}

/**
 * Sends every parameter set to A, B and C and compares their normalized answers. Q2 first
 * fetches page 1 on each system and asks page 2 with that system's own cursor, so the cursor
 * is exercised and the compared page is the second. Also returns the requests the timed runs
 * send. Any HTTP error or GraphQL error counts as a mismatch.
 */
export async function checkEquivalence(servers: Record<System, BenchServer>, params: Params[]): Promise<Equivalence> {
  const mismatches: Mismatch[] = [];
  // Equal empty answers prove nothing: count, per query, the parameter sets whose answer has
  // content at every nesting level, and at each level.
  const sets = emptyCounts();
  const full = emptyCounts();
  const atLevel = perQuery((query) => levelNames[query].map(() => 0));
  const prepared: Prepared = { A: [], B: [], C: [] };
  for (const [index, set] of params.entries()) {
    const answers: Partial<Record<System, unknown>> = {};
    for (const system of systems) {
      const port = servers[system].port;
      let request = requestFor(system, set);
      if (set.query === 'Q2') {
        const first = await patiently(port, request);
        if (first.status !== 200 || first.errors) {
          mismatches.push({ index, params: set, detail: `${system} page 1: HTTP ${first.status} ${JSON.stringify(first.errors)}` });
          continue;
        }
        const cursor = endCursor(system, first.data);
        if (!cursor) {
          mismatches.push({ index, params: set, detail: `${system} page 1 has no end cursor` });
          continue;
        }
        request = requestFor(system, set, cursor);
      }
      prepared[system].push(request);
      const result = await patiently(port, request);
      if (result.status !== 200 || result.errors) {
        mismatches.push({ index, params: set, detail: `${system}: HTTP ${result.status} ${JSON.stringify(result.errors)?.slice(0, 500)}` });
        continue;
      }
      answers[system] = normalize(system, set.query, result.data);
    }
    sets[set.query] += 1;
    if (answers.A !== undefined) {
      const reached = levels(set.query, answers.A);
      reached.forEach((has, level) => {
        if (has) atLevel[set.query][level] = (atLevel[set.query][level] ?? 0) + 1;
      });
      if (reached.every(Boolean)) full[set.query] += 1;
    }
    for (const system of ['B', 'C'] as const) {
      if (answers.A !== undefined && answers[system] !== undefined && !isDeepStrictEqual(answers.A, answers[system])) {
        mismatches.push({
          index,
          params: set,
          detail: `A and ${system} differ:\nA: ${JSON.stringify(answers.A).slice(0, 1500)}\n${system}: ${JSON.stringify(answers[system]).slice(0, 1500)}`,
        });
      }
    }
  }
  const thin = queryNames.filter((query) => full[query] < minFullShare * sets[query]);
  return { mismatches, prepared, sets, full, atLevel, thin };
}

const emptyCounts = () => perQuery(() => 0);

/**
 * The share of each query's parameter sets whose answer must be non-empty at every level
 * (mix.ts: levels): below it the gate fails, because equal empty answers compare nothing.
 */
export const minFullShare = 0.75;

export interface Equivalence {
  mismatches: Mismatch[];
  /** The requests each system gets, per parameter set (Q2 carries that system's own page-1 cursor). */
  prepared: Prepared;
  /** Parameter sets per query. */
  sets: Record<QueryName, number>;
  /** Parameter sets whose answer has content at every nesting level. */
  full: Record<QueryName, number>;
  /** Parameter sets whose answer has content at each level (mix.ts: levelNames). */
  atLevel: Record<QueryName, number[]>;
  /** Queries with fewer than minFullShare of their sets full: the gate fails on them. */
  thin: QueryName[];
}

/** Why the gate fails, or null when every answer matched and every query has content at every level. */
export function gateFailure(equivalence: Equivalence): string | null {
  const problems: string[] = [];
  if (equivalence.mismatches.length > 0) problems.push(`${equivalence.mismatches.length} parameter sets got different answers`);
  for (const query of equivalence.thin) {
    problems.push(
      `${query}: only ${equivalence.full[query]}/${equivalence.sets[query]} answers are non-empty at every level ` +
        `(${levelNames[query].map((name, level) => `${name} ${equivalence.atLevel[query][level]}`).join(', ')}); ` +
        `at least ${Math.ceil(minFullShare * 100)} % must be`,
    );
  }
  return problems.length > 0 ? problems.join('; ') : null;
}
