import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { newApiKey } from '../../src/auth/api-keys.ts';
import { ConfigError, defaultQuotas, keyQuotasOf, loadConfig } from '../../src/config.ts';
import { clientAddress, rateLimitHeaders } from '../../src/http/quotas.ts';

describe('quota settings', () => {
  it('are on by default and off with GOVGRAPH_QUOTAS=off', () => {
    expect(loadConfig({}).quotas).toEqual(defaultQuotas);
    expect(loadConfig({ GOVGRAPH_QUOTAS: 'off' }).quotas).toBeNull();
  });

  it('read per-key quotas for configured keys only, naming the variable and the entry', () => {
    const key = newApiKey('crawler', ['curate']);
    const config = loadConfig({ GOVGRAPH_API_KEYS: key.entry, GOVGRAPH_KEY_QUOTAS: 'crawler:5000:9000000', GOVGRAPH_QUOTA_REQUESTS: '30' });
    expect(config.quotas?.keys).toEqual({ crawler: { requests: 5000, cost: 9_000_000 } });
    expect(config.quotas?.perAddress.requests).toBe(30);
    expect(() => keyQuotasOf('nobody:1:1', new Set(['crawler']))).toThrow(/GOVGRAPH_KEY_QUOTAS: "nobody" is not a configured API key/);
    expect(() => keyQuotasOf('crawler:0:1', new Set(['crawler']))).toThrow(ConfigError);
    expect(() => keyQuotasOf('crawler:1:1 crawler:2:2', new Set(['crawler']))).toThrow(/given twice/);
  });
});

describe('RateLimit fields', () => {
  it('describe the quota nearer to running out, and the policy of both', () => {
    const limits = { requests: 100, cost: 1000 };
    const headers = rateLimitHeaders({ limits, requests: new RateLimiterRes(90, 30_500), cost: new RateLimiterRes(50, 12_000) }, 60);
    expect(headers).toEqual({
      'ratelimit-limit': '1000',
      'ratelimit-remaining': '50',
      'ratelimit-reset': '12',
      'ratelimit-policy': '100;w=60;comment="requests", 1000;w=60;comment="cost"',
    });
    expect(rateLimitHeaders({ limits, requests: new RateLimiterRes(10, 1) }, 60)['ratelimit-limit']).toBe('100');
  });
});

describe('client address', () => {
  const request = (forwarded?: string) =>
    new Request('http://test/graphql', { headers: forwarded ? { 'x-forwarded-for': forwarded } : {} });

  it('trusts X-Forwarded-For only as many hops from its end as there are trusted proxies', () => {
    expect(clientAddress(request('198.51.100.9, 203.0.113.7'), undefined, 0)).toBe('unknown');
    expect(clientAddress(request('198.51.100.9, 203.0.113.7'), undefined, 1)).toBe('203.0.113.7');
    expect(clientAddress(request('198.51.100.9, 203.0.113.7'), undefined, 2)).toBe('198.51.100.9');
    expect(clientAddress(request('203.0.113.7'), undefined, 2)).toBe('unknown');
  });
});
