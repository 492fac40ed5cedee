import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey, parseApiKeys } from '../../src/auth/api-keys.ts';
import type { Database } from '../../src/db/database.ts';
import { graphState, openTestDatabase } from '../support/database.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

// A cascade delete of the organization a signature was made for, then the export and its import,
// all over HTTP as a client does them. A signature needs its onBehalfOf (the seed's and the
// import's rules): the cascade deletes it with the organization, so what the API leaves is a
// graph whose export re-imports as it is (docs/import-export.md).

const source = 'src-000-cctld-msk-ix-memorandum';
const admin = newApiKey('cascader', ['admin']);
const apiKeys = parseApiKeys(admin.entry, 'test');
const auth = { authorization: `Bearer ${admin.key}` };

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  server = await startTestServer(db, { apiKeys });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

interface Answer {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: { message: string }[];
}

async function graphql(query: string): Promise<Record<string, Record<string, unknown>>> {
  const response = await server.send({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query }),
  });
  const answer = JSON.parse(response.text) as Answer;
  expect(answer.errors).toBeUndefined();
  if (!answer.data) throw new Error(`no data: ${response.text}`);
  return answer.data;
}

describe('a cascade delete of the organization a signature was made for', () => {
  it('deletes the signature with it, reports it, and the export then re-imports unchanged', async () => {
    const cite = `sources: [{ slug: "${source}" }], evidence: STATED`;
    await graphql(
      `mutation { upsertOrganization(input: { slug: "cascade-signer-org", name: "Cascade Signer Org", kind: COMPANY, ${cite} }) { outcome } }`,
    );
    await graphql(
      `mutation { upsertMemorandum(input: { slug: "memo-cascade-signed", name: "Cascade memorandum", date: "2024", ${cite} }) { outcome } }`,
    );
    // (1) A signature on behalf of the organization.
    await graphql(`mutation { upsertSignedRelation(input: {
      from: "arkady-kremer", to: "memo-cascade-signed", onBehalfOf: "cascade-signer-org", date: "2024", ${cite}
    }) { outcome } }`);

    // (2) The cascade: the signature made on its behalf is deleted and counted (its change
    // record: test/integration/curation-deletes.test.ts).
    const deleted = await graphql(
      'mutation { deleteOrganization(slug: "cascade-signer-org", cascade: true) { deleted removedRelations updatedRelations } }',
    );
    expect(deleted.deleteOrganization).toMatchObject({ deleted: true, removedRelations: 1, updatedRelations: 0 });
    const signatories = await graphql('{ memorandum(slug: "memo-cascade-signed") { signatories { totalCount } } }');
    expect(signatories.memorandum).toEqual({ signatories: { totalCount: 0 } });

    // (3) The export re-imports as it is: accepted, nothing written, the same export after.
    const exported = await server.send({ method: 'GET', path: '/export?format=json' });
    expect(exported.status).toBe(200);
    const before = await graphState(db);
    const imported = await server.send({
      method: 'POST',
      path: '/admin/import',
      headers: { 'content-type': 'application/json', ...auth },
      body: exported.text,
    });
    expect(imported.status, imported.text).toBe(200);
    const summary = (JSON.parse(imported.text) as { summary: { nodes: Record<string, { created: number; updated: number }> } }).summary;
    for (const counts of Object.values(summary.nodes)) expect(counts).toMatchObject({ created: 0, updated: 0 });
    expect(await graphState(db)).toEqual(before);
    const again = await server.send({ method: 'GET', path: '/export?format=json' });
    expect(again.text).toBe(exported.text);
  });
});
