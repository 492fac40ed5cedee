import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../src/db/database.ts';
import { connect } from '../src/db/driver.ts';
import { startEmbeddedNeo4j } from '../src/embedded/embedded-neo4j.ts';
import { generateAndLoad, type LoadReport } from './lib/dataset.ts';
import {
  type BenchServer,
  checkEquivalence,
  counters,
  ensureBenchDependencies,
  graphql,
  type Neo4jSettings,
  processUsage,
  resetCounters,
  startServer,
} from './lib/harness.ts';
import { drawParams, type QueryName, queryNames, queryTitles, type Request, type System, systems } from './lib/mix.ts';
import { renderMarkdown } from './lib/report.ts';

const usage = `usage: npm run bench [-- --quick] [--sizes 10000,1000000] [--concurrency 8] [--duration 20] [--samples 300]

Generates the synthetic governance graph (S = 10k, L = 1M entities), loads it into one
embedded Neo4j with the project's loader, starts A (govgraph), B (@neo4j/graphql 7) and
C (one hand-written Cypher query per request) as child processes on loopback ports, checks
that they return equal normalized answers for 200 parameter sets, then times the query mix.
Results: bench/results/<date>.md and .json. --quick: S only, short runs (about 5 minutes).`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    duration: { type: 'string' },
    samples: { type: 'string' },
    'check-sets': { type: 'string', default: '200' },
    out: { type: 'string' },
    // Keeps the generated files and databases in this folder and loads each size only once.
    reuse: { type: 'string' },
    'check-only': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const quick = values.quick ?? false;
const sizes = (values.sizes ?? (quick ? '10000' : '10000,1000000')).split(',').map(Number);
const concurrency = Number(values.concurrency);
const durationSeconds = Number(values.duration ?? (quick ? 4 : 20));
const samples = Number(values.samples ?? (quick ? 60 : 300));
const checkSets = Number(values['check-sets']);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

export interface Measurement {
  system: System;
  query: QueryName;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  graphqlErrors: number;
  roundTripsPerRequest: number;
  cpuMsPerRequest: number;
  rssMb: number;
}

export interface SizeResult {
  entities: number;
  load: LoadReport;
  equalResponses: { parameterSets: number; mismatches: number; nonEmpty: Record<QueryName, number> };
  measurements: Measurement[];
  idleRssMb: Record<System, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Tally {
  non2xx: number;
  graphqlErrors: number;
}

async function timed(server: BenchServer, request: Request, tally: Tally): Promise<number> {
  const started = performance.now();
  const result = await graphql(server.port, request);
  const elapsed = performance.now() - started;
  if (result.status < 200 || result.status >= 300) tally.non2xx += 1;
  else if (result.errors) tally.graphqlErrors += 1;
  return elapsed;
}

/** Latency at concurrency 1, then throughput at `concurrency` for `durationSeconds`, of one query on one system. */
async function measure(server: BenchServer, query: QueryName, requests: Request[]): Promise<Measurement> {
  const tally: Tally = { non2xx: 0, graphqlErrors: 0 };
  for (let i = 0; i < Math.min(20, requests.length); i++) await timed(server, requests[i]!, tally); // warm-up: JIT, plan cache
  await resetCounters(server);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await timed(server, requests[i % requests.length]!, tally));
  const { roundTrips, requests: counted } = await counters(server);
  latencies.sort((a, b) => a - b);

  const before = processUsage(server.pid);
  let next = 0;
  let done = 0;
  let peakRss = before.rssBytes;
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, processUsage(server.pid).rssBytes);
  }, 250);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await timed(server, requests[next++ % requests.length]!, tally);
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = processUsage(server.pid);
  return {
    system: server.system,
    query,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requestsPerSecond: done / elapsed,
    requests: samples + done,
    non2xx: tally.non2xx,
    graphqlErrors: tally.graphqlErrors,
    roundTripsPerRequest: roundTrips / Math.max(1, counted),
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / Math.max(1, done),
    rssMb: Math.max(peakRss, after.rssBytes) / 2 ** 20,
  };
}

async function benchSize(entities: number, work: string): Promise<SizeResult> {
  const dataDir = path.join(work, `neo4j-${entities}`);
  const embedded = await startEmbeddedNeo4j({
    dataDir,
    logFile: path.join(work, `neo4j-${entities}.log`),
    readyTimeoutMs: 180000,
    pageCacheMb: entities > 100000 ? 1024 : 256,
    log,
  });
  const neo4j: Neo4jSettings = { uri: embedded.uri, username: 'neo4j', password: '', database: 'neo4j' };
  const servers: Partial<Record<System, BenchServer>> = {};
  try {
    const driver = await connect({ ...neo4j, connectTimeoutMs: 10000 });
    const db = new Database(driver, neo4j.database, 60 * 60 * 1000);
    let lastShown = 0;
    const loaded = path.join(work, `loaded-${entities}.json`);
    const load = existsSync(loaded)
      ? (JSON.parse(readFileSync(loaded, 'utf8')) as LoadReport)
      : await generateAndLoad(db, entities, path.join(work, `graph-${entities}.json`), (done, total) => {
          if (performance.now() - lastShown > 10000 || done === total) {
            lastShown = performance.now();
            log(`loading ${entities}: ${done}/${total} rows`);
          }
        });
    writeFileSync(loaded, JSON.stringify(load));
    await db.close();
    log(
      `loaded ${load.entities} entities and ${load.relations} relations in ${load.loadSeconds.toFixed(1)} s ` +
        `(${Math.round(load.entitiesPerSecond)} entities/s, ${Math.round(load.rowsPerSecond)} rows/s)`,
    );
    for (const system of systems) servers[system] = await startServer(system, neo4j, log);
    const all = servers as Record<System, BenchServer>;
    const idleRssMb = Object.fromEntries(systems.map((system) => [system, processUsage(all[system].pid).rssBytes / 2 ** 20])) as Record<
      System,
      number
    >;

    const params = drawParams(entities, Math.ceil(checkSets / queryNames.length));
    log(`checking that A, B and C answer ${params.length} parameter sets alike`);
    const { mismatches, prepared, nonEmpty } = await checkEquivalence(all, params);
    log(`answers with content, per query: ${JSON.stringify(nonEmpty)}`);
    for (const mismatch of mismatches.slice(0, 5))
      log(`MISMATCH #${mismatch.index} ${JSON.stringify(mismatch.params)}: ${mismatch.detail}`);
    if (mismatches.length > 0) throw new Error(`${mismatches.length} parameter sets got different answers; nothing timed`);
    if (values['check-only']) {
      return { entities, load, equalResponses: { parameterSets: params.length, mismatches: 0, nonEmpty }, measurements: [], idleRssMb };
    }

    const measurements: Measurement[] = [];
    for (const query of queryNames) {
      // Systems take turns per query, so slow drift of the machine hits all three alike.
      for (const system of systems) {
        const requests = prepared[system].filter((_, i) => params[i]?.query === query);
        const m = await measure(all[system], query, requests);
        measurements.push(m);
        log(
          `${query} ${system}: p50 ${m.p50Ms.toFixed(1)} ms, p99 ${m.p99Ms.toFixed(1)} ms, ${m.requestsPerSecond.toFixed(0)} req/s, ` +
            `${m.roundTripsPerRequest.toFixed(2)} round trips, ${m.cpuMsPerRequest.toFixed(2)} CPU-ms/req, ${m.rssMb.toFixed(0)} MB, ` +
            `${m.non2xx} non-2xx, ${m.graphqlErrors} errors`,
        );
      }
    }
    return {
      entities,
      load,
      equalResponses: { parameterSets: params.length, mismatches: mismatches.length, nonEmpty },
      measurements,
      idleRssMb,
    };
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await embedded.stop();
  }
}

ensureBenchDependencies(log);
const work = values.reuse ?? mkdtempSync(path.join(tmpdir(), 'govgraph-bench-'));
mkdirSync(work, { recursive: true });
const started = new Date();
try {
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, work));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const report = {
    date: started.toISOString(),
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    machine: {
      cpu,
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      neo4j: '5.26 Community (embedded)',
    },
    settings: { concurrency, durationSeconds, samples, checkSets },
    results,
  };
  const outDir = values.out ?? new URL('./results/', import.meta.url).pathname;
  if (!values['check-only']) mkdirSync(outDir, { recursive: true });
  const stem = path.join(outDir, `${started.toISOString().slice(0, 10)}${quick ? '-quick' : ''}`);
  if (values['check-only']) log('A, B and C answered every parameter set alike (--check-only: nothing timed)');
  else {
    writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${stem}.md`, renderMarkdown(report, queryTitles));
    log(`wrote ${stem}.md and ${stem}.json`);
  }
  const failed = results.flatMap((result) => result.measurements).filter((m) => m.non2xx > 0 || m.graphqlErrors > 0);
  if (failed.length > 0) {
    log(`${failed.length} runs had non-2xx responses or GraphQL errors`);
    process.exitCode = 1;
  }
} finally {
  if (!values.reuse) rmSync(work, { recursive: true, force: true });
}
