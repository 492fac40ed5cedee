/**
 * What the response cache gives anonymous reads: Q1 (an organization by slug) and Q4 (search,
 * top 20) in requests per second, served by one process with the cache and one without, on the
 * same Neo4j holding the seed data. Runs alternate (without, with, without, with, …) so that a
 * change in the machine's load falls on both; each figure is the median of --runs runs, with the
 * slowest and fastest beside it. Each run keeps --concurrency requests in flight for --seconds,
 * cycling over every organization's slug (Q1) or a list of search texts (Q4): the cache holds
 * one answer per distinct request, so after the first round every request is a hit.
 *
 *   node bench/cache.ts [--runs 3] [--seconds 10] [--concurrency 8]
 *
 * On an embedded Neo4j of its own in a temporary folder, unless NEO4J_URI names one (its graph
 * is then loaded with the seed, which changes nothing where the seed is already in).
 */

import { parseArgs } from 'node:util';
import { createGovgraphYoga } from '../src/yoga.ts';
import { openSeededDatabase, type Served, serveOnLoopback } from './lib/in-process.ts';
import { type Spread, spread, throughput } from './lib/measure.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
  },
});
const runs = Math.max(3, Number(values.runs));
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

const searchTexts = ['icann', 'coordination center', 'msk-ix', 'ripe ncc', 'internet governance', 'domain', 'registry', 'forum'];

const seeded = await openSeededDatabase('govgraph-cache-bench-', process.env.NEO4J_URI);

function serve(cached: boolean): Promise<Served> {
  return serveOnLoopback(
    createGovgraphYoga({
      db: seeded.db,
      quotas: null,
      responseCache: cached ? { ttlMs: 600_000, maxEntries: 10_000 } : null,
    }),
  );
}

type Body = string;

async function send(url: string, body: Body): Promise<boolean> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  return response.status === 200 && !text.includes('"errors"');
}

/** Requests per second over `seconds`, `concurrency` in flight, cycling over `bodies`. */
async function run(url: string, bodies: readonly Body[]): Promise<{ rps: number; failures: number }> {
  let failures = 0;
  const sent = await throughput(concurrency, seconds, async (i) => {
    if (!(await send(url, bodies[i % bodies.length] ?? ''))) failures += 1;
  });
  return { rps: (sent.requests - failures) / sent.seconds, failures };
}

const round = (value: number) => Math.round(value);
const shown = (s: Spread) => `${round(s.median)} (${round(s.min)}–${round(s.max)})`;

try {
  const slugs = seeded.graph.nodes.filter((node) => node.label === 'Organization').map((node) => node.id);
  const workloads: Record<'Q1' | 'Q4', Body[]> = {
    Q1: slugs.map((slug) =>
      JSON.stringify({
        query: 'query Q1($slug: String!) { organization(slug: $slug) { slug name kind country aliases } }',
        variables: { slug },
      }),
    ),
    Q4: searchTexts.map((text) =>
      JSON.stringify({
        query: 'query Q4($text: String!) { search(query: $text, first: 20) { score node { slug name } } }',
        variables: { text },
      }),
    ),
  };
  const without = await serve(false);
  const withCache = await serve(true);
  const loadBefore = loadAverage();
  const results: { query: string; distinct: number; without: Spread; with: Spread; failures: number }[] = [];
  for (const [query, bodies] of Object.entries(workloads)) {
    // Warm-up on both: compiled queries, Neo4j's page cache, the driver's pool.
    for (const body of bodies) {
      await send(without.url, body);
      await send(withCache.url, body);
    }
    const rates = { without: [] as number[], with: [] as number[] };
    let failures = 0;
    for (let i = 0; i < runs; i += 1) {
      const plain = await run(without.url, bodies);
      const cached = await run(withCache.url, bodies);
      rates.without.push(plain.rps);
      rates.with.push(cached.rps);
      failures += plain.failures + cached.failures;
      console.error(`${query} run ${i + 1}/${runs}: without ${round(plain.rps)} req/s, with the cache ${round(cached.rps)} req/s`);
    }
    results.push({ query, distinct: bodies.length, without: spread(rates.without), with: spread(rates.with), failures });
  }
  console.log(
    JSON.stringify(
      { command: commandLine().command, git: gitState(), runs, seconds, concurrency, loadBefore, loadAfter: loadAverage() },
      null,
      2,
    ),
  );
  console.log(
    '| query | distinct requests | without the cache, req/s: median (min–max) | with the cache | speed-up (medians) | failures |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    const factor = r.with.median / r.without.median;
    console.log(`| ${r.query} | ${r.distinct} | ${shown(r.without)} | ${shown(r.with)} | ${factor.toFixed(1)}× | ${r.failures} |`);
  }
  await without.stop();
  await withCache.stop();
} finally {
  await seeded.close();
}
