import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openSize } from './lib/dataset.ts';
import { addTo, functionOf, groupOf, perRequestTable } from './lib/frames.ts';
import { ensureBenchDependencies, sendingInTurn, startServer, startSizeNeo4j } from './lib/harness.ts';
import { keepInFlight } from './lib/measure.ts';
import { drawParams, requestFor, type System } from './lib/mix.ts';
import { profilerArguments } from './lib/profiler-args.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const usage = `usage: node bench/allocation-profile.ts [--query Q5] [--systems A,C] [--size 10000] [--requests 4000]
                                       [--reuse DIR] [--out DIR] [--top 30]

What a server allocates per request of one query of the benchmark, and where: starts each
system with V8's sampling heap profiler preloaded (lib/allocation-sampler.ts, which keeps the
objects collections free, so it samples allocation, not what survives), warms it up with 200
requests, then samples while --requests requests of the query's parameter sets (the seed of npm
run bench) go out from 8 connections. Prints sampled KB per request, by package (or file of this
project) and by allocating function, beside the other systems'. Allocation drives V8's young
generation and its collections: what the benchmark's peak RSS and part of its CPU time follow.
The .heapprofile files stay in --out (Chrome's DevTools open them).`;

const { query, systems, entities, top, reuse, work, out, amount } = profilerArguments(usage, 'allocation-profile', 'Q5', {
  name: 'requests',
  default: '4000',
});
const log = (line: string) => process.stderr.write(`allocation-profile: ${line}\n`);

// The parts of V8's .heapprofile format (HeapProfiler.SamplingHeapProfile) read here.
const frame = z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() });
interface HeapNode {
  id: number;
  callFrame: z.infer<typeof frame>;
  children: HeapNode[];
}
const heapNode: z.ZodType<HeapNode> = z.lazy(() => z.object({ id: z.number(), callFrame: frame, children: z.array(heapNode) }));
const heapProfile = z.object({ head: heapNode, samples: z.array(z.object({ size: z.number(), nodeId: z.number() })) });

interface Summary {
  system: System;
  requests: number;
  /** Sampled KB per request in all, by package or project file, and by allocating function. */
  total: number;
  byGroup: Map<string, number>;
  byFunction: Map<string, number>;
}

function summarize(file: string, system: System, requests: number): Summary {
  const profile = heapProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const frames = new Map<number, z.infer<typeof frame>>();
  const pending = [profile.head];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    frames.set(node.id, node.callFrame);
    pending.push(...node.children);
  }
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const sample of profile.samples) {
    const at = frames.get(sample.nodeId);
    if (!at) continue;
    const kb = sample.size / 1024 / requests;
    total += kb;
    addTo(byGroup, groupOf(at.url, at.functionName), kb);
    addTo(byFunction, functionOf(at), kb);
  }
  return { system, requests, total, byGroup, byFunction };
}

const sampler = new URL('./lib/allocation-sampler.ts', import.meta.url).pathname;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

ensureBenchDependencies(log);
const git = gitState();
const loadBefore = loadAverage();
const { embedded, neo4j } = await startSizeNeo4j(entities, work, log);
const summaries: Summary[] = [];
try {
  await openSize(neo4j, entities, work, reuse !== undefined, log, embedded);
  const params = drawParams(entities, 40).filter((set) => set.query === query);
  for (const system of systems) {
    const file = path.join(out, `${system}-${query}.heapprofile`);
    rmSync(file, { force: true });
    // The child inherits the environment: only the server under test samples.
    process.env.ALLOCATION_PROFILE = file;
    const server = await startServer(system, neo4j, log, ['--import', sampler]);
    delete process.env.ALLOCATION_PROFILE;
    try {
      const send = sendingInTurn(
        server.port,
        params.map((set) => requestFor(system, set)),
      );
      for (let index = 0; index < 200; index++) await send(index);
      process.kill(server.pid, 'SIGUSR2');
      await pause(500);
      let sent = 0;
      await keepInFlight(
        8,
        () => sent < amount,
        async (index) => {
          sent += 1;
          await send(index);
        },
      );
      process.kill(server.pid, 'SIGUSR2');
      // The sampler writes the profile under another name and renames it: once there, it is whole.
      for (let waited = 0; !existsSync(file) && waited < 30000; waited += 200) await pause(200);
      if (!existsSync(file)) throw new Error(`server ${system} wrote no allocation profile to ${file}`);
      summaries.push(summarize(file, system, sent));
      log(`${system}: ${sent} requests sampled`);
    } finally {
      await server.stop();
    }
  }
} finally {
  await embedded.stop();
  if (!reuse) rmSync(work, { recursive: true, force: true });
}

const columns = (pick: (summary: Summary) => Map<string, number>) =>
  summaries.map((summary) => ({ system: summary.system, amounts: pick(summary) }));
const lines = [
  `# Allocation profile: ${query} at ${entities} entities`,
  '',
  `- Command: \`${commandLine().command}\``,
  `- Commit: \`${git.commit}\`${git.dirty.length > 0 ? ' (uncommitted changes)' : ''}; load average ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
  `- Profiles: ${out}`,
  ...summaries.map(
    (summary) =>
      `- ${summary.system}: ${summary.total.toFixed(1)} KB allocated per request (sampled over ${summary.requests} requests at 8 in flight)`,
  ),
  '',
  'Sampled KB allocated per request (every 4 KB on average; objects collected since included).',
  '',
  ...perRequestTable(
    'By package or file',
    columns((summary) => summary.byGroup),
    'KB/req',
    top,
    2,
  ),
  ...perRequestTable(
    'By allocating function',
    columns((summary) => summary.byFunction),
    'KB/req',
    top,
    2,
  ),
];
const report = lines.join('\n');
writeFileSync(path.join(out, `${query}.md`), `${report}\n`);
console.log(report);
