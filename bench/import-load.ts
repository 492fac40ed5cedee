/**
 * What a large import costs the other clients (issue #11 item 5). One process serves the API
 * (createGovgraphYoga on the seed data) and a reader sends a small query, `organization(slug:)`,
 * every --interval-ms ms. Each run measures the reader twice, in alternating order:
 *
 * - A: no import, for --idle-seconds;
 * - B: while an --mb MB CSV (or JSON) file goes through POST /admin/import, from the request to its answer.
 *
 * The reader keeps its schedule whatever happens (open loop): a query's latency runs from when it
 * was due, not from when it could be sent, so a blocked event loop shows up in every query it held
 * back, not only in the one that was waiting. Per run: the reader's p50 and p99 in A and in B;
 * then the median over runs of p99 B / p99 A, with its min–max.
 *
 * By default the file's last row cites a source nobody has: the whole file is parsed and checked,
 * then refused with 400, and nothing is written; that is the part the worker thread moved off the
 * event loop, and the runs stay alike. --write imports valid rows instead (the load then writes
 * them all, which competes with the reader for Neo4j and the CPU; later runs find them unchanged).
 *
 *   node bench/import-load.ts [--runs 3] [--mb 50] [--format csv|json] [--write] [--idle-seconds 10] [--interval-ms 50]
 *
 * On an embedded Neo4j of its own in a temporary folder, unless NEO4J_URI names one.
 */

import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { newApiKey, parseApiKeys } from '../src/auth/api-keys.ts';
import { createGovgraphYoga } from '../src/yoga.ts';
import { openSeededDatabase } from './lib/in-process.ts';
import { percentile, spread } from './lib/measure.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    mb: { type: 'string', default: '50' },
    format: { type: 'string', default: 'csv' },
    write: { type: 'boolean', default: false },
    'idle-seconds': { type: 'string', default: '10' },
    'interval-ms': { type: 'string', default: '50' },
  },
});
const runs = Math.max(3, Number(values.runs));
const megabytes = Number(values.mb);
const format = values.format === 'json' ? 'json' : 'csv';
const idleMs = Number(values['idle-seconds']) * 1000;
const intervalMs = Number(values['interval-ms']);
const source = 'src-000-cctld-msk-ix-memorandum';

/** Where the import file is written. */
const workDir = mkdtempSync(path.join(tmpdir(), 'govgraph-import-load-'));

/** Topics with a sentence of description each (no comma: no CSV cell needs quotes), until the file reaches `bytes`; the last row is bad unless `valid`. */
async function writeImportFile(file: string, bytes: number, valid: boolean): Promise<number> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', () => resolve(undefined))));
  let written = 0;
  let rows = 0;
  const description = (index: number) =>
    `Synthetic topic ${index} for the import benchmark: a working group on routing and naming and numbering policy.`;
  const rowOf = (index: number) =>
    format === 'csv'
      ? `Topic,import-load-${index},Import load topic ${index},${description(index)},${source},STATED\n`
      : `${index === 0 ? '' : ',\n'}${JSON.stringify({ id: `import-load-${index}`, name: `Import load topic ${index}`, description: description(index), sources: [source], evidence: 'STATED' })}`;
  const head = format === 'csv' ? 'label,id,name,description,sources,evidence\n' : '{"topics": [\n';
  await write(head);
  written += head.length;
  while (written < bytes) {
    const row = rowOf(rows);
    await write(row);
    written += row.length;
    rows += 1;
  }
  const last = valid
    ? ''
    : format === 'csv'
      ? 'Topic,import-load-bad,The bad topic,,no-such-source,STATED\n'
      : `,\n${JSON.stringify({ id: 'import-load-bad', name: 'The bad topic', sources: ['no-such-source'], evidence: 'STATED' })}`;
  await write(format === 'csv' ? last : `${last}\n]}\n`);
  out.end();
  await finished(out);
  return rows;
}

const opened = await openSeededDatabase('govgraph-import-load-db-', process.env.NEO4J_URI).catch((error: unknown) => {
  rmSync(workDir, { recursive: true, force: true });
  throw error;
});
const admin = newApiKey('bench', ['admin']);
const yoga = createGovgraphYoga({
  db: opened.db,
  quotas: null,
  apiKeys: parseApiKeys(admin.entry, 'bench'),
  responseCache: null,
  exchange: { maxImportBytes: (megabytes + 1) * 1024 * 1024 },
});

const readerQuery = JSON.stringify({ query: '{ organization(slug: "msk-ix") { slug name kind } }' });
/** True when answered with data; an error answer (the request's time budget ran out while it waited) counts as failed. */
async function read(): Promise<boolean> {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: readerQuery,
  });
  const text = await response.text();
  return response.status === 200 && !text.includes('"errors"');
}

/** Sends the reader's query every intervalMs until `until` settles; each latency counted from when the query was due. */
async function readDuring(until: Promise<unknown>): Promise<{ latencies: number[]; failed: number; loopDelayMaxMs: number }> {
  // How long the event loop was held at most: tells a blocked loop from a busy machine.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  let over = false;
  void until.finally(() => {
    over = true;
  });
  const started = performance.now();
  for (let index = 0; !over; index += 1) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (over) break;
    pending.push(
      read().then((answered) => {
        latencies.push(performance.now() - due);
        if (!answered) failed += 1;
      }),
    );
  }
  await Promise.all(pending);
  await until;
  loopDelay.disable();
  return { latencies: latencies.sort((a, b) => a - b), failed, loopDelayMaxMs: loopDelay.max / 1e6 };
}

async function importOnce(file: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const chunks: AsyncIterator<Buffer> = createReadStream(file, { highWaterMark: 256 * 1024 })[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/json', authorization: `Bearer ${admin.key}` },
    body,
    duplex: 'half',
  };
  const response = await yoga.fetch('http://bench/admin/import', init);
  const text = await response.text();
  const expected = values.write ? 200 : 400;
  if (response.status !== expected) throw new Error(`the import answered ${response.status}, not ${expected}: ${text.slice(0, 300)}`);
  // Refused for its last row alone: a file whose every row had a problem would measure something else.
  const problems = values.write ? 0 : (JSON.parse(text) as { problems: unknown[] }).problems.length;
  if (problems > 1) throw new Error(`the import has ${problems} problems, not the one bad row: ${text.slice(0, 300)}`);
  return { status: response.status, ms: performance.now() - started };
}

const r = (value: number) => value.toFixed(1);
try {
  const file = path.join(workDir, `import.${format}`);
  const rows = await writeImportFile(file, megabytes * 1024 * 1024, values.write === true);
  const fileBytes = statSync(file).size;
  console.error(`file: ${fileBytes} bytes, ${rows} topics${values.write ? '' : ' and one bad row at the end'}`);
  for (let i = 0; i < 20; i += 1) if (!(await read())) throw new Error("the reader's query failed before any import");
  const loadBefore = loadAverage();
  type Part = { p50: number; p99: number; n: number; failed: number; loopDelayMaxMs: number };
  const perRun: { idle: Part; importing: Part & { importMs: number } }[] = [];
  for (let run = 0; run < runs; run += 1) {
    // Alternate which goes first, so a drift in the machine's load falls on both alike.
    const order = run % 2 === 0 ? (['idle', 'importing'] as const) : (['importing', 'idle'] as const);
    const result: Partial<(typeof perRun)[number]> = {};
    for (const part of order) {
      if (part === 'idle') {
        const { latencies, failed, loopDelayMaxMs } = await readDuring(new Promise((resolve) => setTimeout(resolve, idleMs)));
        result.idle = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), n: latencies.length, failed, loopDelayMaxMs };
      } else {
        const importing = importOnce(file);
        const { latencies, failed, loopDelayMaxMs } = await readDuring(importing);
        const { ms } = await importing;
        result.importing = {
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          n: latencies.length,
          failed,
          loopDelayMaxMs,
          importMs: ms,
        };
      }
    }
    const { idle, importing } = result;
    if (!idle || !importing) throw new Error('a run lacks a part');
    perRun.push({ idle, importing });
    console.error(
      `run ${run + 1}/${runs}: reader p50/p99 ${r(idle.p50)}/${r(idle.p99)} ms alone (${idle.n} queries), ${r(importing.p50)}/${r(importing.p99)} ms during the import (${importing.n} queries, ${importing.failed} failed, import ${r(importing.importMs / 1000)} s); longest event-loop delay ${r(idle.loopDelayMaxMs)} ms alone, ${r(importing.loopDelayMaxMs)} ms during`,
    );
  }
  const ratios = spread(perRun.map((run) => run.importing.p99 / run.idle.p99));
  const p50Ratios = spread(perRun.map((run) => run.importing.p50 / run.idle.p50));
  const show = (values: number[]) => {
    const s = spread(values);
    return `${r(s.median)} (${r(s.min)}–${r(s.max)})`;
  };
  console.log(
    JSON.stringify(
      {
        command: commandLine().command,
        git: gitState(),
        runs,
        fileBytes,
        rows,
        format,
        write: values.write,
        intervalMs,
        idleMs,
        load: { before: loadBefore, after: loadAverage() },
        perRun,
      },
      null,
      2,
    ),
  );
  console.log('| reader, ms | no import | during the import | during / no import |');
  console.log('|---|---|---|---|');
  console.log(
    `| p50 | ${show(perRun.map((run) => run.idle.p50))} | ${show(perRun.map((run) => run.importing.p50))} | ${p50Ratios.median.toFixed(2)} (${p50Ratios.min.toFixed(2)}–${p50Ratios.max.toFixed(2)}) |`,
  );
  console.log(
    `| p99 | ${show(perRun.map((run) => run.idle.p99))} | ${show(perRun.map((run) => run.importing.p99))} | ${ratios.median.toFixed(2)} (${ratios.min.toFixed(2)}–${ratios.max.toFixed(2)}) |`,
  );
  console.log(
    `| longest event-loop delay | ${show(perRun.map((run) => run.idle.loopDelayMaxMs))} | ${show(perRun.map((run) => run.importing.loopDelayMaxMs))} | |`,
  );
  console.log(
    `| reader queries failed (time budget out), of all | ${perRun.map((run) => `${run.idle.failed}/${run.idle.n}`).join(', ')} | ${perRun.map((run) => `${run.importing.failed}/${run.importing.n}`).join(', ')} | |`,
  );
  console.log(`| import request, s | | ${show(perRun.map((run) => run.importing.importMs / 1000))} | |`);
} finally {
  await yoga.changeFeed.stop();
  await opened.close();
  rmSync(workDir, { recursive: true, force: true });
}
