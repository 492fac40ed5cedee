import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openSize } from './lib/dataset.ts';
import { ensureBenchDependencies, processUsage, sendingInTurn, startServer, startSizeNeo4j } from './lib/harness.ts';
import { throughput } from './lib/measure.ts';
import { drawParams, queryNames, requestFor, type System, systems } from './lib/mix.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const usage = `usage: node bench/memory.ts [--systems A,B,C] [--size 10000] [--seconds 12] [--node-flags=--max-semi-space-size=16] [--reuse DIR] [--out FILE]

What each server holds, and where: starts one system at a time, then runs Q1 to Q5 in turn, each
from 8 connections for --seconds (the same parameter sets as npm run bench), and after start-up
and after each query reads its RSS from /proc and, from the server itself, V8's heap (total and
used, per space) and the memory Node counts outside it. npm run bench reports RSS alone; this
says whether a difference is live data, garbage V8 has not collected yet, or memory outside
V8's heap. --node-flags are given to every server's Node alike (V8's young generation, say, to
see how much of the RSS is garbage waiting for a collection).`;

const { values } = parseArgs({
  options: {
    systems: { type: 'string', default: 'A,B,C' },
    size: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '12' },
    'node-flags': { type: 'string', default: '' },
    reuse: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const chosen = z.array(z.enum(systems)).parse((values.systems ?? '').split(','));
const entities = Number(values.size);
const seconds = Number(values.seconds);
const nodeFlags = values['node-flags'].split(' ').filter((flag) => flag.length > 0);
const log = (line: string) => console.error(`memory: ${line}`);

const space = z.object({ size: z.number(), used: z.number() });
const stats = z.object({
  process: z.object({ rss: z.number(), heapTotal: z.number(), heapUsed: z.number(), external: z.number() }),
  spaces: z.record(z.string(), space),
});
type Reading = { system: System; after: string; rssMb: number } & z.output<typeof stats>;

ensureBenchDependencies(log);
const work = values.reuse ?? mkdtempSync(path.join(tmpdir(), 'govgraph-memory-'));
const git = gitState();
const loadBefore = loadAverage();
const { embedded, neo4j } = await startSizeNeo4j(entities, work, log);
const readings: Reading[] = [];
try {
  await openSize(neo4j, entities, work, values.reuse !== undefined, log, embedded);
  const params = drawParams(entities, 40);
  for (const system of chosen) {
    const server = await startServer(system, neo4j, log, nodeFlags);
    const read = async (after: string) => {
      const response = await fetch(`http://127.0.0.1:${server.port}/bench-memory`);
      const reading = { system, after, rssMb: processUsage(server.pid).rssBytes / 2 ** 20, ...stats.parse(await response.json()) };
      readings.push(reading);
      log(
        `${system} after ${after}: RSS ${reading.rssMb.toFixed(0)} MB, V8 heap ${reading.process.heapTotal} MB (${reading.process.heapUsed} used)`,
      );
    };
    try {
      await read('start-up');
      for (const query of queryNames) {
        const requests = params.filter((set) => set.query === query).map((set) => requestFor(system, set));
        await throughput(8, seconds, sendingInTurn(server.port, requests));
        await read(query);
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  await embedded.stop();
  if (!values.reuse) rmSync(work, { recursive: true, force: true });
}

const spaceNames = ['new_space', 'old_space', 'code_space', 'large_object_space'];
const lines = [
  `# Memory: ${entities} entities, ${seconds} s per query at 8 in flight`,
  '',
  `- Command: \`${commandLine().command}\``,
  `- Node flags of every server: ${nodeFlags.length > 0 ? `\`${nodeFlags.join(' ')}\`` : 'none'}`,
  `- Commit: \`${git.commit}\`${git.dirty.length > 0 ? ' (uncommitted changes)' : ''}; load average ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
  '- MB. RSS from /proc; heap: V8 total (used); spaces: size (used); outside: RSS minus V8 total (code, stacks, malloc, buffers: Node counts external separately)',
  '',
  `| system | after | RSS | heap | outside | external | ${spaceNames.join(' | ')} |`,
  `|---|---|---:|---:|---:|---:|${spaceNames.map(() => '---:|').join('')}`,
  ...readings.map((reading) => {
    const spaces = spaceNames.map((name) => {
      const found = reading.spaces[name];
      return found ? `${found.size.toFixed(0)} (${found.used.toFixed(0)})` : '–';
    });
    const p = reading.process;
    return `| ${reading.system} | ${reading.after} | ${reading.rssMb.toFixed(0)} | ${p.heapTotal.toFixed(0)} (${p.heapUsed.toFixed(0)}) | ${(reading.rssMb - p.heapTotal).toFixed(0)} | ${p.external.toFixed(0)} | ${spaces.join(' | ')} |`;
  }),
];
const report = lines.join('\n');
if (values.out) writeFileSync(values.out, `${report}\n`);
console.log(report);
