import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openSize } from './lib/dataset.ts';
import { ensureBenchDependencies, processUsage, sendingInTurn, startServer, startSizeNeo4j } from './lib/harness.ts';
import { paced, throughput, watchPeakRss } from './lib/measure.ts';
import { drawParams, queryNames, requestFor, type System, systems } from './lib/mix.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const usage = `usage: node bench/memory.ts [--systems A,B,C] [--size 10000] [--seconds 12] [--rate 150] [--node-flags=--max-semi-space-size=16] [--reuse DIR] [--out FILE]

What each server holds, and where: starts one system at a time, then runs Q1 to Q5 in turn, each
from 8 connections for --seconds (the same parameter sets as npm run bench), and after start-up
and after each query reads its RSS from /proc and, from the server itself, V8's heap (total and
used, per space) and the memory Node counts outside it; during each query, its peak RSS (read
every 100 ms). npm run bench reports RSS alone; this says whether a difference is live data,
garbage V8 has not collected yet, or memory outside V8's heap. --node-flags are given to every
server's Node alike (V8's young generation, say, to see how much of the RSS is garbage waiting
for a collection). --rate sends every system each query at that many requests per second
instead (at most 32 in flight, after 20 requests one after another), so that all do the same work per second: with 8 in flight, a
server that answers faster also allocates more per second, and its heap grows with that.`;

const { values } = parseArgs({
  options: {
    systems: { type: 'string', default: 'A,B,C' },
    size: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '12' },
    rate: { type: 'string' },
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
const rate = values.rate === undefined ? null : z.coerce.number().positive().parse(values.rate);
const warmup = 20;
const nodeFlags = values['node-flags'].split(' ').filter((flag) => flag.length > 0);
const log = (line: string) => console.error(`memory: ${line}`);

const space = z.object({ size: z.number(), used: z.number() });
const stats = z.object({
  process: z.object({ rss: z.number(), heapTotal: z.number(), heapUsed: z.number(), external: z.number() }),
  spaces: z.record(z.string(), space),
});
/** A query's reading also says how it was sent: requests per second served, and (at --rate) how many went out late. */
type Reading = { system: System; after: string; rssMb: number; peakRssMb: number | null; served: string } & z.output<typeof stats>;

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
    const read = async (after: string, peakRssMb: number | null = null, served = '') => {
      const response = await fetch(`http://127.0.0.1:${server.port}/bench-memory`);
      const reading = {
        system,
        after,
        rssMb: processUsage(server.pid).rssBytes / 2 ** 20,
        peakRssMb,
        served,
        ...stats.parse(await response.json()),
      };
      readings.push(reading);
      log(
        `${system} after ${after}: RSS ${reading.rssMb.toFixed(0)} MB, V8 heap ${reading.process.heapTotal} MB (${reading.process.heapUsed} used)`,
      );
    };
    try {
      await read('start-up');
      for (const query of queryNames) {
        const send = sendingInTurn(
          server.port,
          params.filter((set) => set.query === query).map((set) => requestFor(system, set)),
        );
        // As npm run bench warms every measurement up: a server's first requests of a query
        // compile (A's first takes 0.3–0.9 s), and at a fixed rate those behind them pile up.
        if (rate !== null) for (let i = 0; i < warmup; i++) await send(i);
        const peakRss = watchPeakRss(server.pid, 100);
        const run = rate === null ? { ...(await throughput(8, seconds, send)), late: null } : await paced(rate, seconds, 32, send);
        const peakRssMb = peakRss.stop() / 2 ** 20;
        const perSecond = (run.requests / run.seconds).toFixed(0);
        await read(query, peakRssMb, run.late === null ? perSecond : `${perSecond} (${run.late} late)`);
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
  `# Memory: ${entities} entities, ${seconds} s per query ${rate === null ? 'at 8 in flight' : `at ${rate} requests per second (at most 32 in flight)`}`,
  '',
  `- Command: \`${commandLine().command}\``,
  `- Node flags of every server: ${nodeFlags.length > 0 ? `\`${nodeFlags.join(' ')}\`` : 'none'}`,
  `- Commit: \`${git.commit}\`${git.dirty.length > 0 ? ' (uncommitted changes)' : ''}; load average ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
  '- MB. RSS from /proc; peak: the largest RSS read during the query, every 100 ms; req/s: served during the query (late: requests sent more than 100 ms after their time for want of one of the 32 slots: the server did not keep up with the rate); heap: V8 total (used); spaces: size (used); outside: RSS minus V8 total (code, stacks, malloc, buffers: Node counts external separately)',
  '',
  `| system | after | req/s | peak RSS | RSS | heap | outside | external | ${spaceNames.join(' | ')} |`,
  `|---|---|---:|---:|---:|---:|---:|---:|${spaceNames.map(() => '---:|').join('')}`,
  ...readings.map((reading) => {
    const spaces = spaceNames.map((name) => {
      const found = reading.spaces[name];
      return found ? `${found.size.toFixed(0)} (${found.used.toFixed(0)})` : '–';
    });
    const p = reading.process;
    return `| ${reading.system} | ${reading.after} | ${reading.served || '–'} | ${reading.peakRssMb === null ? '–' : reading.peakRssMb.toFixed(0)} | ${reading.rssMb.toFixed(0)} | ${p.heapTotal.toFixed(0)} (${p.heapUsed.toFixed(0)}) | ${(reading.rssMb - p.heapTotal).toFixed(0)} | ${p.external.toFixed(0)} | ${spaces.join(' | ')} |`;
  }),
];
const report = lines.join('\n');
if (values.out) writeFileSync(values.out, `${report}\n`);
console.log(report);
