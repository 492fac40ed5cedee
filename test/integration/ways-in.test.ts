import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filledCypher, parametersToSend } from '../../src/db/cypher-files.ts';
import { listedPathParts } from '../../src/db/path-parts-slots.ts';
import { pathSearch } from '../../src/db/path-search-slots.ts';
import { seededCurationSuite, seedSource } from '../support/curation.ts';

// Issue #15, item 5: the people of a body or an organization rolled up over its parts, paths that
// keep entity types out, default page sizes that let a natural first query through the cost
// limit, and a refusal that says which field to ask less of. Over the real seed.

const suite = seededCurationSuite();

interface PersonEdge {
  title: string | null;
  at: { slug: string };
  node: { slug: string };
}

const peopleQuery = (type: 'organization' | 'body', slug: string) => `query ($parts: Boolean) {
  ${type}(slug: "${slug}") { people(includeParts: $parts) { totalCount edges { title at { slug } node { slug } } } }
}`;

describe('people, rolled up over the parts', () => {
  it('Organization.people with includeParts takes in its departments, saying where each position is held', async () => {
    const query = peopleQuery('organization', 'ministry-digital-development');
    type Result = { organization: { people: { totalCount: number; edges: PersonEdge[] } } };
    const own = await suite.api.data<Result>(query, { parts: false });
    const all = await suite.api.data<Result>(query, { parts: true });
    expect(all.organization.people.edges).toEqual(
      expect.arrayContaining([
        {
          title: 'Deputy Director',
          at: { slug: 'ministry-digital-development-international-cooperation-department' },
          node: { slug: 'natalia-babekina' },
        },
        {
          title: 'Acting Director',
          at: { slug: 'ministry-digital-development-cybersecurity-department' },
          node: { slug: 'dmitry-reutsky' },
        },
      ]),
    );
    expect(all.organization.people.totalCount).toBe(all.organization.people.edges.length);
    expect(all.organization.people.totalCount).toBe(own.organization.people.totalCount + 2);
    for (const edge of own.organization.people.edges) expect(edge.at.slug).toBe('ministry-digital-development');
    // The default leaves the parts out, as before.
    expect(await suite.api.data(query, {})).toEqual(own);
  });

  it('Body.people rolls up sub-bodies at any depth (ICANN ⊃ GNSO ⊃ ISPCP), in one statement for every parent', async () => {
    await suite.api.data(
      `mutation {
        upsertHoldsPositionRelation(input: { from: "andrey-vorobyev", to: "ispcp", title: "Observer", sources: [{ slug: "${seedSource}" }], evidence: STATED }) { outcome }
      }`,
      {},
      suite.keys.curator,
    );
    type Result = { body: { people: { totalCount: number; edges: PersonEdge[] } } };
    const icann = await suite.api.data<Result>(peopleQuery('body', 'icann'), { parts: true });
    expect(icann.body.people.edges).toContainEqual({ title: 'Observer', at: { slug: 'ispcp' }, node: { slug: 'andrey-vorobyev' } });
    expect(icann.body.people.edges.map((edge) => edge.node.slug)).toContain('alexandra-kulikova');
    const direct = await suite.api.data<Result>(peopleQuery('body', 'icann'), { parts: false });
    expect(direct.body.people.edges.map((edge) => edge.node.slug)).not.toContain('andrey-vorobyev');

    // Every body of a list, with its parts (one statement for all of them: see relation-pages-with-parts).
    const { bodies } = await suite.api.data<{ bodies: { edges: { node: { slug: string; people: { totalCount: number } } }[] } }>(
      '{ bodies(first: 50) { edges { node { slug people(includeParts: true) { totalCount } } } } }',
    );
    const bySlug = new Map(bodies.edges.map((edge) => [edge.node.slug, edge.node.people.totalCount]));
    expect(bySlug.get('icann')).toBe(icann.body.people.totalCount);
    expect(bySlug.get('gnso')).toBe(1);
  });
});

describe("an event's lists, rolled up over its sections", () => {
  interface PartEdge {
    role?: string | null;
    part: { slug: string } | null;
    node: { slug: string };
  }
  type Page = { totalCount: number; edges: PartEdge[] };
  type Result = { event: { statements: Page; participants: Page; parts: { nodes: { slug: string }[] } } };
  const query = `query ($slug: String!, $parts: Boolean) { event(slug: $slug) {
    statements(first: 50, includeParts: $parts) { totalCount edges { part { slug } node { slug } } }
    participants(first: 50, includeParts: $parts) { totalCount edges { role part { slug } node { slug } } }
    parts(first: 50) { nodes { slug } }
  } }`;
  const conference = 'event-rans-ict-security-2021';
  const section = 'event-rans-2021-global-cooperation-in-it-section';

  it('Event.statements and .participants with includeParts take in its sections, naming the part of each edge', async () => {
    const own = await suite.api.data<Result>(query, { slug: conference, parts: false });
    const all = await suite.api.data<Result>(query, { slug: conference, parts: true });
    // What was said at the conference was said in its sections: without the roll-up, nothing.
    expect(own.event.statements.totalCount).toBe(0);
    const inSection = await suite.api.data<Result>(query, { slug: section, parts: false });
    expect(inSection.event.statements.totalCount).toBeGreaterThan(0);
    expect(all.event.statements.edges).toEqual(
      expect.arrayContaining(inSection.event.statements.edges.map((edge) => ({ part: { slug: section }, node: edge.node }))),
    );
    expect(all.event.statements.totalCount).toBe(all.event.statements.edges.length);

    // Everyone in every part, each edge naming its part; the conference's own keep part null.
    expect(all.event.participants.edges).toContainEqual({ role: 'moderator', part: { slug: section }, node: { slug: 'andrey-vorobyev' } });
    for (const edge of own.event.participants.edges) expect(edge.part).toBeNull();
    let inParts = 0;
    for (const { slug } of own.event.parts.nodes) {
      inParts += (await suite.api.data<Result>(query, { slug, parts: true })).event.participants.totalCount;
    }
    expect(all.event.participants.totalCount).toBe(own.event.participants.totalCount + inParts);
    expect(all.event.participants.totalCount).toBe(all.event.participants.edges.length);
    // The default leaves the parts out.
    expect(await suite.api.data<Result>(query, { slug: conference })).toEqual(own);
  });
});

describe('relations narrowed by role', () => {
  type Edge = { role: string | null; node: { slug: string } };
  it('participants(roles:) keeps the roles named, counted and paged as the whole list is, on a single event and nested in a list', async () => {
    type Result = { event: { all: { edges: Edge[] }; speakers: { totalCount: number; edges: Edge[] } } };
    const { event } = await suite.api.data<Result>(`{ event(slug: "event-rans-ict-security-2021") {
      all: participants(first: 50, includeParts: true) { edges { role node { slug } } }
      speakers: participants(first: 50, includeParts: true, roles: [SPEAKER, MODERATOR]) { totalCount edges { role node { slug } } }
    } }`);
    const expected = event.all.edges.filter((edge) => edge.role === 'speaker' || edge.role === 'moderator');
    expect(expected.length).toBeGreaterThan(1);
    expect(event.speakers.edges).toEqual(expected);
    expect(event.speakers.totalCount).toBe(expected.length);

    // Nested under a list, the planned read takes the argument as the loader does.
    type Listed = { events: { nodes: { slug: string; all: { edges: Edge[] }; hosts: { edges: Edge[] } }[] } };
    const { events } = await suite.api.data<Listed>(`{ events(first: 20) { nodes { slug
      all: participants(first: 20) { edges { role node { slug } } }
      hosts: organizers(first: 20, roles: [HOST]) { edges { role node { slug } } }
    } } }`);
    let hosts = 0;
    for (const node of events.nodes) {
      const expectedHosts = node.all.edges.filter((edge) => edge.role === 'host');
      expect(node.hosts.edges, node.slug).toEqual(expectedHosts);
      hosts += expectedHosts.length;
    }
    expect(hosts).toBeGreaterThan(0);
  });

  it('managers(roles:) keeps registries, and a role outside the enum is refused', async () => {
    type Result = { tld: { managers: { edges: Edge[] } } };
    const { tld } = await suite.api.data<Result>('{ tld(name: ".by") { managers(roles: [REGISTRAR]) { edges { role node { slug } } } } }');
    expect(tld.managers.edges.map((edge) => edge.role)).toEqual(['registrar']);
    const refused = await suite.api.error('{ tld(name: ".by") { managers(roles: [SPEAKER]) { edges { role } } } }');
    expect(refused.message).toContain('SPEAKER');
  });

  it('organizers(roles:) refuses a role organizers do not hold, naming it and the list that holds it', async () => {
    const query = `{ events(first: 20) { nodes { slug organizers(roles: [HOST, SPEAKER]) { edges { role } } } } }`;
    const result = await suite.api.run<unknown>(query);
    const messages = (result.errors ?? []).map((error) => error.message);
    // Refused on every event asked, where it would otherwise have answered empty lists.
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).toContain('SPEAKER');
      expect(message).toContain('participants');
    }
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'roles',
      allowed: ['ORGANIZER', 'HOST', 'SUPPORTER'],
    });
    // The roles it holds are still answered.
    await suite.api.data('{ events(first: 5) { nodes { organizers(roles: [HOST, ORGANIZER]) { edges { role } } } } }');
  });
});

describe('paths that keep entity types out', () => {
  const query = `query ($from: ID!, $to: ID!, $exclude: [EntityType!]) {
    paths(from: $from, to: $to, excludeTypes: $exclude) { nodes { slug __typename } }
  }`;
  type Result = { paths: { nodes: { slug: string; __typename: string }[] }[] };
  const routes = (result: Result) => result.paths.map((path) => path.nodes.map((node) => node.slug));

  it('qrator-labs to body-itu: without countries and statements, only the route through ICANN and the Coordination Center', async () => {
    const all = await suite.api.data<Result>(query, { from: 'qrator-labs', to: 'body-itu' });
    expect(routes(all)).toEqual(
      expect.arrayContaining([
        ['qrator-labs', 'icann', 'coordination-center-ru', 'itu'],
        ['qrator-labs', 'country-ru', 'coordination-center-ru', 'itu'],
      ]),
    );
    // A statement about both ICANN and the ITU links them as well; keep it out with countries.
    const noCountries = await suite.api.data<Result>(query, { from: 'qrator-labs', to: 'body-itu', exclude: ['COUNTRY', 'STATEMENT'] });
    expect(routes(noCountries)).toEqual([['qrator-labs', 'icann', 'coordination-center-ru', 'itu']]);
    const withStatements = await suite.api.data<Result>(query, { from: 'qrator-labs', to: 'body-itu', exclude: ['COUNTRY'] });
    expect(routes(withStatements)).toEqual([
      ['qrator-labs', 'icann', 'coordination-center-ru', 'itu'],
      ['qrator-labs', 'icann', 'statement-vorobyev-global-cooperation', 'itu'],
    ]);
  });

  // Every operator of a profiled plan, with its db hits.
  const operators = (plan: ProfiledPlan): { name: string; dbHits: number }[] => [
    { name: plan.operatorType.replace(/@.*/, ''), dbHits: plan.dbHits },
    ...plan.children.flatMap(operators),
  ];

  it('PROFILE: the exclusion is checked inside the shortest-path search, not by enumerating paths after it', async () => {
    const profile = async (statement: string, extra: Record<string, unknown>) => {
      const parameters = {
        from: 'qrator-labs',
        to: 'itu',
        maxHops: neo4j.int(4),
        types: null,
        first: neo4j.int(20),
        evidence: null,
        asOfFrom: null,
        asOfTo: null,
        includeUndated: false,
        pathParts: listedPathParts,
        ...extra,
      };
      const { summary } = await suite.db.driver.executeQuery(
        `PROFILE ${filledCypher(statement, parameters)}`,
        parametersToSend(statement, parameters),
        { database: suite.db.name },
      );
      if (!summary.profile) throw new Error(`${statement}: no profile`);
      const found = operators(summary.profile);
      return { names: found.map((operator) => operator.name), dbHits: found.reduce((sum, operator) => sum + operator.dbHits, 0) };
    };
    const excluding = await profile('queries/shortest-paths-excluding', { excluded: ['Country'] });
    const plain = await profile('queries/shortest-paths', { pathSearch: pathSearch(new Set()) });
    // The quantified path pattern's search, with the predicate inlined; no variable-length expansion of every path.
    expect(
      excluding.names.some((name) => name.startsWith('StatefulShortestPath')),
      excluding.names.join(', '),
    ).toBe(true);
    expect(excluding.names.some((name) => name.startsWith('VarLengthExpand'))).toBe(false);
    // On the seed, a few hundred db hits (the legacy fallback needed tens of thousands). Printed for docs/api.md.
    expect(excluding.dbHits).toBeLessThan(2000);
    console.info(`PROFILE qrator-labs → itu: excluding Country ${excluding.dbHits} db hits; plain shortest paths ${plain.dbHits}`);
  });

  it('finds the longer path when every shortest one runs through an excluded type', async () => {
    const shortest = await suite.api.data<Result>(query, { from: 'citadel', to: 'msk-ix' });
    expect(routes(shortest).every((route) => route.length === 3)).toBe(true);
    expect(shortest.paths.every((path) => path.nodes[1]?.__typename === 'Country')).toBe(true);
    const around = await suite.api.data<Result>(query, { from: 'citadel', to: 'msk-ix', exclude: ['COUNTRY'] });
    expect(around.paths.length).toBeGreaterThan(0);
    for (const path of around.paths) {
      expect(path.nodes.length).toBe(5);
      expect(path.nodes.slice(1, -1).map((node) => node.__typename)).not.toContain('Country');
    }
    // The ends themselves may be of an excluded type.
    const fromCountry = await suite.api.data<Result>(query, { from: 'country-ru', to: 'msk-ix', exclude: ['COUNTRY'] });
    expect(routes(fromCountry)).toEqual([['country-ru', 'msk-ix']]);
  });
});

describe('cost: natural queries fit, a costly one says what to ask less of', () => {
  it('the natural first query without first: fits the default limit', async () => {
    const result = await suite.api.run<{ organizations: { edges: { node: { memoranda: { edges: unknown[] } } }[] } }>(
      '{ organizations { edges { node { name memoranda { edges { node { title signatories { edges { node { name } } } } } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const organizations = result.data?.organizations.edges ?? [];
    expect(organizations).toHaveLength(20);
    // Inside one list, a connection gives 10 by default.
    for (const edge of organizations) expect(edge.node.memoranda.edges.length).toBeLessThanOrEqual(10);
    const { queryCost } = await suite.api.data<{ queryCost: { cost: number; limit: number } }>(
      '{ queryCost { cost limit } organizations { edges { node { name memoranda { edges { node { title signatories { edges { node { name } } } } } } } } } }',
    );
    expect(queryCost.cost).toBeLessThan(queryCost.limit);
  });

  it('a lookup of one entity still gives 20 by default; a connection in two lists 5', async () => {
    const { organization } = await suite.api.data<{ organization: { locatedIn: { edges: unknown[] } } }>(
      '{ organization(slug: "msk-ix") { locatedIn { edges { node { slug } } } } }',
    );
    expect(organization.locatedIn.edges).toHaveLength(1);
    // memo-cc-msk-ix covers nine topics: inside two lists, the first five.
    const { organizations } = await suite.api.data<{
      organizations: { edges: { node: { memoranda: { edges: { node: { topics: { edges: unknown[] } } }[] } } }[] };
    }>('{ organizations(first: 50) { edges { node { memoranda { edges { node { topics { edges { node { slug } } } } } } } } } }');
    const topicPages = organizations.edges.flatMap((edge) => edge.node.memoranda.edges.map((memo) => memo.node.topics.edges.length));
    expect(topicPages.length).toBeGreaterThan(0);
    expect(Math.max(...topicPages)).toBe(5);
  });

  it('too costly: the error names the costliest field and the first: that would fit, and that first does fit', async () => {
    const query = (first: number) =>
      `{ organizations(first: ${first}) { edges { node { name memoranda(first: 50) { edges { node { title signatories(first: 30) { edges { node { name } } } } } } } } } }`;
    const error = await suite.api.error(query(50));
    expect(error.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 50000,
      costliest: { path: 'organizations', first: 50, fits: expect.any(Number) },
    });
    const { fits } = z.object({ fits: z.number() }).parse(error.extensions?.costliest);
    expect(error.message).toContain(`organizations(first: ${fits})`);
    expect(fits).toBeGreaterThan(1);
    const answered = await suite.api.run(query(fits));
    expect(answered.errors).toBeUndefined();
    expect((await suite.api.run(query(fits + 1))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
