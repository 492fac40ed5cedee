import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { changesSince, footprint, seededCurationSuite } from '../support/curation.ts';

// Conflicts and list completeness as data (issue #14, items 4 and 5), on the real seed: every
// disagreement between the articles with each side's sources, the about: filter and paging, the
// curation writes of a conflict, and what the sources say about whether a list is whole.

const S0 = 'src-000-cctld-msk-ix-memorandum';
const S1 = 'src-001-cctld-oac-memorandum';
const S3 = 'src-003-qrator-labs-joins-ispcp';

interface ClaimOut {
  value: string | null;
  relation: { key: string; type: string; from: { slug: string }; to: { slug: string }; sources: { slug: string }[] } | null;
  sources: { slug: string }[];
  evidence: string;
  basis: string | null;
}

interface ConflictOut {
  id: string;
  slug: string;
  name: string;
  description: string;
  subjects: { slug: string }[];
  claims: ClaimOut[];
}

interface ConflictPage {
  conflicts: { edges: { cursor: string; node: ConflictOut }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const conflictFields = `id slug name description subjects { slug }
  claims { value evidence basis sources { slug } relation { key type from { slug } to { slug } sources { slug } } }`;

const page = `query ($about: ID, $first: Int, $after: String) {
  conflicts(about: $about, first: $first, after: $after) {
    edges { cursor node { ${conflictFields} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const slugsOf = (items: { slug: string }[]) => items.map((item) => item.slug);

describe('conflicts', () => {
  const suite = seededCurationSuite();
  const all = async (about?: string) =>
    (await suite.api.data<ConflictPage>(page, { about: about ?? null, first: 100 })).conflicts.edges.map((edge) => edge.node);

  it('lists every disagreement between the articles, each side with its own sources', async () => {
    const conflicts = await all();
    expect(conflicts.map((conflict) => conflict.slug)).toEqual([
      'conflict-bel-manager-role',
      'conflict-bel-spelling',
      'conflict-by-manager-role',
      'conflict-cybersecurity-memorandum-parties',
      'conflict-faitid-kind',
      'conflict-foundation-for-internet-development-kind',
      'conflict-icann-kind',
      'conflict-oac-memorandum-title',
      'conflict-qrator-labs-application-approver',
      'conflict-su-manager',
      'conflict-su-memorandum-counterpart',
      'conflict-su-memorandum-date',
    ]);
    for (const conflict of conflicts) {
      expect(conflict.claims.length, conflict.slug).toBeGreaterThanOrEqual(2);
      for (const claim of conflict.claims) {
        expect(claim.sources.length, conflict.slug).toBeGreaterThan(0);
        // Each side is a value or a relationship, and a relationship side is the stored relationship.
        expect((claim.value === null) !== (claim.relation === null), conflict.slug).toBe(true);
        if (claim.evidence === 'INFERRED') expect(claim.basis, conflict.slug).not.toBeNull();
      }
    }
  });

  it('counts the conflicts over all pages, with and without about', async () => {
    type Page = {
      conflicts: { totalCount: number; edges: { node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    const query = `query ($about: ID, $first: Int, $after: String) {
      conflicts(about: $about, first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } }
    }`;
    for (const about of [null, 'tld-su', 'ripn', 'icann', 'de-cix']) {
      const every = await all(about ?? undefined);
      let after: string | null = null;
      const seen: string[] = [];
      for (;;) {
        const page: Page = await suite.api.data<Page>(query, { about, first: 2, after });
        expect(page.conflicts.totalCount, String(about)).toBe(every.length);
        seen.push(...slugsOf(page.conflicts.edges.map((edge) => edge.node)));
        if (!page.conflicts.pageInfo.hasNextPage) {
          after = page.conflicts.pageInfo.endCursor;
          break;
        }
        after = page.conflicts.pageInfo.endCursor;
      }
      expect(seen, String(about)).toEqual(slugsOf(every));
      // Past the last page: no conflicts, and still the total.
      const past = await suite.api.data<Page>(query, { about, first: 2, after });
      expect(past.conflicts, String(about)).toMatchObject({ totalCount: every.length, edges: [] });
    }
    expect((await all()).length).toBe(12);
    expect(await all('de-cix')).toEqual([]);
  });

  it('keeps both managers of .su as the stored relationships, each citing its article', async () => {
    expect((await all('ripn')).map((conflict) => conflict.slug)).toContain('conflict-su-manager');
    const su = (await all('tld-su')).find((found) => found.slug === 'conflict-su-manager');
    expect(su?.id).toBe(encodeGlobalID('Conflict', 'conflict-su-manager'));
    expect(slugsOf(su?.subjects ?? [])).toEqual(['tld-su', 'ripn', 'foundation-for-internet-development']);
    expect(
      su?.claims.map((claim) => ({
        key: claim.relation?.key,
        from: claim.relation?.from.slug,
        to: claim.relation?.to.slug,
        sources: slugsOf(claim.sources),
        relationSources: slugsOf(claim.relation?.sources ?? []),
        evidence: claim.evidence,
      })),
    ).toEqual([
      // Article 000 says only that RIPN manages .SU: the role is read, not stated.
      { key: 'MANAGES|ripn|tld-su|registry|', from: 'ripn', to: 'tld-su', sources: [S0], relationSources: [S0], evidence: 'INFERRED' },
      {
        key: 'MANAGES|foundation-for-internet-development|tld-su|registry|',
        from: 'foundation-for-internet-development',
        to: 'tld-su',
        sources: [S1],
        relationSources: [S1],
        evidence: 'STATED',
      },
    ]);
  });

  it('holds the two titles of the OAC memorandum and the order of the .su and OAC memoranda as competing values', async () => {
    const conflicts = await all('memo-cc-oac');
    const title = conflicts.find((conflict) => conflict.slug === 'conflict-oac-memorandum-title');
    expect(title?.claims.map((claim) => [claim.value, slugsOf(claim.sources)])).toEqual([
      ['Memorandum of Cooperation and Interaction on Combating Internet Abuse', [S0]],
      ['Memorandum of Cooperation to Counteract and Prevent Violations on the Internet', [S1]],
    ]);
    const order = conflicts.find((conflict) => conflict.slug === 'conflict-su-memorandum-date');
    expect(order?.claims.map((claim) => [slugsOf(claim.sources), claim.evidence])).toEqual([
      [[S0], 'STATED'],
      [[S1], 'INFERRED'],
    ]);
    expect(slugsOf(order?.subjects ?? [])).toContain('memo-cc-ripn');
  });

  it('filters by the entity a conflict is about, by slug or global ID; an unknown one is NOT_FOUND', async () => {
    const bySlug = (await all('ispcp')).map((conflict) => conflict.slug);
    expect(bySlug).toEqual(['conflict-qrator-labs-application-approver']);
    expect((await all(encodeGlobalID('Body', 'ispcp'))).map((conflict) => conflict.slug)).toEqual(bySlug);
    expect(await all('de-cix')).toEqual([]);
    const error = await suite.api.error(page, { about: 'no-such-entity', first: 5 });
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages forward by cursor without overlap', async () => {
    const everything = (await all()).map((conflict) => conflict.slug);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const result: ConflictPage = await suite.api.data<ConflictPage>(page, { first: 5, after });
      seen.push(...result.conflicts.edges.map((edge) => edge.node.slug));
      if (!result.conflicts.pageInfo.hasNextPage) break;
      after = result.conflicts.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything);
  });

  it('is a Relay node, and no entity: entity(slug:) does not answer with it', async () => {
    const id = encodeGlobalID('Conflict', 'conflict-icann-kind');
    const data = await suite.api.data<{ node: { slug: string } | null; entity: unknown }>(
      `query ($id: ID!) { node(id: $id) { ... on Conflict { slug } } entity(slug: "conflict-icann-kind") { slug } }`,
      { id },
    );
    expect(data.node).toEqual({ slug: 'conflict-icann-kind' });
    expect(data.entity).toBeNull();
  });

  it('is read by its slug too: conflict(slug:) and node(id:) with a slug, as nodes(ids:) reads it', async () => {
    const id = encodeGlobalID('Conflict', 'conflict-su-manager');
    const data = await suite.api.data<{
      bySlug: { slug: string; subjects: { slug: string }[] } | null;
      byId: { slug: string } | null;
      unknown: null;
      node: { slug: string } | null;
      nodes: ({ slug: string } | null)[];
    }>(
      `query ($id: String!) {
        bySlug: conflict(slug: "conflict-su-manager") { slug subjects { slug } }
        byId: conflict(slug: $id) { slug }
        unknown: conflict(slug: "tld-su") { slug }
        node(id: "conflict-su-manager") { ... on Conflict { slug } }
        nodes(ids: ["conflict-su-manager"]) { ... on Conflict { slug } }
      }`,
      { id },
    );
    expect(data.bySlug?.subjects.map((subject) => subject.slug)).toContain('tld-su');
    expect(data.byId).toEqual({ slug: 'conflict-su-manager' });
    // A TLD's slug names no conflict.
    expect(data.unknown).toBeNull();
    expect(data.node).toEqual({ slug: 'conflict-su-manager' });
    expect(data.nodes).toEqual([{ slug: 'conflict-su-manager' }]);
  });

  it('is not searched: search(types: [CONFLICT]) says where conflicts are listed, where it answered []', async () => {
    const error = await suite.api.error('{ search(query: "su manager", types: [CONFLICT]) { node { slug } } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'types' });
    expect(error.message).toContain('conflicts(about:');
  });
});

describe('curating conflicts', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;
  const upsert = `mutation ($input: ConflictInput!) {
    upsertConflict(input: $input) { outcome operation conflict { ${conflictFields} } }
  }`;
  const input = {
    slug: 'conflict-test-ispcp-kind',
    name: 'Test: what the ISPCP is',
    description: 'Written by a test.',
    subjects: ['ispcp'],
    claims: [
      { value: 'constituency', sources: [S3], evidence: 'STATED' },
      { relation: { type: 'MEMBER_OF', from: 'qrator-labs', to: 'ispcp' }, sources: [S3], evidence: 'STATED', basis: null },
    ],
  };
  type Written = { upsertConflict: { outcome: string; operation: string; conflict: ConflictOut } };

  it('creates, leaves unchanged, updates and deletes a conflict, each in the change log', async () => {
    const created = (await suite.api.data<Written>(upsert, { input }, keys.curator)).upsertConflict;
    expect(created.outcome).toBe('CREATED');
    expect(created.conflict.claims[1]?.relation?.key).toBe('MEMBER_OF|qrator-labs|ispcp||');
    expect((await all(suite, 'qrator-labs')).map((conflict) => conflict.slug)).toEqual([]);
    expect((await all(suite, 'ispcp')).map((conflict) => conflict.slug)).toContain('conflict-test-ispcp-kind');

    const again = (await suite.api.data<Written>(upsert, { input }, keys.curator)).upsertConflict;
    expect(again.outcome).toBe('UNCHANGED');

    const changed = { ...input, claims: [{ ...input.claims[0], value: 'a constituency of the GNSO' }, input.claims[1]] };
    const updated = (await suite.api.data<Written>(upsert, { input: changed }, keys.curator)).upsertConflict;
    expect(updated.outcome).toBe('UPDATED');
    expect(updated.conflict.claims[0]?.value).toBe('a constituency of the GNSO');

    const removed = await suite.api.data<{ deleteConflict: { deleted: boolean; entityType: string; operation: string } }>(
      `mutation { deleteConflict(slug: "conflict-test-ispcp-kind") { deleted entityType operation } }`,
      {},
      keys.admin,
    );
    expect(removed.deleteConflict).toMatchObject({ deleted: true, entityType: 'CONFLICT' });
    expect((await all(suite, 'ispcp')).map((conflict) => conflict.slug)).toEqual(['conflict-qrator-labs-application-approver']);

    const changes = await changesSince<{ action: string; entitySlug: string | null; fields: string[] }>(
      suite.api,
      suite.seededAt,
      'action entitySlug fields',
    );
    expect(changes.filter((change) => change.entitySlug === 'conflict-test-ispcp-kind').map((change) => change.action)).toEqual([
      'CREATED',
      'UPDATED',
      'DELETED',
    ]);
  });

  it('refuses a bad conflict, naming the input path, and writes nothing', async () => {
    const before = await footprint(suite.db);
    const bad = {
      ...input,
      subjects: ['no-such-entity'],
      claims: [
        { value: 'one', relation: { type: 'MANAGES', from: 'ripn', to: 'tld-su', role: 'registry' }, sources: [S0], evidence: 'STATED' },
        { relation: { type: 'MANAGES', from: 'ripn', to: 'tld-rf', role: 'registry' }, sources: [S0], evidence: 'INFERRED' },
      ],
    };
    const result = await suite.api.run(upsert, { input: bad }, keys.curator);
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('input.subjects[0]: unknown id "no-such-entity"');
    expect(error?.message).toContain('input.claims[0]: give either "value"');
    expect(error?.message).toContain('input.claims[1].basis: INFERRED evidence needs a basis');
    const tooFew = await suite.api.run(upsert, { input: { ...input, claims: [input.claims[0]] } }, keys.curator);
    expect(tooFew.errors?.[0]?.message).toContain('input.claims: a conflict has at least two sides');
    expect(await footprint(suite.db)).toEqual(before);
  });

  it('refuses a side naming a relationship that is not stored, listing those stored between its ends', async () => {
    const before = await footprint(suite.db);
    const withSide = (relation: Record<string, unknown>) => ({
      ...input,
      slug: 'conflict-qa-bad3',
      subjects: ['tld-ru'],
      claims: [
        { relation, sources: [S0], evidence: 'STATED' },
        { value: 'a', sources: [S0], evidence: 'STATED' },
      ],
    });
    const problemsOf = async (relation: Record<string, unknown>) => {
      const result = await suite.api.run(upsert, { input: withSide(relation) }, keys.curator);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claims[0].relation' });
      return result.errors?.[0]?.extensions?.problems;
    };
    expect(await problemsOf({ type: 'MANAGES', from: 'msk-ix', to: 'tld-su', role: 'registry' })).toEqual([
      {
        field: 'input.claims[0].relation',
        message: 'no relation MANAGES|msk-ix|tld-su|registry| here or in the database; there is none from "msk-ix" to "tld-su"',
      },
    ]);
    // A role is written as stored, as a relation record's is: in another case it names nothing.
    expect(await problemsOf({ type: 'MANAGES', from: 'ripn', to: 'tld-su', role: 'REGISTRY' })).toEqual([
      {
        field: 'input.claims[0].relation',
        message:
          'no relation MANAGES|ripn|tld-su|REGISTRY| here or in the database; from "ripn" to "tld-su" there are MANAGES|ripn|tld-su|registry|',
      },
      {
        field: 'input.claims[0].relation.role',
        message: 'expected one of "registry", "registrar", "operator", "administrator" for MANAGES; got "REGISTRY"',
      },
    ]);
    expect(await footprint(suite.db)).toEqual(before);
  });

  it('loses a deleted source from its sides: refused without cascade, and gone with cascade when one side is left', async () => {
    await suite.api.data(
      `mutation { upsertSource(input: { slug: "src-test-conflict", title: "Test source" }) { outcome } }`,
      {},
      keys.curator,
    );
    const citing = {
      ...input,
      slug: 'conflict-test-source-delete',
      claims: [
        { value: 'one', sources: [S3, 'src-test-conflict'], evidence: 'STATED' },
        { value: 'two', sources: ['src-test-conflict'], evidence: 'STATED' },
        { value: 'three', sources: [S3], evidence: 'STATED' },
      ],
    };
    await suite.api.data(upsert, { input: citing }, keys.curator);
    const remove = (cascade: boolean) =>
      suite.api.run<{ deleteSource: { deleted: boolean; updatedEntities: number; removedEntities: number } }>(
        `mutation ($cascade: Boolean) { deleteSource(slug: "src-test-conflict", cascade: $cascade) { deleted updatedEntities removedEntities } }`,
        { cascade },
        keys.admin,
      );
    const refused = await remove(false);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('Conflict "conflict-test-source-delete" cites it');

    const done = await remove(true);
    expect(done.data?.deleteSource).toEqual({ deleted: true, updatedEntities: 1, removedEntities: 0 });
    const [left] = (await all(suite, 'ispcp')).filter((conflict) => conflict.slug === 'conflict-test-source-delete');
    expect(left).toBeDefined();
    const read = await suite.api.data<{ node: ConflictOut }>(
      `query ($id: ID!) { node(id: $id) { ... on Conflict { ${conflictFields} } } }`,
      {
        id: encodeGlobalID('Conflict', 'conflict-test-source-delete'),
      },
    );
    expect(read.node.claims.map((claim) => [claim.value, slugsOf(claim.sources)])).toEqual([
      ['one', [S3]],
      ['three', [S3]],
    ]);
  });

  it('needs the curate scope to write and the admin scope to delete', async () => {
    const anonymous = await suite.api.run(upsert, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const curatorDelete = await suite.api.run(`mutation { deleteConflict(slug: "conflict-icann-kind") { deleted } }`, {}, keys.curator);
    expect(curatorDelete.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

async function all(suite: ReturnType<typeof seededCurationSuite>, about: string) {
  const result = await suite.api.data<ConflictPage>(
    `query ($about: ID) { conflicts(about: $about, first: 100) { edges { node { slug } } } }`,
    { about },
  );
  return result.conflicts.edges.map((edge) => edge.node);
}

describe('completeness of relation lists', () => {
  const suite = seededCurationSuite();

  it('says the ISPCP members are a partial list, citing article 003', async () => {
    const data = await suite.api.data<{
      body: { members: { complete: boolean | null; completenessSources: { slug: string }[]; totalCount: number } };
    }>(`{ body(slug: "ispcp") { members(first: 20) { complete completenessSources { slug } totalCount } } }`);
    expect(data.body.members).toEqual({ complete: false, completenessSources: [{ slug: S3 }], totalCount: 8 });
  });

  it('is null where no source says whether the list is whole', async () => {
    const data = await suite.api.data<{
      body: { children: { complete: boolean | null; completenessSources: unknown[] } };
      organization: { memoranda: { complete: boolean | null; completenessSources: unknown[] } };
    }>(
      `{ body(slug: "ispcp") { children { complete completenessSources { slug } } }
         organization(slug: "msk-ix") { memoranda { complete completenessSources { slug } } } }`,
    );
    expect(data.body.children).toEqual({ complete: null, completenessSources: [] });
    expect(data.organization.memoranda).toEqual({ complete: null, completenessSources: [] });
  });

  it('is read from the parent itself, for every parent of a page', async () => {
    const data = await suite.api.data<{
      bodies: { edges: { node: { slug: string; members: { complete: boolean | null } } }[] };
    }>(`{ bodies(first: 50) { edges { node { slug members(first: 1) { complete } } } } }`);
    const partial = data.bodies.edges.filter((edge) => edge.node.members.complete === false).map((edge) => edge.node.slug);
    expect(partial.sort()).toEqual(['ispcp', 'ua-initiative-group-eeca']);
  });
});
