import type { QueryName, System } from './mix.ts';

interface Measurement {
  system: System;
  query: QueryName;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  non2xx: number;
  graphqlErrors: number;
  roundTripsPerRequest: number;
  cpuMsPerRequest: number;
  rssMb: number;
}

interface Report {
  date: string;
  mode: string;
  command: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; neo4j: string };
  settings: { concurrency: number; durationSeconds: number; samples: number; checkSets: number };
  results: {
    entities: number;
    load: { entities: number; relations: number; loadSeconds: number; entitiesPerSecond: number; rowsPerSecond: number };
    equalResponses: { parameterSets: number; mismatches: number };
    measurements: Measurement[];
  }[];
}

/** The goals of the benchmark issue, as minimum req/s ratios of A to B and to C. */
export const goals: Record<QueryName, { vsB: number; vsC?: number; vsBAtL?: number }> = {
  Q1: { vsB: 1.5, vsC: 0.8 },
  Q2: { vsB: 1, vsBAtL: 3, vsC: 0.8 },
  Q3: { vsB: 1.2, vsC: 0.6 },
  Q4: { vsB: 1 },
  Q5: { vsB: 1 },
};

const size = (entities: number) => (entities >= 1_000_000 ? `${entities / 1_000_000}M` : `${Math.round(entities / 1000)}k`);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** A/B and A/C req/s ratios per query, with the goal and whether it is met. */
export function ratioRows(
  result: Report['results'][number],
): { query: QueryName; vsB: number; vsC: number; goalB: number; goalC?: number }[] {
  const byKey = new Map(result.measurements.map((m) => [`${m.query}${m.system}`, m]));
  const queries = [...new Set(result.measurements.map((m) => m.query))];
  return queries.map((query) => {
    const a = byKey.get(`${query}A`)?.requestsPerSecond ?? Number.NaN;
    const goal = goals[query];
    return {
      query,
      vsB: a / (byKey.get(`${query}B`)?.requestsPerSecond ?? Number.NaN),
      vsC: a / (byKey.get(`${query}C`)?.requestsPerSecond ?? Number.NaN),
      goalB: result.entities >= 1_000_000 && goal.vsBAtL ? goal.vsBAtL : goal.vsB,
      goalC: goal.vsC,
    };
  });
}

export function renderMarkdown(report: Report, titles: Record<QueryName, string>): string {
  const lines: string[] = [];
  lines.push(`# Benchmark ${report.date.slice(0, 10)} (${report.mode})`, '');
  lines.push(`Command: \`${report.command}\``, '');
  lines.push(
    `Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB; Node ${report.machine.node}; Neo4j ${report.machine.neo4j}. ` +
      'Load generator, the three servers and Neo4j share these cores.',
    '',
  );
  lines.push(
    `Latency: ${report.settings.samples} requests one after another (concurrency 1). Throughput: ${report.settings.concurrency} concurrent ` +
      `connections for ${report.settings.durationSeconds} s. CPU-ms and RSS are the server process's own (/proc/<pid>/stat, /proc/<pid>/status), ` +
      'Neo4j excluded. Round trips: Cypher statements per request.',
    '',
  );
  for (const [name, title] of Object.entries(titles)) lines.push(`- **${name}**: ${title}`);
  lines.push('');
  for (const result of report.results) {
    lines.push(`## ${size(result.entities)} entities`, '');
    lines.push(
      `Load: ${result.load.entities} entities and ${result.load.relations} relations in ${fixed(result.load.loadSeconds)} s ` +
        `(${Math.round(result.load.entitiesPerSecond)} entities/s, ${Math.round(result.load.rowsPerSecond)} rows/s) with the project's loader.`,
      '',
    );
    lines.push(
      `Equal normalized answers from A, B and C: ${result.equalResponses.parameterSets - result.equalResponses.mismatches}/${result.equalResponses.parameterSets} parameter sets.`,
      '',
    );
    lines.push('| query | system | p50 ms | p99 ms | req/s | round trips | CPU-ms/req | RSS MB | non-2xx | GraphQL errors |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const m of result.measurements) {
      lines.push(
        `| ${m.query} | ${m.system} | ${fixed(m.p50Ms)} | ${fixed(m.p99Ms)} | ${fixed(m.requestsPerSecond, 0)} | ${fixed(m.roundTripsPerRequest, 2)} | ` +
          `${fixed(m.cpuMsPerRequest, 2)} | ${fixed(m.rssMb, 0)} | ${m.non2xx} | ${m.graphqlErrors} |`,
      );
    }
    lines.push('', '| query | A/B req/s | goal | A/C req/s | goal |', '|---|---:|---:|---:|---:|');
    for (const row of ratioRows(result)) {
      const mark = (value: number, goal?: number) => (goal === undefined ? '' : value >= goal ? ' ✓' : ' ✗');
      lines.push(
        `| ${row.query} | ${fixed(row.vsB, 2)}${mark(row.vsB, row.goalB)} | ≥ ${row.goalB} | ${fixed(row.vsC, 2)}${mark(row.vsC, row.goalC)} | ${row.goalC === undefined ? '–' : `≥ ${row.goalC}`} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
