/**
 * What the change feed costs writers, and how soon a subscriber hears a write. One process,
 * the seed data loaded, mutations sent one after another through the API with an API key:
 *
 * - writer latency: --writes mutations with nobody listening (no poller), then the same with
 *   --subscribers subscribers (the poller reading SHOW TRANSACTIONS and the log every
 *   GOVGRAPH_FEED_POLL_MS), alternating --runs times; median of the runs' medians, with spread;
 * - feed latency: for each write with subscribers, the time from the mutation's answer to the
 *   moment the first subscriber got the change (the poll interval bounds it from above, plus
 *   one poll's reads).
 *
 *   node bench/feed.ts [--runs 3] [--writes 40] [--subscribers 20] [--poll-ms 250]
 *
 * On an embedded Neo4j of its own in a temporary folder, unless NEO4J_URI names one.
 */

import { parseArgs } from 'node:util';
import { newApiKey, parseApiKeys } from '../src/auth/api-keys.ts';
import { createGovgraphYoga } from '../src/yoga.ts';
import { openSeededDatabase } from './lib/in-process.ts';
import { oneAfterAnother, percentile, spread } from './lib/measure.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    writes: { type: 'string', default: '40' },
    subscribers: { type: 'string', default: '20' },
    'poll-ms': { type: 'string', default: '250' },
  },
});
const runs = Math.max(3, Number(values.runs));
const writes = Number(values.writes);
const subscriberCount = Number(values.subscribers);
const pollMs = Number(values['poll-ms']);

const seeded = await openSeededDatabase('govgraph-feed-bench-', process.env.NEO4J_URI);

const curator = newApiKey('bench', ['curate']);
const yoga = createGovgraphYoga({
  db: seeded.db,
  quotas: null,
  apiKeys: parseApiKeys(curator.entry, 'bench'),
  feed: { pollMs, maxSubscribers: subscriberCount + 10 },
  responseCache: null,
});

let counter = 0;
/** One mutation through the API; resolves with the slug it wrote. */
async function write(): Promise<string> {
  counter += 1;
  const slug = `bench-feed-${process.pid}-${counter}`;
  const body = JSON.stringify({
    query: 'mutation ($input: TopicInput!) { upsertTopic(input: $input) { operation } }',
    variables: {
      input: { id: slug, name: `Feed bench ${counter}`, sources: [{ id: 'src-000-cctld-msk-ix-memorandum' }], evidence: 'STATED' },
    },
  });
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${curator.key}` },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`the mutation failed: ${text.slice(0, 300)}`);
  return slug;
}

const median = (values: readonly number[]) => percentile(values, 50);

try {
  for (let i = 0; i < 5; i += 1) await write();
  const idle: number[] = [];
  const listened: number[] = [];
  const delivery: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const alone = await oneAfterAnother(writes, write);
    idle.push(median(alone));

    // Subscribers straight on the feed (what the SSE subscription runs, without HTTP).
    const controller = new AbortController();
    const heardAt = new Map<string, number>();
    const streams = Array.from({ length: subscriberCount }, () =>
      yoga.changeFeed.subscribe(null, { types: null, entity: null }, controller.signal),
    );
    const listening = streams.map(async (stream) => {
      for await (const change of stream)
        if (change.entityId && !heardAt.has(change.entityId)) heardAt.set(change.entityId, performance.now());
    });
    // The poller has started once it has polled.
    while (yoga.changeFeed.polls === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const answered = new Map<string, number>();
    const withFeed = await oneAfterAnother(writes, async () => answered.set(await write(), performance.now()));
    // Every write heard before the subscribers stop.
    while ([...answered.keys()].some((slug) => !heardAt.has(slug))) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const [slug, at] of answered) delivery.push((heardAt.get(slug) ?? Number.NaN) - at);
    controller.abort();
    await Promise.all(listening);
    listened.push(median(withFeed));
    console.error(
      `run ${run + 1}/${runs}: mutation p50 ${median(alone).toFixed(1)} ms alone, ${median(withFeed).toFixed(1)} ms with ${subscriberCount} subscribers`,
    );
  }
  const r = (value: number) => value.toFixed(1);
  const idleSpread = spread(idle);
  const listenedSpread = spread(listened);
  console.log(
    JSON.stringify(
      { command: commandLine().command, git: gitState(), runs, writes, subscribers: subscriberCount, pollMs, load: loadAverage() },
      null,
      2,
    ),
  );
  console.log('| measure | median (min–max of the runs) |');
  console.log('|---|---|');
  console.log(
    `| mutation latency, nobody listening, ms (p50 per run) | ${r(idleSpread.median)} (${r(idleSpread.min)}–${r(idleSpread.max)}) |`,
  );
  console.log(
    `| mutation latency, ${subscriberCount} subscribers, ms (p50 per run) | ${r(listenedSpread.median)} (${r(listenedSpread.min)}–${r(listenedSpread.max)}) |`,
  );
  console.log(
    `| feed latency, answer to first subscriber, ms | p50 ${r(percentile(delivery, 50))}, p95 ${r(percentile(delivery, 95))}, max ${r(percentile(delivery, 100))} |`,
  );
} finally {
  await yoga.changeFeed.stop();
  await seeded.close();
}
