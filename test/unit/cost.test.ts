import {
  type GraphQLField,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLString,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldCost, operationCost, pathsScanCost, scanCosts } from '../../src/schema/cost.ts';
import { schema } from '../../src/schema/index.ts';

// The cost model without a database: what each kind of field costs (fieldCost, on types built
// here), and what whole operations cost on the real schema (whose fields fieldCost prices through
// the Pothos complexity plugin), added up by hand.

const Thing = new GraphQLObjectType({ name: 'Thing', fields: { name: { type: GraphQLString } } });
const ThingEdge = new GraphQLObjectType({
  name: 'ThingEdge',
  fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: Thing } },
});
const ThingConnection = new GraphQLObjectType({
  name: 'ThingConnection',
  fields: { edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ThingEdge))) }, totalCount: { type: GraphQLInt } },
});
const paged = { first: { type: GraphQLInt }, last: { type: GraphQLInt } };
const list = (type: GraphQLOutputType) => new GraphQLList(type);
const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    thing: { type: Thing },
    tags: { type: new GraphQLNonNull(list(new GraphQLNonNull(GraphQLString))) },
    friends: { type: list(Thing) },
    things: { type: new GraphQLNonNull(ThingConnection), args: paged },
    search: { type: list(Thing), args: { first: { type: GraphQLInt } } },
    // A list called "edges" whose items are not Relay edges (no cursor): an ordinary list.
    edges: { type: list(Thing) },
  },
});

function field(type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> {
  const found = type.getFields()[name];
  if (!found) throw new Error(`no field ${type.name}.${name}`);
  return found;
}

describe('fieldCost', () => {
  it('a field that returns one thing costs 1', () => {
    expect(fieldCost({}, field(Query, 'thing'))).toBe(1);
    expect(fieldCost({}, field(Thing, 'name'))).toBe(1);
    expect(fieldCost({}, field(ThingConnection, 'totalCount'))).toBe(1);
  });

  it('a list without paging arguments multiplies its selection by 10, nullable or not', () => {
    expect(fieldCost({}, field(Query, 'tags'))).toEqual({ field: 1, multiplier: 10 });
    expect(fieldCost({}, field(Query, 'friends'))).toEqual({ field: 1, multiplier: 10 });
    expect(fieldCost({}, field(Query, 'edges'))).toEqual({ field: 1, multiplier: 10 });
  });

  it('a paged field multiplies by the page asked for: first, else last, else 20', () => {
    const things = field(Query, 'things');
    expect(fieldCost({ first: 7 }, things)).toEqual({ field: 1, multiplier: 7 });
    expect(fieldCost({ last: 3 }, things)).toEqual({ field: 1, multiplier: 3 });
    expect(fieldCost({ first: 4, last: 9 }, things)).toEqual({ field: 1, multiplier: 4 });
    expect(fieldCost({}, things)).toEqual({ field: 1, multiplier: 20 });
    expect(fieldCost({ first: null }, things)).toEqual({ field: 1, multiplier: 20 });
    // Not a number: the default. A negative one (refused later by the resolver) costs nothing here.
    expect(fieldCost({ first: '7' }, things)).toEqual({ field: 1, multiplier: 20 });
    expect(fieldCost({ first: -5 }, things)).toEqual({ field: 1, multiplier: 0 });
    // A list with `first` is paged, not a plain list.
    expect(fieldCost({ first: 2 }, field(Query, 'search'))).toEqual({ field: 1, multiplier: 2 });
    expect(fieldCost({}, field(Query, 'search'))).toEqual({ field: 1, multiplier: 20 });
  });

  it("a connection's edges are not multiplied again: the connection field counted them", () => {
    expect(fieldCost({}, field(ThingConnection, 'edges'))).toEqual({ field: 1, multiplier: 1 });
  });
});

describe('operationCost on the real schema', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
    operationCost(schema, parse(query), variables, operationName, {});

  it('a lone __typename costs 1', () => {
    expect(cost('{ __typename }')).toBe(1);
  });

  it('a page of organizations costs its size times what each row selects', () => {
    // organizations 1 + 7 × (edges 1 + node 1 + name 1)
    expect(cost('{ organizations(first: 7) { edges { node { name } } } }')).toBe(22);
    // No first: a page of 20. organizations 1 + 20 × totalCount 1
    expect(cost('{ organizations { totalCount } }')).toBe(21);
  });

  it("a connection's nodes cost what its edges' nodes do, less the edge", () => {
    // organizations 1 + 7 × (nodes 1 + name 1)
    expect(cost('{ organizations(first: 7) { nodes { name } } }')).toBe(15);
    // memoranda 1 + 3 × (nodes 1 + name 1) = 7; nodes 1 + 7 = 8; organizations 1 + 2 × 8 = 17
    expect(cost('{ organizations(first: 2) { nodes { memoranda(first: 3) { nodes { name } } } } }')).toBe(17);
  });

  it('nested pages multiply', () => {
    // memoranda 1 + 3 × (edges 1 + node 1 + name 1) = 10; node 1 + 10 = 11; edges 1 + 11 = 12;
    // organizations 1 + 2 × 12 = 25.
    expect(cost('{ organizations(first: 2) { edges { node { memoranda(first: 3) { edges { node { name } } } } } } }')).toBe(25);
  });

  it('reads page sizes from the variables, and a list of strings costs 1 whatever its length', () => {
    // node 1 + name 1 + aliases 1 = 3; edges 1 + 3 = 4; organizations 1 + 4 × 4 = 17
    const query = 'query ($n: Int) { organizations(first: $n) { edges { node { name aliases } } } }';
    expect(cost(query, { n: 4 })).toBe(17);
    // Without the variable: 20 rows. 1 + 20 × 4
    expect(cost(query)).toBe(81);
  });

  it('measures the operation named, not the first one', () => {
    const document = 'query Small { __typename } query Big { organizations(first: 3) { totalCount } }';
    expect(cost(document, {}, 'Small')).toBe(1);
    // 1 + 3 × 1
    expect(cost(document, {}, 'Big')).toBe(4);
  });

  it('is null when the variables do not fit or there is no such operation: execution reports those', () => {
    expect(cost('query ($n: Int!) { organizations(first: $n) { totalCount } }')).toBeNull();
    expect(cost('query ($n: Int) { organizations(first: $n) { totalCount } }', { n: 'seven' })).toBeNull();
    expect(cost('query A { __typename }', {}, 'B')).toBeNull();
  });
});

describe('fields that scan more than they return', () => {
  const cost = (query: string) => operationCost(schema, parse(query), {}, undefined, {});

  it('stats.mostConnected pays for counting every actor, whatever first asks for', () => {
    // stats 1 + mostConnected (1000 + 3 × (count 1)) = 1004
    expect(cost('{ stats { mostConnected(first: 3) { count } } }')).toBe(1 + scanCosts.mostConnected + 3);
    // topTopics scans topics only: an ordinary paged list. stats 1 + topTopics (1 + 3 × 1)
    expect(cost('{ stats { topTopics(first: 3) { count } } }')).toBe(5);
  });

  it("timeline's totalCount pays once for counting the whole window, whatever first asks for", () => {
    // timeline 200 + its count 1000 + 5 × (totalCount 1)
    const counted = scanCosts.timeline + scanCosts.timelineCount + 5;
    expect(cost('{ timeline(first: 5) { totalCount } }')).toBe(counted);
    expect(cost('{ timeline(first: 5) { ...Count } } fragment Count on TimelineConnection { totalCount }')).toBe(counted);
    // Not selected, nothing counts: timeline 200 + 5 × (edges 1 + cursor 1)
    expect(cost('{ timeline(first: 5) { edges { cursor } } }')).toBe(scanCosts.timeline + 5 * 2);
    // A root list's count is an index count: 1 per item, as before.
    expect(cost('{ organizations(first: 5) { totalCount } }')).toBe(1 + 5);
  });

  it('timeline pays for what it reads before taking first', () => {
    // timeline 200 + 5 × (edges 1 + node 1 + type 1)
    expect(cost('{ timeline(actor: "x", first: 5) { edges { node { type } } } }')).toBe(scanCosts.timeline + 5 * 3);
    // first left out: 100 entries; no actor: the whole graph, the same price (a page from each date index)
    expect(cost('{ timeline { edges { node { type } } } }')).toBe(scanCosts.timeline + 100 * 3);
  });

  it('paths pays 4^maxHops for the expansion, plus 20 times what a path selects', () => {
    expect(pathsScanCost(1)).toBe(4);
    expect(pathsScanCost(6)).toBe(4096);
    // maxHops left out: 4; out of range (refused later by the resolver): clamped; not a whole number: the default.
    expect(pathsScanCost(undefined)).toBe(256);
    expect(pathsScanCost(40)).toBe(4096);
    expect(pathsScanCost(2.5)).toBe(256);
    // paths 4^5 + 20 × (nodes 1 + 10 × slug 1)
    expect(cost('{ paths(from: "a", to: "b", maxHops: 5) { nodes { slug } } }')).toBe(1024 + 20 * 11);
    expect(cost('{ paths(from: "a", to: "b") { nodes { slug } } }')).toBe(256 + 20 * 11);
  });
});
