import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey, parseApiKeys } from '../../src/auth/api-keys.ts';
import type { QuotaSettings } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { type LimiterFactory, memoryLimiters } from '../../src/http/quotas.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { type HttpResponse, startTestServer, type TestServer } from '../support/http-server.ts';

const flooderKey = newApiKey('flooder', ['curate']);
const neighbourKey = newApiKey('neighbour', ['curate']);
const apiKeys = parseApiKeys([flooderKey.entry, neighbourKey.entry].join('\n'), 'test');

/** A window far longer than any test: no count starts again while one runs. */
const windowSeconds = 3600;

const query = JSON.stringify({ query: '{ organizations(first: 3) { edges { node { id name } } } }' });

let db: Database;
const servers: TestServer[] = [];

async function serve(quotas: QuotaSettings, limiters?: LimiterFactory): Promise<TestServer> {
  const server = await startTestServer(db, { apiKeys, quotas, quotaLimiters: limiters });
  servers.push(server);
  return server;
}

function settings(overrides: Partial<QuotaSettings>): QuotaSettings {
  return {
    windowSeconds,
    perAddress: { requests: 1000, cost: 1_000_000 },
    perKey: { requests: 1000, cost: 1_000_000 },
    keys: {},
    trustedProxies: 0,
    ...overrides,
  };
}

function ask(server: TestServer, headers: Record<string, string> = {}, body = query): Promise<HttpResponse> {
  return server.send({ headers: { 'content-type': 'application/json', ...headers }, body });
}

function codeOf(response: HttpResponse): string | undefined {
  const parsed = JSON.parse(response.text) as { errors?: { extensions?: { code?: string } }[] };
  return parsed.errors?.[0]?.extensions?.code;
}

function expectRateLimitFields(response: HttpResponse): void {
  for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy']) {
    expect(response.headers.get(name), name).not.toBeNull();
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await db.close();
});

describe('request quotas', () => {
  it('refuses a flooding address with 429 and Retry-After while another address is served throughout', async () => {
    const server = await serve(settings({ perAddress: { requests: 20, cost: 1_000_000 }, trustedProxies: 1 }));
    const flooder = { 'x-forwarded-for': '203.0.113.7' };
    const other = { 'x-forwarded-for': '198.51.100.2' };
    const flood: Promise<HttpResponse>[] = [];
    const others: Promise<HttpResponse>[] = [];
    // Interleaved: the other client's requests arrive while the flood is under way.
    for (let round = 0; round < 15; round += 1) {
      for (let i = 0; i < 6; i += 1) flood.push(ask(server, flooder));
      others.push(ask(server, other));
    }
    const flooded = await Promise.all(flood);
    const served = await Promise.all(others);

    expect(flooded.filter((response) => response.status === 200)).toHaveLength(20);
    const refused = flooded.filter((response) => response.status === 429);
    expect(refused).toHaveLength(flooded.length - 20);
    for (const response of refused) {
      expect(codeOf(response)).toBe('TOO_MANY_REQUESTS');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.headers.get('ratelimit-remaining')).toBe('0');
      expectRateLimitFields(response);
    }
    for (const response of served) {
      expect(response.status).toBe(200);
      expect(codeOf(response)).toBeUndefined();
      expectRateLimitFields(response);
    }
    const remaining = served.map((response) => Number(response.headers.get('ratelimit-remaining'))).sort((a, b) => b - a);
    expect(remaining).toEqual(Array.from({ length: 15 }, (_, i) => 19 - i));
  });

  it('ignores X-Forwarded-For unless proxies are trusted: a client cannot buy a fresh quota by writing it', async () => {
    const server = await serve(settings({ perAddress: { requests: 3, cost: 1_000_000 } }));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await ask(server, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('counts a key against its own quota, configurable per key, apart from its address and from other keys', async () => {
    const server = await serve(
      settings({ perAddress: { requests: 100, cost: 1_000_000 }, keys: { flooder: { requests: 4, cost: 1_000_000 } } }),
    );
    const asFlooder = { authorization: `Bearer ${flooderKey.key}` };
    const asNeighbour = { authorization: `Bearer ${neighbourKey.key}` };
    const flooded = await Promise.all(Array.from({ length: 12 }, () => ask(server, asFlooder)));
    expect(flooded.filter((response) => response.status === 200)).toHaveLength(4);
    expect(flooded.filter((response) => response.status === 429)).toHaveLength(8);
    expect(flooded.every((response) => response.headers.get('ratelimit-limit') === '4')).toBe(true);
    // Same socket address, other callers: the neighbour key has the default key quota, the anonymous client its address's.
    const neighbour = await ask(server, asNeighbour);
    expect(neighbour.status).toBe(200);
    expect(neighbour.headers.get('ratelimit-limit')).toBe('1000');
    expect(neighbour.headers.get('ratelimit-remaining')).toBe('999');
    const anonymous = await ask(server);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('ratelimit-limit')).toBe('100');
  });

  it('meters /export too, with the exchange routes’ JSON error', async () => {
    const server = await serve(settings({ perAddress: { requests: 1, cost: 1_000_000 } }));
    const first = await server.send({ method: 'GET', path: '/export?format=json' });
    expect(first.status).toBe(200);
    expectRateLimitFields(first);
    const second = await server.send({ method: 'GET', path: '/export?format=json' });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((JSON.parse(second.text) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('leaves probes unmetered', async () => {
    const server = await serve(settings({ perAddress: { requests: 1, cost: 1_000_000 } }));
    for (let i = 0; i < 3; i += 1) {
      const health = await server.send({ method: 'GET', path: '/health' });
      expect(health.status).toBe(200);
      expect(health.headers.get('ratelimit-limit')).toBeNull();
    }
    expect((await ask(server)).status).toBe(200);
  });
});

describe('cost quotas', () => {
  it('charges each query its estimated cost and refuses one that costs more than is left, before it runs', async () => {
    const probe = await serve(settings({}));
    const measured = JSON.parse((await ask(probe)).text) as { extensions: { cost: { cost: number } } };
    const cost = measured.extensions.cost.cost;
    expect(cost).toBeGreaterThan(1);

    // Room for two such queries and a half.
    const server = await serve(settings({ perAddress: { requests: 100, cost: Math.floor(cost * 2.5) } }));
    const first = await ask(server);
    const second = await ask(server);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('ratelimit-limit')).toBe(String(Math.floor(cost * 2.5)));
    expect(second.headers.get('ratelimit-remaining')).toBe(String(Math.floor(cost * 2.5) - 2 * cost));

    const third = await ask(server);
    expect(third.status).toBe(429);
    const error = (JSON.parse(third.text) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] })
      .errors[0];
    expect(error?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', quota: 'cost' });
    expect(error?.message).toContain(`estimated cost of ${cost}`);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);

    // What is left still buys a cheaper query.
    const cheap = await ask(server, {}, JSON.stringify({ query: '{ __typename }' }));
    expect(cheap.status).toBe(200);
  });
});

describe('a quota shared by several servers', () => {
  it('adds up requests to two servers whose limiters share one store', async () => {
    // What RateLimiterRedis gives processes behind a balancer, here with one shared memory store per quota.
    const shared = new Map<string, ReturnType<LimiterFactory>>();
    const sharedLimiters: LimiterFactory = (spec) => {
      let limiter = shared.get(spec.keyPrefix);
      if (!limiter) {
        limiter = memoryLimiters(spec);
        shared.set(spec.keyPrefix, limiter);
      }
      return limiter;
    };
    const quota = settings({ perAddress: { requests: 4, cost: 1_000_000 } });
    const one = await serve(quota, sharedLimiters);
    const two = await serve(quota, sharedLimiters);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await ask(one)).status);
      statuses.push((await ask(two)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
