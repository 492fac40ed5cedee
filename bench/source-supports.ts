import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { statementText, withFragments } from '../src/db/cypher-text.ts';
import { Database } from '../src/db/database.ts';
import { connect } from '../src/db/driver.ts';
import { openSize } from './lib/dataset.ts';
import { startSizeNeo4j } from './lib/harness.ts';
import { type Spread, spread } from './lib/measure.ts';
import { loadAverage, provenanceLines } from './lib/provenance.ts';

/**
 * Source.supports through the citation indexes (cypher/queries/source-support-page, with
 * cypher/schema/015-source-citations) against the full scan it replaced
 * (bench/cypher/source-support-full-scan.cypher), on one store: the most cited sources of the
 * generated graph, a page of 20 with and without the total, the two statements interleaved in
 * alternating order so that both see the same machine. Their answers must be equal.
 *
 *   node bench/source-supports.ts --entities 100000 --work /var/tmp/gb10k --passes 9
 */
const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    work: { type: 'string', default: path.join(tmpdir(), 'govgraph-bench') },
    sources: { type: 'string', default: '3' },
    passes: { type: 'string', default: '9' },
    out: { type: 'string' },
  },
});
const entities = Number(values.entities);
const sourceCount = Number(values.sources);
const passes = Number(values.passes);
if (![entities, sourceCount, passes].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('usage: node bench/source-supports.ts [--entities 100000] [--work DIR] [--sources 3] [--passes 9] [--out FILE.md]');
}
const log = (line: string) => process.stderr.write(`source-supports: ${line}\n`);

const cypherDir = fileURLToPath(new URL('../cypher', import.meta.url));
const scanFile = fileURLToPath(new URL('./cypher/source-support-full-scan.cypher', import.meta.url));
const statements = {
  scan: withFragments(readFileSync(scanFile, 'utf8'), cypherDir),
  indexed: statementText('queries/source-support-page', cypherDir),
};
type Way = keyof typeof statements;

const loadBefore = loadAverage();
const { embedded, neo4j: settings } = await startSizeNeo4j(entities, values.work, log);
const lines: string[] = [];
try {
  // Loads the graph when the folder has none; applies the schema files added since when it has.
  await openSize(settings, entities, values.work, true, log, embedded);
  const db = new Database(await connect({ ...settings, connectTimeoutMs: 10000 }), settings.database, 600000);
  try {
    const top = await db.driver.executeQuery(
      'MATCH (e:Entity) UNWIND coalesce(e.sources, []) AS source RETURN source, count(*) AS cited ORDER BY cited DESC, source LIMIT $n',
      { n: neo4j.int(sourceCount) },
      { database: db.name },
    );
    const sources = top.records.map((record) => String(record.get('source')));
    const run = async (way: Way, source: string, withTotal: boolean) => {
      const parameters = { source, quoted: JSON.stringify(source), afterPart: neo4j.int(0), afterKey: '', limit: neo4j.int(21), withTotal };
      const { records, summary } = await db.driver.executeQuery(statements[way], parameters, { database: db.name });
      const ms = neo4j.integer.toNumber(summary.resultAvailableAfter) + neo4j.integer.toNumber(summary.resultConsumedAfter);
      return { ms, answer: JSON.stringify([records[0]?.get('total'), records[0]?.get('rows')]), total: Number(records[0]?.get('total')) };
    };
    lines.push(
      '| source | records citing it | with totalCount | full scan, ms | indexed, ms | scan / indexed |',
      '|---|---:|---|---:|---:|---:|',
    );
    for (const source of sources) {
      for (const withTotal of [false, true]) {
        const times: Record<Way, number[]> = { scan: [], indexed: [] };
        const records = (await run('indexed', source, true)).total;
        for (let pass = 0; pass <= passes; pass++) {
          const order: Way[] = pass % 2 === 0 ? ['scan', 'indexed'] : ['indexed', 'scan'];
          const answers = new Set<string>();
          for (const way of order) {
            const { ms, answer } = await run(way, source, withTotal);
            answers.add(answer);
            // The first pass warms both up and is not counted.
            if (pass > 0) times[way].push(ms);
          }
          if (answers.size !== 1) throw new Error(`${source}: the two statements answer differently`);
        }
        const show = (s: Spread) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
        const scan = spread(times.scan);
        const indexed = spread(times.indexed);
        lines.push(
          `| ${source} | ${records} | ${withTotal ? 'yes' : 'no'} | ${show(scan)} | ${show(indexed)} | ${(scan.median / indexed.median).toFixed(1)} |`,
        );
        log(lines.at(-1) ?? '');
      }
    }
  } finally {
    await db.close();
  }
} finally {
  await embedded.stop();
}
const report = [
  `# Source.supports: indexed against the full scan, ${entities} entities`,
  '',
  ...provenanceLines(loadBefore),
  `- Neo4j's own time per statement (until the first record plus until the last), medians of ${passes} passes with their min–max, a page of 20 (limit 21); the two statements alternate, after a pass that warms both; the two answers of every pass are compared, and must be equal`,
  '',
  ...lines,
  '',
].join('\n');
if (values.out) writeFileSync(values.out, report);
process.stdout.write(report);
