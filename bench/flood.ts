/**
 * What a flooding client does to everyone else, with and without quotas. On an embedded Neo4j
 * of its own holding the seed data, one well-behaved client sends --samples requests one after
 * another and its latencies are measured three times: alone; while a flooder keeps --flooders
 * requests in flight from another address, with quotas on; and the same flood with quotas off.
 * The flooder's address and the other client's are told apart by X-Forwarded-For, the server
 * trusting one proxy hop (GOVGRAPH_TRUSTED_PROXIES=1), as behind a balancer.
 *
 *   npm run bench:flood -- [--samples 300] [--flooders 16] [--requests 600]
 */

import { parseArgs } from 'node:util';
import type { QuotaSettings } from '../src/config.ts';
import { createGovgraphYoga } from '../src/yoga.ts';
import { openSeededDatabase, type Served, serveOnLoopback } from './lib/in-process.ts';
import { keepInFlight, oneAfterAnother, percentile } from './lib/measure.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    flooders: { type: 'string', default: '16' },
    requests: { type: 'string', default: '600' },
  },
});
const samples = Number(values.samples);
const flooders = Number(values.flooders);
const quotas: QuotaSettings = {
  windowSeconds: 60,
  perAddress: { requests: Number(values.requests), cost: 1_000_000 },
  perKey: { requests: Number(values.requests), cost: 1_000_000 },
  keys: {},
  trustedProxies: 1,
};

// A page of organizations with their memoranda: a few Cypher round trips, like most of the API's reads.
const body = JSON.stringify({
  query: '{ organizations(first: 10) { edges { node { id name memoranda(first: 5) { edges { node { id } } } } } } }',
});

const seeded = await openSeededDatabase('govgraph-flood-');

function serve(withQuotas: QuotaSettings | null): Promise<Served> {
  return serveOnLoopback(createGovgraphYoga({ db: seeded.db, quotas: withQuotas }));
}

async function send(url: string, address: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body });
  await response.arrayBuffer();
  return response.status;
}

interface Phase {
  phase: string;
  p50: number;
  p95: number;
  p99: number;
  otherFailures: number;
  flooderOk: number;
  flooder429: number;
  load1: number;
}

async function phase(name: string, url: string, flood: boolean): Promise<Phase> {
  const counts = { ok: 0, refused: 0 };
  let flooding = flood;
  const floodLoops = flood
    ? keepInFlight(
        flooders,
        () => flooding,
        async () => {
          const status = await send(url, '203.0.113.66');
          if (status === 200) counts.ok += 1;
          else if (status === 429) counts.refused += 1;
        },
      )
    : null;
  let failures = 0;
  const latencies = await oneAfterAnother(samples, async () => {
    if ((await send(url, '198.51.100.20')) !== 200) failures += 1;
  });
  flooding = false;
  await floodLoops;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    phase: name,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    otherFailures: failures,
    flooderOk: counts.ok,
    flooder429: counts.refused,
    load1: loadAverage().oneMinute,
  };
}

try {
  const metered = await serve(quotas);
  const unmetered = await serve(null);
  // Warm-up: compiled queries, the page cache, the driver's pool.
  for (let i = 0; i < 50; i += 1) await send(unmetered.url, '192.0.2.1');
  const loadBefore = loadAverage();
  const results = [
    await phase('alone (quotas on)', metered.url, false),
    await phase(`flood of ${flooders} in flight, quotas on (${quotas.perAddress.requests}/min)`, metered.url, true),
    await phase(`flood of ${flooders} in flight, quotas off`, unmetered.url, true),
  ];
  console.log(JSON.stringify({ command: commandLine().command, git: gitState(), samples, loadBefore, loadAfter: loadAverage() }, null, 2));
  console.log('| phase | other client p50 ms | p95 ms | p99 ms | other client failures | flooder 200 | flooder 429 | load (1 min) after |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.phase} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.otherFailures} | ${r.flooderOk} | ${r.flooder429} | ${r.load1.toFixed(2)} |`,
    );
  }
  await metered.stop();
  await unmetered.stop();
} finally {
  await seeded.close();
}
