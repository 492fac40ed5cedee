import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../src/db/database.ts';
import { RequestCancelledError, RequestTimeoutError } from '../../src/db/errors.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';
import { openSlowDatabase, runningSlowStatements, waitForSlowStatements } from '../support/slow-database.ts';

const serverInfoQuery = '{ serverInfo { version database { name version } } }';

// Generous bounds for a shared 2-core machine; what they show is "seconds, not minutes".
const stopBoundMs = 5000;

describe('time budget and cancellation (a deliberately slow statement, tests only)', () => {
  let slow: Database;

  beforeAll(async () => {
    slow = await openSlowDatabase();
  });

  afterAll(async () => {
    await slow?.close();
  });

  it('ends a request over its budget with TIMEOUT (504) and stops its Cypher in Neo4j', async () => {
    const yoga = createGovgraphYoga({ db: slow, requestTimeoutMs: 1500 });
    const started = Date.now();
    const response = await scannedFetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: serverInfoQuery }),
      },
      { via: yoga },
    );
    const elapsed = Date.now() - started;
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(response.status).toBe(504);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT', timeoutMs: 1500 });
    expect(body.errors?.[0]?.message).toMatch(/time budget of 1500 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(1500 + stopBoundMs);
    expect(await waitForSlowStatements(slow, 0, stopBoundMs)).toBe(true);
  });

  it('ends a compiled query over its budget the same way (the second execution of a document runs through graphql-jit)', async () => {
    const yoga = createGovgraphYoga({ db: slow, requestTimeoutMs: 1000 });
    for (const round of ['graphql-js', 'graphql-jit']) {
      const started = Date.now();
      const response = await scannedFetch(
        'http://test/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: serverInfoQuery }),
        },
        { via: yoga },
      );
      const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
      expect({ round, status: response.status, errors: body.errors }).toMatchObject({
        round,
        status: 504,
        errors: [{ extensions: { code: 'TIMEOUT', timeoutMs: 1000 } }],
      });
      expect(Date.now() - started).toBeLessThan(1000 + stopBoundMs);
      expect(await waitForSlowStatements(slow, 0, stopBoundMs)).toBe(true);
    }
  });

  it('stops the Cypher of a client that disconnects (node:http close → Bolt RESET)', async () => {
    // A budget far longer than the test: only the disconnect can stop the statement.
    const yoga = createGovgraphYoga({ db: slow, requestTimeoutMs: 600000 });
    const server: Server = createServer(yoga);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const client = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      client.on('error', () => {
        // The socket is destroyed on purpose below.
      });
      client.end(JSON.stringify({ query: serverInfoQuery }));
      expect(await waitForSlowStatements(slow, 1, 20000)).toBe(true);
      const disconnectedAt = Date.now();
      client.destroy();
      expect(await waitForSlowStatements(slow, 0, stopBoundMs)).toBe(true);
      expect(Date.now() - disconnectedAt).toBeLessThan(stopBoundMs);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('rejects a read at once with the reason its scope was aborted for, and Neo4j stops it', async () => {
    const controller = new AbortController();
    const budget = slow.openScope({ timeoutMs: 600000, clientSignal: controller.signal });
    const reading = budget.read('queries/server-info', {}, z.unknown());
    reading.catch(() => {});
    expect(await waitForSlowStatements(slow, 1, 20000)).toBe(true);
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(RequestCancelledError);
    expect(await waitForSlowStatements(slow, 0, stopBoundMs)).toBe(true);
    budget.dispose();
  });

  it("lets Neo4j's own transaction timeout stop a statement this process cannot interrupt", async () => {
    // The scope never aborts here: only the transaction timeout sent with the statement can end it.
    const shortTransactions = await openSlowDatabase(1000);
    try {
      const budget = shortTransactions.openScope({ timeoutMs: 600000 });
      const started = Date.now();
      await expect(budget.read('queries/server-info', {}, z.unknown())).rejects.toBeInstanceOf(RequestTimeoutError);
      // Neo4j checks transaction timeouts every 2 s by default.
      expect(Date.now() - started).toBeLessThan(1000 + stopBoundMs);
      expect(await runningSlowStatements(slow)).toBe(0);
      budget.dispose();
    } finally {
      await shortTransactions.close();
    }
  });
});
