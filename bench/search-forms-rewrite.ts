import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { Database } from '../src/db/database.ts';
import { refreshSearchForms } from '../src/db/search-forms.ts';
import { searchFormsVersion } from '../src/domain/text/search-forms.ts';
import { startSizeNeo4j } from './lib/harness.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

/**
 * How long the rewrite of every entity's search forms takes, as the first start after a change
 * to the search rules runs it (docs/search.md, "When the rules change"), on a benchmark store
 * loaded before (npm run bench -- --reuse DIR). The store's marker is set one version back so that
 * the rewrite runs; it ends at the current version, as any start would leave it.
 *
 *   node bench/search-forms-rewrite.ts --entities 1000000 --work /var/tmp/govgraph-bench
 */
const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '10000' },
    work: { type: 'string', default: '/var/tmp/gb10k' },
  },
});
const entities = Number(values.entities);
if (!Number.isInteger(entities) || entities <= 0) throw new Error('usage: node bench/search-forms-rewrite.ts [--entities N] [--work DIR]');

const before = loadAverage();
const { embedded, neo4j: settings } = await startSizeNeo4j(entities, values.work, () => {});
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), { disableLosslessIntegers: true });
const db = new Database(driver, settings.database, 600_000);
try {
  const session = driver.session({ database: settings.database });
  try {
    await session.run('MATCH (m:SearchForms) SET m.version = $version', { version: neo4j.int(searchFormsVersion - 1) });
  } finally {
    await session.close();
  }
  const started = performance.now();
  const rewritten = await refreshSearchForms(db, (line) => process.stderr.write(`${line}\n`));
  const seconds = (performance.now() - started) / 1000;
  const after = loadAverage();
  const { commit } = gitState();
  console.log(
    `${rewritten} entities' search forms rewritten in ${seconds.toFixed(1)} s (${Math.round(rewritten / seconds)} per second); ` +
      `commit ${commit.slice(0, 7)}; \`${commandLine().command}\`; load ${before.oneMinute.toFixed(2)} before, ${after.oneMinute.toFixed(2)} after`,
  );
} finally {
  await db.close();
  await embedded.stop();
}
