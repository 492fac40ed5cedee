import { readFileSync } from 'node:fs';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledCypher, parametersToSend } from '../../src/db/cypher-files.ts';
import type { Database } from '../../src/db/database.ts';
import { relationTypes, type SeedGraph } from '../../src/domain/graph.ts';
import { scanCosts } from '../../src/schema/cost.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

// Source.supports: what one source is cited for, read against the seed graph it was loaded from.

interface SupportEdge {
  cursor: string;
  onlySource: boolean;
  citation: { evidence: string; basis: string | null } | null;
  claims: { field: string; sources: { slug: string }[] }[];
  node: { __typename: string; slug?: string; key?: string };
}
interface SupportPage {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: SupportEdge[];
}

const query = `query Supports($slug: String!, $first: Int, $after: String, $counted: Boolean!) {
  source(slug: $slug) {
    supports(first: $first, after: $after) {
      totalCount @include(if: $counted)
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        onlySource
        citation { evidence basis }
        claims { field sources { slug } }
        node { __typename ... on Entity { slug } ... on Edge { key } }
      }
    }
  }
}`;

const textList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);

describe('what a source supports', () => {
  let db: Database;
  let api: GraphQLClient;
  let graph: SeedGraph;

  const page = async (slug: string, first: number, after: string | null, counted = false) =>
    (await api.data<{ source: { supports: SupportPage } | null }>(query, { slug, first, after, counted })).source?.supports;

  /** The records that cite `slug` in the seed, as the API orders them: entities by slug, then relationships by key. */
  function expected(slug: string): string[] {
    const entities = graph.nodes
      .filter((node) => node.label !== 'Conflict' && node.id !== slug)
      .filter((node) => textList(node.props.sources).includes(slug) || String(node.props.claims ?? '').includes(JSON.stringify(slug)))
      .map((node) => node.id)
      .sort();
    const relations = graph.relations
      .filter((relation) => textList(relation.props.sources).includes(slug))
      .map((relation) => relation.key)
      .sort();
    return [...entities, ...relations];
  }

  const recordOf = (edge: SupportEdge) => edge.node.slug ?? edge.node.key ?? '';

  beforeAll(async () => {
    db = await openTestDatabase();
    graph = await loadRealSeed(db);
    api = new GraphQLClient(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it('lists every entity and relationship that cites the source, page by page, with the total', async () => {
    const sources = graph.nodes.filter((node) => node.label === 'Source').map((node) => node.id);
    expect(sources.length).toBeGreaterThan(4);
    for (const slug of sources) {
      const records: string[] = [];
      let after: string | null = null;
      for (let pageNo = 0; pageNo < 100; pageNo += 1) {
        const current = await page(slug, 17, after, pageNo === 0);
        if (!current) throw new Error(`no source ${slug}`);
        if (pageNo === 0) expect(current.totalCount, slug).toBe(expected(slug).length);
        records.push(...current.edges.map(recordOf));
        if (!current.pageInfo.hasNextPage) break;
        expect(current.edges).toHaveLength(17);
        after = current.pageInfo.endCursor;
      }
      expect(records, slug).toEqual(expected(slug));
    }
    // Past the last page: nothing more, and the same count.
    const all = await page('src-000-cctld-msk-ix-memorandum', 100, null);
    let last = all?.edges.at(-1)?.cursor ?? null;
    if (all?.pageInfo.hasNextPage)
      last = (await page('src-000-cctld-msk-ix-memorandum', 100, all.pageInfo.endCursor))?.edges.at(-1)?.cursor ?? null;
    const beyond = await page('src-000-cctld-msk-ix-memorandum', 5, last, true);
    expect(beyond?.edges).toEqual([]);
    expect(beyond?.totalCount).toBe(expected('src-000-cctld-msk-ix-memorandum').length);
  });

  it('says how the source supports each record, whether it is the only one, and which claims cite it', async () => {
    const slug = 'src-000-cctld-msk-ix-memorandum';
    const edges: SupportEdge[] = [];
    let after: string | null = null;
    do {
      const current = await page(slug, 100, after);
      edges.push(...(current?.edges ?? []));
      after = current?.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after);
    const byRecord = new Map(edges.map((edge) => [recordOf(edge), edge]));
    // RIPN as the .su manager rests on this article alone, which says RIPN manages .SU but not in
    // which role: read, not stated. The Foundation for Internet Development's claim does not name it.
    const ripnManagesSu = graph.relations.find(
      (relation) => relation.type === 'MANAGES' && relation.from === 'ripn' && relation.to === 'tld-su',
    );
    expect(ripnManagesSu).toBeDefined();
    expect(byRecord.get(ripnManagesSu?.key ?? '')).toMatchObject({ onlySource: true, citation: { evidence: 'INFERRED' } });
    expect([...byRecord.keys()].some((key) => key.startsWith('MANAGES|foundation-for-internet-development|tld-su'))).toBe(false);
    // The OAC memorandum's other title is a claim this article makes.
    const oac = byRecord.get('memo-cc-oac');
    expect(oac?.claims.map((claim) => claim.field)).toContain('name');
    expect(oac?.claims.every((claim) => claim.sources.some((source) => source.slug === slug))).toBe(true);
    // Every edge's citation and flag agree with what the seed stores.
    for (const [record, edge] of byRecord) {
      const stored = graph.nodes.find((node) => node.id === record) ?? graph.relations.find((relation) => relation.key === record);
      const cited = textList(stored?.props.sources);
      expect(edge.onlySource, record).toBe(cited.length === 1 && cited[0] === slug);
      if (cited.includes(slug)) expect(edge.citation, record).not.toBeNull();
      else expect(edge.claims.length, record).toBeGreaterThan(0);
    }
    // An INFERRED citation comes with its basis.
    const inferred = edges.filter((edge) => edge.citation?.evidence === 'INFERRED');
    for (const edge of inferred) expect(edge.citation?.basis, recordOf(edge)).toBeTruthy();
  });

  it('keeps, with evidence, the records whose citation of the source is of those kinds', async () => {
    const filtered = `query Filtered($slug: String!, $evidence: [Evidence!], $after: String) {
      source(slug: $slug) {
        supports(first: 40, after: $after, evidence: $evidence) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor onlySource claims { field sources { slug } } citation { evidence basis } node { __typename ... on Entity { slug } ... on Edge { key } } }
        }
      }
    }`;
    // Every page, and the total the first one counts.
    const read = async (slug: string, evidence: string[] | null) => {
      const edges: SupportEdge[] = [];
      let totalCount: number | undefined;
      let after: string | null = null;
      do {
        const current: SupportPage = (await api.data<{ source: { supports: SupportPage } }>(filtered, { slug, evidence, after })).source
          .supports;
        totalCount ??= current.totalCount;
        edges.push(...current.edges);
        after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
      } while (after);
      return { totalCount, edges };
    };
    for (const slug of ['src-000-cctld-msk-ix-memorandum', 'src-003-qrator-labs-joins-ispcp']) {
      const every = await read(slug, null);
      expect(every.edges.length, slug).toBe(every.totalCount);
      const kinds = (edge: SupportEdge) => edge.citation?.evidence ?? 'CLAIMS ONLY';
      const articleSays = await read(slug, ['STATED', 'INFERRED']);
      // Outside knowledge the article is cited beside, and records only a claim of which cites it, go.
      const said = every.edges.filter((edge) => ['STATED', 'INFERRED'].includes(kinds(edge)));
      expect(articleSays.edges.map(recordOf), slug).toEqual(said.map(recordOf));
      expect(articleSays.totalCount, slug).toBe(said.length);
      const outside = await read(slug, ['EXTERNAL']);
      expect(outside.edges.map(recordOf), slug).toEqual(every.edges.filter((edge) => kinds(edge) === 'EXTERNAL').map(recordOf));
      expect(outside.totalCount, slug).toBe(outside.edges.length);
    }
    // The ISPCP article is cited beside the GNSO's place in ICANN, which it does not say.
    const outside = await read('src-003-qrator-labs-joins-ispcp', ['EXTERNAL']);
    expect(outside.edges.map(recordOf)).toContain('PART_OF|gnso|icann||');
  });

  it('refuses a cursor it did not issue and pages forward only, and costs what it reads', async () => {
    const bad = await api.error(query, { slug: 'src-000-cctld-msk-ix-memorandum', first: 5, after: 'nonsense', counted: false });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const backwards = await api.error('{ source(slug: "src-000-cctld-msk-ix-memorandum") { supports(last: 5) { edges { cursor } } } }');
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    // queryCost gives the cost of the query it is part of.
    const cost = async (selection: string) =>
      (await api.data<{ queryCost: { cost: number } }>(`{ queryCost { cost } ${selection} }`)).queryCost.cost;
    const source = 'source(slug: "src-000-cctld-msk-ix-memorandum")';
    const plain = await cost(`${source} { slug }`);
    const reading = await cost(`${source} { supports(first: 1) { edges { cursor } } }`);
    const counting = await cost(`${source} { supports(first: 1) { totalCount edges { cursor } } }`);
    expect(reading - plain).toBeGreaterThanOrEqual(scanCosts.sourceSupport);
    expect(counting - reading).toBeGreaterThanOrEqual(scanCosts.sourceSupport);
  });

  // Every operator of a profiled plan.
  const operators = (plan: ProfiledPlan): string[] => [
    `${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`,
    ...plan.children.flatMap(operators),
  ];

  it('PROFILE: a page reads what cites the source through its indexes, never every entity or relationship', async () => {
    const source = 'src-000-cctld-msk-ix-memorandum';
    const parameters = {
      source,
      quoted: JSON.stringify(source),
      afterPart: neo4j.int(0),
      afterKey: '',
      limit: neo4j.int(5),
      withTotal: true,
      // The filter reads each record's own list: no other lookup.
      evidence: ['STATED', 'INFERRED'],
    };
    for (const statement of ['queries/source-support-page', 'curation/citing-source']) {
      const { summary } = await db.driver.executeQuery(
        `PROFILE ${filledCypher(statement, parameters)}`,
        parametersToSend(statement, parameters),
        { database: db.name },
      );
      if (!summary.profile) throw new Error(`${statement}: no profile`);
      const names = operators(summary.profile);
      expect(
        names.filter((name) => /^(AllNodesScan|NodeByLabelScan|\S*AllRelationshipsScan|\S*RelationshipTypeScan) /.test(name)),
        `${statement}: ${names.join('\n')}`,
      ).toEqual([]);
      // The full-text indexes are read by procedure calls; claims through the text index, which
      // holds only the entities that have claims (the planner scans or seeks it by the graph's size).
      expect(names.filter((name) => name.startsWith('ProcedureCall ')).length, statement).toBeGreaterThanOrEqual(2);
      expect(
        names.some((name) => /^NodeIndex(Contains)?Scan TEXT INDEX e:Entity\(claims\)/.test(name)),
        `${statement}: ${names.join('\n')}`,
      ).toBe(true);
    }
  });

  it('indexes the sources of every relationship type the graph has', () => {
    const schema = readFileSync(new URL('../../cypher/schema/015-source-citations.cypher', import.meta.url), 'utf8');
    const types = /FOR \(\)-\[r:([A-Z_|]+)\]-\(\)/.exec(schema)?.[1]?.split('|') ?? [];
    expect(types.sort()).toEqual([...relationTypes].sort());
  });
});
