import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey, parseApiKeys } from '../../src/auth/api-keys.ts';
import { Database } from '../../src/db/database.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { validateSeedFiles } from '../../src/domain/validate.ts';
import { graphState, openTestDatabase } from '../support/database.ts';
import { exportText } from '../support/exchange.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

const source = 'src-000-cctld-msk-ix-memorandum';
const maxImportBytes = 20_000;

const admin = newApiKey('importer', ['admin']);
const curator = newApiKey('editor', ['curate']);
const revoked = newApiKey('former', ['admin']);
const stranger = newApiKey('stranger', ['admin']);
const apiKeys = parseApiKeys([admin.entry, curator.entry, `${revoked.entry}:revoked`].join('\n'), 'test');

let db: Database;
let seed: SeedGraph;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  seed = await loadRealSeed(db);
  server = await startTestServer(db, { apiKeys, exchange: { maxImportBytes } });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

/** A hash of every node, relationship and property, the change log included: what a refused import must leave as it was. */
const footprint = () => graphState(db);

function errorOf(text: string): { code: string; message: string } {
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

describe('GET /export', () => {
  it('downloads the whole graph as JSON in the seed format, the same bytes as npm run export', async () => {
    const response = await server.send({ method: 'GET', path: '/export?format=json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="govgraph.json"');
    expect(response.text).toBe(await exportText(db, { format: 'json' }));
    expect(validateSeedFiles([{ path: 'download.json', text: response.text }]).nodes).toHaveLength(seed.nodes.length);
  });

  it('downloads the CSV files one part at a time, and GraphML', async () => {
    const nodes = await server.send({ method: 'GET', path: '/export?format=csv&part=nodes' });
    expect(nodes.status).toBe(200);
    expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(nodes.headers.get('content-disposition')).toBe('attachment; filename="govgraph-nodes.csv"');
    expect(nodes.text.trimEnd().split('\n')).toHaveLength(seed.nodes.length + 1);
    const edges = await server.send({ method: 'GET', path: '/export?format=csv&part=edges' });
    expect(edges.headers.get('content-disposition')).toBe('attachment; filename="govgraph-edges.csv"');
    expect(edges.text).toBe(await exportText(db, { format: 'csv', part: 'edges' }));
    const graphml = await server.send({ method: 'GET', path: '/export?format=graphml' });
    expect(graphml.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(graphml.text.match(/<node /g)).toHaveLength(seed.nodes.length);
    expect(graphml.text.match(/<edge /g)).toHaveLength(seed.relations.length);
  });

  it("downloads one actor's neighbourhood, two hops deep", async () => {
    const response = await server.send({ method: 'GET', path: '/export?format=json&around=msk-ix&depth=2' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="govgraph-msk-ix-depth-2.json"');
    const graph = validateSeedFiles([{ path: 'around.json', text: response.text }]);
    const ids = new Set(graph.nodes.map((node) => node.id));
    expect(ids.has('msk-ix')).toBe(true);
    expect(graph.nodes.length).toBeLessThan(seed.nodes.length);
    const oneHop = await exportText(db, { format: 'json', around: { slug: 'msk-ix', depth: 1 } });
    expect(validateSeedFiles([{ path: 'one.json', text: oneHop }]).nodes.length).toBeLessThan(graph.nodes.length);
  });

  it('starts a neighbourhood from a former slug as from the entity it became (body-itu is now itu)', async () => {
    const current = await server.send({ method: 'GET', path: '/export?format=json&around=itu&depth=1' });
    expect(current.status).toBe(200);
    const former = await server.send({ method: 'GET', path: '/export?format=json&around=body-itu&depth=1' });
    expect(former.status).toBe(200);
    expect(former.text).toBe(current.text);
    expect(validateSeedFiles([{ path: 'former.json', text: former.text }]).nodes.map((node) => node.id)).toContain('itu');
  });

  it.each([
    ['/export?format=xml', 400, 'BAD_REQUEST', /unknown format "xml"/],
    ['/export?format=csv', 400, 'BAD_REQUEST', /part=nodes .* or part=edges/],
    ['/export?format=json&around=msk-ix&depth=4', 400, 'BAD_REQUEST', /depth must be a whole number from 1 to 3/],
    ['/export?format=json&depth=2', 400, 'BAD_REQUEST', /only with around/],
    ['/export?format=json&colour=red', 400, 'BAD_REQUEST', /unknown parameter "colour"/],
    ['/export?format=json&around=no-such-actor', 404, 'NOT_FOUND', /no entity has the slug "no-such-actor"/],
  ])('answers %s with %i %s', async (requestPath, status, code, message) => {
    const response = await server.send({ method: 'GET', path: requestPath });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorOf(response.text)).toEqual({ code, message: expect.stringMatching(message) });
  });

  it('answers other methods with 405', async () => {
    const response = await server.send({ method: 'POST', path: '/export', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('both routes, with a database that does not answer', () => {
  it('answer 503 DATABASE_UNAVAILABLE, however the failure reached them', async () => {
    // Nothing listens on port 9: every connection is refused at once. The export's reads and the
    // import's checks go through a ReadScope (DatabaseUnavailableError), not the bare driver.
    const down = new Database(neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'none')), 'neo4j', 5000);
    const unreachable = await startTestServer(down, { apiKeys });
    try {
      const exported = await unreachable.send({ method: 'GET', path: '/export?format=json' });
      const imported = await unreachable.send({
        method: 'POST',
        path: '/admin/import',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.key}` },
        body: JSON.stringify({ topics: [{ id: 'unwritten-topic', name: 'Unwritten', sources: [source], evidence: 'STATED' }] }),
      });
      for (const response of [exported, imported]) {
        expect({ status: response.status, error: errorOf(response.text) }).toEqual({
          status: 503,
          error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable. Try again in a few seconds.' },
        });
      }
    } finally {
      await unreachable.close();
      await down.close();
    }
  });
});

describe('POST /admin/import', () => {
  const topic = (id: string) => JSON.stringify({ topics: [{ id, name: `Topic ${id}`, sources: [source], evidence: 'STATED' }] });
  const post = (body: string, headers: Record<string, string> = {}) =>
    server.send({ method: 'POST', path: '/admin/import', headers: { 'content-type': 'application/json', ...headers }, body });

  it.each([
    ['no key', {}, 401, /needs an API key with the "admin" scope/],
    ['a key without the admin scope', { authorization: `Bearer ${curator.key}` }, 403, /has the scopes curate; this needs "admin"/],
    ['a revoked key', { authorization: `Bearer ${revoked.key}` }, 401, /has been revoked/],
    ['a key the server does not know', { authorization: `Bearer ${stranger.key}` }, 401, /not valid/],
    ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }, 401, /must be "Bearer <API key>"/],
  ])('refuses %s, writing nothing', async (_who, headers, status, message) => {
    const before = await footprint();
    const response = await post(topic('refused-topic'), headers);
    expect(response.status).toBe(status);
    expect(errorOf(response.text)).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(message) });
    if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await footprint()).toEqual(before);
  });

  it('imports with an admin key, recording the key as the writer', async () => {
    const response = await post(topic('http-imported-topic'), { authorization: `Bearer ${admin.key}` });
    expect(response.status, response.text).toBe(200);
    const { summary } = JSON.parse(response.text) as { summary: { nodes: Record<string, unknown>; operation: string } };
    expect(summary.nodes.Topic).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const { records } = await db.driver.executeQuery(
      "MATCH (t:Topic {id: 'http-imported-topic'}) RETURN t.createdBy AS by",
      {},
      { database: db.name },
    );
    expect(records[0]?.get('by')).toBe('importer');
  });

  it('imports a CSV of relations between stored entities', async () => {
    const csv = `type,from,to,sources,evidence\nCOVERS,memo-cc-oac,http-imported-topic,${source},STATED\n`;
    const response = await post(csv, { authorization: `Bearer ${admin.key}`, 'content-type': 'text/csv; charset=utf-8' });
    expect(response.status, response.text).toBe(200);
    expect(JSON.parse(response.text).summary.relations.COVERS).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('answers 400 with every problem, each with its line, column and field, and writes nothing', async () => {
    const before = await footprint();
    const csv = [
      'label,id,name,date,sources,evidence',
      `Memorandum,http-memo,Memo,2021-13,${source},STATED`,
      'Topic,http-topic-2,Topic,,no-such-source,STATED',
    ].join('\n');
    const response = await post(csv, { authorization: `Bearer ${admin.key}`, 'content-type': 'text/csv' });
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text) as { error: { code: string; message: string }; problems: unknown[] };
    expect(body.error).toEqual({ code: 'BAD_USER_INPUT', message: 'the import has 2 problems; nothing was written' });
    expect(body.problems).toEqual([
      {
        file: 'body.csv',
        line: 2,
        column: 27,
        record: 'http-memo',
        field: 'date',
        message: '"2021-13" is not a real date: there is no month 13',
      },
      {
        file: 'body.csv',
        line: 3,
        column: 27,
        record: 'http-topic-2',
        field: 'sources[0]',
        message: 'unknown source "no-such-source": no record here or in the database has this id',
      },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a conflict whose side names a relationship that is not stored, naming the side', async () => {
    const before = await footprint();
    const side = (fields: Record<string, unknown>) => ({ ...fields, sources: [source], evidence: 'STATED' });
    const body = JSON.stringify({
      conflicts: [
        {
          id: 'conflict-http-bad',
          name: 'x',
          description: 'y',
          subjects: ['tld-ru'],
          sides: [side({ relation: { type: 'MANAGES', from: 'msk-ix', to: 'tld-su', role: 'registry' } }), side({ value: 'a' })],
        },
      ],
    });
    const response = await post(body, { authorization: `Bearer ${admin.key}` });
    expect(response.status).toBe(400);
    expect((JSON.parse(response.text) as { problems: unknown[] }).problems).toEqual([
      {
        file: 'body.json',
        line: 1,
        column: expect.any(Number),
        record: 'conflict-http-bad',
        field: 'sides[0].relation',
        message: 'no relation MANAGES|msk-ix|tld-su|registry| here or in the database; there is none from "msk-ix" to "tld-su"',
      },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses other content types, bodies over the limit and other methods', async () => {
    const before = await footprint();
    const auth = { authorization: `Bearer ${admin.key}` };
    const form = await post(topic('form-topic'), { ...auth, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(errorOf(form.text).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const large = JSON.stringify({
      topics: [{ id: 'large-topic', name: 'x'.repeat(maxImportBytes), sources: [source], evidence: 'STATED' }],
    });
    const tooLarge = await post(large, auth);
    expect(tooLarge.status).toBe(413);
    expect(errorOf(tooLarge.text)).toEqual({ code: 'REQUEST_ENTITY_TOO_LARGE', message: expect.stringMatching(/limit of 20000 bytes/) });
    const chunked = await server.send({
      method: 'POST',
      path: '/admin/import',
      headers: { ...auth, 'content-type': 'application/json' },
      body: large,
      chunked: true,
    });
    expect(chunked.status).toBe(413);
    const get = await server.send({ method: 'GET', path: '/admin/import', headers: auth });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await footprint()).toEqual(before);
  });
});
