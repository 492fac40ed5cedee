import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey, parseApiKeys } from '../../src/auth/api-keys.ts';
import type { Database } from '../../src/db/database.ts';
import { createLogger } from '../../src/log.ts';
import { graphState, openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { type HttpResponse, startTestServer, type TestServer } from '../support/http-server.ts';

const source = 'src-000-cctld-msk-ix-memorandum';
const admin = newApiKey('importer', ['admin']);

let db: Database;
let server: TestServer;
/** Resolved when the server logs that an import's body has arrived and is being checked. */
let checking: Promise<void>;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  let heard: () => void = () => {};
  checking = new Promise((resolve) => {
    heard = resolve;
  });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (chunk.toString().includes('checking it in a worker thread')) heard();
      done();
    },
  });
  server = await startTestServer(db, {
    apiKeys: parseApiKeys(admin.entry, 'test'),
    logger: createLogger('info', stream),
    exchange: { maxImportBytes: 64 * 1024 * 1024 },
  });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

describe('POST /admin/import of a large file', () => {
  it('leaves the server answering other clients while it parses and checks the file', async () => {
    const before = await graphState(db);
    // About 12 MB of valid topics, then one row citing a source nobody has: the whole file is
    // parsed and checked before the answer (400), and nothing is written.
    const rows = ['label,id,name,sources,evidence'];
    for (let index = 0; index < 200_000; index++)
      rows.push(`Topic,worker-topic-${index},Topic number ${index} of the import,${source},STATED`);
    rows.push('Topic,worker-topic-last,The last topic,no-such-source,STATED');
    let imported: HttpResponse | undefined;
    const importing = server
      .send({
        method: 'POST',
        path: '/admin/import',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin.key}` },
        body: rows.join('\n'),
      })
      .then((response) => {
        imported = response;
        return response;
      });
    await checking;
    // Sent once the whole body is in the worker: on the event loop, parsing and checking would hold this query until the import's answer.
    const query = await server.send({
      body: JSON.stringify({ query: '{ organization(slug: "msk-ix") { slug } }' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(imported).toBeUndefined();
    expect(query.status).toBe(200);
    expect(JSON.parse(query.text).data).toEqual({ organization: { slug: 'msk-ix' } });

    const answer = await importing;
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).problems).toEqual([
      {
        file: 'body.csv',
        line: 200_002,
        column: 40,
        record: 'worker-topic-last',
        field: 'sources[0]',
        message: 'unknown source "no-such-source": no record here or in the database has this id',
      },
    ]);
    expect(await graphState(db)).toEqual(before);
  });
});
