import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type QueryName, queryNames, type System, systems } from './mix.ts';

export interface ProfilerArguments {
  query: QueryName;
  systems: System[];
  entities: number;
  top: number;
  /** --reuse: the folder the graph was loaded into, kept; undefined when `work` is a new one to remove. */
  reuse: string | undefined;
  /** Where the graph is loaded: --reuse, or a new temporary folder. */
  work: string;
  /** Where the profiles and the report go: --out, or a new temporary folder. */
  out: string;
  /** The tool's own option: how long (cpu-profile's --seconds) or how many (allocation-profile's --requests). */
  amount: number;
}

/**
 * The options the profilers (cpu-profile.ts, allocation-profile.ts) share: --query, --systems,
 * --size, --reuse, --out, --top and --help, with one of their own (`amount`), and the folders they
 * work in (named after `tool` when new). Prints the usage for --help, and exits with status 2 on a
 * query or system the benchmark does not have.
 */
export function profilerArguments(
  usage: string,
  tool: string,
  query: QueryName,
  amount: { name: string; default: string },
): ProfilerArguments {
  const { values } = parseArgs({
    options: {
      query: { type: 'string', default: query },
      systems: { type: 'string', default: 'A,C' },
      size: { type: 'string', default: '10000' },
      reuse: { type: 'string' },
      out: { type: 'string' },
      top: { type: 'string', default: '25' },
      help: { type: 'boolean', short: 'h' },
      [amount.name]: { type: 'string', default: amount.default },
    },
  });
  if (values.help === true) {
    console.log(usage);
    process.exit(0);
  }
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  const chosenQuery = queryNames.find((name) => name === values.query);
  const chosen = text(values.systems, 'A,C')
    .split(',')
    .map((name) => systems.find((system) => system === name));
  if (!chosenQuery || chosen.some((system) => system === undefined)) {
    console.error(`--query is one of ${queryNames.join(', ')}; --systems a list of ${systems.join(', ')}`);
    process.exit(2);
  }
  const reuse = typeof values.reuse === 'string' ? values.reuse : undefined;
  const work = reuse ?? mkdtempSync(path.join(tmpdir(), `govgraph-${tool}-`));
  const out = typeof values.out === 'string' ? values.out : mkdtempSync(path.join(tmpdir(), `govgraph-${tool}s-`));
  mkdirSync(work, { recursive: true });
  mkdirSync(out, { recursive: true });
  return {
    query: chosenQuery,
    systems: chosen.filter((system): system is System => system !== undefined),
    entities: Number(text(values.size, '10000')),
    top: Number(text(values.top, '25')),
    reuse,
    work,
    out,
    amount: Number(text(values[amount.name], amount.default)),
  };
}
