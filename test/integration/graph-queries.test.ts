import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Parameters, type Row } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import type { PlannedStatement } from '../../src/db/planned-read.ts';
import type { ReadScope } from '../../src/db/read-scope.ts';
import { loadNeighborhood } from '../../src/db/repositories/graph.ts';
import {
  type EntityLabel,
  entityLabels,
  type NodeRow,
  type PropertyValue,
  type RelationRow,
  type RelationType,
  relationTypes,
  type SeedGraph,
} from '../../src/domain/graph.ts';
import { formSeparator } from '../../src/domain/text/search-forms.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { emptyDatabase, openTestDatabase, readRows } from '../support/database.ts';
import { testRequestTimeoutMs } from '../support/graphql.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

/** A reference that names nothing: NOT_FOUND naming the argument and the reference, with candidates from search (issue #15). */
const notFound = (argument: string) => ({
  code: 'NOT_FOUND',
  field: argument,
  argument,
  ref: expect.any(String),
  didYouMean: expect.any(Array),
});

// ---------------------------------------------------------------------------------------
// A small graph modelled on the real one, as the seed validator hands it to the loader. What the
// validator derives (nameKey, searchText, dateFrom, dateTo) is written out by hand here, not
// computed with its own functions, so the expected orders below rest on nothing but this text.

/** Derived properties: the folded name, and the first and last day the dates can mean. */
interface Derived {
  nameKey: string;
  dateFrom?: string;
  dateTo?: string;
}

function node(
  id: string,
  label: EntityLabel,
  name: string,
  derived: Derived,
  fields: Record<string, PropertyValue> = {},
  sources = ['src-a'],
): NodeRow {
  const props: Record<string, PropertyValue> = {
    name,
    searchText: [derived.nameKey, id.replaceAll('-', ' ')].join(formSeparator),
    aliases: [],
    sources: label === 'Source' ? [id] : sources,
    citationEvidence: ['STATED'],
    ...fields,
    ...derived,
  };
  return { id, label, props };
}

function relation(
  type: RelationType,
  from: string,
  to: string,
  sources: string[],
  fields: Record<string, string> = {},
  days: { dateFrom?: string; dateTo?: string } = {},
): RelationRow {
  const props: Record<string, PropertyValue> = { sources, citationEvidence: sources.map(() => 'STATED'), ...fields, ...days };
  return { key: `${type}|${from}|${to}|${fields.role ?? ''}|${fields.title ?? ''}`, type, from, to, props };
}

const graph: SeedGraph = {
  nodes: [
    node(
      'src-a',
      'Source',
      'Article A',
      { nameKey: 'article a', dateFrom: '2021-03-01', dateTo: '2021-03-31' },
      { title: 'Article A', date: '2021-03' },
    ),
    node('src-b', 'Source', 'Article B', { nameKey: 'article b' }, { title: 'Article B' }),
    node(
      'coordination-center',
      'Organization',
      'Coordination Center for TLD .RU/.РФ',
      { nameKey: 'coordination center for tld .ru/.рф' },
      { kind: 'registry', country: 'RU' },
    ),
    node('qrator-labs', 'Organization', 'Qrator Labs', { nameKey: 'qrator labs' }, { kind: 'company' }, ['src-b']),
    node('ripn', 'Organization', 'RIPN', { nameKey: 'ripn' }, { kind: 'research-center' }),
    node(
      'foundation-internet-development',
      'Organization',
      'Foundation for Internet Development',
      { nameKey: 'foundation for internet development' },
      { kind: 'foundation' },
      ['src-b'],
    ),
    node('andrey-vorobyev', 'Person', 'Andrey Vorobyev', { nameKey: 'andrey vorobyev' }, { aliases: ['Андрей Воробьёв'] }),
    node('tld-ru', 'Tld', '.ru', { nameKey: '.ru' }, { ascii: '.ru', type: 'country-code', idn: false, country: 'RU' }),
    node('tld-su', 'Tld', '.su', { nameKey: '.su' }, { ascii: '.su', type: 'country-code', idn: false }),
    node('body-icann', 'Body', 'ICANN', { nameKey: 'icann' }, { kind: 'international-organization' }, ['src-b']),
    node('body-gnso', 'Body', 'GNSO', { nameKey: 'gnso' }, { kind: 'supporting-organization' }, ['src-b']),
    node('body-ispcp', 'Body', 'ISPCP', { nameKey: 'ispcp' }, { kind: 'constituency' }, ['src-b']),
    node(
      'memo-cc-ripn',
      'Memorandum',
      'Memorandum on domain security',
      { nameKey: 'memorandum on domain security', dateFrom: '2021-02-01', dateTo: '2021-02-28' },
      { date: '2021-02' },
    ),
    node(
      'event-conference',
      'Event',
      'Conference on IT cooperation',
      { nameKey: 'conference on it cooperation', dateFrom: '2021-04-27', dateTo: '2021-04-28' },
      { kind: 'conference', startDate: '2021-04-27', endDate: '2021-04-28' },
      ['src-b'],
    ),
    node('topic-phishing', 'Topic', 'Phishing', { nameKey: 'phishing' }),
    node('topic-botnets', 'Topic', 'Botnets', { nameKey: 'botnets' }),
  ],
  relations: [
    relation('MANAGES', 'coordination-center', 'tld-ru', ['src-a'], { role: 'registry' }),
    relation('PART_OF', 'body-gnso', 'body-icann', ['src-b']),
    relation('PART_OF', 'body-ispcp', 'body-gnso', ['src-b']),
    // A start alone leaves the relation open-ended: no dateTo.
    relation('MEMBER_OF', 'qrator-labs', 'body-ispcp', ['src-b'], { startDate: '2018-12' }, { dateFrom: '2018-12-01' }),
    relation('HOLDS_POSITION', 'andrey-vorobyev', 'coordination-center', ['src-a'], { title: 'Director' }),
    relation(
      'SIGNED',
      'andrey-vorobyev',
      'memo-cc-ripn',
      ['src-a'],
      { date: '2021-02', onBehalfOf: 'coordination-center' },
      { dateFrom: '2021-02-01', dateTo: '2021-02-28' },
    ),
    relation('PARTY_TO', 'coordination-center', 'memo-cc-ripn', ['src-a']),
    relation('PARTY_TO', 'ripn', 'memo-cc-ripn', ['src-a']),
    // Two articles disagree on who manages .SU: both claims are kept, each with its source.
    relation('MANAGES', 'ripn', 'tld-su', ['src-a'], { role: 'registry' }),
    relation('MANAGES', 'foundation-internet-development', 'tld-su', ['src-b'], { role: 'administrator' }),
    relation('PARTICIPATED_IN', 'andrey-vorobyev', 'event-conference', ['src-b'], { role: 'speaker' }),
    relation('COVERS', 'memo-cc-ripn', 'topic-phishing', ['src-a']),
    relation('COVERS', 'memo-cc-ripn', 'topic-botnets', ['src-a']),
    relation('DISCUSSED', 'event-conference', 'topic-phishing', ['src-b']),
  ],
};

// ---------------------------------------------------------------------------------------
// Running queries in-process

/** A Database that also records which statements it ran, to count a request's round trips. */
class RecordingDatabase extends Database {
  statements: string[] = [];

  override readWithin(scope: ReadScope, statement: string | PlannedStatement, parameters: Parameters): Promise<Row[]> {
    this.statements.push(typeof statement === 'string' ? statement : statement.name);
    return super.readWithin(scope, statement, parameters);
  }
}

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

interface EntityOut {
  __typename: string;
  slug: string;
}

interface EdgeOut {
  type: string;
  key: string;
  from: EntityOut;
  to: EntityOut;
  properties: Record<string, unknown> | null;
  externalFacts: string[];
  sources: { slug: string }[];
}

const edgeFields = 'type key from { __typename slug } to { __typename slug } properties externalFacts sources { slug }';

const gid = (label: EntityLabel, slug: string) => encodeGlobalID(label, slug);

describe('neighborhood, paths, timeline and stats', () => {
  let db: RecordingDatabase;
  let yoga: ReturnType<typeof createGovgraphYoga>;

  async function run<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const response = await scannedFetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      },
      { via: yoga },
    );
    return (await response.json()) as GraphQLResult<T>;
  }

  async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await run<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  async function errorOf(query: string, variables: Record<string, unknown> = {}) {
    const result = await run<unknown>(query, variables);
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0];
  }

  beforeAll(async () => {
    const opened = await openTestDatabase();
    db = new RecordingDatabase(opened.driver, opened.name, opened.transactionTimeoutMs);
    await emptyDatabase(db);
    await loadSeedGraph(db, graph);
    yoga = createGovgraphYoga({ db, requestTimeoutMs: testRequestTimeoutMs });
  });

  afterAll(async () => {
    if (!db) return;
    await emptyDatabase(db);
    await db.close();
  });

  describe('neighborhood', () => {
    const query = `query ($id: ID!, $depth: Int, $first: Int) {
      neighborhood(id: $id, depth: $depth, first: $first) { nodes { __typename slug } edges { ${edgeFields} } }
    }`;
    type Result = { neighborhood: { nodes: EntityOut[]; edges: EdgeOut[] } };
    const edgeNames = (edges: EdgeOut[]) => edges.map((edge) => `${edge.from.slug} ${edge.type} ${edge.to.slug}`);

    it('depth 1: the entity, its neighbours by slug, every edge between them with its sources', async () => {
      const { neighborhood } = await data<Result>(query, { id: gid('Organization', 'coordination-center') });
      expect(neighborhood.nodes.map((n) => n.slug)).toEqual(['coordination-center', 'andrey-vorobyev', 'memo-cc-ripn', 'tld-ru']);
      expect(neighborhood.nodes.map((n) => n.__typename)).toEqual(['Organization', 'Person', 'Memorandum', 'Tld']);
      expect(edgeNames(neighborhood.edges)).toEqual([
        'andrey-vorobyev HOLDS_POSITION coordination-center',
        'coordination-center MANAGES tld-ru',
        'coordination-center PARTY_TO memo-cc-ripn',
        // Between two neighbours: part of the subgraph too.
        'andrey-vorobyev SIGNED memo-cc-ripn',
      ]);
      for (const edge of neighborhood.edges) expect(edge.sources).toEqual([{ slug: 'src-a' }]);
      const signed = neighborhood.edges.find((edge) => edge.type === 'SIGNED');
      expect(signed?.properties).toEqual({ date: '2021-02', onBehalfOf: 'coordination-center' });
      expect(signed?.key).toBe('SIGNED|andrey-vorobyev|memo-cc-ripn||');
      expect(signed?.externalFacts).toEqual([]);
      expect(neighborhood.edges.find((edge) => edge.type === 'HOLDS_POSITION')?.properties).toEqual({ title: 'Director' });
    });

    it('depth 2: the next hop, nearest first, and edges only between returned entities', async () => {
      const { neighborhood } = await data<Result>(query, { id: gid('Organization', 'coordination-center'), depth: 2 });
      expect(neighborhood.nodes.map((n) => n.slug)).toEqual([
        'coordination-center',
        'andrey-vorobyev',
        'memo-cc-ripn',
        'tld-ru',
        'event-conference',
        'ripn',
        'topic-botnets',
        'topic-phishing',
      ]);
      const slugs = new Set(neighborhood.nodes.map((n) => n.slug));
      for (const edge of neighborhood.edges) {
        expect(slugs.has(edge.from.slug) && slugs.has(edge.to.slug)).toBe(true);
      }
      expect(edgeNames(neighborhood.edges)).toEqual([
        'andrey-vorobyev HOLDS_POSITION coordination-center',
        'coordination-center MANAGES tld-ru',
        'coordination-center PARTY_TO memo-cc-ripn',
        'andrey-vorobyev SIGNED memo-cc-ripn',
        'memo-cc-ripn COVERS topic-botnets',
        'memo-cc-ripn COVERS topic-phishing',
        // Between two entities of the last hop.
        'event-conference DISCUSSED topic-phishing',
        'andrey-vorobyev PARTICIPATED_IN event-conference',
        'ripn PARTY_TO memo-cc-ripn',
      ]);
      // ripn MANAGES tld-su: tld-su is three hops away, so that edge stays out.
      expect(neighborhood.edges.some((edge) => edge.to.slug === 'tld-su')).toBe(false);
    });

    it('stops at `first` entities, keeping the nearest, in slug order', async () => {
      const { neighborhood } = await data<Result>(query, { id: gid('Organization', 'coordination-center'), depth: 2, first: 3 });
      expect(neighborhood.nodes.map((n) => n.slug)).toEqual(['coordination-center', 'andrey-vorobyev', 'memo-cc-ripn']);
      expect(edgeNames(neighborhood.edges)).toEqual([
        'andrey-vorobyev HOLDS_POSITION coordination-center',
        'coordination-center PARTY_TO memo-cc-ripn',
        'andrey-vorobyev SIGNED memo-cc-ripn',
      ]);
      const alone = await data<Result>(query, { id: gid('Organization', 'coordination-center'), depth: 3, first: 1 });
      expect(alone.neighborhood).toEqual({ nodes: [{ __typename: 'Organization', slug: 'coordination-center' }], edges: [] });
      // Says whether `first` left entities out: here it did, and with room for all of them it did not.
      const cut = `query ($id: ID!, $depth: Int, $first: Int) { neighborhood(id: $id, depth: $depth, first: $first) { truncated nodes { slug } } }`;
      type Cut = { neighborhood: { truncated: boolean; nodes: { slug: string }[] } };
      const id = gid('Organization', 'coordination-center');
      expect((await data<Cut>(cut, { id, depth: 2, first: 3 })).neighborhood.truncated).toBe(true);
      expect((await data<Cut>(cut, { id, depth: 3, first: 1 })).neighborhood.truncated).toBe(true);
      const whole = (await data<Cut>(cut, { id, depth: 1, first: 200 })).neighborhood;
      expect(whole.truncated).toBe(false);
      // Exactly as many as there are: nothing was left out.
      const exact = (await data<Cut>(cut, { id, depth: 1, first: whole.nodes.length })).neighborhood;
      expect(exact).toEqual(whole);
      expect((await data<Cut>(cut, { id, depth: 1, first: whole.nodes.length - 1 })).neighborhood.truncated).toBe(true);
    });

    it('keeps both conflicting managers of .SU, each with its own source', async () => {
      const { neighborhood } = await data<Result>(query, { id: gid('Tld', 'tld-su') });
      expect(neighborhood.nodes.map((n) => n.slug)).toEqual(['tld-su', 'foundation-internet-development', 'ripn']);
      expect(
        neighborhood.edges.map((edge) => [edge.from.slug, edge.type, edge.properties?.role, edge.sources.map((source) => source.slug)]),
      ).toEqual([
        ['foundation-internet-development', 'MANAGES', 'administrator', ['src-b']],
        ['ripn', 'MANAGES', 'registry', ['src-a']],
      ]);
    });

    it('costs one round trip for the reference, one per hop, plus one for all the sources', async () => {
      const counter = db.openScope();
      const found = await loadNeighborhood(counter, 'coordination-center', 2, 50);
      expect(found?.nodes).toHaveLength(8);
      expect(counter.roundTrips).toBe(2);

      db.statements = [];
      await data<Result>(query, { id: gid('Organization', 'coordination-center'), depth: 2 });
      // The reference first (slug or global ID, through the entity loader: issue #15), then a hop each, then the sources.
      expect(db.statements).toEqual([
        'queries/entities-by-id',
        'queries/neighborhood-hop',
        'queries/neighborhood-hop',
        'queries/entities-by-id',
      ]);

      const counter3 = db.openScope();
      const far = await loadNeighborhood(counter3, 'tld-su', 3, 50);
      expect(far?.nodes.map((n) => n.id)).toEqual([
        'tld-su',
        'foundation-internet-development',
        'ripn',
        'memo-cc-ripn',
        'andrey-vorobyev',
        'coordination-center',
        'topic-botnets',
        'topic-phishing',
      ]);
      expect(far?.nodes.map((n) => far.hops.get(n.id))).toEqual([0, 1, 1, 2, 3, 3, 3, 3]);
      expect(counter3.roundTrips).toBe(3);

      // A spent budget ends the walk early.
      const counterSpent = db.openScope();
      expect((await loadNeighborhood(counterSpent, 'coordination-center', 3, 3))?.nodes).toHaveLength(3);
      expect(counterSpent.roundTrips).toBe(1);
      expect(await loadNeighborhood(db.openScope(), 'nobody', 2, 50)).toBeNull();
    });

    it('rejects a depth out of 1..3, a bad first, a malformed id; unknown entities are NOT_FOUND', async () => {
      const id = gid('Organization', 'coordination-center');
      expect((await errorOf(query, { id, depth: 4 }))?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'depth', argument: 'depth' });
      expect((await errorOf(query, { id, depth: 0 }))?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'depth', argument: 'depth' });
      expect((await errorOf(query, { id, first: 201 }))?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', argument: 'first' });
      expect((await errorOf(query, { id: 'not a global id!' }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
        argument: 'id',
      });
      expect((await errorOf(query, { id: encodeGlobalID('Pipeline', 'x') }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
        argument: 'id',
      });
      expect((await errorOf(query, { id: gid('Organization', 'nobody') }))?.extensions).toEqual(notFound('id'));
      // A real slug under the wrong type is not that entity.
      expect((await errorOf(query, { id: gid('Person', 'coordination-center') }))?.extensions).toEqual(notFound('id'));
    });
  });

  describe('paths', () => {
    const query = `query ($from: ID!, $to: ID!, $maxHops: Int, $relationTypes: [String!]) {
      paths(from: $from, to: $to, maxHops: $maxHops, relationTypes: $relationTypes) { nodes { slug } edges { ${edgeFields} } }
    }`;
    type Result = { paths: { nodes: { slug: string }[]; edges: EdgeOut[] }[] };

    it('finds Qrator → ISPCP → GNSO → ICANN with the evidence for every hop', async () => {
      const { paths } = await data<Result>(query, { from: gid('Organization', 'qrator-labs'), to: gid('Body', 'body-icann') });
      expect(paths).toHaveLength(1);
      const [path] = paths;
      expect(path?.nodes.map((n) => n.slug)).toEqual(['qrator-labs', 'body-ispcp', 'body-gnso', 'body-icann']);
      expect(path?.edges.map((edge) => [edge.from.slug, edge.type, edge.to.slug])).toEqual([
        ['qrator-labs', 'MEMBER_OF', 'body-ispcp'],
        ['body-ispcp', 'PART_OF', 'body-gnso'],
        ['body-gnso', 'PART_OF', 'body-icann'],
      ]);
      for (const edge of path?.edges ?? []) expect(edge.sources).toEqual([{ slug: 'src-b' }]);
      expect(path?.edges[0]?.properties).toEqual({ startDate: '2018-12' });
    });

    it('links Vorobyev to RIPN through the memorandum, each edge oriented as stored', async () => {
      const { paths } = await data<Result>(query, { from: gid('Person', 'andrey-vorobyev'), to: gid('Organization', 'ripn') });
      expect(paths.map((path) => path.nodes.map((n) => n.slug))).toEqual([['andrey-vorobyev', 'memo-cc-ripn', 'ripn']]);
      expect(paths[0]?.edges.map((edge) => [edge.from.slug, edge.type, edge.to.slug, edge.sources.map((s) => s.slug)])).toEqual([
        ['andrey-vorobyev', 'SIGNED', 'memo-cc-ripn', ['src-a']],
        // Walked backwards: the path goes memo → ripn, the relationship ripn → memo.
        ['ripn', 'PARTY_TO', 'memo-cc-ripn', ['src-a']],
      ]);
    });

    it('keeps to the relation types asked for, and to maxHops', async () => {
      const from = gid('Person', 'andrey-vorobyev');
      const to = gid('Organization', 'ripn');
      const viaCenter = await data<Result>(query, { from, to, relationTypes: ['HOLDS_POSITION', 'PARTY_TO'] });
      expect(viaCenter.paths.map((path) => path.nodes.map((n) => n.slug))).toEqual([
        ['andrey-vorobyev', 'coordination-center', 'memo-cc-ripn', 'ripn'],
      ]);
      expect((await data<Result>(query, { from, to, relationTypes: ['HOLDS_POSITION', 'MANAGES'] })).paths).toEqual([]);
      expect((await data<Result>(query, { from, to, relationTypes: ['HOLDS_POSITION', 'PARTY_TO'], maxHops: 2 })).paths).toEqual([]);
      expect((await data<Result>(query, { from, to: gid('Body', 'body-icann'), maxHops: 6 })).paths).toEqual([]);
    });

    it('costs one round trip for both references and the paths, plus one for the sources', async () => {
      db.statements = [];
      await data<Result>(query, { from: gid('Organization', 'qrator-labs'), to: gid('Body', 'body-icann') });
      // Both references resolved in the paths' own statement (issue #13), then the sources.
      expect(db.statements).toEqual(['queries/shortest-paths', 'queries/entities-by-id']);
    });

    it('rejects bad arguments with BAD_USER_INPUT and unknown entities with NOT_FOUND', async () => {
      const from = gid('Organization', 'qrator-labs');
      const to = gid('Body', 'body-icann');
      expect((await errorOf(query, { from, to, maxHops: 99 }))?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'maxHops',
        argument: 'maxHops',
      });
      expect((await errorOf(query, { from, to, maxHops: 0 }))?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'maxHops',
        argument: 'maxHops',
      });
      expect((await errorOf(query, { from, to, relationTypes: ['PART_OF', 'LIKES'] }))?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'relationTypes',
        argument: 'relationTypes',
      });
      expect((await errorOf(query, { from, to, relationTypes: [] }))?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'relationTypes',
        argument: 'relationTypes',
      });
      expect((await errorOf(query, { from: 'Zm9v', to }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'from',
        argument: 'from',
      });
      expect((await errorOf(query, { from, to: '%%%' }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'to',
        argument: 'to',
      });
      expect((await errorOf(query, { from, to: from }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(query, { from: gid('Organization', 'nobody'), to }))?.extensions).toEqual(notFound('from'));
      expect((await errorOf(query, { from, to: gid('Body', 'nobody') }))?.extensions).toEqual(notFound('to'));
    });
  });

  describe('timeline', () => {
    const query = `query ($actor: ID!, $from: PartialDate, $to: PartialDate, $first: Int) {
      timeline(actor: $actor, from: $from, to: $to, first: $first) {
        edges { node { kind date endDate type other { slug } edge { ${edgeFields} } } }
      }
    }`;
    type Entry = { kind: string; date: string; endDate: string | null; type: string; other: { slug: string }; edge: EdgeOut };
    type Result = { timeline: Entry[] };
    const vorobyev = gid('Person', 'andrey-vorobyev');
    // An actor's entries all have the relationship that links the actor (edge) and its other end.
    const summary = (entries: Entry[]) => entries.map((entry) => `${entry.date} ${entry.edge.type} ${entry.other.slug}`);
    const timelineData = async (variables: Record<string, unknown>): Promise<Result> => {
      const answer = await data<{ timeline: { edges: { node: Entry }[] } }>(query, variables);
      return { timeline: answer.timeline.edges.map((edge) => edge.node) };
    };

    it('lists the dated facts in order, with the precision stored; undated relations stay out', async () => {
      const { timeline } = await timelineData({ actor: vorobyev });
      expect(summary(timeline)).toEqual(['2021-02 SIGNED memo-cc-ripn', '2021-04-27 PARTICIPATED_IN event-conference']);
      expect(timeline[1]?.endDate).toBe('2021-04-28');
      expect(timeline[0]?.edge.sources).toEqual([{ slug: 'src-a' }]);
      expect(timeline[0]?.edge.properties).toEqual({ date: '2021-02', onBehalfOf: 'coordination-center' });
    });

    it('takes the date of the other end when the relation has none, and keeps open-ended memberships', async () => {
      const center = await timelineData({ actor: gid('Organization', 'coordination-center') });
      expect(summary(center.timeline)).toEqual(['2021-02 PARTY_TO memo-cc-ripn']);
      const qrator = await timelineData({ actor: gid('Organization', 'qrator-labs'), from: '2030' });
      expect(summary(qrator.timeline)).toEqual(['2018-12 MEMBER_OF body-ispcp']);
    });

    it('filters by overlap with the from/to window, partial dates standing for all their days', async () => {
      const run = async (variables: Record<string, unknown>) => summary((await timelineData({ actor: vorobyev, ...variables })).timeline);
      expect(await run({ from: '2021-03' })).toEqual(['2021-04-27 PARTICIPATED_IN event-conference']);
      expect(await run({ to: '2021-02' })).toEqual(['2021-02 SIGNED memo-cc-ripn']);
      expect(await run({ from: '2021-02-15', to: '2021-02-20' })).toEqual(['2021-02 SIGNED memo-cc-ripn']);
      expect(await run({ from: '2021-04-28', to: '2021' })).toEqual(['2021-04-27 PARTICIPATED_IN event-conference']);
      expect(await run({ from: '2022' })).toEqual([]);
      expect(await run({ first: 1 })).toEqual(['2021-02 SIGNED memo-cc-ripn']);
    });

    it('rejects bad arguments', async () => {
      expect((await errorOf(query, { actor: vorobyev, first: 101 }))?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
        argument: 'first',
      });
      expect((await errorOf(query, { actor: vorobyev, from: '2022', to: '2021' }))?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'to',
        argument: 'to',
      });
      expect((await errorOf(query, { actor: vorobyev, from: '2021-13' }))?.extensions?.code).toBe('BAD_USER_INPUT');
      // A slug now is a reference (issue #15): "nonsense" names nothing; "non sense!" is not a slug at all.
      expect((await errorOf(query, { actor: 'nonsense' }))?.extensions).toEqual(notFound('actor'));
      expect((await errorOf(query, { actor: 'non sense!' }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'actor',
        argument: 'actor',
      });
      expect((await errorOf(query, { actor: gid('Person', 'nobody') }))?.extensions).toEqual(notFound('actor'));
    });
  });

  describe('stats', () => {
    const query = `query ($first: Int) {
      stats {
        entities { type count }
        relations { type count }
        mostConnected(first: $first) { entity { slug } count }
        topTopics { entity { slug } count }
      }
    }`;
    type Ranked = { entity: { slug: string }; count: number };
    type Result = {
      stats: {
        entities: { type: string; count: number }[];
        relations: { type: string; count: number }[];
        mostConnected: Ranked[];
        topTopics: Ranked[];
      };
    };

    it('counts what was loaded, every type listed even when none', async () => {
      const { stats } = await data<Result>(query);
      expect(stats.entities).toEqual(entityLabels.map((type) => ({ type, count: graph.nodes.filter((n) => n.label === type).length })));
      expect(stats.entities.find((row) => row.type === 'Document')?.count).toBe(0);
      expect(stats.relations).toEqual(
        relationTypes.map((type) => ({ type, count: graph.relations.filter((r) => r.type === type).length })),
      );
    });

    it('the count statements name every label and every relation type', async () => {
      expect((await readRows(db, 'queries/stats-entities')).map((row) => String(row.type)).sort()).toEqual([...entityLabels].sort());
      expect((await readRows(db, 'queries/stats-relations')).map((row) => String(row.type)).sort()).toEqual([...relationTypes].sort());
    });

    it('ranks actors by degree and topics by mentions, ties by slug', async () => {
      const { stats } = await data<Result>(query, { first: 6 });
      expect(stats.mostConnected.map((row) => [row.entity.slug, row.count])).toEqual([
        ['andrey-vorobyev', 3],
        ['coordination-center', 3],
        ['body-gnso', 2],
        ['body-ispcp', 2],
        ['ripn', 2],
        ['body-icann', 1],
      ]);
      expect(stats.topTopics.map((row) => [row.entity.slug, row.count])).toEqual([
        ['topic-phishing', 2],
        ['topic-botnets', 1],
      ]);
      expect((await errorOf(query, { first: 0 }))?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', argument: 'first' });
    });

    it('asks the database only for the fields requested', async () => {
      db.statements = [];
      await data<Result>('{ stats { entities { type count } } }');
      expect(db.statements).toEqual(['queries/stats-entities']);
    });
  });
});
