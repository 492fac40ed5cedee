import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey, parseApiKeys } from '../../src/auth/api-keys.ts';
import { projectRoot } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { documentId, readManifest } from '../../src/formats/trusted-documents.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { openTestDatabase } from '../support/database.ts';
import { testRequestTimeoutMs } from '../support/graphql.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Trusted documents over the whole request path: documentId in a POST body and in a GET, and the apps scope. */
describe('trusted documents', () => {
  let db: Database;
  let yoga: ReturnType<typeof createGovgraphYoga>;
  const app = newApiKey('reader-app', ['apps']);
  const curator = newApiKey('curator', ['curate']);
  const serverInfo = [...readManifest(projectRoot)].find(([, text]) => text.includes('query ServerInfo'));
  const serverInfoId = serverInfo?.[0] ?? '';

  beforeAll(async () => {
    db = await openTestDatabase();
    yoga = createGovgraphYoga({
      db,
      requestTimeoutMs: testRequestTimeoutMs,
      apiKeys: parseApiKeys([app.entry, curator.entry].join('\n'), 'test'),
      limits: { depth: 15, aliases: 30, tokens: 1000, directives: 20, cost: 50000, bodyBytes: 100_000 },
      introspection: true,
    });
  });

  afterAll(async () => {
    await db?.close();
  });

  const send = async (init: { method?: string; url?: string; body?: unknown; key?: string; accept?: string }): Promise<Answer> => {
    // A GET names itself as no cross-site request, as the CSRF check asks (docs/api.md).
    const headers: Record<string, string> = { accept: init.accept ?? 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    const response = await scannedFetch(
      init.url ?? 'http://test/graphql',
      { method: init.method ?? 'POST', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) },
      { via: yoga },
    );
    return { status: response.status, body: await response.json() };
  };

  it('the manifest holds the GraphiQL examples', () => {
    expect(serverInfoId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('runs a trusted document sent by id, in a POST body or a GET query string, for anyone', async () => {
    const posted = await send({ body: { documentId: serverInfoId } });
    expect(posted.status).toBe(200);
    expect(posted.body.errors).toBeUndefined();
    expect(posted.body.data?.serverInfo).toMatchObject({ database: { edition: expect.any(String) } });
    const got = await send({ method: 'GET', url: `http://test/graphql?documentId=${encodeURIComponent(serverInfoId)}` });
    expect(got.body).toEqual(posted.body);
    // A bare hex hash, as some clients send it, is the same document.
    const bare = await send({ body: { documentId: serverInfoId.slice('sha256:'.length) } });
    expect(bare.body).toEqual(posted.body);
  });

  it('answers an id it does not hold with NOT_FOUND naming the id', async () => {
    const unknown = documentId('{ nothingLikeThis }');
    const answer = await send({ body: { documentId: unknown } });
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.message).toContain(unknown);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'documentId' });
  });

  it('refuses a request with neither query nor documentId as BAD_REQUEST: 400, and 200 for a plain JSON client (docs/apps.md)', async () => {
    const answer = await send({ body: { variables: {} } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
    const plain = await send({ body: { variables: {} }, accept: 'application/json' });
    expect(plain.status).toBe(200);
    expect(plain.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a query from a key with the apps scope, and runs its trusted documents', async () => {
    const refused = await send({ body: { query: '{ serverInfo { version } }' }, key: app.key });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.body.errors?.[0]?.message).toContain('"apps" scope');
    const trusted = await send({ body: { documentId: serverInfoId }, key: app.key });
    expect(trusted.status).toBe(200);
    expect(trusted.body.errors).toBeUndefined();
  });

  it('leaves anonymous callers and other keys free to send any query', async () => {
    for (const key of [undefined, curator.key]) {
      const answer = await send({ body: { query: '{ serverInfo { version } }' }, key });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
  });
});
