import { type GraphQLNamedType, type GraphQLObjectType, getNamedType, isInterfaceType, isLeafType, isObjectType } from 'graphql';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQueryLimits } from '../../src/config.ts';
import { Database, type Parameters, type Row } from '../../src/db/database.ts';
import { listedPathParts } from '../../src/db/path-parts-slots.ts';
import type { PlannedStatement } from '../../src/db/planned-read.ts';
import { ReadScope } from '../../src/db/read-scope.ts';
import { recordSlots } from '../../src/db/record-view.ts';
import type { RelationPage } from '../../src/db/repositories/relations.ts';
import { schema } from '../../src/schema/index.ts';
import { createLoaders } from '../../src/schema/loaders.ts';
import { pageWindow } from '../../src/schema/paging.ts';
import { declaredStoredProperties } from '../../src/schema/record-view.ts';
import { relationPageExtension, relationPageRequest } from '../../src/schema/relations.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed, type Variables } from '../support/graphql.ts';

// Planned nested reads (src/schema/planner.ts): a root list and the relation connections below
// it in one statement. The answers must be those of the per-level loaders, byte for byte, and
// what the planner leaves out must still be read by the loaders, never per result.

/** Records the statements each request ran, by name, and the request scopes they were charged to. */
class RecordingDatabase extends Database {
  statements: string[] = [];
  plannedTexts: string[] = [];
  parameters: Parameters[] = [];
  scopes = new Set<ReadScope>();

  override readWithin(scope: ReadScope, statement: string | PlannedStatement, parameters: Parameters): Promise<Row[]> {
    this.statements.push(typeof statement === 'string' ? statement : statement.name);
    if (typeof statement !== 'string') this.plannedTexts.push(statement.text);
    this.parameters.push(typeof statement === 'string' ? parameters : statement.parameters);
    this.scopes.add(scope);
    return super.readWithin(scope, statement, parameters);
  }

  reset(): void {
    this.statements = [];
    this.plannedTexts = [];
    this.parameters = [];
    this.scopes.clear();
  }
}

const q3 = `query Q3($kind: OrganizationKind, $first: Int!) {
  organizations(filter: { kind: $kind }, orderBy: { field: ID }, first: $first) { edges { node { slug name
    memoranda(first: 10) { edges { node { slug name
      signatories(first: 5) { edges { onBehalfOf { slug } node { slug name
        positions(first: 5) { edges { title node { slug name } } } } } } } } } } } } }`;

/** Nested queries the planner covers in whole or in part; each must answer as the loaders do. */
const nested: [string, string, Variables][] = [
  ['Q3 as the benchmark sends it', q3, { first: 10 }],
  [
    'counts, page info and cursors at every level, by name',
    `{ organizations(first: 40) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug
        memoranda { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor date node { slug
          parties { totalCount edges { cursor node { slug } } }
          signatories { totalCount edges { date onBehalfOf { slug name } node { slug positions { totalCount edges { title startDate endDate note node { slug } } } } } } } } }
        people { totalCount edges { title node { slug } } }
        tlds { edges { role node { slug } } } } } } }`,
    {},
  ],
  [
    'ordered by date and by name, both ways, with cursors and backwards pages',
    `{ organizations(first: 40) { edges { node { slug
        byDate: memoranda(orderBy: { field: DATE, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug
          signatories(orderBy: { field: DATE }) { edges { cursor node { slug } } } } } }
        lastByDate: memoranda(orderBy: { field: DATE }, last: 2) { pageInfo { hasPreviousPage startCursor } edges { cursor node { slug } } }
        byName: memoranda(orderBy: { field: NAME, direction: DESC }, first: 3) { edges { cursor node { slug } } } } } } }`,
    {},
  ],
  [
    'evidence filters and backwards pages',
    `{ persons(first: 30) { edges { node { slug
        positions(evidence: [STATED], last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } edges { cursor title evidence node { slug } } }
        memoranda(evidence: [INFERRED, EXTERNAL]) { totalCount edges { node { slug } } } } } } }`,
    {},
  ],
  [
    'aliases of one field with different arguments, and a fragment',
    `query { organizations(first: 30) { edges { node { slug
        few: memoranda(first: 1) { totalCount edges { cursor node { slug } } }
        all: memoranda(first: 20) { edges { node { ...Memo } } }
        memoranda(first: 1) { pageInfo { hasNextPage } } } } } }
      fragment Memo on Memorandum { slug signatories { edges { node { slug } } } ... on Memorandum { parties(first: 3) { edges { node { slug } } } } }`,
    {},
  ],
  [
    '@include and @skip with variables',
    `query ($people: Boolean!, $noTlds: Boolean!) { organizations(first: 30) { edges { node { slug
        people @include(if: $people) { totalCount edges { title node { slug } } }
        tlds @skip(if: $noTlds) { edges { node { slug } } }
        memoranda { edges { node { slug signatories @include(if: $people) { edges { node { slug } } } } } } } } } }`,
    { people: true, noTlds: true },
  ],
  [
    'includeParts and interfaces, which the loaders read',
    `{ organizations(first: 30) { edges { node { slug
        people(includeParts: true) { totalCount edges { title at { slug } node { slug } } }
        partOf { edges { node { slug ... on Organization { memoranda { edges { node { slug } } } } } } } } } } }`,
    {},
  ],
  [
    "a level read through a view whose signatories' organizations are asked for more than a view holds",
    `{ memoranda(first: 20) { edges { node { slug
        signatories { edges { date onBehalfOf { slug description evidence sources { slug } } node { slug name } } } } } } }`,
    {},
  ],
  [
    'nodes in place of edges { node }, and both at once',
    `{ organizations(first: 40) { totalCount nodes { slug
        memoranda(first: 10) { totalCount nodes { slug name
          signatories(first: 5) { edges { onBehalfOf { slug } node { slug positions { nodes { slug name } } } } } } } }
        edges { cursor node { slug tlds { nodes { slug } } } } } }`,
    {},
  ],
  [
    'root lists filtered by the entity at the other end of a relation',
    `{ memoranda(filter: { party: "coordination-center-ru" }) { totalCount nodes { slug signatories { nodes { slug } } } }
        events(filter: { participant: "andrey-vorobyev" }) { totalCount nodes { slug participants { edges { role node { slug } } } } } }`,
    {},
  ],
  [
    'events with their participants and documents',
    `{ events(first: 20, orderBy: { field: DATE, direction: DESC }) { edges { node { slug
        participants(first: 3) { totalCount edges { role node { slug } } }
        organizers { edges { node { slug } } }
        topics { edges { node { slug coveredBy { totalCount } } } } } } } }`,
    {},
  ],
];

/** A connection type's edge type and its edges' node type; null for another type. */
function edgeAndNode(type: GraphQLNamedType): { edge: GraphQLObjectType; node: GraphQLNamedType } | null {
  if (!isObjectType(type)) return null;
  const edge = getNamedType(type.getFields().edges?.type);
  if (!isObjectType(edge)) return null;
  const node = getNamedType(edge.getFields().node?.type);
  return node ? { edge, node } : null;
}

/** The property lists of `variable`'s record views in a statement, in its order: `[b.id, b.name]` is ['id', 'name']. */
function viewsIn(text: string, variable: string): string[][] {
  const list = new RegExp(`\\[(${variable}\\.\\w+(?:, ${variable}\\.\\w+)*)\\]`, 'g');
  return Array.from(text.matchAll(list), ([, names]) => (names ?? '').split(', ').map((name) => name.slice(variable.length + 1)));
}

describe('planned nested reads', () => {
  let db: RecordingDatabase;
  let planned: GraphQLClient;
  let loaders: GraphQLClient;

  beforeAll(async () => {
    const opened = await openTestDatabase();
    db = new RecordingDatabase(opened.driver, opened.name, opened.transactionTimeoutMs);
    await loadRealSeed(db);
    const limits = { ...defaultQueryLimits, cost: 10_000_000 };
    planned = new GraphQLClient(db, { limits });
    loaders = new GraphQLClient(db, { limits, plannedReads: false });
  });

  afterAll(async () => {
    if (!db) return;
    await emptyDatabase(db);
    await db.close();
  });

  /** One request's answer as sent, with its statements and the Bolt exchanges its read scope counted. */
  async function measure(client: GraphQLClient, query: string, variables: Variables = {}) {
    db.reset();
    const { status, result } = await client.send<unknown>(query, variables);
    expect(db.scopes.size).toBeLessThanOrEqual(1);
    const [scope] = [...db.scopes];
    return { status, text: JSON.stringify(result), result, statements: [...db.statements], exchanges: scope?.roundTrips ?? 0 };
  }

  it.each(nested)('answers %s as the loaders do', async (_name, query, variables) => {
    const fromLoaders = await measure(loaders, query, variables);
    const fromPlan = await measure(planned, query, variables);
    expect(fromLoaders.result).not.toHaveProperty('errors');
    expect(fromPlan.text).toBe(fromLoaders.text);
    expect(fromPlan.status).toBe(fromLoaders.status);
    expect(fromPlan.statements).toContain('planned/entity-page-tree');
    expect(fromPlan.exchanges).toBeLessThan(fromLoaders.exchanges);
  });

  /** A planned level's $limit and $size, as the last request sent them. */
  const levelLimits = (at: number) => {
    const number = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : value);
    return { limit: number(db.parameters[0]?.[`p${at}_limit`]), size: number(db.parameters[0]?.[`p${at}_size`]) };
  };

  it('reads Q3 in one exchange, each level through the record view its selection reads', async () => {
    const { result, statements, exchanges } = await measure(planned, q3, { first: 10 });
    expect(result).not.toHaveProperty('errors');
    expect(statements).toEqual(['planned/entity-page-tree']);
    expect(exchanges).toBe(1);
    const [text] = db.plannedTexts;
    // The signatories' organizations too, for their slugs.
    expect(text).toContain('RETURN [o.id, o.label] })');
    // A person's positions name organizations and bodies only (the relation rules): no level tests a label.
    expect(text).not.toContain('b.label IN');
    // Q3 selects no cursors or page info: nothing of the pages' order is read.
    // No level selects whether its list is complete: no entity's completeness is read.
    expect(text).toContain('collect({props: [n.id, n.label, n.name], sortKey: n.id})');
    expect(viewsIn(text ?? '', 'b')).toEqual([
      ['id', 'label', 'name'],
      ['id', 'label', 'name'],
      ['id', 'label', 'name'],
    ]);
    // The memoranda's edges show nothing of their relationship: an empty list.
    expect(text).toContain('[startNode(r) = a, [], [b.id, b.label, b.name], null]');
    expect(viewsIn(text ?? '', 'r')).toEqual([['onBehalfOf'], ['title']]);
    // Nor whether more exist: each page reads its size, without the extra relation pageInfo needs.
    expect([1, 2, 3].map((at) => levelLimits(at))).toEqual([
      { limit: 10, size: 10 },
      { limit: 5, size: 5 },
      { limit: 5, size: 5 },
    ]);
  });

  it('reads Q3 written with nodes as it reads Q3: the same statement, the same records', async () => {
    const q3Nodes = q3
      .replace(/\{ edges \{ node \{ slug name\n {4}memoranda/, '{ nodes { slug name\n    memoranda')
      .replace(/\{ edges \{ node \{ slug name\n {6}signatories/, '{ nodes { slug name\n      signatories')
      .replace('} } } } } } } } } } } } }', '} } } } } } } } } } }');
    expect(q3Nodes).toContain('organizations(filter: { kind: $kind }, orderBy: { field: ID }, first: $first) { nodes {');
    await measure(planned, q3, { first: 10 });
    const edgesText = db.plannedTexts[0];
    const nodesRead = await measure(planned, q3Nodes, { first: 10 });
    expect(nodesRead.result).not.toHaveProperty('errors');
    expect(nodesRead.statements).toEqual(['planned/entity-page-tree']);
    expect(nodesRead.exchanges).toBe(1);
    expect(db.plannedTexts[0]).toBe(edgesText);
    type Page<T> = { edges: { node: T }[] };
    type Org<M> = { slug: string; name: string; memoranda: M };
    type Memo = { slug: string; name: string; signatories: unknown };
    const byEdges = await planned.data<{ organizations: Page<Org<Page<Memo>>> }>(q3, { first: 10 });
    const byNodes = await planned.data<{ organizations: { nodes: Org<{ nodes: Memo[] }>[] } }>(q3Nodes, { first: 10 });
    const fromEdges = byEdges.organizations.edges.map(({ node }) => ({
      ...node,
      memoranda: node.memoranda.edges.map((edge) => edge.node),
    }));
    const fromNodes = byNodes.organizations.nodes.map((node) => ({ ...node, memoranda: node.memoranda.nodes }));
    expect(fromNodes).toEqual(fromEdges);
    expect(fromNodes.some((organization) => organization.memoranda.length > 0)).toBe(true);
  });

  it('reads one relation more only for the pages whose pageInfo is selected, and says right whether more exist', async () => {
    const query = `{ organizations(first: 40) { edges { node { slug
      memoranda(first: 1) { pageInfo { hasNextPage } edges { node { slug signatories(first: 1) { edges { node { slug } } } } } } } } } }`;
    const fromLoaders = await measure(loaders, query);
    const { text, result } = await measure(planned, query);
    expect(result).not.toHaveProperty('errors');
    expect(text).toBe(fromLoaders.text);
    expect([levelLimits(1), levelLimits(2)]).toEqual([
      { limit: 2, size: 1 },
      { limit: 1, size: 1 },
    ]);
    // Some organization of the seed signed more than one memorandum: its page says so.
    expect(text).toContain('"hasNextPage":true');
    expect(text).toContain('"hasNextPage":false');
  });

  it('reads what a field under @include needs, whichever variables the same document came with before', async () => {
    // A compiled query (the second request for a text) hands its resolvers the same field nodes
    // on every request: a record view decided by one request's @include must serve the next.
    const query = `query ($withName: Boolean!) { organizations(first: 40) { edges { node { slug
      memoranda { edges { node { slug name @include(if: $withName) } } } } } } }`;
    for (const withName of [false, false, false, true, true, false]) {
      const fromLoaders = await measure(loaders, query, { withName });
      const fromPlan = await measure(planned, query, { withName });
      expect(fromLoaders.result).not.toHaveProperty('errors');
      expect(fromPlan.text).toBe(fromLoaders.text);
      expect(fromPlan.text.includes('"name":"')).toBe(withName);
      expect(fromPlan.exchanges).toBe(1);
    }
  });

  it('plans a document again for other variables, and answers each as the loaders do', async () => {
    // The plan is kept per document and variables (planner.ts): a page size given as a variable
    // must not carry over from one request to the next.
    const query = `query ($n: Int!) { organizations(first: 40) { edges { node { slug
      memoranda(first: $n) { edges { node { slug } } } } } } }`;
    for (const n of [1, 2, 1, 3]) {
      const fromLoaders = await measure(loaders, query, { n });
      const fromPlan = await measure(planned, query, { n });
      expect(fromLoaders.result).not.toHaveProperty('errors');
      expect(fromPlan.text).toBe(fromLoaders.text);
      expect(levelLimits(1)).toEqual({ limit: n, size: n });
      expect(fromPlan.exchanges).toBe(1);
    }
  });

  it('keeps a page read through a view apart from the same page asked elsewhere with fields the view lacks', async () => {
    // The same memoranda page of the same organization: through a view in the planned list, and
    // whole (description, date, sources, evidence) under a lookup in the same request.
    const query = `{ organizations(first: 40) { edges { node { slug memoranda { edges { node { slug name } } } } } }
      organization(slug: "coordination-center-ru") { memoranda { edges { cursor date evidence node { slug name description date sources { slug } } } } } }`;
    const fromLoaders = await measure(loaders, query);
    const fromPlan = await measure(planned, query);
    expect(fromLoaders.result).not.toHaveProperty('errors');
    expect(fromPlan.text).toBe(fromLoaders.text);
    expect(fromPlan.text).toContain('"description":"');
    expect(viewsIn(db.plannedTexts[0] ?? '', 'b')).not.toEqual([]);
  });

  /** A request's answer without the fields aliased `wholeRecord`, and without its cost (which they raise). */
  const withoutWholeRecord = (text: string) =>
    JSON.stringify(JSON.parse(text, (key, value: unknown) => (key === 'wholeRecord' || key === 'extensions' ? undefined : value)));

  it('answers every field that reads through a record view as whole records do, on every list', async () => {
    // Built from the schema: every root list of entities with every field of its nodes that
    // declares what it reads, and every relation connection of those nodes with the same on its
    // edges and nodes. The reference reads whole records: the loaders for the levels below, and
    // for the list itself a field that declares nothing (description, aliased wholeRecord).
    const declaredLeaves = (type: GraphQLNamedType) =>
      isObjectType(type) || isInterfaceType(type)
        ? Object.values(type.getFields())
            .filter((field) => declaredStoredProperties(field) !== null && isLeafType(getNamedType(field.type)))
            .map((field) => field.name)
        : [];
    const queries: [string, string][] = [];
    for (const root of Object.values(schema.getQueryType()?.getFields() ?? {})) {
      const list = edgeAndNode(getNamedType(root.type));
      const entityList = list && isObjectType(list.node) && list.node.getInterfaces().some((face) => face.name === 'Entity');
      if (!list || !entityList || !isObjectType(list.node) || !root.args.some((arg) => arg.name === 'first')) continue;
      const selections = Object.values(list.node.getFields())
        .filter((field) => field.extensions[relationPageExtension] !== undefined)
        .flatMap((connection) => {
          const page = edgeAndNode(getNamedType(connection.type));
          if (!page) return [];
          const edgeFields = Object.values(page.edge.getFields())
            .filter((field) => declaredStoredProperties(field) !== null)
            .map((field) =>
              isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { ${declaredLeaves(getNamedType(field.type)).join(' ')} }`,
            );
          return [
            `${connection.name}(first: 4) { totalCount complete edges { cursor ${edgeFields.join(' ')} node { ${declaredLeaves(page.node).join(' ')} } } }`,
          ];
        });
      const fields = `${declaredLeaves(list.node).join(' ')} ${selections.join(' ')}`;
      queries.push([
        `{ ${root.name}(first: 40) { totalCount edges { cursor node { ${fields} } } } }`,
        `{ ${root.name}(first: 40) { totalCount edges { cursor node { wholeRecord: description ${fields} } } } }`,
      ]);
    }
    expect(queries.length).toBeGreaterThanOrEqual(9);
    for (const [query, reference] of queries) {
      const whole = await measure(loaders, reference);
      const fromPlan = await measure(planned, query);
      expect(whole.result, reference).not.toHaveProperty('errors');
      expect(withoutWholeRecord(fromPlan.text), query).toBe(withoutWholeRecord(whole.text));
      // The root page through its view: in the planned statement's text, or the page's own slot.
      expect(viewsIn(db.plannedTexts[0] ?? String(db.parameters[0]?.rowRecord), 'n'), query).not.toEqual([]);
      if (db.plannedTexts[0]) expect(viewsIn(db.plannedTexts[0], 'b'), query).not.toEqual([]);
    }
  });

  it("reads an entity's completeness for the lists below it that ask whether they are whole, and only for those", async () => {
    // A memorandum's topics (COVERS) are partial in a source (seed/data/memoranda.json).
    const query = (complete: string) => `{ memoranda(first: 40) { edges { node { slug
      topics { ${complete} edges { node { slug } } } parties { edges { node { slug events { edges { node { slug } } } } } } } } } }`;
    const whole = await measure(loaders, query('complete completenessSources { slug }'));
    const asked = await measure(planned, query('complete completenessSources { slug }'));
    expect(asked.result).not.toHaveProperty('errors');
    expect(asked.text).toBe(whole.text);
    expect(asked.text).toContain('"complete":false');
    expect(db.plannedTexts[0]).toContain('n.completeness');
    // The planned levels: the parties have a list below them that does not ask (their events, on
    // the Actor interface, come through the loaders), the topics none.
    const levels = viewsIn(db.plannedTexts[0] ?? '', 'b');
    expect(levels).toHaveLength(2);
    for (const properties of levels) expect(properties).not.toContain('completeness');
    await measure(planned, query(''));
    expect(db.plannedTexts[0]).not.toContain('n.completeness');
  });

  it('reads a Q2-shaped page through a view of the four properties it shows', async () => {
    const query = `{ events(filter: { kind: SECTION }, orderBy: { field: DATE }, first: 3) {
      totalCount edges { cursor node { slug name kind startDate } } pageInfo { hasNextPage endCursor } } }`;
    const whole = await measure(loaders, query.replace('node { slug', 'node { wholeRecord: description slug'));
    const viewed = await measure(planned, query);
    expect(withoutWholeRecord(viewed.text)).toBe(withoutWholeRecord(whole.text));
    expect(viewed.text).toContain('"startDate":"');
    expect(viewed.statements).toEqual(['queries/entity-page']);
    expect(db.parameters[0]?.rowRecord).toBe('[n.id, n.kind, n.label, n.name, n.startDate]');
  });

  const q5 = 'query Q5($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6) { nodes { slug } edges { key } } }';
  const gid = (type: string, slug: string) => Buffer.from(`${type}:${slug}`).toString('base64');

  it('answers a Q5-shaped request in one Bolt exchange: both ends and the paths, whatever the number of paths', async () => {
    const pairs: [string, string][] = [
      ['qrator-labs', 'body-itu'],
      [gid('Organization', 'qrator-labs'), 'msk-ix'],
      ['citadel', gid('Organization', 'msk-ix')],
    ];
    const counts: number[] = [];
    for (const [from, to] of pairs) {
      const { result, statements, exchanges } = await measure(planned, q5, { from, to });
      expect(result).not.toHaveProperty('errors');
      expect(statements).toEqual(['queries/shortest-paths']);
      expect(exchanges).toBe(1);
      counts.push((result as { data: { paths: unknown[] } }).data.paths.length);
    }
    // Results of different sizes, each in one exchange.
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('reads the entities and relationships on paths through the view the selection reads, and answers as whole records do', async () => {
    const viewed = 'query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6) { nodes { slug name } edges { key type } } }';
    const whole = viewed
      .replace('nodes { slug', 'nodes { wholeRecord: description slug')
      .replace('edges { key', 'edges { wholeRecord: sources { slug } key');
    for (const [from, to] of [
      ['qrator-labs', 'body-itu'],
      ['citadel', 'msk-ix'],
    ]) {
      const fromWhole = await measure(planned, whole, { from, to });
      expect(db.parameters[0]?.pathParts).toBe(listedPathParts);
      const fromView = await measure(planned, viewed, { from, to });
      expect(fromView.result).not.toHaveProperty('errors');
      expect(withoutWholeRecord(fromView.text)).toBe(withoutWholeRecord(fromWhole.text));
      expect(db.parameters[0]?.pathParts).toBe(
        'RETURN [p IN found | {nodes: [n IN nodes(p) | [n.id, n.label, n.name]], edges: [r IN relationships(p) | [startNode(r).id, type(r), [r.key]]]}] AS paths, [] AS entities, [] AS relations',
      );
      expect(fromView.exchanges).toBe(1);
    }
  });

  it('still says which end names nothing, with candidates, or names another type', async () => {
    const missing = await measure(planned, q5, { from: 'qrator-labs', to: 'msk-ixx' });
    const [error] = (missing.result as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
    expect(error?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'to', ref: 'msk-ixx' });
    expect(error?.extensions.didYouMean).toEqual(expect.arrayContaining([expect.objectContaining({ slug: 'msk-ix' })]));
    const wrongType = await measure(planned, q5, { from: gid('Person', 'qrator-labs'), to: 'msk-ix' });
    const [typeError] = (wrongType.result as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
    expect(typeError?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
    expect(typeError?.message).toContain('is an Organization');
    const same = await measure(planned, q5, { from: 'itu', to: 'body-itu' });
    expect((same.result as { errors: { extensions: Record<string, unknown> }[] }).errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
    });
    expect(same.exchanges).toBe(1);
  });

  it('reads a Q1-shaped lookup through a view of the properties it shows, and answers as the whole record does', async () => {
    const viewed = '{ organization(slug: "coordination-center-ru") { slug name kind country aliases } }';
    const fromWhole = await measure(planned, viewed.replace('{ slug', '{ wholeRecord: description slug'));
    expect(db.parameters[0]?.rowRecord).toBe(recordSlots.rowRecord.whole);
    const fromView = await measure(planned, viewed);
    expect(fromView.result).not.toHaveProperty('errors');
    expect(fromView.text).toContain('"slug":"coordination-center-ru"');
    expect(withoutWholeRecord(fromView.text)).toBe(withoutWholeRecord(fromWhole.text));
    expect(fromView.statements).toEqual(['queries/entities-by-id']);
    expect(db.parameters[0]?.rowRecord).toBe('[n.aliases, n.country, n.id, n.kind, n.label, n.name]');
    // A field that declares nothing of what it reads: the whole record, through the entity loader.
    await measure(planned, '{ organization(slug: "coordination-center-ru") { slug sources { slug } } }');
    expect(db.parameters[0]?.rowRecord).toBe(recordSlots.rowRecord.whole);
  });

  it('reads search hits through a view of what the selection shows of them, and answers as whole records do', async () => {
    // Built from the schema: every field of a hit's entity (the Entity interface) that declares
    // what it reads. The reference asks for matchedField too (aliased wholeRecord), which reads
    // every searched field of the record, so its hits are whole.
    const hitNode = schema.getType('SearchHit');
    const entityType = isObjectType(hitNode) ? getNamedType(hitNode.getFields().node?.type) : undefined;
    const leaves =
      entityType && (isInterfaceType(entityType) || isObjectType(entityType))
        ? Object.values(entityType.getFields())
            .filter((field) => declaredStoredProperties(field) !== null && isLeafType(getNamedType(field.type)) && field.args.length === 0)
            .map((field) => field.name)
        : [];
    expect(leaves).toEqual(expect.arrayContaining(['slug', 'name']));
    for (const text of ['Vorobyev', 'coordination center', '.рф', 'Quator Labs', 'ISPCP membership']) {
      const viewed = `query ($text: String!) { search(query: $text, first: 20) { score allWords node { ${leaves.join(' ')} } } }`;
      const fromView = await measure(planned, viewed, { text });
      expect(fromView.result, text).not.toHaveProperty('errors');
      expect(fromView.statements, text).toEqual(['queries/search']);
      expect(viewsIn(String(db.parameters[0]?.rowRecord), 'n'), text).toHaveLength(1);
      expect(fromView.text, text).toContain('"slug":"');
      const fromWhole = await measure(planned, viewed.replace('score allWords', 'score allWords wholeRecord: matchedField'), { text });
      expect(db.parameters[0]?.rowRecord, text).toBe(recordSlots.rowRecord.whole);
      expect(withoutWholeRecord(fromView.text), text).toBe(withoutWholeRecord(fromWhole.text));
    }
    // Benchmark Q4's selection reads a slug and a name of each hit: nothing else crosses the wire.
    await measure(planned, '{ search(query: "Vorobyev") { score node { slug name } } }');
    expect(db.parameters[0]?.rowRecord).toBe('[n.id, n.label, n.name]');
    // A field of a hit's entity that declares nothing of what it reads: whole records, primed for the loaders.
    const sources = await measure(planned, '{ search(query: "Vorobyev", first: 3) { node { slug sources { slug } } } }');
    expect(db.parameters[0]?.rowRecord).toBe(recordSlots.rowRecord.whole);
    expect(sources.result).not.toHaveProperty('errors');
  });

  it('answers every lookup by slug through a view as through the whole record', async () => {
    // Built from the schema: every lookup of one type with every field of that type that
    // declares what it reads, on the first entity of that type's root list.
    const query = schema.getQueryType();
    const fields = Object.values(query?.getFields() ?? {});
    let checked = 0;
    const wholeOnly: string[] = [];
    for (const lookup of fields) {
      const type = getNamedType(lookup.type);
      if (!isObjectType(type) || !lookup.args.some((arg) => arg.name === 'slug')) continue;
      const list = fields.find(
        (root) => root.args.some((arg) => arg.name === 'first') && edgeAndNode(getNamedType(root.type))?.node === type,
      );
      if (!list) continue;
      const first = await measure(planned, `{ ${list.name}(first: 1) { edges { node { slug } } } }`);
      const slug = /"slug":"([^"]+)"/.exec(first.text)?.[1];
      expect(slug, list.name).toBeDefined();
      const leaves = Object.values(type.getFields())
        .filter((field) => declaredStoredProperties(field) !== null && isLeafType(getNamedType(field.type)) && field.args.length === 0)
        .map((field) => field.name);
      // A type none of whose fields declares what it reads is read whole: there is no view to compare.
      if (leaves.length === 0) {
        wholeOnly.push(lookup.name);
        continue;
      }
      const viewed = `{ ${lookup.name}(slug: "${slug}") { ${leaves.join(' ')} } }`;
      const fromView = await measure(planned, viewed);
      expect(fromView.result, viewed).not.toHaveProperty('errors');
      expect(viewsIn(String(db.parameters[0]?.rowRecord), 'n'), viewed).toHaveLength(1);
      const fromWhole = await measure(planned, `{ ${lookup.name}(slug: "${slug}") { wholeRecord: sources { slug } ${leaves.join(' ')} } }`);
      expect(
        db.parameters.every((parameters) => parameters.rowRecord === undefined || parameters.rowRecord === recordSlots.rowRecord.whole),
      ).toBe(true);
      expect(withoutWholeRecord(fromView.text), viewed).toBe(withoutWholeRecord(fromWhole.text));
      expect(fromView.text, viewed).toContain(`"slug":"${slug}"`);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // A conflict is no entity of the graph: its lookup reads its whole record.
    expect(wholeOnly).toEqual(['conflict']);
  });

  it('follows former slugs and global IDs through a view, and answers null for another type', async () => {
    const { result, statements } = await measure(
      planned,
      `{ byFormer: body(slug: "body-icann") { slug name } byId: body(slug: "${gid('Body', 'icann')}") { slug name }
         otherType: organization(slug: "icann") { slug name } missing: body(slug: "no-such-body") { slug name } }`,
    );
    expect(result).toMatchObject({
      data: { byFormer: { slug: 'icann', name: 'ICANN' }, byId: { slug: 'icann', name: 'ICANN' }, otherType: null, missing: null },
    });
    expect(result).not.toHaveProperty('errors');
    // The lookups of one selection share one statement.
    expect(statements).toEqual(['queries/entities-by-id']);
  });
  it("keeps a planned read's pages for the resolvers as they are, and in the loader's cache, until a write clears it", async () => {
    const scope = new ReadScope(db);
    const own = createLoaders(scope);
    const request = relationPageRequest(
      { type: 'SIGNED', direction: 'in', labels: null, roles: null, partLabels: null },
      {},
      pageWindow({ first: 5 }, 5),
      false,
      false,
    );
    const key = { id: 'memo-cc-msk-ix', request, view: null };
    const page: RelationPage = { total: null, edges: [] };
    const other: RelationPage = { total: 7, edges: [] };
    own.keepRelationPage(key, page);
    // A copy of the key (a resolver makes its own) finds it, at once and through the loader.
    expect(own.fetchedRelationPage({ ...key, request: { ...request } })).toBe(page);
    db.reset();
    await expect(own.relationPage.load(key)).resolves.toBe(page);
    expect(db.statements).toEqual([]);
    // As DataLoader's prime: what the cache holds stays.
    own.keepRelationPage(key, other);
    expect(own.fetchedRelationPage(key)).toBe(page);
    // A write clears the loaders (curation/write.ts): the next ask reads the database.
    own.relationPage.clearAll();
    expect(own.fetchedRelationPage(key)).toBeUndefined();
    const read = await own.relationPage.load(key);
    expect(read.edges.map((edge) => edge.from).sort()).toEqual(['alexei-platonov', 'andrey-vorobyev']);
    expect(db.statements).toEqual(['queries/relation-pages']);
    scope.dispose();
  });
});
