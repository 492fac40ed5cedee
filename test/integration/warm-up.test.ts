import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { warmUp } from '../../src/http/warm-up.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

// The requests the server answers itself before it says it is ready (src/http/warm-up.ts): each
// must be one the API answers without an error, on the seed graph, or the warm-up warms nothing.
describe('warm-up', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('sends its requests through the server and every one is answered', async () => {
    const notices: string[] = [];
    const result = await warmUp(createGovgraphYoga({ db, quotas: null }), (line) => notices.push(line));
    expect(notices).toEqual([]);
    // Eight searches, a list, a nested read, and the neighbourhood and timeline of the first hit.
    expect(result).toMatchObject({ requests: 11, failed: 0 });
  });

  // On a cold, busy machine the first search took longer than a client's budget, ended in a
  // TIMEOUT and warmed nothing: the warm-up's requests have a budget of their own.
  it("is not held to a client's time budget, which still holds for every other request", async () => {
    const yoga = createGovgraphYoga({ db, quotas: null, requestTimeoutMs: 1 });
    const notices: string[] = [];
    const result = await warmUp(yoga, (line) => notices.push(line));
    expect(notices).toEqual([]);
    expect(result).toMatchObject({ requests: 11, failed: 0 });
    const client = await scannedFetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(query: "registry") { node { slug } } }' }),
      },
      { via: yoga },
    );
    expect(await client.json()).toMatchObject({ errors: [{ extensions: { code: 'TIMEOUT' } }] });
  });

  it('reports a request that fails and goes on', async () => {
    const notices: string[] = [];
    const refusing = { fetch: () => new Response(JSON.stringify({ errors: [{ message: 'no' }] }), { status: 400 }) };
    const result = await warmUp(refusing, (line) => notices.push(line));
    // No search found a slug, so no neighbourhood is asked.
    expect(result).toMatchObject({ requests: 10, failed: 10 });
    expect(notices[0]).toBe('warm-up request failed: no');
  });
});
