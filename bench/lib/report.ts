import { loadStepTitles } from '../../src/db/load.ts';
import type { LoadReport } from './dataset.ts';
import type { DriverSettings } from './harness.ts';
import type { Measurement, RoundMeasurement } from './measure.ts';
import { type QueryName, queryNames, type System } from './mix.ts';
import type { QueryProfile } from './profile.ts';
import type { IndexInfo, LoadAverage, Machine } from './provenance.ts';

/** Where a size's data came from: loaded in this run, or reused from an earlier run's folder. */
export interface LoadSummary {
  reused: boolean;
  /** The --reuse folder, when reused. */
  folder: string | null;
  report: LoadReport;
  /** How the reused data was loaded (null when that load predates provenance records). */
  original: LoadProvenance | null;
}

export interface LoadProvenance {
  loadedAt: string;
  commit: string;
  command: string;
  loadAverageBefore: LoadAverage;
  loadAverageAfter: LoadAverage;
}

export interface SizeResult {
  entities: number;
  load: LoadSummary;
  loadAverage: { before: LoadAverage; after: LoadAverage };
  indexes: IndexInfo[];
  drivers: Record<System, DriverSettings>;
  equality: {
    parameterSets: number;
    mismatches: number;
    sets: Record<QueryName, number>;
    full: Record<QueryName, number>;
    atLevel: Record<QueryName, number[]>;
    minFullShare: number;
  };
  profile: QueryProfile[];
  measurements: Measurement[];
  /** The untimed rounds before the timed ones (--warm-rounds), kept to show what they were. */
  warmUpRounds: WarmUpMeasurement[];
  idleRssMb: Record<System, number>;
}

export type WarmUpMeasurement = Pick<
  RoundMeasurement,
  'round' | 'system' | 'query' | 'requestsPerSecond' | 'cpuMsPerRequest' | 'neo4jCpuMsPerRequest' | 'peakRssMb'
>;

export interface Report {
  date: string;
  mode: 'quick' | 'full';
  provenance: { commit: string; dirty: string[]; command: string; argv: string[] };
  machine: Machine;
  /** Flags given to every server's Node alike (--node-flags); none by default. */
  nodeFlags?: string[];
  settings: {
    sizes: number[];
    rounds: number;
    /** Untimed rounds before the timed ones. */
    warmRounds: number;
    samples: number;
    concurrency: number;
    durationSeconds: number;
    warmup: number;
    checkSets: number;
    profileSets: number;
  };
  loadAverage: { before: LoadAverage; after: LoadAverage };
  /** What keeps this run from being a fair one (empty: none); the Markdown says it first. */
  caveats: string[];
  results: SizeResult[];
}

/** The goals of issue #13: minimum req/s ratios of A to B and to C, and A's Bolt exchanges per request. */
export const goals: Record<QueryName, { vsB: number; vsC: number; exchanges: number }> = {
  Q1: { vsB: 1.5, vsC: 0.85, exchanges: 1 },
  Q2: { vsB: 1.5, vsC: 0.8, exchanges: 1 },
  Q3: { vsB: 1.5, vsC: 0.7, exchanges: 1 },
  Q4: { vsB: 1.2, vsC: 0.85, exchanges: 1 },
  Q5: { vsB: 1.0, vsC: 0.9, exchanges: 1 },
};

export const sizeName = (entities: number) => (entities >= 1_000_000 ? `${entities / 1_000_000}M` : `${Math.round(entities / 1000)}k`);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const thousands = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');
const load = (average: LoadAverage) =>
  `${average.oneMinute.toFixed(2)} / ${average.fiveMinutes.toFixed(2)} / ${average.fifteenMinutes.toFixed(2)}`;
export const withSpread = (spread: { median: number; min: number; max: number }, digits: number) =>
  `${fixed(spread.median, digits)} (${fixed(spread.min, digits)}–${fixed(spread.max, digits)})`;
const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

export interface RatioRow {
  query: QueryName;
  vsB: number;
  vsC: number;
  exchangesA: number;
  cpuA: number;
  cpuB: number;
  rssA: number;
  rssB: number;
}

/** A/B and A/C req/s ratios per query, from the medians, with A's exchanges, CPU and RSS beside B's. */
export function ratioRows(result: SizeResult): RatioRow[] {
  const byKey = new Map(result.measurements.map((m) => [`${m.query}${m.system}`, m]));
  const queries = [...new Set(result.measurements.map((m) => m.query))];
  return queries.map((query) => {
    const a = byKey.get(`${query}A`);
    const b = byKey.get(`${query}B`);
    const c = byKey.get(`${query}C`);
    return {
      query,
      vsB: (a?.requestsPerSecond.median ?? Number.NaN) / (b?.requestsPerSecond.median ?? Number.NaN),
      vsC: (a?.requestsPerSecond.median ?? Number.NaN) / (c?.requestsPerSecond.median ?? Number.NaN),
      exchangesA: a?.exchangesPerRequest.median ?? Number.NaN,
      cpuA: a?.cpuMsPerRequest.median ?? Number.NaN,
      cpuB: b?.cpuMsPerRequest.median ?? Number.NaN,
      rssA: a?.peakRssMb.median ?? Number.NaN,
      rssB: b?.peakRssMb.median ?? Number.NaN,
    };
  });
}

const drivenKeys = [
  'disableLosslessIntegers',
  'maxConnectionPoolSize',
  'connectionAcquisitionTimeout',
  'connectionTimeout',
  'maxConnectionLifetime',
  'maxTransactionRetryTime',
  'fetchSize',
  'userAgent',
] as const;

/** The PROFILE section of a report: db hits per system and query, and the costliest operators. */
export function renderProfile(lines: string[], profiles: QueryProfile[]): void {
  if (profiles.length === 0) return;
  const sets = Math.max(...profiles.map((profile) => profile.requests.length));
  lines.push(
    '### PROFILE: db hits per request',
    '',
    `Every statement each system sent for the request (captured on the wire, B's generated Cypher included), run again under ` +
      `PROFILE with its parameters; db hits summed over statements and plan operators. Median (min–max) over the first ${sets} ` +
      'parameter sets of each query (Q2: page 2, with that system\'s cursor). "stmts": Cypher statements per request.',
    '',
    '| query | A db hits | A stmts | B db hits | B stmts | C db hits | C stmts | A/C | A/B |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const find = (query: QueryName, system: System) => profiles.find((p) => p.query === query && p.system === system);
  for (const query of queryNames) {
    const [a, b, c] = (['A', 'B', 'C'] as const).map((system) => find(query, system));
    if (!a || !b || !c) continue;
    const cell = (p: QueryProfile) =>
      p.dbHits.min === p.dbHits.max
        ? thousands(p.dbHits.median)
        : `${thousands(p.dbHits.median)} (${thousands(p.dbHits.min)}–${thousands(p.dbHits.max)})`;
    lines.push(
      `| ${query} | ${cell(a)} | ${a.statementsPerRequest} | ${cell(b)} | ${b.statementsPerRequest} | ${cell(c)} | ${c.statementsPerRequest} | ` +
        `${fixed(a.dbHits.median / c.dbHits.median, 2)} | ${fixed(a.dbHits.median / b.dbHits.median, 2)} |`,
    );
  }
  lines.push('', '<details><summary>Costliest plan operators, first parameter set</summary>', '');
  for (const profile of profiles) {
    const request = profile.requests[0];
    if (!request) continue;
    lines.push(`**${profile.query} ${profile.system}** (set #${request.set}, ${thousands(request.dbHits)} db hits)`, '');
    for (const statement of request.statements) {
      lines.push(`- \`${statement.excerpt.replaceAll('`', "'")}\`: ${thousands(statement.dbHits)} db hits, ${statement.rows} rows`);
      for (const operator of statement.costliest.filter((cost) => cost.dbHits > 0).slice(0, 4)) {
        lines.push(
          `  - ${operator.operator} ${thousands(operator.dbHits)} db hits, ${thousands(operator.rows)} rows: ${operator.details.replaceAll('|', '\\|')}`,
        );
      }
    }
    lines.push('');
  }
  lines.push('</details>', '');
}

export function renderMarkdown(report: Report, titles: Record<QueryName, string>): string {
  const lines: string[] = [];
  const sizes = report.settings.sizes.map(sizeName).join(' and ');
  lines.push(`# Benchmark ${report.date.slice(0, 10)} (${report.mode}, ${sizes})`, '');
  if (report.caveats.length > 0) {
    lines.push('**Not a fair run:**', '', ...report.caveats.map((caveat) => `- ${caveat}`), '');
  }
  lines.push(
    `- Commit: \`${report.provenance.commit}\`${report.provenance.dirty.length > 0 ? ` with uncommitted changes to ${report.provenance.dirty.length} files` : ''}`,
    `- Command: \`${report.provenance.command}\``,
    `- argv: \`${JSON.stringify(report.provenance.argv)}\``,
    `- Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB; Node ${report.machine.node}; Neo4j ${report.machine.neo4j}. ` +
      'The load generator, the three servers and Neo4j share these cores.',
    `- Node flags of every server: ${report.nodeFlags && report.nodeFlags.length > 0 ? `\`${report.nodeFlags.join(' ')}\`` : "none (Node's defaults)"}`,
    `- Load average (1 / 5 / 15 min): ${load(report.loadAverage.before)} before the run, ${load(report.loadAverage.after)} after.`,
    `- Timing: ${report.settings.warmRounds} untimed warm-up round${report.settings.warmRounds === 1 ? '' : 's'}, then ${report.settings.rounds} timed round${report.settings.rounds === 1 ? '' : 's'}; in each, every query on the three systems in turn, ` +
      `the first rotating from round to round (A, B, C; then B, C, A; then C, A, B), so that each system goes first in a timed round. Per measurement: ${report.settings.warmup} ` +
      `warm-up requests, ${report.settings.samples} at concurrency 1 (latency; Bolt traffic), then ${report.settings.concurrency} ` +
      `connections for ${report.settings.durationSeconds} s (req/s; CPU and peak RSS of the server process from /proc, Neo4j excluded).`,
    '',
  );
  for (const [name, title] of Object.entries(titles)) lines.push(`- **${name}**: ${title}`);
  lines.push('');
  for (const result of report.results) {
    lines.push(`## ${sizeName(result.entities)} entities`, '');
    const l = result.load.report;
    const figures =
      `${l.entities} entities and ${l.relations} relations in ${fixed(l.loadSeconds)} s ` +
      `(${Math.round(l.entitiesPerSecond)} entities/s, ${Math.round(l.rowsPerSecond)} rows/s) with the project's loader` +
      (l.steps
        ? `; its steps, in seconds: ${Object.entries(l.steps)
            .map(([step, seconds]) => `${step} ${fixed(seconds)}`)
            .join(', ')} (${Object.entries(loadStepTitles)
            .map(([step, title]) => `${step}: ${title}`)
            .join('; ')})`
        : '') +
      (l.importer
        ? `; the import step by the importer's own account: setup ${fixed(l.importer.setup)}, preparing ${fixed(l.importer.preparing)}, ` +
          Object.entries(l.importer.stages)
            .map(([stage, seconds]) => `${stage.toLowerCase()} ${fixed(seconds)}`)
            .join(', ')
        : '');
    if (!result.load.reused) lines.push(`Load (this run): ${figures}.`, '');
    else {
      const original = result.load.original;
      lines.push(
        `Load **reused** from \`${result.load.folder}\`: not loaded in this run. The original load's figures: ${figures}` +
          (original
            ? `, on ${original.loadedAt} at commit \`${original.commit.slice(0, 12)}\` (\`${original.command}\`), load average ${load(original.loadAverageBefore)} before and ${load(original.loadAverageAfter)} after.`
            : ' (that load recorded no date, commit or command).'),
        '',
      );
    }
    lines.push(`Load average at this size: ${load(result.loadAverage.before)} before, ${load(result.loadAverage.after)} after.`, '');
    const eq = result.equality;
    lines.push(
      `Equality gate: ${eq.parameterSets - eq.mismatches}/${eq.parameterSets} parameter sets got equal normalized answers from A, B and C. ` +
        `Answers non-empty at every nesting level (at least ${Math.round(eq.minFullShare * 100)} % required per query): ` +
        queryNames
          .map(
            (query) =>
              `${query} ${eq.full[query]}/${eq.sets[query]}${eq.atLevel[query].length > 1 ? ` (by level ${eq.atLevel[query].join(' / ')})` : ''}`,
          )
          .join(', ') +
        '.',
      '',
    );
    lines.push(
      'Driver settings (as each driver holds them):',
      '',
      `| system | ${drivenKeys.join(' | ')} |`,
      `|---|${drivenKeys.map(() => '---').join('|')}|`,
    );
    for (const [system, settings] of Object.entries(result.drivers)) {
      lines.push(`| ${system} | ${drivenKeys.map((key) => String(settings[key] ?? 'default')).join(' | ')} |`);
    }
    lines.push('');
    lines.push(
      `Indexes (${result.indexes.length}): ` +
        result.indexes
          .filter((index) => index.type !== 'LOOKUP')
          .map((index) => `${index.name} ${index.type.toLowerCase()} :${index.labelsOrTypes.join('|')}(${index.properties.join(', ')})`)
          .join('; ') +
        '.',
      '',
    );
    renderProfile(lines, result.profile);
    if (result.measurements.length === 0) continue;
    lines.push(
      '### Timings',
      '',
      `Medians over ${report.settings.rounds} rounds, (min–max) across rounds; p50 and p99 from every latency sample of the rounds pooled. ` +
        "Bolt exchanges: client turns on the server's connections to Neo4j, counted below the driver for all three; statements: RUN messages; " +
        "Bolt KB in: what Neo4j sent per request, which the server decodes; CPU-ms/req: the server process, and Neo4j's process over the same seconds (the two share the cores).",
      '',
      '| query | system | req/s | p50 ms | p99 ms (samples) | Bolt exchanges | statements | Bolt KB in | CPU-ms/req | Neo4j CPU-ms/req | peak RSS MB | non-2xx | errors |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const m of result.measurements) {
      lines.push(
        `| ${m.query} | ${m.system} | ${withSpread(m.requestsPerSecond, 0)} | ${fixed(m.p50Ms)} | ${fixed(m.p99Ms)} (${m.latencySamples}) | ` +
          `${fixed(m.exchangesPerRequest.median, 2)} | ${fixed(m.statementsPerRequest.median, 2)} | ` +
          `${fixed(m.boltBytesInPerRequest.median / 1024, 1)} | ${withSpread(m.cpuMsPerRequest, 2)} | ` +
          `${m.neo4jCpuMsPerRequest ? withSpread(m.neo4jCpuMsPerRequest, 2) : '–'} | ` +
          `${fixed(m.peakRssMb.median, 0)} | ${m.non2xx} | ${m.graphqlErrors} |`,
      );
    }
    lines.push(
      '',
      '| query | A/B req/s | goal | A/C req/s | goal | A Bolt exchanges | goal | A CPU-ms/req (B) | A peak RSS MB (B) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of ratioRows(result)) {
      const goal = goals[row.query];
      lines.push(
        `| ${row.query} | ${fixed(row.vsB, 2)}${mark(row.vsB >= goal.vsB)} | ≥ ${goal.vsB} | ${fixed(row.vsC, 2)}${mark(row.vsC >= goal.vsC)} | ≥ ${goal.vsC} | ` +
          `${fixed(row.exchangesA, 2)}${mark(row.exchangesA <= goal.exchanges)} | ${goal.exchanges} | ` +
          `${fixed(row.cpuA, 2)} (${fixed(row.cpuB, 2)})${mark(row.cpuA <= row.cpuB)} | ${fixed(row.rssA, 0)} (${fixed(row.rssB, 0)})${mark(row.rssA <= row.rssB)} |`,
      );
    }
    if (result.warmUpRounds.length > 0) {
      lines.push(
        '',
        'Untimed warm-up rounds (not in the medians), req/s: ' +
          queryNames
            .map(
              (query) =>
                `${query} ${result.warmUpRounds
                  .filter((m) => m.query === query)
                  .map((m) => `${m.system} ${fixed(m.requestsPerSecond, 0)}`)
                  .join(', ')}`,
            )
            .join('; ') +
          '.',
      );
    }
    lines.push(
      '',
      `Idle RSS after start-up, MB: ${Object.entries(result.idleRssMb)
        .map(([system, mb]) => `${system} ${fixed(mb, 0)}`)
        .join(', ')}.`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
