import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { seededCurationSuite, seedSource } from '../support/curation.ts';
import { readRows } from '../support/database.ts';
import { canonicalValue } from '../support/graph-state.ts';

// Entity merges on the real Neo4j: the dry run's report, the merge itself (relations,
// statements, claims, aliases, fields), the redirects of the merged slug and its global ID, the
// change log, the unmerge (which must give back exactly what was there, keeping what the
// survivor got since) and refusals. A 10k-relation hub is merged as a job: merge-jobs.test.ts.

const suite = seededCurationSuite();
const otherSource = 'src-001-cctld-oac-memorandum';

const merge = `mutation ($into: ID!, $from: [ID!]!, $dryRun: Boolean) {
  mergeEntities(into: $into, from: $from, dryRun: $dryRun) {
    dryRun changed merge entityType intoSlug
    merged { slug name formerSlugs }
    alreadyMerged { argument ref merge }
    relations { relationType fromSlug toSlug key otherSlug otherType newKey outcome }
    relationCounts { relationType moved combined dropped }
    statements
    claims { field value sourceSlugs origin fromSlug }
    sources aliases formerSlugs
    filledFields { field value fromSlug }
  }
}`;

const unmerge = `mutation ($merge: ID!, $dryRun: Boolean) {
  unmergeEntities(merge: $merge, dryRun: $dryRun) {
    dryRun changed merge operation intoSlug
    restored { slug }
    relations { relationType fromSlug toSlug key mergedKey outcome changedSince }
    relationCounts { relationType moved combined dropped }
    aliases formerSlugs sources
    claims { field value }
    filledFields { field value }
    keptOnSurvivor { relationType fromSlug toSlug }
    survivorChangedSince
  }
}`;

interface MergeResult {
  dryRun: boolean;
  changed: boolean;
  merge: string | null;
  relations: { relationType: string; fromSlug: string; toSlug: string; outcome: string }[];
  relationCounts: { relationType: string; moved: number; combined: number; dropped: number }[];
  [field: string]: unknown;
}

const cite = (...ids: string[]) => ids.map((id) => ({ id }));

async function admin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return suite.api.data<T>(query, variables, suite.keys.admin);
}

/** The small fixture: survivor merge-alpha, merged merge-beta with relations of every outcome and a statement. */
async function writeFixture(country: string, body: string) {
  await admin(
    `mutation ($a: OrganizationInput!, $b: OrganizationInput!, $s: StatementInput!) {
      a: upsertOrganization(input: $a) { outcome } b: upsertOrganization(input: $b) { outcome } s: upsertStatement(input: $s) { outcome }
    }`,
    {
      a: {
        slug: 'merge-alpha',
        name: 'Merge Alpha Holding',
        kind: 'COMPANY',
        description: 'The survivor.',
        sources: cite(seedSource),
        evidence: 'STATED',
      },
      b: {
        slug: 'merge-beta',
        name: 'Betamerge Networks',
        aliases: ['BMN'],
        kind: 'REGISTRY',
        country: 'RU',
        description: 'The one merged.',
        sources: cite(otherSource),
        evidence: 'STATED',
      },
      s: {
        slug: 'merge-statement',
        name: 'Betamerge on peering',
        summary: 'A test statement.',
        sources: cite(seedSource),
        evidence: 'STATED',
      },
    },
  );
  await admin(
    `mutation ($l1: LocatedInRelationInput!, $l2: LocatedInRelationInput!, $c: CooperatesWithRelationInput!,
               $m: MemberOfRelationInput!, $s: SaidByRelationInput!) {
      l1: upsertLocatedInRelation(input: $l1) { outcome } l2: upsertLocatedInRelation(input: $l2) { outcome }
      c: upsertCooperatesWithRelation(input: $c) { outcome } m: upsertMemberOfRelation(input: $m) { outcome }
      s: upsertSaidByRelation(input: $s) { outcome }
    }`,
    {
      l1: { from: 'merge-alpha', to: country, sources: cite(seedSource), evidence: 'STATED' },
      l2: { from: 'merge-beta', to: country, sources: cite(otherSource), evidence: 'STATED' },
      c: { from: 'merge-beta', to: 'merge-alpha', sources: cite(seedSource), evidence: 'STATED' },
      m: { from: 'merge-beta', to: body, sources: cite(otherSource), evidence: 'STATED' },
      s: { from: 'merge-statement', to: 'merge-beta', sources: cite(seedSource), evidence: 'STATED' },
    },
  );
}

/**
 * A hash of what the merge touches: the fixture's entities and every relationship of theirs,
 * every property (audit times included), as stored.
 */
async function fixtureHash(ids: readonly string[]): Promise<{ nodes: string[]; relationships: string[] }> {
  const [row] = await readRows(suite.db, 'admin/graph-contents');
  const nodes = (row?.nodes ?? []) as { id: string; labels: string[]; properties: Record<string, unknown> }[];
  const relationships = (row?.relationships ?? []) as { type: string; from: string; to: string; properties: Record<string, unknown> }[];
  const byElement = new Map(nodes.map((node) => [node.id, node]));
  const mine = (elementId: string) => ids.includes(String(byElement.get(elementId)?.properties.id));
  return {
    nodes: nodes
      .filter((node) => node.labels.includes('Entity') && ids.includes(String(node.properties.id)))
      .map((node) => canonicalValue({ labels: [...node.labels].sort(), properties: node.properties }))
      .sort(),
    relationships: relationships
      .filter((relation) => mine(relation.from) || mine(relation.to))
      .map((relation) => canonicalValue({ type: relation.type, properties: relation.properties }))
      .sort(),
  };
}

describe('mergeEntities and unmergeEntities', () => {
  let country = '';
  let body = '';
  let mergeId = '';
  let before: Awaited<ReturnType<typeof fixtureHash>>;
  const touched = ['merge-alpha', 'merge-beta', 'merge-statement'];

  it('reports exactly what a merge would move, and writes nothing', async () => {
    country = suite.graph.nodes.find((node) => node.label === 'Country')?.id ?? '';
    body = suite.graph.nodes.find((node) => node.label === 'Body')?.id ?? '';
    await writeFixture(country, body);
    before = await fixtureHash([...touched, country, body]);
    const { mergeEntities: report } = await admin<{ mergeEntities: MergeResult }>(merge, {
      into: 'merge-alpha',
      from: ['merge-beta'],
      dryRun: true,
    });
    const sortedRelations = [...report.relations].sort((a, b) => a.relationType.localeCompare(b.relationType));
    expect({ ...report, relations: sortedRelations }).toEqual({
      dryRun: true,
      changed: true,
      merge: null,
      entityType: 'ORGANIZATION',
      intoSlug: 'merge-alpha',
      merged: [{ slug: 'merge-beta', name: 'Betamerge Networks', formerSlugs: [] }],
      alreadyMerged: [],
      relations: [
        {
          relationType: 'COOPERATES_WITH',
          fromSlug: 'merge-beta',
          toSlug: 'merge-alpha',
          key: 'COOPERATES_WITH|merge-beta|merge-alpha||',
          otherSlug: 'merge-alpha',
          otherType: 'ORGANIZATION',
          newKey: 'COOPERATES_WITH|merge-alpha|merge-alpha||',
          outcome: 'DROPPED',
        },
        {
          relationType: 'LOCATED_IN',
          fromSlug: 'merge-beta',
          toSlug: country,
          key: `LOCATED_IN|merge-beta|${country}||`,
          otherSlug: country,
          otherType: 'COUNTRY',
          newKey: `LOCATED_IN|merge-alpha|${country}||`,
          outcome: 'COMBINED',
        },
        {
          relationType: 'MEMBER_OF',
          fromSlug: 'merge-beta',
          toSlug: body,
          key: `MEMBER_OF|merge-beta|${body}||`,
          otherSlug: body,
          otherType: 'BODY',
          newKey: `MEMBER_OF|merge-alpha|${body}||`,
          outcome: 'MOVED',
        },
        {
          relationType: 'SAID_BY',
          fromSlug: 'merge-statement',
          toSlug: 'merge-beta',
          key: 'SAID_BY|merge-statement|merge-beta||',
          otherSlug: 'merge-statement',
          otherType: 'STATEMENT',
          newKey: 'SAID_BY|merge-statement|merge-alpha||',
          outcome: 'MOVED',
        },
      ],
      relationCounts: [
        { relationType: 'MEMBER_OF', moved: 1, combined: 0, dropped: 0 },
        { relationType: 'LOCATED_IN', moved: 0, combined: 1, dropped: 0 },
        { relationType: 'COOPERATES_WITH', moved: 0, combined: 0, dropped: 1 },
        { relationType: 'SAID_BY', moved: 1, combined: 0, dropped: 0 },
      ],
      statements: ['merge-statement'],
      claims: [
        { field: 'kind', value: 'registry', sourceSlugs: [otherSource], origin: 'CONFLICT', fromSlug: 'merge-beta' },
        { field: 'description', value: 'The one merged.', sourceSlugs: [otherSource], origin: 'CONFLICT', fromSlug: 'merge-beta' },
      ],
      sources: [otherSource],
      aliases: ['Betamerge Networks', 'BMN'],
      formerSlugs: ['merge-beta'],
      filledFields: [{ field: 'country', value: 'RU', fromSlug: 'merge-beta' }],
    });
    expect(await fixtureHash([...touched, country, body])).toEqual(before);
  });

  it('merges: relations, statements, claims, aliases and fields move to the survivor', async () => {
    const { mergeEntities: report } = await admin<{ mergeEntities: MergeResult }>(merge, { into: 'merge-alpha', from: ['merge-beta'] });
    expect(report.dryRun).toBe(false);
    expect(report.merge).toEqual(expect.any(String));
    mergeId = report.merge ?? '';
    const { entity } = await suite.api.data<{
      entity: {
        slug: string;
        aliases: string[];
        formerSlugs: string[];
        country: string | null;
        claims: { field: string; value: string }[];
        sources: { slug: string }[];
        mergedFrom: { slug: string; name: string; by: string; merge: string }[];
      };
    }>(
      `{ entity(ref: "merge-alpha") { slug aliases formerSlugs claims { field value } sources { slug }
          mergedFrom { slug name by merge } ... on Organization { country } } }`,
    );
    expect(entity).toEqual({
      slug: 'merge-alpha',
      aliases: ['Betamerge Networks', 'BMN'],
      formerSlugs: ['merge-beta'],
      country: 'RU',
      claims: [
        { field: 'kind', value: 'registry' },
        { field: 'description', value: 'The one merged.' },
      ],
      sources: [{ slug: seedSource }, { slug: otherSource }],
      mergedFrom: [{ slug: 'merge-beta', name: 'Betamerge Networks', by: 'admin', merge: mergeId }],
    });
    const relations = await readRows(suite.db, 'curation/relation-dependents', { id: 'merge-alpha', limit: neo4j.int(100) });
    const keys = ((relations[0]?.sample ?? []) as { key: string }[]).map((relation) => relation.key).sort();
    expect(keys).toEqual(
      [`LOCATED_IN|merge-alpha|${country}||`, `MEMBER_OF|merge-alpha|${body}||`, 'SAID_BY|merge-statement|merge-alpha||'].sort(),
    );
  });

  it('finds the survivor by the merged name in search', async () => {
    const { search } = await suite.api.data<{ search: { node: { slug: string } }[] }>(
      '{ search(query: "Betamerge Networks", first: 3) { node { slug } } }',
    );
    expect(search[0]?.node.slug).toBe('merge-alpha');
  });

  it('keeps the merged slug and its old global ID naming the survivor: node, entity(ref:), neighborhood, paths', async () => {
    const oldId = Buffer.from('Organization:merge-beta').toString('base64');
    const data = await suite.api.data<{
      node: { slug: string };
      bySlug: { slug: string };
      byId: { slug: string };
      neighborhood: { nodes: { slug: string }[] } | null;
    }>(
      `query ($old: ID!) { node(id: $old) { ... on Entity { slug } } bySlug: entity(ref: "merge-beta") { slug }
         byId: entity(ref: $old) { slug } neighborhood(id: "merge-beta", depth: 1) { nodes { slug } } }`,
      { old: oldId },
    );
    expect(data.node.slug).toBe('merge-alpha');
    expect(data.bySlug.slug).toBe('merge-alpha');
    expect(data.byId.slug).toBe('merge-alpha');
    expect(data.neighborhood?.nodes[0]?.slug).toBe('merge-alpha');
    const paths = await suite.api.data<{ paths: { nodes: { slug: string }[] }[] | null }>(
      `{ paths(from: "merge-beta", to: "${country}", maxHops: 2) { nodes { slug } } }`,
    );
    expect(paths.paths?.[0]?.nodes[0]?.slug).toBe('merge-alpha');
  });

  it('records the merge in the change log', async () => {
    const { changes } = await suite.api.data<{
      changes: {
        edges: {
          node: { action: string; kind: string; entitySlug: string | null; toSlug: string | null; operation: string; fields: string[] };
        }[];
      };
    }>(
      `query ($since: DateTime!) { changes(since: $since, first: 100) { edges { node { action kind entitySlug toSlug operation fields } } } }`,
      {
        since: suite.seededAt,
      },
    );
    const ofMerge = changes.edges.map((edge) => edge.node).filter((change) => change.operation === mergeId);
    expect(ofMerge.filter((change) => change.kind === 'ENTITY')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'MERGED', kind: 'ENTITY', entitySlug: 'merge-alpha', toSlug: null, operation: mergeId }),
        expect.objectContaining({
          action: 'MERGED_INTO',
          kind: 'ENTITY',
          entitySlug: 'merge-beta',
          toSlug: 'merge-alpha',
          operation: mergeId,
        }),
      ]),
    );
    // The fields as the API names them: the citations' kinds are stored as citationEvidence, which no type shows.
    const merged = ofMerge.find((change) => change.action === 'MERGED');
    expect(merged?.fields).toContain('sources');
    for (const stored of ['citationEvidence', 'dateFrom', 'dateTo', 'dateEvidence', 'searchText'])
      expect(merged?.fields).not.toContain(stored);
    const relationActions = ofMerge.filter((change) => change.kind === 'RELATION').map((change) => change.action);
    expect(relationActions.sort()).toEqual(['CREATED', 'CREATED', 'DELETED', 'DELETED', 'DELETED', 'DELETED', 'UPDATED']);
  });

  it('answers a second merge of the same entity clearly, changing nothing', async () => {
    const { mergeEntities: report } = await admin<{ mergeEntities: MergeResult }>(merge, { into: 'merge-alpha', from: ['merge-beta'] });
    expect(report).toMatchObject({
      changed: false,
      merge: null,
      alreadyMerged: [{ argument: 'from[0]', ref: 'merge-beta', merge: mergeId }],
    });
  });

  it('refuses a merge into itself, across types, unknown references, and a curate key', async () => {
    const itself = await suite.api.error(merge, { into: 'merge-alpha', from: ['merge-alpha'] }, suite.keys.admin);
    expect(itself.extensions?.code).toBe('BAD_USER_INPUT');
    expect(itself.message).toContain('cannot be merged into itself');
    const types = await suite.api.error(merge, { into: 'merge-alpha', from: [country] }, suite.keys.admin);
    expect(types.extensions?.code).toBe('BAD_USER_INPUT');
    expect(types.message).toContain('only entities of one type can be merged');
    const unknown = await suite.api.error(merge, { into: 'merge-alpha', from: ['no-such-entity-here'] }, suite.keys.admin);
    expect(unknown.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('"from[0]"');
    const curate = await suite.api.send(merge, { into: 'merge-alpha', from: [body] }, suite.keys.curator);
    expect(curate.status).toBe(403);
    expect(curate.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknownMerge = await suite.api.error(unmerge, { merge: 'no-such-merge' }, suite.keys.admin);
    expect(unknownMerge.extensions?.code).toBe('NOT_FOUND');
  });

  it('unmerges exactly, keeping what the survivor got after the merge', async () => {
    // Added after the merge: a relation of the survivor, which must stay on it.
    const partner = suite.graph.nodes.find((node) => node.label === 'Organization' && !touched.includes(node.id))?.id ?? '';
    await admin(`mutation ($i: CooperatesWithRelationInput!) { upsertCooperatesWithRelation(input: $i) { outcome } }`, {
      i: { from: 'merge-alpha', to: partner, sources: cite(seedSource), evidence: 'STATED' },
    });
    const { unmergeEntities: dry } = await admin<{ unmergeEntities: Record<string, unknown> }>(unmerge, { merge: mergeId, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      changed: true,
      operation: null,
      restored: [{ slug: 'merge-beta' }],
      aliases: ['Betamerge Networks', 'BMN'],
      formerSlugs: ['merge-beta'],
      sources: [otherSource],
      filledFields: [{ field: 'country', value: 'RU' }],
      keptOnSurvivor: [{ relationType: 'COOPERATES_WITH', fromSlug: 'merge-alpha', toSlug: partner }],
      survivorChangedSince: false,
    });
    const { unmergeEntities: done } = await admin<{ unmergeEntities: Record<string, unknown> }>(unmerge, { merge: mergeId });
    expect(done).toMatchObject({ dryRun: false, changed: true, operation: expect.any(String) });
    const after = await fixtureHash([...touched, country, body]);
    const added = `COOPERATES_WITH|merge-alpha|${partner}||`;
    expect({ ...after, relationships: after.relationships.filter((text) => !text.includes(added)) }).toEqual(before);
    expect(after.relationships.some((text) => text.includes(added))).toBe(true);
    const { entity } = await suite.api.data<{ entity: { slug: string } }>('{ entity(ref: "merge-beta") { slug } }');
    expect(entity.slug).toBe('merge-beta');
    const again = await admin<{ unmergeEntities: { changed: boolean } }>(unmerge, { merge: mergeId });
    expect(again.unmergeEntities.changed).toBe(false);
  });
});
