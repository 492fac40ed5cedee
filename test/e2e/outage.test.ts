import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/embedded/embedded-neo4j.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

interface Answer {
  status: number;
  codes: string[];
  version?: string;
  at: number;
  ms: number;
}

async function ask(url: string): Promise<Answer> {
  const started = Date.now();
  const response = await scannedFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ serverInfo { database { version } } }' }),
  });
  const body = (await response.json()) as {
    data?: { serverInfo?: { database?: { version?: string } | null } | null } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const at = Date.now();
  return {
    status: response.status,
    codes: (body.errors ?? []).map((error) => error.extensions?.code ?? 'UNCODED'),
    version: body.data?.serverInfo?.database?.version,
    at,
    ms: at - started,
  };
}

/** Polls `probe` until `done` holds, at most `timeoutMs`; returns the answer that satisfied it. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe('a database outage while serving (its own embedded Neo4j, stopped and started again)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-outage-'));
  const dataDir = path.join(folder, 'neo4j');
  let neo4j: EmbeddedNeo4j | undefined;
  let db: Database | undefined;
  let server: Server | undefined;

  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await db?.close();
    await neo4j?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE within 2 s, /ready 503 and /health 200, and recovers within 5 s without a restart', async () => {
    const start = () => startEmbeddedNeo4j({ dataDir, readyTimeoutMs: 180000, pageCacheMb: 64, port });
    let port = 0;
    neo4j = await start();
    port = Number(new URL(neo4j.uri).port);

    // The server as `npm start` builds it, with the configuration's defaults.
    const config = loadConfig({});
    const driver = await connect({ ...config.neo4j, uri: neo4j.uri, username: 'neo4j', password: '' });
    db = new Database(driver, config.neo4j.database, config.neo4j.transactionTimeoutMs);
    server = createServer(createGovgraphYoga({ db, requestTimeoutMs: config.requestTimeoutMs }));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const url = `${base}/graphql`;

    // A steady stream of requests, two at a time, for the whole outage (bounded).
    const answers: Answer[] = [];
    let streaming = true;
    const stream = async () => {
      for (let i = 0; i < 2000 && streaming; i += 1) {
        answers.push(await ask(url));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const streams = [stream(), stream()];

    expect(
      await until(
        () => ask(url),
        (answer) => answer.status === 200,
        10000,
      ),
    ).toMatchObject({ status: 200, version: expect.stringMatching(/^5\./) });

    // Down.
    const stopping = Date.now();
    await neo4j.stop();
    const down = Date.now();
    const firstUnavailable = await until(
      () => ask(url),
      (answer) => answer.status === 503,
      2000,
    );
    expect(firstUnavailable).toBeDefined();
    expect(firstUnavailable?.codes).toEqual(['DATABASE_UNAVAILABLE']);
    expect(firstUnavailable!.at - down).toBeLessThan(2000);
    const unavailable = await ask(url);
    expect(unavailable.status).toBe(503);
    expect(unavailable.ms).toBeLessThan(2000);

    const readyStarted = Date.now();
    const ready = await scannedFetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(Date.now() - readyStarted).toBeLessThan(2000);
    expect((await scannedFetch(`${base}/health`)).status).toBe(200);

    // Up again, on the same data and the same port; the server is the same process.
    neo4j = await start();
    expect(neo4j.uri).toBe(`bolt://127.0.0.1:${port}`);
    const up = Date.now();
    const recovered = await until(
      () => ask(url),
      (answer) => answer.status === 200,
      5000,
    );
    expect(recovered).toMatchObject({ status: 200, codes: [], version: expect.stringMatching(/^5\./) });
    expect(recovered!.at - up).toBeLessThan(5000);
    expect((await scannedFetch(`${base}/ready`)).status).toBe(200);

    streaming = false;
    await Promise.all(streams);
    // Every answer in the stream was a success or a clear 503; none was an unexplained 500.
    const byStatus = new Map<number, number>();
    for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    const unexpected = answers.filter(
      (answer) => !(answer.status === 200 || (answer.status === 503 && answer.codes.every((code) => code === 'DATABASE_UNAVAILABLE'))),
    );
    console.log(
      `outage: stop() took ${down - stopping} ms; first 503 ${firstUnavailable!.at - down} ms after the JVM exited ` +
        `(a request during the outage took ${unavailable.ms} ms); first 200 ${recovered!.at - up} ms after Neo4j was back; ` +
        `stream: ${JSON.stringify(Object.fromEntries(byStatus))}`,
    );
    expect(unexpected).toEqual([]);
    expect(byStatus.get(503)).toBeGreaterThan(0);
  });
});
