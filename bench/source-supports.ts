import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { statementText, withFragments } from '../src/db/cypher-text.ts';
import { spread } from './lib/measure.ts';
import { loadAverage } from './lib/provenance.ts';
import { withSpread } from './lib/report.ts';
import { finishReport, neo4jMs, onSizeStore, storeToolOptions } from './lib/store-tool.ts';

/**
 * Source.supports through the citation indexes (cypher/queries/source-support-page, with
 * cypher/schema/015-source-citations) against the full scan it replaced
 * (bench/cypher/source-support-full-scan.cypher), on one store: the most cited sources of the
 * generated graph, a page of 20 with and without the total, the two statements interleaved in
 * alternating order so that both see the same machine. Their answers must be equal.
 *
 *   node bench/source-supports.ts --entities 100000 --work /var/tmp/gb10k --passes 9
 */
const usage = 'usage: node bench/source-supports.ts [--entities 100000] [--work DIR] [--sources 3] [--passes 9] [--out FILE.md]';
const options = storeToolOptions('source-supports', usage, 100000, { sources: { type: 'string', default: '3' } });
const { passes } = options;
const sourceCount = Number(options.more.sources);
if (!Number.isInteger(sourceCount) || sourceCount < 1) throw new Error(usage);

const cypherDir = fileURLToPath(new URL('../cypher', import.meta.url));
const scanFile = fileURLToPath(new URL('./cypher/source-support-full-scan.cypher', import.meta.url));
const statements = {
  scan: withFragments(readFileSync(scanFile, 'utf8'), cypherDir),
  indexed: statementText('queries/source-support-page', cypherDir),
};
type Way = keyof typeof statements;

const loadBefore = loadAverage();
const lines = await onSizeStore(options, async (driver, database) => {
  const top = await driver.executeQuery(
    'MATCH (e:Entity) UNWIND coalesce(e.sources, []) AS source RETURN source, count(*) AS cited ORDER BY cited DESC, source LIMIT $n',
    { n: neo4j.int(sourceCount) },
    { database },
  );
  const sources = top.records.map((record) => String(record.get('source')));
  const run = async (way: Way, source: string, withTotal: boolean) => {
    const parameters = { source, quoted: JSON.stringify(source), afterPart: neo4j.int(0), afterKey: '', limit: neo4j.int(21), withTotal };
    const { records, summary } = await driver.executeQuery(statements[way], parameters, { database });
    return {
      ms: neo4jMs(summary),
      answer: JSON.stringify([records[0]?.get('total'), records[0]?.get('rows')]),
      total: Number(records[0]?.get('total')),
    };
  };
  const lines = [
    '| source | records citing it | with totalCount | full scan, ms | indexed, ms | scan / indexed |',
    '|---|---:|---|---:|---:|---:|',
  ];
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
      const scan = spread(times.scan);
      const indexed = spread(times.indexed);
      lines.push(
        `| ${source} | ${records} | ${withTotal ? 'yes' : 'no'} | ${withSpread(scan, 0)} | ${withSpread(indexed, 0)} | ${(scan.median / indexed.median).toFixed(1)} |`,
      );
      options.log(lines.at(-1) ?? '');
    }
  }
  return lines;
});
finishReport(
  `Source.supports: indexed against the full scan, ${options.entities} entities`,
  loadBefore,
  `Neo4j's own time per statement (until the first record plus until the last), medians of ${passes} passes with their min–max, a page of 20 (limit 21); the two statements alternate, after a pass that warms both; the two answers of every pass are compared, and must be equal`,
  lines,
  options.out,
);
