import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Session } from 'neo4j-driver';
import { statementText } from '../src/db/cypher-text.ts';
import { searchKey } from '../src/domain/text/normalize.ts';
import { tldForms } from '../src/domain/text/tld-forms.ts';
import { startSizeNeo4j } from './lib/harness.ts';
import { type Spread, spread } from './lib/measure.ts';
import { drawParams } from './lib/mix.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';
import { searchParameters } from './lib/search.ts';

/**
 * Q4 then and now, on one database: the search statement of v0.1.0 (bench/cypher/search-v010.cypher,
 * on the single-field index v0.1.0 had, rebuilt here for the measurement and dropped after) and
 * today's cypher/queries/search.cypher, with the benchmark's own Q4 texts, interleaved text by
 * text (in alternating order) so that both see the same machine. The v0.1.0 server cannot be run
 * on today's store, and loading the 1M graph with v0.1.0's loader takes half an hour, so the
 * comparison is of the statements; over HTTP the ratio is smaller (docs/search.md, 100k).
 *
 *   npm run bench -- --sizes 1000000 --reuse /tmp/govgraph-bench   # loads the graph once
 *   node bench/search-then-now.ts --entities 1000000 --work /tmp/govgraph-bench --passes 5
 */
const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '1000000' },
    work: { type: 'string', default: path.join(tmpdir(), 'govgraph-bench') },
    texts: { type: 'string', default: '100' },
    passes: { type: 'string', default: '5' },
    out: { type: 'string' },
  },
});
const entities = Number(values.entities);
const textCount = Number(values.texts);
const passes = Number(values.passes);
if (![entities, textCount, passes].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('usage: node bench/search-then-now.ts [--entities 1000000] [--work DIR] [--texts 100] [--passes 5] [--out STEM]');
}
const log = (line: string) => process.stderr.write(`search-then-now: ${line}\n`);

const cypherDir = fileURLToPath(new URL('../cypher', import.meta.url));
const benchCypherDir = fileURLToPath(new URL('./cypher', import.meta.url));
const statements = { v010: statementText('search-v010', benchCypherDir), now: statementText('queries/search', cypherDir) };
type Era = keyof typeof statements;

const words = (value: string) =>
  searchKey(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** v0.1.0's parameters for a text: every word as typed or as a prefix, TLD forms in both scripts. */
function thenParameters(input: string) {
  const variants = new Set([input, ...(/^\.?[\p{L}\p{N}-]+$/u.test(input.trim()) ? tldForms(input) : [])]);
  const clauses = [
    ...new Set(
      [...variants]
        .map(words)
        .filter((tokens) => tokens.length > 0)
        .map((tokens) => tokens.map((token) => `(${token} OR ${token}*)`).join(' AND ')),
    ),
  ];
  const exact = [...new Set([input, ...tldForms(input).flatMap((form) => [form, form.slice(1)])].map(searchKey))];
  return {
    query: clauses.map((clause) => `(${clause})`).join(' OR '),
    labels: null,
    exact,
    first: neo4j.int(20),
    candidates: neo4j.int(100),
  };
}

interface Timing {
  /** Neo4j's own time: until the first record plus until the last. */
  serverMs: number;
  /** The driver's round trip, as the resolver sees it. */
  roundTripMs: number;
}

async function timeOnce(session: Session, era: Era, parameters: Record<string, unknown>): Promise<Timing> {
  const started = performance.now();
  const result = await session.run(statements[era], parameters);
  const roundTripMs = performance.now() - started;
  const { resultAvailableAfter, resultConsumedAfter } = result.summary;
  return { serverMs: Number(resultAvailableAfter) + Number(resultConsumedAfter), roundTripMs };
}

const texts = drawParams(entities, textCount).flatMap((params) => (params.query === 'Q4' ? [params.text] : []));
const git = gitState();
const { argv, command } = commandLine();
const before = loadAverage();
const { embedded, neo4j: settings } = await startSizeNeo4j(entities, values.work, log);
// As A's driver is configured (src/db/driver.ts): plain numbers, one connection pool.
const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), { disableLosslessIntegers: true });
const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
const admin = driver.session({ database: settings.database });
try {
  log('building the v0.1.0 index on searchText (dropped at the end)');
  await admin.run(
    'CREATE FULLTEXT INDEX entity_search_v010 IF NOT EXISTS FOR (n:Organization|Person|Tld|Memorandum|Event|Body|Document|Topic|Country|Source) ON EACH [n.searchText] ' +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } }",
  );
  await admin.run('CALL db.awaitIndexes(3600)');
  const parameters = texts.map((text) => {
    const now = searchParameters(text);
    // As src/db/repositories/lists.ts sends them: LIMIT takes integers, not floats.
    return { text, v010: thenParameters(text), now: { ...now, first: neo4j.int(now.first), candidates: neo4j.int(now.candidates) } };
  });
  log(`warming up on ${texts.length} texts`);
  for (const p of parameters) {
    await timeOnce(session, 'v010', p.v010);
    await timeOnce(session, 'now', p.now);
  }
  const perPass: Record<Era, { server: number[]; roundTrip: number[] }>[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const samples: Record<Era, Timing[]> = { v010: [], now: [] };
    for (const [i, p] of parameters.entries()) {
      const order: Era[] = (i + pass) % 2 === 0 ? ['v010', 'now'] : ['now', 'v010'];
      for (const era of order) samples[era].push(await timeOnce(session, era, p[era]));
    }
    const med = (list: Timing[], key: keyof Timing) => spread(list.map((t) => t[key])).median;
    perPass.push({
      v010: { server: [med(samples.v010, 'serverMs')], roundTrip: [med(samples.v010, 'roundTripMs')] },
      now: { server: [med(samples.now, 'serverMs')], roundTrip: [med(samples.now, 'roundTripMs')] },
    });
    log(
      `pass ${pass + 1}: round trip median then ${perPass.at(-1)?.v010.roundTrip[0]?.toFixed(2)} ms, now ${perPass.at(-1)?.now.roundTrip[0]?.toFixed(2)} ms`,
    );
  }
  const column = (era: Era, key: 'server' | 'roundTrip') => spread(perPass.map((p) => p[era][key][0] ?? Number.NaN));
  const ratio = (key: 'server' | 'roundTrip') => spread(perPass.map((p) => (p.now[key][0] ?? Number.NaN) / (p.v010[key][0] ?? Number.NaN)));
  const after = loadAverage();
  const show = (s: Spread, digits = 2) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  const report = [
    `# Q4 then (v0.1.0) and now, ${entities.toLocaleString('en')} entities`,
    '',
    `- commit ${git.commit}${git.dirty ? ' (uncommitted changes)' : ''}; command: \`${command}\``,
    `- load average before ${before.oneMinute.toFixed(2)}, after ${after.oneMinute.toFixed(2)} (1 min)`,
    `- ${texts.length} Q4 texts of the benchmark's mix (drawParams, seed 7), a warm-up pass, then ${passes} passes; each text runs both statements, in alternating order`,
    '- figures: the median of each pass, then the median over passes with (min–max)',
    '',
    '| Q4, first 20 | v0.1.0 | now | now / v0.1.0 |',
    '|---|---|---|---|',
    `| driver round trip, ms | ${show(column('v010', 'roundTrip'))} | ${show(column('now', 'roundTrip'))} | ${show(ratio('roundTrip'))} |`,
    `| in Neo4j, ms | ${show(column('v010', 'server'))} | ${show(column('now', 'server'))} | ${show(ratio('server'))} |`,
    '',
  ].join('\n');
  const stem = values.out ?? path.join('bench', 'results', `${new Date().toISOString().slice(0, 10)}-search-then-now-${entities}`);
  writeFileSync(`${stem}.md`, report);
  writeFileSync(`${stem}.json`, JSON.stringify({ entities, argv, git, before, after, texts, perPass }, null, 2));
  console.log(report);
} finally {
  await admin.run('DROP INDEX entity_search_v010 IF EXISTS').catch(() => undefined);
  await session.close();
  await admin.close();
  await driver.close();
  await embedded.stop();
}
