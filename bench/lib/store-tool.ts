import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { openSize } from './dataset.ts';
import { startSizeNeo4j } from './harness.ts';
import { type LoadAverage, provenanceLines } from './provenance.ts';

/**
 * What the small tools that time statements on one size's generated graph share
 * (search-scale.ts, filtered-lists.ts, source-supports.ts): their common options, the store
 * opened (and loaded when its folder has none) around the work, and the report's head.
 */

export interface StoreToolOptions {
  entities: number;
  work: string;
  passes: number;
  against: string | undefined;
  out: string | undefined;
  log: (line: string) => void;
  /** The options a tool adds to these, as parseArgs gives them. */
  more: Record<string, string | boolean | undefined>;
}

/** The options (--entities, --work, --passes, --against, --out and the tool's own), or the usage and an exit. */
export function storeToolOptions(
  name: string,
  usage: string,
  defaultEntities: number,
  more: Record<string, { type: 'string'; default?: string }> = {},
): StoreToolOptions {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: String(defaultEntities) },
      work: { type: 'string', default: path.join(tmpdir(), 'govgraph-bench') },
      passes: { type: 'string', default: '9' },
      against: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...more,
    },
  });
  const entities = Number(values.entities);
  const passes = Number(values.passes);
  if (values.help === true || ![entities, passes].every((n) => Number.isInteger(n) && n > 0)) {
    console.log(usage);
    process.exit(values.help === true ? 0 : 2);
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    entities,
    work: text(values.work) ?? tmpdir(),
    passes,
    against: text(values.against),
    out: text(values.out),
    log: (line) => process.stderr.write(`${name}: ${line}\n`),
    more: values,
  };
}

/** Runs `work` with a driver on the size's store, loading the graph when the folder has none, and stops the store after. */
export async function onSizeStore<T>(
  options: Pick<StoreToolOptions, 'entities' | 'work' | 'log'>,
  work: (driver: Driver, database: string) => Promise<T>,
): Promise<T> {
  const { embedded, neo4j: settings } = await startSizeNeo4j(options.entities, options.work, options.log);
  try {
    // Applies the schema files added since, when it reuses a loaded graph.
    await openSize(settings, options.entities, options.work, true, options.log, embedded);
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), { disableLosslessIntegers: true });
    try {
      return await work(driver, settings.database);
    } finally {
      await driver.close();
    }
  } finally {
    await embedded.stop();
  }
}

/** Neo4j's own time for a statement: until the first record plus until the last. */
export function neo4jMs(summary: { resultAvailableAfter: unknown; resultConsumedAfter: unknown }): number {
  const ms = (value: unknown) => (typeof value === 'number' ? value : neo4j.isInt(value) ? value.toNumber() : Number.NaN);
  return ms(summary.resultAvailableAfter) + ms(summary.resultConsumedAfter);
}

/** The report: its title, how to take it again, what its figures are, then its lines; written to --out too. */
export function finishReport(
  title: string,
  loadBefore: LoadAverage,
  method: string,
  lines: readonly string[],
  out: string | undefined,
): void {
  const report = [`# ${title}`, '', ...provenanceLines(loadBefore), `- ${method}`, '', ...lines, ''].join('\n');
  if (out) writeFileSync(out, report);
  process.stdout.write(report);
}
