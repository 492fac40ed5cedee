import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { openSize } from './lib/dataset.ts';
import {
  type BenchServer,
  ensureBenchDependencies,
  graphql,
  processUsage,
  sendingInTurn,
  startServer,
  startSizeNeo4j,
} from './lib/harness.ts';
import { spread, throughput } from './lib/measure.ts';
import { drawParams, normalize, queryNames, requestFor, type System, systems } from './lib/mix.ts';
import { commandLine, type GitState, gitState, loadAverage } from './lib/provenance.ts';
import { withSpread } from './lib/report.ts';

const usage = `usage: node bench/side-by-side.ts --against DIR [--query Q3] [--reference C] [--size 10000]
                                [--reuse DIR] [--rounds 10] [--seconds 5] [--out FILE.md]

What a change to govgraph does to one query's rate, measured side by side: A from this checkout,
A from the checkout --against (a git worktree of another commit, or an edited copy, with its
dependencies installed or node_modules linked), and the --reference system (C, B, or none), all on
one Neo4j, take turns for --rounds rounds of --seconds each at 8 in flight (each round in the
order of the one before reversed), after 300 warm-up requests each. First both A's answer the
query's 40 parameter sets (the benchmark's seed) and must give the same normalized answers: a
change that answers differently is not a speed-up. Prints and writes (--out) each system's
median requests per second and CPU-ms per request with their min–max, the ratio of the two A's
per round, and how many rounds each won.`;

const { values } = parseArgs({
  options: {
    against: { type: 'string' },
    query: { type: 'string', default: 'Q3' },
    reference: { type: 'string', default: 'C' },
    size: { type: 'string', default: '10000' },
    reuse: { type: 'string' },
    rounds: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '5' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help === true) {
  console.log(usage);
  process.exit(0);
}
const against = values.against === undefined ? undefined : path.resolve(values.against);
const query = queryNames.find((name) => name === values.query);
const reference = values.reference === 'none' ? null : systems.find((system) => system === values.reference && system !== 'A');
const entities = Number(values.size);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const problems = [
  against === undefined || !existsSync(path.join(against, 'bench', 'servers', 'a.ts')) ? '--against names a checkout of govgraph' : null,
  query === undefined ? `--query is one of ${queryNames.join(', ')}` : null,
  reference === undefined ? '--reference is B, C or none' : null,
  [entities, rounds, seconds].every((value) => Number.isInteger(value) && value > 0)
    ? null
    : '--size, --rounds and --seconds are positive whole numbers',
].filter((problem) => problem !== null);
if (problems.length > 0 || against === undefined || query === undefined || reference === undefined) {
  console.error(`${problems.join('\n')}\n\n${usage}`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`side-by-side: ${line}\n`);
const work = values.reuse ?? mkdtempSync(path.join(tmpdir(), 'govgraph-side-by-side-'));
interface Contender {
  name: string;
  system: System;
  checkout: string | undefined;
  server?: BenchServer;
  rates: number[];
  cpuMs: number[];
}
const contenders: Contender[] = [
  { name: 'A (this checkout)', system: 'A', checkout: undefined, rates: [], cpuMs: [] },
  { name: 'A (--against)', system: 'A', checkout: against, rates: [], cpuMs: [] },
  ...(reference === null ? [] : [{ name: reference, system: reference, checkout: undefined, rates: [], cpuMs: [] }]),
];
const [here, there] = contenders;
if (!here || !there) throw new Error('unreachable: the two A contenders are listed above');

ensureBenchDependencies(log);
const gitHere = gitState();
const gitThere = gitState(against);
const loadBefore = loadAverage();
const { embedded, neo4j } = await startSizeNeo4j(entities, work, log);
const differing: string[] = [];
try {
  await openSize(neo4j, entities, work, values.reuse !== undefined, log, embedded);
  const params = drawParams(entities, 40).filter((set) => set.query === query);
  for (const contender of contenders) contender.server = await startServer(contender.system, neo4j, log, [], contender.checkout);
  const serverOf = (contender: Contender) => {
    if (!contender.server) throw new Error(`${contender.name} did not start`);
    return contender.server;
  };

  // The gate: the same answers from both A's, set by set.
  for (const [index, set] of params.entries()) {
    const [mine, theirs] = await Promise.all(
      [here, there].map(async (contender) => {
        const result = await graphql(serverOf(contender).port, requestFor('A', set));
        return result.errors === undefined ? normalize('A', query, result.data) : { errors: result.errors };
      }),
    );
    if (!isDeepStrictEqual(mine, theirs)) differing.push(`set ${index}: ${JSON.stringify(set)}`);
  }
  if (differing.length === 0) {
    const senders = contenders.map((contender) =>
      sendingInTurn(
        serverOf(contender).port,
        params.map((set) => requestFor(contender.system, set)),
      ),
    );
    for (const send of senders) for (let index = 0; index < 300; index++) await send(index);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [...contenders.keys()] : [...contenders.keys()].reverse();
      for (const at of order) {
        const contender = contenders[at];
        const send = senders[at];
        if (!contender || !send) continue;
        const pid = serverOf(contender).pid;
        const before = processUsage(pid).cpuMs;
        const measured = await throughput(8, seconds, send);
        contender.cpuMs.push((processUsage(pid).cpuMs - before) / Math.max(1, measured.requests));
        contender.rates.push(measured.requests / measured.seconds);
      }
      log(
        `round ${round + 1}: ${contenders.map((contender) => `${contender.name} ${contender.rates.at(-1)?.toFixed(0)} req/s`).join(', ')}`,
      );
    }
  }
  for (const contender of contenders) await contender.server?.stop();
} finally {
  await embedded.stop();
  if (values.reuse === undefined) rmSync(work, { recursive: true, force: true });
}

const commitOf = (state: GitState) =>
  `\`${state.commit}\`${state.dirty.length > 0 ? ` with uncommitted changes to ${state.dirty.join(', ')}` : ''}`;
const perRound = there.rates.map((rate, index) => rate / (here.rates[index] ?? Number.NaN));
const median = (contender: Contender) => spread(contender.rates).median;
const lines = [
  `# Side by side: ${query} at ${entities} entities`,
  '',
  `- Command: \`${commandLine().command}\``,
  `- This checkout: ${commitOf(gitHere)}`,
  `- --against: ${against}, ${commitOf(gitThere)}`,
  `- Load average ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
  `- ${rounds} rounds of ${seconds} s at 8 in flight, taking turns (each round in the reverse order of the one before), after 300 warm-up requests each`,
  '',
];
if (differing.length > 0) {
  lines.push(
    `**Not measured: the two A's answered ${differing.length} of 40 parameter sets differently:**`,
    '',
    ...differing.map((set) => `- ${set}`),
  );
} else {
  lines.push(
    '| system | req/s, median (min–max) | CPU-ms per request | ratio of medians to A (this checkout) |',
    '|---|---:|---:|---:|',
    ...contenders.map(
      (contender) =>
        `| ${contender.name} | ${withSpread(spread(contender.rates), 0)} | ${withSpread(spread(contender.cpuMs), 2)} | ${(median(contender) / median(here)).toFixed(3)} |`,
    ),
    '',
    `A (--against) / A (this checkout), round by round: ${perRound.map((ratio) => ratio.toFixed(2)).join(', ')}; --against faster in ${perRound.filter((ratio) => ratio > 1).length} of ${rounds}.`,
  );
  const referenceContender = contenders[2];
  if (referenceContender) {
    lines.push(
      '',
      `Against ${referenceContender.name}: this checkout ${(median(here) / median(referenceContender)).toFixed(3)}, --against ${(median(there) / median(referenceContender)).toFixed(3)} (ratios of medians).`,
    );
  }
}
const report = lines.join('\n');
console.log(report);
if (values.out) writeFileSync(values.out, `${report}\n`);
if (differing.length > 0) process.exit(1);
