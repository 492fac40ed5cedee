import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { type OpenedSize, openSize } from './lib/dataset.ts';
import {
  type BenchServer,
  checkEquivalence,
  type DriverSettings,
  ensureBenchDependencies,
  gateFailure,
  minFullShare,
  processUsage,
  startServer,
  startSizeNeo4j,
  stats,
  warmUp,
} from './lib/harness.ts';
import { aggregate, measure, type RoundMeasurement, roundSchedule, type TimingSettings } from './lib/measure.ts';
import { drawParams, queryNames, queryTitles, type System, systems } from './lib/mix.ts';
import { profileQueries } from './lib/profile.ts';
import { commandLine, gitState, indexList, loadAverage, machine } from './lib/provenance.ts';
import { type Report, renderMarkdown, type SizeResult, sizeName } from './lib/report.ts';

const usage = `usage: npm run bench -- [--quick] [--sizes 10000,1000000] [--rounds 3] [--warm-rounds 1] [--samples 300] [--duration 20]
                       [--concurrency 8] [--check-sets 200] [--profile-sets 5] [--reuse DIR] [--out DIR] [--check-only]
                       [--node-flags=--max-semi-space-size=16]

Generates the synthetic governance graph (S = 10k, L = 1M entities), loads it into one embedded
Neo4j with the project's loader, adds B's and C's indexes (bench/cypher/indexes.cypher), starts A
(govgraph), B (@neo4j/graphql 7) and C (hand-written Cypher) as child processes, and then, per size:
  1. the equality gate: A, B and C must answer 200 parameter sets alike, and each query's answers
     must be non-empty at every nesting level for most sets;
  2. PROFILE of every statement each system sends, for the first --profile-sets sets of each query;
  3. timings: --warm-rounds untimed rounds, then --rounds rounds of every query on A, B, C in
     turn (medians with their spread; p99 from rounds x samples latencies, at least 300).
Writes bench/results/<date>-<mode>-<sizes>.md and .json (bench/README.md explains them).
--quick: 10k only, a warm-up round and 3 rounds of 100 samples and 4 s of throughput (about 6 minutes).
--reuse DIR: keep the generated graphs and databases in DIR, load each size only once.
--node-flags: flags for every server's Node alike (V8's young generation, say); the report lists them.`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'warm-rounds': { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
    duration: { type: 'string' },
    samples: { type: 'string' },
    warmup: { type: 'string', default: '20' },
    'check-sets': { type: 'string', default: '200' },
    'profile-sets': { type: 'string', default: '5' },
    out: { type: 'string' },
    reuse: { type: 'string' },
    'check-only': { type: 'boolean', default: false },
    'node-flags': { type: 'string', default: '' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const quick = values.quick ?? false;
const sizes = (values.sizes ?? (quick ? '10000' : '10000,1000000')).split(',').map(Number);
const timing: TimingSettings = {
  samples: Number(values.samples ?? (quick ? 100 : 300)),
  concurrency: Number(values.concurrency),
  durationSeconds: Number(values.duration ?? (quick ? 4 : 20)),
  warmup: Number(values.warmup),
};
const rounds = Number(values.rounds);
const warmRounds = Number(values['warm-rounds']);

const checkSets = Number(values['check-sets']);
const profileSets = Number(values['profile-sets']);
const checkOnly = values['check-only'] ?? false;
const nodeFlags = values['node-flags'].split(' ').filter((flag) => flag.length > 0);
if (
  [...sizes, rounds, checkSets, timing.samples, timing.concurrency, timing.durationSeconds].some((n) => !Number.isInteger(n) || n < 1) ||
  !Number.isInteger(warmRounds) ||
  warmRounds < 0
) {
  console.error(usage);
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** The driver settings that must be equal across A, B and C (the user agent names the system). */
function unlike(drivers: Record<System, DriverSettings>): string | null {
  const comparable = (settings: DriverSettings) => Object.fromEntries(Object.entries(settings).filter(([key]) => key !== 'userAgent'));
  for (const system of ['B', 'C'] as const) {
    if (!isDeepStrictEqual(comparable(drivers.A), comparable(drivers[system]))) {
      return `driver settings differ: A ${JSON.stringify(drivers.A)}, ${system} ${JSON.stringify(drivers[system])}`;
    }
  }
  return null;
}

async function benchSize(entities: number, work: string, reused: boolean): Promise<SizeResult> {
  const before = loadAverage();
  const { embedded, neo4j } = await startSizeNeo4j(entities, work, log);
  const servers: Partial<Record<System, BenchServer>> = {};
  try {
    const opened: OpenedSize = await openSize(neo4j, entities, work, reused, log, embedded);
    const indexes = await indexList(neo4j);
    for (const system of systems) servers[system] = await startServer(system, neo4j, log, nodeFlags);
    const all = servers as Record<System, BenchServer>;
    const drivers = { A: (await stats(all.A)).driver, B: (await stats(all.B)).driver, C: (await stats(all.C)).driver };
    const difference = unlike(drivers);
    if (difference) throw new Error(difference);
    const idleRssMb = { A: 0, B: 0, C: 0 };
    for (const system of systems) idleRssMb[system] = processUsage(all[system].pid).rssBytes / 2 ** 20;

    const params = drawParams(entities, Math.ceil(checkSets / queryNames.length));
    await warmUp(all, params);
    log(`equality gate: A, B and C answer ${params.length} parameter sets`);
    const equivalence = await checkEquivalence(all, params);
    log(`non-empty at every level, per query: ${JSON.stringify(equivalence.full)} of ${JSON.stringify(equivalence.sets)}`);
    for (const mismatch of equivalence.mismatches.slice(0, 5))
      log(`MISMATCH #${mismatch.index} ${JSON.stringify(mismatch.params)}: ${mismatch.detail}`);
    const failure = gateFailure(equivalence);
    if (failure) throw new Error(`equality gate failed, nothing timed: ${failure}`);
    const equality = {
      parameterSets: params.length,
      mismatches: 0,
      sets: equivalence.sets,
      full: equivalence.full,
      atLevel: equivalence.atLevel,
      minFullShare,
    };
    const result: SizeResult = {
      entities,
      load: opened.load,
      loadAverage: { before, after: before },
      indexes,
      drivers,
      equality,
      profile: [],
      measurements: [],
      warmUpRounds: [],
      idleRssMb,
    };
    if (checkOnly) return { ...result, loadAverage: { before, after: loadAverage() } };

    result.profile = await profileQueries(all, neo4j, (index) => params[index]?.query ?? 'Q1', equivalence.prepared, profileSets, log);

    const byRound: RoundMeasurement[] = [];
    // Untimed rounds first, each measurement as a timed round makes it. Without them every
    // system's first round ran slower than its others (its V8 and Neo4j's JIT still compiling, the
    // page cache still filling: at 1M A served Q1 at 708-810 req/s in round 1 against 1,489-1,996
    // after, C at 1,293-1,508 against 1,741-2,069), so each median came from two rounds, and the
    // first round's first measurement of every query, always A's, also paid for warming the
    // database the others then read. Who goes first still rotates, so each system opens one
    // timed round.
    for (const { warm, round, order } of roundSchedule(systems, warmRounds, rounds)) {
      for (const query of queryNames) {
        for (const system of order) {
          const requests = equivalence.prepared[system].filter((_, i) => params[i]?.query === query);
          const m = await measure(all[system], query, requests, timing, round, embedded.pid);
          if (warm) {
            const { system: who, requestsPerSecond, cpuMsPerRequest, neo4jCpuMsPerRequest, peakRssMb } = m;
            result.warmUpRounds.push({ round, system: who, query, requestsPerSecond, cpuMsPerRequest, neo4jCpuMsPerRequest, peakRssMb });
          } else byRound.push(m);
          log(
            `${warm ? 'untimed warm-up round' : 'round'} ${round} ${query} ${system}: ${m.requestsPerSecond.toFixed(0)} req/s, ${m.exchangesPerRequest.toFixed(2)} Bolt exchanges, ` +
              `${m.cpuMsPerRequest.toFixed(2)} CPU-ms/req (Neo4j ${m.neo4jCpuMsPerRequest.toFixed(2)}), ${m.peakRssMb.toFixed(0)} MB, ${m.non2xx} non-2xx, ${m.graphqlErrors} errors`,
          );
        }
      }
    }
    for (const query of queryNames) {
      for (const system of systems) result.measurements.push(aggregate(byRound.filter((m) => m.query === query && m.system === system)));
    }
    return { ...result, loadAverage: { before, after: loadAverage() } };
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await embedded.stop();
  }
}

ensureBenchDependencies(log);
const work = values.reuse ?? mkdtempSync(path.join(tmpdir(), 'govgraph-bench-'));
mkdirSync(work, { recursive: true });
const started = new Date();
const git = gitState();
const { argv, command } = commandLine();
const runBefore = loadAverage();
const caveats: string[] = [];
if (rounds < 3) caveats.push(`${rounds} rounds: medians need at least 3`);
if (rounds * timing.samples < 300) caveats.push(`p99 from ${rounds * timing.samples} latency samples: it needs at least 300`);
if (git.dirty.length > 0) caveats.push(`uncommitted changes to tracked files: ${git.dirty.join(', ')}`);
const cores = machine().cores;
if (runBefore.oneMinute > cores / 2) {
  caveats.push(
    `taken on a loaded machine: load average ${runBefore.oneMinute.toFixed(2)} (1 min) before the run on ${cores} cores; ` +
      'absolute figures and ratios are noisy, take a quiet machine for figures to compare',
  );
}
try {
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, work, values.reuse !== undefined));
  const report: Report = {
    date: started.toISOString(),
    mode: quick ? 'quick' : 'full',
    provenance: { commit: git.commit, dirty: git.dirty, command, argv },
    machine: machine(),
    nodeFlags,
    settings: { sizes, rounds, warmRounds, ...timing, checkSets, profileSets },
    loadAverage: { before: runBefore, after: loadAverage() },
    caveats,
    results,
  };
  if (checkOnly)
    log('A, B and C answered every parameter set alike, with content at every level (--check-only: nothing profiled or timed)');
  else {
    const outDir = values.out ?? new URL('./results/', import.meta.url).pathname;
    mkdirSync(outDir, { recursive: true });
    let stem = path.join(outDir, `${started.toISOString().slice(0, 10)}-${report.mode}-${sizes.map(sizeName).join('-')}`);
    for (let n = 2; existsSync(`${stem}.json`); n++) stem = `${stem.replace(/-\d+$/, '')}-${n}`;
    writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${stem}.md`, renderMarkdown(report, queryTitles));
    log(`wrote ${stem}.md and ${stem}.json`);
    for (const caveat of caveats) log(`caveat: ${caveat}`);
  }
  const failed = results.flatMap((result) => result.measurements).filter((m) => m.non2xx > 0 || m.graphqlErrors > 0);
  if (failed.length > 0) {
    log(`${failed.length} measurements had non-2xx responses or GraphQL errors`);
    process.exitCode = 1;
  }
} finally {
  if (!values.reuse) rmSync(work, { recursive: true, force: true });
}
