import { encodeGlobalID } from '@pothos/plugin-relay';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { schema } from '../../src/schema/index.ts';
import { graphState, openTestDatabase } from '../support/database.ts';
import type { GraphState } from '../support/graph-state.ts';
import { loadRealSeed } from '../support/graphql.ts';
import { type HttpRequest, type HttpResponse, startTestServer, type TestServer } from '../support/http-server.ts';
import { findLeaks, recordedExchanges } from '../support/leak-scan.ts';
import { type AttackCase, expandText, expandValue, loadAttackCases } from './cases.ts';
import { injectionPayloads, injectionTargets } from './injection.ts';

// Hostile requests, kept as data in cases/, sent over real HTTP to the API on the seeded Neo4j.
// Every one must be refused with a clear error (status, extensions.code, message), the server
// must keep answering, and the graph must not change by a single node, relationship or property
// (a hash of all of them, test/support/graph-state.ts).

interface ErrorOut {
  message: string;
  extensions?: { code?: string };
}

interface Answer {
  data?: unknown;
  errors?: ErrorOut[];
  extensions?: { cost?: { cost: number; limit: number } };
}

const accepts = { json: 'application/json', graphqlResponse: 'application/graphql-response+json' } as const;

function toRequest(one: AttackCase, accept: string): HttpRequest {
  const method = one.method ?? 'POST';
  const headers: Record<string, string> = { accept, ...one.headers };
  const query = one.query === undefined ? undefined : expandText(one.query);
  const variables = one.variables === undefined ? undefined : expandValue(one.variables);
  if (method === 'GET') {
    const params = new URLSearchParams();
    if (query !== undefined) params.set('query', query);
    if (variables !== undefined) params.set('variables', JSON.stringify(variables));
    if (one.operationName) params.set('operationName', one.operationName);
    return { method, headers, path: `/graphql?${params}` };
  }
  headers['content-type'] ??= 'application/json';
  const body =
    one.rawBody !== undefined
      ? expandText(one.rawBody)
      : JSON.stringify(one.json ?? { query, variables, ...(one.operationName ? { operationName: one.operationName } : {}) });
  return { method, headers, body, chunked: one.chunked };
}

function parseAnswer(response: HttpResponse): Answer {
  try {
    return JSON.parse(response.text) as Answer;
  } catch {
    throw new Error(`not a JSON answer (${response.status}): ${response.text.slice(0, 300)}`);
  }
}

describe('attack suite', () => {
  let db: Database;
  let server: TestServer;
  /** The same limits with introspection off: suggestions must not map the schema there. */
  let withoutIntrospection: TestServer;
  let before: GraphState;

  const normalQueryAnswers = async (to: TestServer) => {
    const response = await to.send({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organization(slug: "msk-ix") { name } }' }),
    });
    expect(response.status).toBe(200);
    expect(parseAnswer(response).data).toEqual({ organization: { name: expect.any(String) } });
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
    const limits = { depth: 15, aliases: 30, tokens: 1000, directives: 20, cost: 50000, bodyBytes: 100_000 };
    server = await startTestServer(db, { limits, introspection: true });
    withoutIntrospection = await startTestServer(db, { limits, introspection: false });
    before = await graphState(db);
  });

  afterAll(async () => {
    await server?.close();
    await withoutIntrospection?.close();
    await db?.close();
  });

  const cases = loadAttackCases();

  it('keeps at least 30 cases as data', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const one of cases) {
    for (const [acceptName, accept] of Object.entries(accepts) as [keyof typeof accepts, string][]) {
      it(`${one.file}: ${one.name} (accept ${accept})`, async () => {
        const to = one.introspection === false ? withoutIntrospection : server;
        const response = await to.send(toRequest(one, accept));
        const expected = typeof one.expect.status === 'number' ? one.expect.status : one.expect.status[acceptName];
        const answer = parseAnswer(response);
        expect({ status: response.status, errors: answer.errors }).toMatchObject({
          status: expected,
          errors: [{ message: expect.stringContaining(one.expect.message), extensions: { code: one.expect.code } }],
        });
        if (one.expect.notMessage) expect(response.text).not.toContain(one.expect.notMessage);
        // Refused before execution: nothing came back but the error.
        expect(answer.data ?? null).toBeNull();
        await normalQueryAnswers(to);
      });
    }
  }

  it('with introspection on, a mistyped field, argument or value gets graphql\'s "Did you mean" (issue #15)', async () => {
    for (const [query, suggested] of [
      ['{ organisations { totalCount } }', 'Did you mean "organizations"'],
      ['{ organizations(frist: 1) { totalCount } }', 'Did you mean "first"'],
      ['{ organizations(orderBy: { field: NAM }) { totalCount } }', 'Did you mean the enum value "NAME"'],
    ] as const) {
      const response = await server.send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const answer = parseAnswer(response);
      expect(answer.errors?.[0]?.message, query).toContain(suggested);
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('answers __typename with introspection off: it names a type, it does not describe the schema', async () => {
    const response = await withoutIntrospection.send({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename organization(slug: "msk-ix") { __typename name } }' }),
    });
    expect(response.status).toBe(200);
    expect(parseAnswer(response)).toEqual({
      data: { __typename: 'Query', organization: { __typename: 'Organization', name: expect.any(String) } },
      extensions: { cost: expect.any(Object) },
    });
  });

  it('changed nothing in the graph', async () => {
    expect(await graphState(db)).toEqual(before);
  });

  it('answers a query under the limits with its cost, in extensions.cost and in queryCost', async () => {
    const query = 'query ($n: Int) { queryCost { cost limit } organizations(first: $n) { edges { node { name } } } }';
    const response = await server.send({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { n: 7 } }),
    });
    const answer = parseAnswer(response);
    expect(answer.errors).toBeUndefined();
    // queryCost 1 + cost 1 + limit 1; organizations 1 + 7 × (edges 1 + node 1 + name 1).
    expect(answer.data).toMatchObject({ queryCost: { cost: 3 + 1 + 7 * 3, limit: 50000 } });
    expect(answer.extensions?.cost).toEqual({ cost: 25, limit: 50000 });
  });

  it('measures the same query again for other variables, and gives the same cost for the same ones', async () => {
    // The measures are kept by document and variables: a page size must never be charged as another's.
    const query = 'query ($n: Int) { organizations(first: $n) { edges { node { name } } } }';
    const costFor = async (n: number) => {
      const response = await server.send({
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { n } }),
      });
      return parseAnswer(response).extensions?.cost?.cost;
    };
    expect([await costFor(7), await costFor(3), await costFor(7), await costFor(3)]).toEqual([22, 10, 22, 10]);
  });

  it('lets GraphiQL and JSON clients through: a JSON POST needs no CSRF header, a GET with one works', async () => {
    const post = await server.send({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { version } }' }),
    });
    expect(post.status).toBe(200);
    const get = await server.send({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`,
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(get.status).toBe(200);
    const page = await server.send({ method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('GraphiQL');
  });
});

describe('Cypher injection through every text argument', () => {
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    db = await openTestDatabase();
    const graph = await loadRealSeed(db);
    server = await startTestServer(db);
    const slugOf = (label: string) => {
      const node = graph.nodes.find((candidate) => candidate.label === label);
      if (!node) throw new Error(`the seed holds no ${label}`);
      return node.id;
    };
    fixtures = {
      slugOf,
      globalIds: [
        encodeGlobalID('Organization', 'msk-ix'),
        encodeGlobalID('Body', slugOf('Body')),
        encodeGlobalID('Person', slugOf('Person')),
      ],
    };
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  let fixtures: Parameters<typeof injectionTargets>[1];

  it('finds the arguments in the schema', () => {
    const names = injectionTargets(schema, fixtures).map((target) => target.name);
    expect(names).toEqual(expect.arrayContaining(['Query.search(query)', 'Query.tld(name)', 'Query.organizations(filter.nameContains)']));
    expect(names.length).toBeGreaterThan(100);
  });

  it('answers every payload normally and changes nothing', { timeout: 600000 }, async () => {
    const before = await graphState(db);
    const payloads = injectionPayloads();
    const requests: { name: string; body: string; literal: boolean }[] = [];
    for (const target of injectionTargets(schema, fixtures)) {
      for (const payload of payloads) {
        for (const form of target.forms(payload)) {
          requests.push({
            name: target.name,
            literal: false,
            body: JSON.stringify({ query: target.query(form, false), variables: { v: target.variable(form) } }),
          });
          if (target.root) requests.push({ name: target.name, literal: true, body: JSON.stringify({ query: target.query(form, true) }) });
        }
      }
    }
    const problems: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const response = await server.send({ headers: { 'content-type': 'application/json' }, body: request.body });
        const answer = parseAnswer(response);
        // A literal the type refuses is a validation error; through a variable, BAD_USER_INPUT.
        const allowed = ['BAD_USER_INPUT', 'NOT_FOUND', ...(request.literal ? ['GRAPHQL_VALIDATION_FAILED'] : [])];
        const wrong = (answer.errors ?? []).filter((error) => !allowed.includes(error.extensions?.code ?? ''));
        // A variable its type refuses is refused before execution: 400, BAD_USER_INPUT, no data.
        const refusedVariable = response.status === 400 && answer.data === undefined && (answer.errors ?? []).length > 0;
        if ((response.status !== 200 && !refusedVariable) || wrong.length > 0) {
          problems.push(`${request.name}: ${response.status} ${response.text.slice(0, 300)} ← ${request.body.slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(1000);
    expect(await graphState(db)).toEqual(before);
    const check = await server.send({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { version } }' }),
    });
    expect(check.status).toBe(200);
  });
});

describe('broken requests leak nothing', () => {
  let db: Database;
  let server: TestServer;
  let downServer: TestServer;
  let downDb: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
    server = await startTestServer(db);
    // A database that is not there: every read fails inside the driver, with its address in the message.
    downDb = new Database(
      neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'unused'), { connectionTimeout: 500, maxConnectionPoolSize: 2 }),
      'neo4j',
      1000,
    );
    downServer = await startTestServer(downDb);
  });

  afterAll(async () => {
    await server?.close();
    await downServer?.close();
    await downDb?.close();
    await db?.close();
  });

  const broken = [
    '{ organizations(after: "!!!not-a-cursor") { totalCount } }',
    `{ organizations(after: "${Buffer.from('[1,2]').toString('base64url')}") { edges { node { name } } } }`,
    `{ organizations(after: "${Buffer.from('{"x":').toString('base64url')}") { edges { node { name } } } }`,
    `{ organizations(orderBy: { field: DATE }, after: "${Buffer.from(JSON.stringify(['\u0000', 'x'])).toString('base64url')}") { edges { node { name } } } }`,
    '{ node(id: "not base64 at all") { id } }',
    `{ node(id: "${encodeGlobalID('Nope', 'x')}") { id } }`,
    `{ node(id: "${encodeGlobalID('Organization', '')}") { id } }`,
    `{ nodes(ids: ["${encodeGlobalID('Organization', 'msk-ix')}", "%%%"]) { id } }`,
    `{ neighborhood(id: "${encodeGlobalID('Organization', 'no-such-thing')}") { nodes { name } } }`,
    `{ paths(from: "${encodeGlobalID('Organization', 'msk-ix')}", to: "${encodeGlobalID('Organization', 'msk-ix')}") { nodes { name } } }`,
    `{ paths(from: "${encodeGlobalID('Organization', 'msk-ix')}", to: "${encodeGlobalID('Body', 'icann')}", relationTypes: ["MATCH (n) DETACH DELETE n"]) { nodes { name } } }`,
    `{ timeline(actor: "${encodeGlobalID('Organization', 'msk-ix')}", from: "2022", to: "2021") { edges { node { date } } } }`,
    '{ tld(name: "a.b.c") { name } }',
    '{ search(query: "!!!") { score } }',
  ];

  it('answers malformed cursors and IDs with BAD_USER_INPUT or NOT_FOUND', async () => {
    for (const query of broken) {
      const response = await server.send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const answer = parseAnswer(response);
      expect(response.status, query).toBe(200);
      for (const error of answer.errors ?? [])
        expect(['BAD_USER_INPUT', 'NOT_FOUND'], `${query}: ${error.message}`).toContain(error.extensions?.code);
    }
  });

  it('masks database failures', async () => {
    for (const query of [
      '{ organization(slug: "msk-ix") { name } }',
      '{ organizations { totalCount edges { node { name } } } }',
      '{ search(query: "ru") { score } }',
    ]) {
      const response = await downServer.send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const answer = parseAnswer(response);
      // Never an empty answer that reads as "not found": the client is told the database is down.
      expect(response.status, query).toBe(503);
      expect(
        answer.errors?.map((error) => error.extensions?.code),
        query,
      ).toEqual(['DATABASE_UNAVAILABLE']);
    }
  });

  it('shows no Cypher, Neo4jError, bolt:// address or stack trace in any answer of this file', () => {
    expect(recordedExchanges().length).toBeGreaterThan(100);
    expect(findLeaks(recordedExchanges())).toEqual([]);
  });
});
