import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j, { type ManagedTransaction, type ProfiledPlan, type ResultSummary } from 'neo4j-driver';
import type { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { bulkLoad, isStoreBlank } from '../src/db/bulk-load.ts';
import { cypher, cypherFolder, filledCypher, parametersToSend } from '../src/db/cypher-files.ts';
import { Database, type Parameters, type Row, TransactionRunner } from '../src/db/database.ts';
import { connect } from '../src/db/driver.ts';
import { formatSummary, type LoadSummary, loadSeedGraph, loadStepTitles } from '../src/db/load.ts';
import { parseRows } from '../src/db/rows.ts';
import type { SeedGraph } from '../src/domain/graph.ts';
import { readSeedFile, validateSeedFiles } from '../src/domain/validate.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/embedded/embedded-neo4j.ts';
import { generate } from './generate.ts';
import { commandLine, gitState, type LoadAverage, loadAverage, machine } from './lib/provenance.ts';

/**
 * The loader's benchmark: loads the generated graph of each size into a new, empty embedded
 * Neo4j, `--runs` times, and reports rows (entities plus relations) per second with the median,
 * the git commit, the argv and the load average before and after each run. With --profile every
 * statement is sent with PROFILE and the report adds, per statement file, its db hits by
 * operator and Neo4j's own time: PROFILE slows the load, so take rates from a run without it.
 * The loader takes a blank store it owns through the offline importer (src/db/bulk-load.ts);
 * --transactions (and --profile, which measures statements) keeps it on transactions.
 * --warm-up first loads the graph once, untimed, into each run's Neo4j and empties the store
 * again (an empty import), so that the timed load runs on code that JVM has already compiled:
 * what the JVM's warm-up costs a first load, not how a first load runs.
 *
 *   npm run bench:loader -- --sizes 100000 --runs 3
 *   npm run bench:loader -- --sizes 100000 --runs 3 --transactions
 *   npm run bench:loader -- --sizes 10000 --profile
 *
 * Writes bench/results/<date>-loader-<sizes>[-profile].json and .md (or --out <stem>).
 */

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    'keep-indexes': { type: 'boolean', default: false },
    // The transactional loader even on the blank store, where the loader would use the offline importer.
    transactions: { type: 'boolean', default: false },
    'warm-up': { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    parallelism: { type: 'string' },
    work: { type: 'string', default: path.join(tmpdir(), 'govgraph-bench-loader') },
    out: { type: 'string' },
  },
});

const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size <= 0) || !Number.isInteger(runs) || runs <= 0) {
  throw new Error(
    'usage: npm run bench:loader -- [--sizes 100000[,1000000]] [--runs 3] [--transactions] [--warm-up] [--profile] [--batch-size N] [--parallelism N]',
  );
}
const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
const parallelism = values.parallelism === undefined ? undefined : Number(values.parallelism);
const log = (line: string) => process.stderr.write(`bench:loader: ${line}\n`);

interface StatementStats {
  calls: number;
  rows: number;
  seconds: number;
  /** Neo4j's own time until the first record and until the last, without the network. */
  serverSeconds: number;
  dbHits: number;
  operators: Record<string, number>;
}

/** Statement text → file name; a slot ({{type}}) matches any word. */
const templates = cypherFolder('seed').map((name) => {
  const pattern = cypher(name)
    .split(/\{\{\w+\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[A-Za-z_]+');
  return { name, pattern: new RegExp(`^(?:PROFILE )?${pattern}$`) };
});
const nameOf = (text: string) => templates.find((template) => template.pattern.test(text))?.name ?? `other: ${text.slice(0, 40)}`;

/** The loader's Database with every statement timed, and sent with PROFILE when asked. */
class MeasuredDatabase extends Database {
  readonly stats = new Map<string, StatementStats>();
  transactions = 0;

  record(text: string, parameters: Parameters, seconds: number, summary: ResultSummary): void {
    const name = nameOf(text);
    let entry = this.stats.get(name);
    if (!entry) {
      entry = { calls: 0, rows: 0, seconds: 0, serverSeconds: 0, dbHits: 0, operators: {} };
      this.stats.set(name, entry);
    }
    entry.calls += 1;
    entry.seconds += seconds;
    entry.serverSeconds += (Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter)) / 1000;
    const rows = parameters.rows;
    entry.rows += Array.isArray(rows) ? rows.length : 0;
    const add = (plan: ProfiledPlan) => {
      if (!entry) return;
      entry.dbHits += plan.dbHits;
      const operator = plan.operatorType.replace(/@.*$/, '');
      entry.operators[operator] = (entry.operators[operator] ?? 0) + plan.dbHits;
      for (const child of plan.children) add(child);
    };
    if (summary.profile) add(summary.profile);
  }

  async #timed(text: string, parameters: Parameters, run: (text: string) => Promise<ResultSummary>): Promise<void> {
    const started = performance.now();
    const summary = await run(values.profile ? `PROFILE ${text}` : text);
    this.record(text, parameters, (performance.now() - started) / 1000, summary);
  }

  override async write(statement: string, parameters?: Parameters): Promise<Row[]>;
  override async write<S extends z.ZodType>(statement: string, parameters: Parameters, row: S): Promise<z.output<S>[]>;
  override async write<S extends z.ZodType>(statement: string, parameters: Parameters = {}, row?: S): Promise<Row[] | z.output<S>[]> {
    let records: Row[] = [];
    await this.#timed(filledCypher(statement, parameters), parameters, async (text) => {
      const result = await this.driver.executeQuery(text, parametersToSend(statement, parameters), {
        database: this.name,
        routing: neo4j.routing.WRITE,
      });
      records = result.records.map((record) => record.toObject());
      return result.summary;
    });
    // As Database.write gives them.
    return row ? parseRows(statement, records, row) : records;
  }

  override async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    const record = this.record.bind(this);
    try {
      const result = await session.executeWrite(
        (tx) => {
          const measured = new Proxy(tx, {
            get(target, property, receiver) {
              if (property !== 'run') return Reflect.get(target, property, receiver);
              return async (text: string, parameters: Parameters) => {
                const started = performance.now();
                const result = await target.run(values.profile ? `PROFILE ${text}` : text, parameters);
                record(text, parameters, (performance.now() - started) / 1000, result.summary);
                return result;
              };
            },
          }) satisfies ManagedTransaction;
          return work(new TransactionRunner(measured));
        },
        { timeout: timeoutMs ?? this.transactionTimeoutMs },
      );
      this.transactions += 1;
      return result;
    } finally {
      await session.close();
    }
  }
}

/** CPU seconds (user and system) in the text of one /proc stat file. */
function cpuSecondsOf(stat: string): number {
  const fields = stat.replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds (user and system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  return cpuSecondsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** CPU seconds a JVM's just-in-time compiler threads ("C1 CompilerThre", "C2 CompilerThre") have used so far. */
function compilerCpuSeconds(pid: number): number {
  let seconds = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
      if (/^\d+ \(C[12] CompilerThre/.test(stat)) seconds += cpuSecondsOf(stat);
    } catch {
      // The thread ended between the listing and the read: its time is gone with it.
    }
  }
  return seconds;
}

interface Run {
  size: number;
  run: number;
  entities: number;
  relations: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  loadAverageBefore: LoadAverage;
  loadAverageAfter: LoadAverage;
  neo4jCpuSeconds: number;
  /** Of which Neo4j's JIT compiler threads. */
  compilerCpuSeconds: number;
  nodeCpuSeconds: number;
  transactions: number;
  summary: LoadSummary;
  statements: Record<string, StatementStats & { dbHitsPerRow: number | null }>;
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Loads `graph` once into the blank store, untimed, then empties the store with an empty import,
 * so that the JVM has compiled the loader's paths (the importer's, the index builds') before the
 * timed load. The store is blank again for the bulk path.
 */
async function warmUp(db: Database, embedded: EmbeddedNeo4j, graph: SeedGraph): Promise<void> {
  log('warming up: one untimed load into the same JVM');
  await loadSeedGraph(db, graph, { deferIndexes: true, store: embedded });
  await bulkLoad(embedded, { nodes: [], relations: [] }, { by: 'bench', operation: 'warm-up' });
  await db.forgetBookmarks();
  if (!(await isStoreBlank(db))) throw new Error('the warm-up left data in the store');
}

const config = loadConfig();
const git = gitState();
const command = commandLine();
const generatorVersion = createHash('sha256')
  .update(readFileSync(new URL('./generate.ts', import.meta.url)))
  .digest('hex')
  .slice(0, 12);
mkdirSync(values.work, { recursive: true });
const results: Run[] = [];
const startedAt = new Date().toISOString();

for (const size of sizes) {
  // Named by the generator's own text: a graph generated by an older generator (before the seed
  // format required evidence, say) is not silently loaded again.
  const file = path.join(values.work, `graph-${size}-${generatorVersion}.json`);
  if (!existsSync(file)) {
    log(`generating ${size} entities into ${file}`);
    await generate(size, 42, file);
  }
  const graph = validateSeedFiles([await readSeedFile(file)]);
  const rows = graph.nodes.length + graph.relations.length;
  for (let run = 1; run <= runs; run += 1) {
    const dataDir = mkdtempSync(path.join(values.work, 'neo4j-'));
    const embedded = await startEmbeddedNeo4j({
      dataDir,
      readyTimeoutMs: config.embedded.readyTimeoutMs,
      pageCacheMb: config.embedded.pageCacheMb,
      log,
    });
    try {
      // A new embedded Neo4j on a busy machine can take longer than the API's 1.5 s to hand out
      // its first connections; the benchmark measures the load, not that wait.
      const driver = await connect({
        ...config.neo4j,
        uri: embedded.uri,
        username: 'neo4j',
        password: '',
        connectTimeoutMs: Math.max(config.neo4j.connectTimeoutMs, 60_000),
        acquireTimeoutMs: Math.max(config.neo4j.acquireTimeoutMs, 60_000),
      });
      const db = new MeasuredDatabase(driver, config.neo4j.database, config.neo4j.transactionTimeoutMs);
      try {
        if (values['warm-up']) {
          await warmUp(db, embedded, graph);
          // The report's statements and transactions are the timed load's.
          db.stats.clear();
          db.transactions = 0;
        }
        const loadAverageBefore = loadAverage();
        const neo4jBefore = cpuSeconds(embedded.pid);
        const compilerBefore = compilerCpuSeconds(embedded.pid);
        const nodeBefore = process.cpuUsage();
        let shown = 0;
        const summary = await loadSeedGraph(db, graph, {
          ...(batchSize === undefined ? {} : { batchSize }),
          ...(parallelism === undefined ? {} : { parallelism }),
          onNotice: log,
          // As `npm run seed` and `npm run import` load into a store of their own.
          deferIndexes: !values['keep-indexes'],
          // As they do, through the offline importer into the blank store, unless --transactions.
          store: values.transactions || values.profile ? undefined : embedded,
          onProgress: (done, total) => {
            if (performance.now() - shown > 10_000 || done === total) {
              shown = performance.now();
              log(`${size} run ${run}: ${done}/${total} rows`);
            }
          },
        });
        const nodeCpu = process.cpuUsage(nodeBefore);
        const result: Run = {
          size,
          run,
          entities: graph.nodes.length,
          relations: graph.relations.length,
          rows,
          seconds: summary.seconds,
          rowsPerSecond: rows / summary.seconds,
          loadAverageBefore,
          loadAverageAfter: loadAverage(),
          neo4jCpuSeconds: cpuSeconds(embedded.pid) - neo4jBefore,
          compilerCpuSeconds: compilerCpuSeconds(embedded.pid) - compilerBefore,
          nodeCpuSeconds: (nodeCpu.user + nodeCpu.system) / 1e6,
          transactions: db.transactions,
          summary,
          statements: Object.fromEntries(
            [...db.stats].map(([name, entry]) => [name, { ...entry, dbHitsPerRow: entry.rows > 0 ? entry.dbHits / entry.rows : null }]),
          ),
        };
        results.push(result);
        log(formatSummary(summary));
        log(
          `${size} run ${run}: ${rows} rows in ${summary.seconds.toFixed(1)} s = ${Math.round(result.rowsPerSecond)} rows/s ` +
            `(load average ${loadAverageBefore.oneMinute.toFixed(2)} → ${result.loadAverageAfter.oneMinute.toFixed(2)})`,
        );
      } finally {
        await db.close();
      }
    } finally {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

const perSize = sizes.map((size) => {
  const of = results.filter((result) => result.size === size);
  const rates = of.map((result) => result.rowsPerSecond);
  return {
    size,
    runs: of.length,
    rows: of[0]?.rows ?? 0,
    medianRowsPerSecond: median(rates),
    minRowsPerSecond: Math.min(...rates),
    maxRowsPerSecond: Math.max(...rates),
    medianSeconds: median(of.map((result) => result.seconds)),
  };
});

const report = {
  startedAt,
  commit: git.commit,
  dirty: git.dirty,
  command: command.command,
  argv: command.argv,
  machine: machine(),
  pageCacheMb: config.embedded.pageCacheMb,
  profile: values.profile,
  batchSize: batchSize ?? 'default',
  parallelism: parallelism ?? 'default',
  perSize,
  runs: results,
};

function describeMethod(method: string | undefined): string {
  if (method === 'bulk') return "through the offline importer (the loader's way into a blank store it owns), indexes created after it";
  if (method === 'journaled') return 'journaled over one transaction per batch (--transactions), indexes created after it';
  return 'in one transaction';
}

const table = [
  `# Loader benchmark, ${startedAt.slice(0, 10)}`,
  '',
  `- command: \`${command.command}\``,
  `- commit: ${git.commit}${git.dirty.length > 0 ? ` (with uncommitted changes: ${git.dirty.join(', ')})` : ''}`,
  `- page cache of each run's embedded Neo4j: ${config.embedded.pageCacheMb} MB (GOVGRAPH_EMBEDDED_PAGECACHE_MB)`,
  `- machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GiB, Node ${report.machine.node}, Neo4j ${report.machine.neo4j}`,
  `- each run loads into a new, empty embedded Neo4j, audited (a :Change per row), ${describeMethod(results[0]?.summary.method)}${values.profile ? '; every statement sent with PROFILE (slower: rates are not comparable)' : ''}`,
  "- seconds: from the call of the loader to its end, indexes included (the graph is generated and validated before); Neo4j CPU s: the database's JVM, the offline importer in it included; of which JIT: its just-in-time compiler threads",
  ...(values['warm-up']
    ? [
        '- warmed up (--warm-up): before each timed load, the same JVM loaded the graph once and emptied its store again; this shows what the warm-up costs, not how a first load runs',
      ]
    : []),
  '',
  '| entities | run | rows | seconds | rows/s | load average before → after (1 min) | Neo4j CPU s | of which JIT | Node CPU s |',
  '|---:|---:|---:|---:|---:|---|---:|---:|---:|',
  ...results.map(
    (result) =>
      `| ${result.size} | ${result.run} | ${result.rows} | ${result.seconds.toFixed(1)} | ${Math.round(result.rowsPerSecond)} | ` +
      `${result.loadAverageBefore.oneMinute.toFixed(2)} → ${result.loadAverageAfter.oneMinute.toFixed(2)} | ` +
      `${result.neo4jCpuSeconds.toFixed(0)} | ${result.compilerCpuSeconds.toFixed(1)} | ${result.nodeCpuSeconds.toFixed(0)} |`,
  ),
  '',
  '| entities | runs | median rows/s | min | max | median seconds |',
  '|---:|---:|---:|---:|---:|---:|',
  ...perSize.map(
    (size) =>
      `| ${size.size} | ${size.runs} | ${Math.round(size.medianRowsPerSecond)} | ${Math.round(size.minRowsPerSecond)} | ` +
      `${Math.round(size.maxRowsPerSecond)} | ${size.medianSeconds.toFixed(1)} |`,
  ),
];
const stepNames = Object.keys(loadStepTitles) as (keyof typeof loadStepTitles)[];
const withSteps = results.filter((result) => result.summary.steps !== undefined);
if (withSteps.length > 0) {
  table.push(
    '',
    `Where each run's seconds went (${Object.entries(loadStepTitles)
      .map(([name, title]) => `${name}: ${title}`)
      .join('; ')}; rest: the blank-store check and reconnecting):`,
    '',
    `| entities | run | ${stepNames.join(' | ')} | rest |`,
    `|---:|---:|${stepNames.map(() => '---:|').join('')}---:|`,
    ...withSteps.map((result) => {
      const steps = stepNames.map((name) => result.summary.steps?.[name] ?? 0);
      const rest = result.seconds - steps.reduce((sum, value) => sum + value, 0);
      return `| ${result.size} | ${result.run} | ${steps.map((value) => value.toFixed(1)).join(' | ')} | ${rest.toFixed(1)} |`;
    }),
  );
}
const withImporter = results.filter((result) => result.summary.importer !== undefined);
const importerStages = [...new Set(withImporter.flatMap((result) => Object.keys(result.summary.importer?.stages ?? {})))];
if (withImporter.length > 0) {
  table.push(
    '',
    "The import step by the importer's own account (setup: the importer's own until its clock starts, reading its " +
      'arguments and settings; preparing: what its clock counts before the first stage, reading a sample of every file to estimate ' +
      'the store; then each stage as it timed it), in seconds:',
    '',
    `| entities | run | setup | preparing | ${importerStages.join(' | ')} |`,
    `|---:|---:|---:|---:|${importerStages.map(() => '---:|').join('')}`,
    ...withImporter.map((result) => {
      const importer = result.summary.importer;
      const stages = importerStages.map((stage) => (importer?.stages[stage] ?? 0).toFixed(1));
      return `| ${result.size} | ${result.run} | ${importer?.setup.toFixed(1)} | ${importer?.preparing.toFixed(1)} | ${stages.join(' | ')} |`;
    }),
  );
}
if (values.profile) {
  const last = results.at(-1);
  table.push(
    '',
    `Db hits per statement (last run, ${last?.size} entities):`,
    '',
    '| statement | calls | rows | db hits | per row | top operators |',
    '|---|---:|---:|---:|---:|---|',
  );
  for (const [name, entry] of Object.entries(last?.statements ?? {})) {
    const top = Object.entries(entry.operators)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 4)
      .map(([operator, hits]) => `${operator} ${hits}`)
      .join(', ');
    table.push(`| ${name} | ${entry.calls} | ${entry.rows} | ${entry.dbHits} | ${entry.dbHitsPerRow?.toFixed(1) ?? '–'} | ${top} |`);
  }
}

const base =
  values.out ??
  path.join(
    new URL('results', import.meta.url).pathname,
    `${startedAt.slice(0, 10)}-loader-${sizes.join('-')}${values.profile ? '-profile' : ''}`,
  );
// A day's earlier report stays: the next takes the first free -2, -3, … (not with --out).
let stem = base;
for (let n = 2; values.out === undefined && existsSync(`${stem}.json`); n++) stem = `${base}-${n}`;
writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${stem}.md`, `${table.join('\n')}\n`);
console.log(table.join('\n'));
log(`wrote ${stem}.json and ${stem}.md`);
