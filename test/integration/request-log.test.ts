import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { createLogger } from '../../src/log.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { openTestDatabase } from '../support/database.ts';
import { testRequestTimeoutMs } from '../support/graphql.ts';
import { captureLines } from '../support/log-lines.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

interface RequestLine {
  level: number;
  msg: string;
  reqId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  operationName?: string;
  operationType?: string;
  roundTrips?: number;
  cost?: number;
  variablesBytes?: number;
  errors?: string[];
}

describe('request log', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('writes one line per request with its id, operation, status, duration and round trips, and echoes the id', async () => {
    const { lines, stream } = captureLines();
    const yoga = createGovgraphYoga({ db, logger: createLogger('info', stream), requestTimeoutMs: testRequestTimeoutMs });
    const secret = 'hunter2-secret-variable-value';
    const response = await scannedFetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' },
        body: JSON.stringify({
          query: 'query WhoIs($slug: String!) { serverInfo { database { version } } organization(slug: $slug) { name } }',
          variables: { slug: secret },
        }),
      },
      { via: yoga },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    await response.text();

    const requestLines = lines.map((line) => JSON.parse(line) as RequestLine).filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(1);
    const [line] = requestLines;
    expect(line).toMatchObject({
      reqId: 'trace-abc-123',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'WhoIs',
      operationType: 'query',
      variablesBytes: JSON.stringify({ slug: secret }).length,
    });
    expect(line?.durationMs).toBeGreaterThan(0);
    // serverInfo's database and the organization lookup: one statement each.
    expect(line?.roundTrips).toBe(2);
    // The cost is logged when the cost plugin reports one (extensions.cost).
    if (line?.cost !== undefined) expect(line.cost).toBeGreaterThan(0);
    const everything = lines.join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/password/i);
  });

  it('makes up a request id when none (or a malformed one) is given, and logs failures with their codes', async () => {
    const { lines, stream } = captureLines();
    const yoga = createGovgraphYoga({ db, logger: createLogger('info', stream), requestTimeoutMs: testRequestTimeoutMs });
    const response = await scannedFetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'not a valid id; drop table' },
        body: JSON.stringify({ query: '{ nosuchfield }' }),
      },
      { via: yoga },
    );
    await response.text();
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.map((text) => JSON.parse(text) as RequestLine).find((entry) => entry.msg === 'request');
    expect(line?.reqId).toBe(id);
    expect(line?.errors).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
