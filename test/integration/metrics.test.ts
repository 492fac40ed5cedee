import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  server = await startTestServer(db, {
    quotas: {
      windowSeconds: 3600,
      perAddress: { requests: 4, cost: 1_000_000 },
      perKey: { requests: 4, cost: 1_000_000 },
      keys: {},
      trustedProxies: 0,
    },
  });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

const post = (query: string) => server.send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

/** The value of one sample line, e.g. `govgraph_quota_rejections_total{quota="requests",client="address"}`. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('/metrics', () => {
  it('counts operations with their latency, errors by code, Neo4j sessions and quota refusals, in Prometheus text', async () => {
    expect((await post('query Orgs { organizations(first: 2) { edges { node { id } } } }')).status).toBe(200);
    expect((await post('query Orgs { organizations(first: 2) { edges { node { id } } } }')).status).toBe(200);
    const missing = await post(
      'query Missing { organization(slug: "no-such-slug-at-all") { id } organizations(first: -1) { totalCount } }',
    );
    expect(missing.status).toBe(200);
    expect((await post('{ __typename }')).status).toBe(200);
    // The fifth request from this address is over its quota of four.
    expect((await post('{ __typename }')).status).toBe(429);

    const metrics = await server.send({ method: 'GET', path: '/metrics' });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = metrics.text;
    expect(text).toContain('# TYPE govgraph_graphql_operation_duration_seconds histogram');
    expect(sample(text, 'govgraph_graphql_operation_duration_seconds_count{operation="Orgs",type="query",status="200"}')).toBe(2);
    expect(sample(text, 'govgraph_graphql_operation_duration_seconds_bucket{le="+Inf",operation="Orgs",type="query",status="200"}')).toBe(
      2,
    );
    expect(sample(text, 'govgraph_graphql_operation_duration_seconds_count{operation="anonymous",type="query",status="200"}')).toBe(1);
    expect(sample(text, 'govgraph_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, 'govgraph_http_requests_total{path="/graphql",status="200"}')).toBe(4);
    expect(sample(text, 'govgraph_http_requests_total{path="/graphql",status="429"}')).toBe(1);
    expect(sample(text, 'govgraph_quota_rejections_total{quota="requests",client="address"}')).toBe(1);
    // A refused field's sibling reads may still be running when graphql answers, so only its presence is certain here.
    expect(sample(text, 'govgraph_neo4j_sessions_in_use')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'govgraph_neo4j_sessions_opened_total')).toBeGreaterThanOrEqual(3);
    // /metrics is not metered: a scraper is never refused.
    expect((await server.send({ method: 'GET', path: '/metrics' })).status).toBe(200);
  });
});
