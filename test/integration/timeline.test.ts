import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledCypher } from '../../src/db/cypher-files.ts';
import type { Database } from '../../src/db/database.ts';
import { timelineAnswers } from '../../src/db/timeline-slots.ts';
import { entityLabels, relationTypes } from '../../src/domain/graph.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

/**
 * Time on the real seed (issue #14, item 6): the graph-wide timeline, the actor's, and `asOf` on
 * relation connections, neighborhood and paths.
 */

let db: Database;
let api: GraphQLClient;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadRealSeed(db);
  api = new GraphQLClient(db);
});

afterAll(async () => {
  await db.close();
});

interface Entry {
  kind: string;
  date: string;
  endDate: string | null;
  type: string;
  evidence: string;
  basis: string | null;
  sources: { slug: string }[];
  entity: { slug: string } | null;
  edge: { key: string } | null;
  other: { slug: string } | null;
}

interface Page {
  timeline: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Entry }[] };
}

/** A timeline query with every argument a variable, selecting `selection`. */
const timelineSelecting = (selection: string) => `query ($actor: ID, $from: PartialDate, $to: PartialDate, $entityTypes: [EntityType!],
    $relationTypes: [String!], $evidence: [Evidence!], $first: Int, $after: String) {
  timeline(actor: $actor, from: $from, to: $to, entityTypes: $entityTypes, relationTypes: $relationTypes, evidence: $evidence,
      first: $first, after: $after) {
    ${selection}
  }
}`;
const timelineQuery = timelineSelecting(`pageInfo { hasNextPage endCursor }
    edges { cursor node { kind date endDate type evidence basis sources { slug } entity { slug } edge { key } other { slug } } }`);

async function page(variables: Record<string, unknown>): Promise<Page['timeline']> {
  return (await api.data<Page>(timelineQuery, variables)).timeline;
}

/** An entry in a line: its date, whose date it is, and what (the entity's slug, the relationship's key). */
const line = (entry: Entry) => `${entry.date} ${entry.type} ${entry.entity?.slug ?? entry.edge?.key}`;
const lines = async (variables: Record<string, unknown>) => (await page({ first: 100, ...variables })).edges.map(({ node }) => line(node));

/** The graph-wide statement's parameters for the dates of every type in a window, the keyset open. */
const everyType = (asOfFrom: string, asOfTo: string, limit: number) => ({
  labels: [...entityLabels],
  types: [...relationTypes],
  asOfFrom,
  asOfTo,
  evidence: null,
  afterDate: null,
  afterKey: null,
  seekFrom: '',
  limit: neo4j.int(limit),
});

/** The graph-wide statement with the given ending, PROFILEd: its operators, and the plan in lines for messages. */
async function profiled(answer: string, parameters: Record<string, unknown>) {
  const text = filledCypher('queries/timeline-graph', { timelineAnswer: answer });
  const { summary } = await db.driver.executeQuery(`PROFILE ${text}`, parameters, { database: db.name });
  if (!summary.profile) throw new Error('no profile');
  const operators = (plan: ProfiledPlan): { name: string; details: string; dbHits: number; rows: number }[] => [
    { name: plan.operatorType.replace(/@.*/, ''), details: String(plan.arguments.Details ?? ''), dbHits: plan.dbHits, rows: plan.rows },
    ...plan.children.flatMap(operators),
  ];
  const found = operators(summary.profile);
  const plan = found
    .map((operator) => `${operator.name} ${operator.details} (${operator.dbHits} db hits, ${operator.rows} rows)`)
    .join('\n');
  return { found, plan };
}

/** Whether a plan's operator reads a whole label, type or graph rather than an index. */
const scansWhole = (operator: { name: string }) =>
  /AllNodesScan|NodeByLabelScan|RelationshipTypeScan|AllRelationshipsScan/.test(operator.name);

/** Every entry over all pages of 100. */
async function everyEntry(variables: Record<string, unknown>): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (let turn = 0; turn < 50; turn += 1) {
    const answer: Page['timeline'] = await page({ ...variables, first: 100, after });
    entries.push(...answer.edges.map(({ node }) => node));
    if (!answer.pageInfo.hasNextPage) return entries;
    after = answer.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

const countQuery = timelineSelecting('totalCount edges { cursor }');
const totalCount = async (variables: Record<string, unknown>) =>
  (await api.data<{ timeline: { totalCount: number } }>(countQuery, variables)).timeline.totalCount;

/** Everything dated 2021 in the seed, in order: what overlaps the year, a membership since 2018 included. */
const dated2021 = [
  '2018-12 MEMBER_OF MEMBER_OF|qrator-labs|ispcp||',
  '2021 PART_OF PART_OF|un-oewg|unga||',
  '2021-02 Memorandum memo-cc-ripn',
  // What was said at the RANS conference, dated to the month (seed/AUDIT.md).
  '2021-04 Statement statement-anisimov-universal-acceptance',
  '2021-04 Statement statement-babekina-dialogue-with-society',
  '2021-04 Statement statement-babekina-glocalization',
  '2021-04 Statement statement-babekina-oewg-internet-governance',
  '2021-04 Statement statement-babekina-safe-internet-concept',
  '2021-04 Statement statement-glushchenko-digital-attaches',
  '2021-04 Statement statement-glushchenko-regional-integration',
  '2021-04 Statement statement-vorobyev-global-cooperation',
  '2021-04-27 Event event-rans-2021-cc-stand-and-video-studio',
  '2021-04-27 Event event-rans-2021-global-cooperation-in-it-section',
  '2021-04-27 Event event-rans-2021-plenary-sessions',
  '2021-04-27 Event event-rans-ict-security-2021',
  '2021-06-01 Event event-oewg-organizational-session-2021',
];

describe('the graph-wide timeline', () => {
  it('lists every dated fact of 2021: the dates of entities and the own dates of relationships', async () => {
    const answer = await page({ from: '2021', to: '2021', first: 100 });
    expect(answer.edges.map(({ node }) => line(node))).toEqual(dated2021);
    expect(answer.pageInfo.hasNextPage).toBe(false);
    const [membership, mandate, memorandum] = answer.edges.map(({ node }) => node);
    const stand = answer.edges.find(({ node }) => node.entity?.slug === 'event-rans-2021-cc-stand-and-video-studio')?.node;
    // An open-ended membership: its start as given, no end, the relationship itself.
    expect(membership).toMatchObject({ kind: 'RELATION', endDate: null, entity: null, other: null, evidence: 'STATED' });
    expect(membership?.sources).toEqual([{ slug: 'src-003-qrator-labs-joins-ispcp' }]);
    // A term with both ends, each with the precision the source gives.
    expect(mandate).toMatchObject({ kind: 'RELATION', date: '2021', endDate: '2025' });
    expect(memorandum).toMatchObject({ kind: 'ENTITY', date: '2021-02', endDate: null, edge: null, evidence: 'STATED' });
    // The conference's days are stated, its year read from the context: the date says so.
    expect(stand).toMatchObject({ kind: 'ENTITY', endDate: '2021-04-28', evidence: 'INFERRED', basis: expect.stringContaining('sec21') });
    expect(stand?.sources).toEqual([{ slug: 'src-004-global-it-cooperation-rans-conference' }]);
  });

  it('keeps to the window by overlap, a partial date standing for all its days', async () => {
    expect(await lines({ from: '2021-04-28', to: '2021-05' })).toEqual([
      '2018-12 MEMBER_OF MEMBER_OF|qrator-labs|ispcp||',
      '2021 PART_OF PART_OF|un-oewg|unga||',
      // "2021-04" stands for all of April, so it overlaps the window's first days.
      ...dated2021.filter((entry) => entry.startsWith('2021-04 Statement')),
      '2021-04-27 Event event-rans-2021-cc-stand-and-video-studio',
      '2021-04-27 Event event-rans-2021-global-cooperation-in-it-section',
      '2021-04-27 Event event-rans-2021-plenary-sessions',
      '2021-04-27 Event event-rans-ict-security-2021',
    ]);
    // "2020" ends on 31 December 2020: the OAC memorandum is in a window that starts then, not after.
    expect(await lines({ from: '2020-12-31', to: '2020-12-31' })).toEqual([
      '2018-12 MEMBER_OF MEMBER_OF|qrator-labs|ispcp||',
      '2020 Memorandum memo-cc-oac',
      '2020-12-31 Document doc-unga-res-75-240',
    ]);
    expect(await lines({ to: '2018-12-20' })).toEqual(['2018-12 MEMBER_OF MEMBER_OF|qrator-labs|ispcp||']);
    expect(await lines({ from: '2026' })).toEqual(['2018-12 MEMBER_OF MEMBER_OF|qrator-labs|ispcp||']);
  });

  it('pages forward with stable cursors, ties on a date broken by the key', async () => {
    const everything = await lines({});
    expect(everything.length).toBeGreaterThan(dated2021.length);
    for (const size of [1, 2, 3]) {
      const walked: string[] = [];
      let after: string | null = null;
      for (let turn = 0; turn < 50; turn += 1) {
        const answer: Page['timeline'] = await page({ first: size, after });
        walked.push(...answer.edges.map(({ node }) => line(node)));
        expect(answer.edges.length).toBeLessThanOrEqual(size);
        if (!answer.pageInfo.hasNextPage) break;
        after = answer.pageInfo.endCursor;
      }
      expect(walked, `pages of ${size}`).toEqual(everything);
    }
    // A cursor inside the 27 April tie goes on with the next key.
    const tie = dated2021.findIndex((entry) => entry.startsWith('2021-04-27')) + 1;
    const first = await page({ from: '2021', to: '2021', first: tie });
    const rest = await page({ from: '2021', to: '2021', first: 100, after: first.pageInfo.endCursor });
    expect(rest.edges.map(({ node }) => line(node))).toEqual(dated2021.slice(tie));
  });

  it('filters by entity type, relationship type and the evidence of the date', async () => {
    const year = { from: '2021', to: '2021' };
    expect(await lines({ ...year, entityTypes: ['EVENT'] })).toEqual(dated2021.filter((entry) => entry.includes(' Event ')));
    expect(await lines({ ...year, relationTypes: ['MEMBER_OF'] })).toEqual([dated2021[0]]);
    expect(await lines({ ...year, entityTypes: ['MEMORANDUM'], relationTypes: ['PART_OF'] })).toEqual([dated2021[1], dated2021[2]]);
    // Only the dates the articles give: the RANS conference's inferred year, and with it the
    // month of what was said there, drop out.
    const inferred = (entry: string) => entry.startsWith('2021-04');
    expect(await lines({ ...year, evidence: ['STATED'] })).toEqual(dated2021.filter((entry) => !inferred(entry)));
    expect(await lines({ ...year, evidence: ['INFERRED'] })).toEqual(dated2021.filter(inferred));
  });

  it('totalCount counts every fact over all pages, with the same window and filters, whatever page is asked for', async () => {
    const cases: Record<string, unknown>[] = [
      {},
      { from: '2021', to: '2021' },
      { to: '2020' },
      { entityTypes: ['EVENT', 'MEMORANDUM'] },
      { relationTypes: ['MEMBER_OF', 'HOLDS_POSITION', 'PART_OF'] },
      { evidence: ['STATED'] },
      { evidence: ['INFERRED'], from: '2021' },
      { actor: 'coordination-center-ru' },
      { actor: 'un-oewg', from: '2021' },
      { actor: 'qrator-labs', relationTypes: ['MEMBER_OF'] },
      { actor: 'coordination-center-ru', relationTypes: ['PARTY_TO'] },
    ];
    const counted: number[] = [];
    for (const variables of cases) {
      const entries = await everyEntry(variables);
      const total = await totalCount({ ...variables, first: 1 });
      expect(total, JSON.stringify(variables)).toBe(entries.length);
      counted.push(total);
      // The count does not depend on the page: not on its size, nor on where it starts.
      const second = entries[0] ? await page({ ...variables, first: 1 }) : null;
      if (second?.pageInfo.endCursor) expect(await totalCount({ ...variables, first: 2, after: second.pageInfo.endCursor })).toBe(total);
    }
    // The cases above are not all empty, nor all the whole graph.
    expect(counted[0]).toBeGreaterThan(20);
    expect(counted.filter((count) => count > 0 && count < (counted[0] ?? 0)).length).toBeGreaterThan(5);
    expect(counted.at(-1)).toBe(0);
  });

  it('PROFILE: the count reads the same date indexes, in full and never every relationship, and sorts nothing', async () => {
    const { found, plan } = await profiled(timelineAnswers.count, everyType('0000-01-01', '9999-12-31', Number.MAX_SAFE_INTEGER));
    expect(found.filter((operator) => /Relationship.*IndexSeek/.test(operator.name)).length, plan).toBe(relationTypes.length);
    expect(found.filter(scansWhole), plan).toEqual([]);
    expect(
      found.filter((operator) => /^(Sort|Top|PartialSort|PartialTop)$/.test(operator.name)),
      plan,
    ).toEqual([]);
    const dbHits = found.reduce((sum, operator) => sum + operator.dbHits, 0);
    console.info(`PROFILE timeline-graph count, the whole graph: ${dbHits} db hits`);
  });

  it('rejects what it cannot answer, naming the argument', async () => {
    const code = async (variables: Record<string, unknown>) => (await api.error(timelineQuery, variables)).extensions;
    expect(await code({ relationTypes: ['KNOWS'] })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationTypes' });
    expect(await code({ relationTypes: [] })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'relationTypes' });
    expect(await code({ first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await code({ after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(await code({ from: '2022', to: '2021' })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const backwards = await api.error('{ timeline(last: 2) { edges { cursor } } }');
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
  });

  it('PROFILE: reads the date indexes in order, never every relationship, and sorts only the pages it merges', async () => {
    const { found, plan } = await profiled(timelineAnswers.page, everyType('2021-01-01', '2021-12-31', 11));
    const relationSeeks = found.filter((operator) => /Relationship.*IndexSeek/.test(operator.name));
    const nodeSeeks = found.filter((operator) => operator.name === 'NodeIndexSeek');
    expect(relationSeeks.length, plan).toBe(relationTypes.length);
    expect(nodeSeeks.length, plan).toBeGreaterThan(0);
    expect(found.filter(scansWhole), plan).toEqual([]);
    // Each index is read in its order, and stops after a page (Limit): the one sort is the merge of those pages.
    const sorts = found.filter((operator) => /^(Sort|Top|PartialSort|PartialTop)$/.test(operator.name));
    expect(
      sorts.map((operator) => operator.details),
      plan,
    ).toEqual([expect.stringMatching(/^dateFrom ASC, key ASC/)]);
    const dbHits = found.reduce((sum, operator) => sum + operator.dbHits, 0);
    console.info(`PROFILE timeline-graph 2021, a page of 10: ${dbHits} db hits\n${plan}`);
  });
});

describe("an actor's timeline", () => {
  const actorLines = async (actor: string, variables: Record<string, unknown> = {}) =>
    (await page({ actor, first: 100, ...variables })).edges.map(
      ({ node }) => `${node.date} ${node.kind} ${node.edge?.key ?? '-'} ${node.entity?.slug ?? '-'}`,
    );

  it('the Coordination Center: the dates of what it is party to and took part in, through the relationship that links it', async () => {
    expect(await actorLines('coordination-center-ru')).toEqual([
      '2020 ENTITY PARTY_TO|coordination-center-ru|memo-cc-oac|| memo-cc-oac',
      '2021-02 ENTITY PARTY_TO|coordination-center-ru|memo-cc-ripn|| memo-cc-ripn',
      '2021-04-27 ENTITY PARTICIPATED_IN|coordination-center-ru|event-rans-2021-cc-stand-and-video-studio|exhibitor| event-rans-2021-cc-stand-and-video-studio',
      '2021-04-27 ENTITY PARTICIPATED_IN|coordination-center-ru|event-rans-2021-global-cooperation-in-it-section|host| event-rans-2021-global-cooperation-in-it-section',
      '2021-04-27 ENTITY PARTICIPATED_IN|coordination-center-ru|event-rans-2021-global-cooperation-in-it-section|organizer| event-rans-2021-global-cooperation-in-it-section',
      '2021-04-27 ENTITY PARTICIPATED_IN|coordination-center-ru|event-rans-ict-security-2021|supporter| event-rans-ict-security-2021',
    ]);
    const center = await page({ actor: 'coordination-center-ru', first: 1 });
    expect(center.edges[0]?.node.other).toEqual({ slug: 'memo-cc-oac' });
    expect(await actorLines('coordination-center-ru', { to: '2020' })).toHaveLength(1);
    expect(await actorLines('coordination-center-ru', { relationTypes: ['PARTY_TO'] })).toEqual([]);
    expect(await actorLines('coordination-center-ru', { entityTypes: ['MEMORANDUM'] })).toHaveLength(2);
  });

  it("a relationship's own date wins over its other end's; an event's own days come first", async () => {
    expect(await actorLines('qrator-labs', { relationTypes: ['MEMBER_OF'] })).toEqual(['2018-12 RELATION MEMBER_OF|qrator-labs|ispcp|| -']);
    const session = await actorLines('event-oewg-organizational-session-2021');
    // What was said about the session in April comes before it; on its own day, its own date first.
    expect(session.filter((entry) => entry.startsWith('2021-06-01'))[0]).toBe('2021-06-01 ENTITY - event-oewg-organizational-session-2021');
    expect(session[0]).toMatch(/^2021-04 ENTITY ABOUT\|statement-babekina-oewg-internet-governance\|/);
    const unOewg = await actorLines('un-oewg');
    expect(unOewg).toContain('2021 RELATION PART_OF|un-oewg|unga|| -');
    expect(unOewg).toContain(
      '2021-06-01 ENTITY PART_OF|event-oewg-organizational-session-2021|un-oewg|| event-oewg-organizational-session-2021',
    );
  });

  it('pages like the graph-wide one', async () => {
    const all = await actorLines('coordination-center-ru');
    const first = await page({ actor: 'coordination-center-ru', first: 3 });
    const rest = await page({ actor: 'coordination-center-ru', first: 100, after: first.pageInfo.endCursor });
    expect(
      [...first.edges, ...rest.edges].map(({ node }) => `${node.date} ${node.kind} ${node.edge?.key ?? '-'} ${node.entity?.slug ?? '-'}`),
    ).toEqual(all);
  });
});

describe('asOf', () => {
  type Connection = { totalCount: number; edges: { node: { slug: string } }[] };
  const slugsOf = (connection: Connection) => connection.edges.map((edge) => edge.node.slug).sort();

  it("the OEWG's mandate under the General Assembly holds from 2021 to 2025; its undated links only with includeUndated", async () => {
    const query = `query ($asOf: PartialDate, $undated: Boolean) {
      body(slug: "un-oewg") {
        parents(asOf: $asOf, includeUndated: $undated) { totalCount edges { node { slug } startDate endDate } }
        children(asOf: $asOf, includeUndated: $undated) { totalCount edges { node { slug } } }
        establishedBy(asOf: $asOf, includeUndated: $undated) { totalCount edges { node { slug } } }
      }
    }`;
    type Answer = { body: { parents: Connection; children: Connection; establishedBy: Connection } };
    const at = async (asOf: string | null, undated = false) => (await api.data<Answer>(query, { asOf, undated })).body;
    for (const inside of ['2021', '2021-06', '2023-03-15', '2025-12-31']) {
      expect(slugsOf((await at(inside)).parents), inside).toEqual(['unga']);
    }
    for (const outside of ['2020', '2020-12-31', '2026', '2026-01']) {
      const body = await at(outside);
      expect(slugsOf(body.parents), outside).toEqual([]);
      expect(body.parents.totalCount).toBe(0);
    }
    // The session is part of the OEWG and the resolution established it: neither relationship is dated.
    const year = await at('2021');
    expect(slugsOf(year.children)).toEqual([]);
    expect(slugsOf(year.establishedBy)).toEqual([]);
    const withUndated = await at('2021', true);
    expect(slugsOf(withUndated.children)).toEqual(['event-oewg-organizational-session-2021']);
    expect(slugsOf(withUndated.establishedBy)).toEqual(['doc-unga-res-75-240']);
    // includeUndated keeps out a dated relationship that does not hold then.
    expect(slugsOf((await at('2030', true)).parents)).toEqual([]);
    // No asOf: every relationship, dated or not.
    const always = await at(null);
    expect(slugsOf(always.parents)).toEqual(['unga']);
    expect(slugsOf(always.children)).toEqual(['event-oewg-organizational-session-2021']);
  });

  it("the ISPCP's members: Qrator Labs from December 2018 on, still a member; the seven undated ones only with includeUndated", async () => {
    const query = `query ($asOf: PartialDate, $undated: Boolean) {
      body(slug: "ispcp") { members(first: 50, asOf: $asOf, includeUndated: $undated) { totalCount edges { node { slug } } } }
    }`;
    const at = async (asOf: string | null, undated = false) =>
      (await api.data<{ body: { members: Connection } }>(query, { asOf, undated })).body.members;
    expect(slugsOf(await at('2017'))).toEqual([]);
    expect(slugsOf(await at('2018-11'))).toEqual([]);
    // December 2018 is the month it joined; 2018 as a whole overlaps it.
    expect(slugsOf(await at('2018'))).toEqual(['qrator-labs']);
    expect(slugsOf(await at('2018-12'))).toEqual(['qrator-labs']);
    // No end date: an open end counts as ongoing.
    expect(slugsOf(await at('2030'))).toEqual(['qrator-labs']);
    const all = await at(null);
    expect(all.totalCount).toBe(8);
    const undated = await at('2017', true);
    expect(undated.totalCount).toBe(7);
    expect(slugsOf(undated)).not.toContain('qrator-labs');
    expect((await at('2019', true)).totalCount).toBe(8);
  });

  it('pages asked with different dates in one request do not share a batch', async () => {
    const { bodies } = await api.data<{
      bodies: { edges: { node: { slug: string; now: Connection; before: Connection; undated: Connection } }[] };
    }>(`{ bodies(first: 50) { edges { node { slug
      now: members(asOf: "2019") { totalCount edges { node { slug } } }
      before: members(asOf: "2017") { totalCount edges { node { slug } } }
      undated: members(asOf: "2017", includeUndated: true) { totalCount edges { node { slug } } }
    } } } }`);
    const ispcp = bodies.edges.find((edge) => edge.node.slug === 'ispcp')?.node;
    expect(slugsOf(ispcp?.now as Connection)).toEqual(['qrator-labs']);
    expect(ispcp?.before.totalCount).toBe(0);
    expect(ispcp?.undated.totalCount).toBe(7);
  });

  it('neighborhood follows only the relationships that hold on the date', async () => {
    const query = `query ($asOf: PartialDate, $undated: Boolean) {
      neighborhood(id: "un-oewg", asOf: $asOf, includeUndated: $undated) { nodes { slug } edges { key } }
    }`;
    type Answer = { neighborhood: { nodes: { slug: string }[]; edges: { key: string }[] } };
    const at = async (asOf: string | null, undated = false) => (await api.data<Answer>(query, { asOf, undated })).neighborhood;
    const during = await at('2023');
    expect(during.nodes.map((node) => node.slug)).toEqual(['un-oewg', 'unga']);
    expect(during.edges.map((edge) => edge.key)).toEqual(['PART_OF|un-oewg|unga||']);
    expect((await at('2020')).nodes.map((node) => node.slug)).toEqual(['un-oewg']);
    const undated = await at('2020', true);
    expect(undated.nodes.map((node) => node.slug)).not.toContain('unga');
    expect(undated.nodes.map((node) => node.slug)).toEqual(
      expect.arrayContaining(['doc-unga-res-75-240', 'event-oewg-organizational-session-2021']),
    );
    const always = await at(null);
    expect(always.nodes.map((node) => node.slug)).toEqual(expect.arrayContaining(['unga', 'doc-unga-res-75-240']));
  });

  it('paths take every hop from the relationships that hold on the date, in both path searches', async () => {
    const query = `query ($from: ID!, $to: ID!, $asOf: PartialDate, $undated: Boolean, $exclude: [EntityType!]) {
      paths(from: $from, to: $to, asOf: $asOf, includeUndated: $undated, excludeTypes: $exclude) { nodes { slug } edges { key } }
    }`;
    type Answer = { paths: { nodes: { slug: string }[]; edges: { key: string }[] }[] };
    const routes = async (variables: Record<string, unknown>) =>
      (await api.data<Answer>(query, { from: 'qrator-labs', to: 'ispcp', ...variables })).paths.map((path) =>
        path.nodes.map((node) => node.slug).join('>'),
      );
    for (const exclude of [null, ['COUNTRY']]) {
      expect(await routes({ asOf: '2019', exclude }), String(exclude)).toEqual(['qrator-labs>ispcp']);
      expect(await routes({ asOf: '2017', exclude }), String(exclude)).toEqual([]);
      // Undated links join in, but not the membership, which had not begun: the way round is longer.
      const before = await routes({ asOf: '2017', undated: true, exclude });
      expect(before.length, String(exclude)).toBeGreaterThan(0);
      expect(before.every((route) => route.split('>').length > 2)).toBe(true);
      expect(await routes({ exclude }), String(exclude)).toEqual(['qrator-labs>ispcp']);
      const mandate = await api.data<Answer>(query, { from: 'un-oewg', to: 'unga', asOf: '2020', exclude });
      expect(mandate.paths).toEqual([]);
    }
  });
});
