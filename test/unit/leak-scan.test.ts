import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { findLeaks, recordedExchanges, withoutEcho } from '../support/leak-scan.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

// The leak scan's own tests: what it catches, what it lets through as the client's own echo, and
// that no test can get an answer past it.

describe('findLeaks', () => {
  const answer = (message: string) => JSON.stringify({ errors: [{ message }] });

  it('catches Cypher, a Neo4jError, a Bolt address and stack frames', () => {
    const leaks = findLeaks([
      { request: '{ a }', response: answer('Neo4jError: Invalid input') },
      { request: '{ b }', response: answer('failed: MATCH (n:Entity) RETURN n') },
      { request: '{ c }', response: answer('could not reach bolt://127.0.0.1:7687') },
      { request: '{ d }', response: answer('Error\n    at read (src/db/database.ts:42:7)') },
      { request: '{ e }', response: answer('fine') },
    ]);
    expect(leaks.map((leak) => [leak.request, leak.pattern])).toEqual([
      ['{ a }', '/Neo4jError/'],
      ['{ b }', '/MATCH \\(/'],
      ['{ c }', '/bolt:\\/\\//'],
      ['{ d }', '/at .*\\.ts:\\d+/'],
      ['{ d }', '/ {4}at /'],
    ]);
  });

  it('lets through what the client sent itself, quoted back in a message, also cut at 40 or 100 characters', () => {
    const payload = "x') MATCH (n) DETACH DELETE n //";
    const request = JSON.stringify({ query: 'query ($v: String!) { search(query: $v) { score } }', variables: { v: payload } });
    const response = answer(`no entity matches "${payload}"`);
    expect(withoutEcho({ request, response })).not.toContain('MATCH (');
    expect(findLeaks([{ request, response }])).toEqual([]);

    const long = `${'y'.repeat(50)} MATCH (n) RETURN n ${'z'.repeat(80)}`;
    const cut = { request: JSON.stringify({ variables: { v: long } }), response: answer(`"${long.slice(0, 100)}…" is too long`) };
    expect(findLeaks([cut])).toEqual([]);
    // The same text when the client did not send it is a leak.
    expect(findLeaks([{ request: '{}', response: cut.response }])).toHaveLength(1);
  });
});

describe('scannedFetch', () => {
  const via = (response: Response) => ({ fetch: () => response });

  it('records every answer for the scan and hands it back unread, with its status and headers', async () => {
    const before = recordedExchanges().length;
    const response = await scannedFetch(
      'http://test/graphql',
      { method: 'POST', body: '{"query":"{ a }"}' },
      {
        via: via(new Response('{"data":{"a":1}}', { status: 201, headers: { 'content-type': 'application/json', 'x-request-id': 'r1' } })),
      },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(await response.json()).toEqual({ data: { a: 1 } });
    expect(recordedExchanges().slice(before)).toEqual([
      { request: JSON.stringify({ path: '/graphql', query: {}, body: '{"query":"{ a }"}' }), response: '{"data":{"a":1}}' },
    ]);
  });

  it('passes an answer without a body through, and leaves the static GraphiQL page out of the scan', async () => {
    const before = recordedExchanges().length;
    expect((await scannedFetch('http://test/x', {}, { via: via(new Response(null, { status: 204 })) })).status).toBe(204);
    const page = await scannedFetch(
      'http://test/graphql',
      {},
      { via: via(new Response('<html>', { headers: { 'content-type': 'text/html' } })) },
    );
    expect(await page.text()).toBe('<html>');
    expect(
      recordedExchanges()
        .slice(before)
        .map((exchange) => exchange.response),
    ).toEqual(['']);
  });
});

describe('every answer a test gets goes through scannedFetch', () => {
  const testDir = path.join(projectRoot, 'test');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });

  it('no file of test/ calls fetch or yoga.fetch itself (test/support/scanned-fetch.ts is the one that does)', () => {
    const own = path.join(testDir, 'support', 'scanned-fetch.ts');
    // A call of fetch by its own name or as a method (yoga's), not the end of scannedFetch's name.
    const direct = /(?<![\w$])fetch\s*\(|\.fetch\s*\(/;
    const offenders = sources(testDir)
      .filter((file) => file !== own)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, at: `${path.relative(projectRoot, file)}:${index + 1}` }))
          // Static assets (the explorer's bundles, GraphiQL's files) are no API answer; such a call says so on its line.
          .filter(({ line }) => direct.test(line) && !line.includes('leak-scan: static asset'))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
    expect(sources(testDir).length).toBeGreaterThan(40);
  });
});
