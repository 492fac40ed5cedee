import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openSize } from './lib/dataset.ts';
import { addTo, functionOf, groupOf, perRequestTable } from './lib/frames.ts';
import { ensureBenchDependencies, processUsage, sendingInTurn, startServer, startSizeNeo4j } from './lib/harness.ts';
import { throughput } from './lib/measure.ts';
import { drawParams, requestFor, type System } from './lib/mix.ts';
import { profilerArguments } from './lib/profiler-args.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const usage = `usage: node bench/cpu-profile.ts [--query Q3] [--systems A,C] [--size 10000] [--seconds 20] [--reuse DIR] [--out DIR]

Where a server's own CPU goes under one query of the benchmark: starts each system with
node --cpu-prof, sends it the query's parameter sets (the same seed as npm run bench) from 8
connections for --seconds, and prints its sampled time per request, grouped by package (or by
file of this project) and by function, beside the other systems'. The .cpuprofile files stay in
--out (Chrome's DevTools and speedscope open them). Time in native write and writev includes
waiting for the CPU on a busy machine (the sampler counts wall time in a system call): read the
JavaScript groups, and the CPU-ms per request from /proc, which npm run bench reports too.`;

const {
  query,
  systems,
  entities,
  top,
  reuse,
  work,
  out,
  amount: seconds,
} = profilerArguments(usage, 'cpu-profile', 'Q3', {
  name: 'seconds',
  default: '20',
});
const log = (line: string) => process.stderr.write(`cpu-profile: ${line}\n`);

// The parts of V8's .cpuprofile format read here.
const cpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

interface Summary {
  system: System;
  requests: number;
  seconds: number;
  cpuMsPerRequest: number;
  /** Sampled milliseconds per request, by package or project file, and by function. */
  byGroup: Map<string, number>;
  byFunction: Map<string, number>;
}

function summarize(file: string, system: System, requests: number, elapsed: number, cpuMs: number): Summary {
  const profile = cpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    if (!frame) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000 / requests;
    addTo(byGroup, groupOf(frame.url, frame.functionName), ms);
    addTo(byFunction, functionOf(frame), ms);
  });
  return { system, requests, seconds: elapsed, cpuMsPerRequest: cpuMs / requests, byGroup, byFunction };
}

ensureBenchDependencies(log);
const git = gitState();
const loadBefore = loadAverage();
const { embedded, neo4j } = await startSizeNeo4j(entities, work, log);
const summaries: Summary[] = [];
try {
  await openSize(neo4j, entities, work, reuse !== undefined, log, embedded);
  const params = drawParams(entities, 40).filter((set) => set.query === query);
  for (const system of systems) {
    const folder = path.join(out, `${system}-${query}`);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    // The child inherits NODE_OPTIONS: only the server under test is profiled.
    process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${folder}`;
    const server = await startServer(system, neo4j, log);
    delete process.env.NODE_OPTIONS;
    const send = sendingInTurn(
      server.port,
      params.map((set) => requestFor(system, set)),
    );
    for (let index = 0; index < 200; index++) await send(index);
    const before = processUsage(server.pid).cpuMs;
    const measured = await throughput(8, seconds, send);
    const cpuMs = processUsage(server.pid).cpuMs - before;
    // The profile is written when the server exits; it covers its start and warm-up too.
    await server.stop();
    // Node names a profile CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile. The harness's
    // throwaway start, which fills the compile cache, inherits NODE_OPTIONS and writes one too.
    const file = readdirSync(folder).find((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(server.pid));
    if (!file) throw new Error(`server ${system} wrote no profile into ${folder}`);
    summaries.push(summarize(path.join(folder, file), system, measured.requests, measured.seconds, cpuMs));
    log(`${system}: ${(measured.requests / measured.seconds).toFixed(0)} req/s, ${(cpuMs / measured.requests).toFixed(2)} CPU-ms/req`);
  }
} finally {
  await embedded.stop();
  if (!reuse) rmSync(work, { recursive: true, force: true });
}

const lines = [
  `# CPU profile: ${query} at ${entities} entities`,
  '',
  `- Command: \`${commandLine().command}\``,
  `- Commit: \`${git.commit}\`${git.dirty.length > 0 ? ' (uncommitted changes)' : ''}; load average ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
  `- Profiles: ${out}`,
  ...summaries.map(
    (summary) =>
      `- ${summary.system}: ${summary.requests} requests in ${summary.seconds.toFixed(1)} s at 8 in flight, ${summary.cpuMsPerRequest.toFixed(2)} CPU-ms per request (/proc)`,
  ),
  '',
  'Sampled milliseconds per request (start-up and warm-up included, spread over the requests).',
  '',
  ...perRequestTable(
    'By package or file',
    summaries.map((summary) => ({ system: summary.system, amounts: summary.byGroup })),
    'ms/req',
    top,
    3,
  ),
  ...perRequestTable(
    'By function',
    summaries.map((summary) => ({ system: summary.system, amounts: summary.byFunction })),
    'ms/req',
    top,
    3,
  ),
];
const report = lines.join('\n');
writeFileSync(path.join(out, `${query}.md`), `${report}\n`);
console.log(report);
