import { describe, expect, it } from 'vitest';
import { entityInput, footprint, seededCurationSuite, seedSource } from '../support/curation.ts';
import type { GraphQLErrorOut, Variables } from '../support/graphql.ts';

// Invalid writes: each is refused with BAD_USER_INPUT whose message and extensions.field name the
// argument path and the reason, and the database (nodes, relationships, properties, change log)
// is left exactly as it was.

const upsert = (label: string) => `mutation ($input: ${label}Input!) { upsert${label}(input: $input) { outcome } }`;
const upsertRelation = (name: string) => `mutation ($input: ${name}RelationInput!) { upsert${name}Relation(input: $input) { outcome } }`;

describe('curation input checks', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;

  /** The one error a write fails with, after checking that it wrote nothing. */
  async function refused(document: string, variables: Variables): Promise<GraphQLErrorOut & { status: number }> {
    const before = await footprint(suite.db);
    const { status, result } = await suite.api.send(document, variables, keys.admin);
    expect(result.errors, JSON.stringify(result)).toHaveLength(1);
    expect(result.data ?? null).toBeNull();
    expect(await footprint(suite.db)).toEqual(before);
    return { ...(result.errors?.[0] as GraphQLErrorOut), status };
  }

  const organization = (changes: Record<string, unknown>) => ({ input: { ...entityInput('Organization', 'check-org'), ...changes } });

  it('refuses a bad slug, naming input.id', async () => {
    const error = await refused(upsert('Organization'), organization({ id: 'Not A Slug' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(error.message).toBe('input.id: expected a slug: lower-case letters and digits joined by single hyphens; got "Not A Slug"');
  });

  it('refuses an empty or blank text, naming its place, as a variable and as a literal', async () => {
    const error = await refused(upsert('Organization'), organization({ name: '  ' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(error.message).toContain('must not be empty or blank: write the value, or leave an optional field out');
    const blankName =
      'mutation { upsertOrganization(input: { slug: "check-org", name: "", kind: REGISTRY, evidence: STATED, sources: [] }) { outcome } }';
    const literal = await refused(blankName, {});
    // graphql reports a literal's refusal at validation, and without its place unless told.
    expect(literal.message).toBe('input.name: must not be empty or blank: write the value, or leave an optional field out');
    expect(literal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(literal.locations).toEqual([{ line: 1, column: blankName.indexOf('""') + 1 }]);
  });

  it('names the place of a refused literal deep in a list, and of each when there are several', async () => {
    const document = `mutation {
      upsertMemorandum(input: { slug: "check-memo", name: "A memorandum", date: "2021-02-30", evidence: STATED,
        sources: [{ slug: "${seedSource}" }], aliases: ["A", " "] }) { outcome }
    }`;
    const before = await footprint(suite.db);
    const errors = (await suite.api.run(document, {}, keys.admin)).errors ?? [];
    expect(await footprint(suite.db)).toEqual(before);
    expect(errors.map((error) => error.extensions?.field)).toEqual(['input.date', 'input.aliases[1]']);
    expect(errors[0]?.message).toBe('input.date: invalid PartialDate: "2021-02-30" is not a real date: February 2021 has 28 days');
    expect(errors[1]?.locations).toEqual([{ line: 3, column: (document.split('\n')[2] ?? '').indexOf('" "') + 1 }]);
  });

  it('refuses a bad slug among the citations, naming its place', async () => {
    const error = await refused(
      upsert('Organization'),
      organization({ sources: [{ id: seedSource }, { id: 'Bad_Source' }], evidence: 'STATED' }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources[1].id' });
  });

  it('refuses an impossible partial date', async () => {
    const error = await refused(upsert('Memorandum'), { input: { ...entityInput('Memorandum', 'check-memo'), date: '2021-02-30' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    expect(error.message).toContain('"2021-02-30" is not a real date: February 2021 has 28 days');
  });

  it('refuses a malformed partial date', async () => {
    const error = await refused(upsert('Event'), { input: { ...entityInput('Event', 'check-event'), startDate: '21/02/2021' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startDate' });
    expect(error.message).toContain('expected a partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD"');
  });

  it('refuses an endDate before the startDate, on entities and on relations', async () => {
    const event = await refused(upsert('Event'), {
      input: { ...entityInput('Event', 'check-event'), startDate: '2021', endDate: '2019' },
    });
    expect(event.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
    expect(event.message).toBe('input.endDate: endDate "2019" is before startDate "2021"');
    const position = await refused(upsertRelation('HoldsPosition'), {
      input: {
        from: 'andrey-vorobyev',
        to: 'msk-ix',
        sources: [{ id: seedSource }],
        evidence: 'STATED',
        startDate: '2020-05',
        endDate: '2020-04-30',
      },
    });
    expect(position.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
  });

  it('refuses an unknown source', async () => {
    const error = await refused(upsert('Organization'), organization({ sources: [{ id: 'src-that-does-not-exist' }], evidence: 'STATED' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources[0]' });
    expect(error.message).toContain('unknown source "src-that-does-not-exist"');
  });

  it('refuses a country written by name, saying which code to write, as a variable and as a literal', async () => {
    const variable = await refused(upsert('Organization'), organization({ country: 'Russia' }));
    expect(variable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.country' });
    expect(variable.message).toContain('"Russia" is not an ISO 3166-1 alpha-2 country code: for Russia write "RU"');
    const literal = await refused(
      'mutation { upsertOrganization(input: { slug: "check-org", name: "X", kind: REGISTRY, country: "united kingdom", evidence: STATED, sources: [] }) { outcome } }',
      {},
    );
    expect(literal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.country' });
    // The code in use, not the one ICU also names the country by ("UK").
    expect(literal.message).toBe(
      'input.country: "united kingdom" is not an ISO 3166-1 alpha-2 country code: for united kingdom write "GB"',
    );
    const unknown = await refused(upsert('Organization'), organization({ country: 'XX' }));
    expect(unknown.message).toContain('"XX" is not an ISO 3166-1 alpha-2 country code, two letters such as "RU"');
  });

  it('offers what a misspelt id may have meant, of the types its place takes', async () => {
    const error = await refused(upsertRelation('Signed'), {
      input: {
        from: 'andrey-vorobiev',
        to: 'memo-cc-msk-ixx',
        onBehalfOf: 'coordination-centre-ru',
        sources: [{ id: 'src-000-cctld-msk-ix-memo' }],
        evidence: 'STATED',
      },
    });
    const problems = (error.extensions?.problems ?? []) as { field: string; ref?: string; didYouMean?: { slug: string; type: string }[] }[];
    const meant = Object.fromEntries(problems.map((problem) => [problem.field, [problem.ref, problem.didYouMean?.[0]?.slug]]));
    expect(meant).toEqual({
      'input.from': ['andrey-vorobiev', 'andrey-vorobyev'],
      'input.to': ['memo-cc-msk-ixx', 'memo-cc-msk-ix'],
      'input.onBehalfOf': ['coordination-centre-ru', 'coordination-center-ru'],
      'input.sources[0]': ['src-000-cctld-msk-ix-memo', 'src-000-cctld-msk-ix-memorandum'],
    });
    // Candidates are of the types the place takes: a signatory is a person, a citation a source.
    expect(problems.find((problem) => problem.field === 'input.from')?.didYouMean?.every((c) => c.type === 'Person')).toBe(true);
    expect(problems.find((problem) => problem.field === 'input.sources[0]')?.didYouMean?.every((c) => c.type === 'Source')).toBe(true);
    expect(error.message).toContain(
      'input.to: unknown id "memo-cc-msk-ixx": no record here or in the database has this id; did you mean "memo-cc-msk-ix"',
    );
  });

  it('refuses a citation of something that is not a source', async () => {
    const error = await refused(upsert('Organization'), organization({ sources: [{ id: 'msk-ix' }], evidence: 'STATED' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources[0]' });
    expect(error.message).toContain('not a Source');
  });

  it('refuses an empty list of sources', async () => {
    const error = await refused(upsert('Organization'), organization({ sources: [], evidence: 'STATED' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources' });
    expect(error.message).toBe('input.sources: must cite at least one source');
  });

  it('refuses a relation end of the wrong kind', async () => {
    const error = await refused(upsertRelation('Manages'), {
      input: { from: 'andrey-vorobyev', to: 'tld-ru', role: 'REGISTRY', sources: [{ id: seedSource }], evidence: 'STATED' },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    expect(error.message).toBe('input.from: "andrey-vorobyev" is a Person, but MANAGES goes from Organization');
  });

  it('refuses a relation end that does not exist', async () => {
    const error = await refused(upsertRelation('Manages'), {
      input: { from: 'msk-ix', to: 'tld-nowhere', sources: [{ id: seedSource }], evidence: 'STATED' },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
  });

  it('refuses a role the type does not allow, and a role on a type without one', async () => {
    const role = await refused(upsertRelation('Manages'), {
      input: { from: 'msk-ix', to: 'tld-ru', role: 'SPEAKER', sources: [{ id: seedSource }], evidence: 'STATED' },
    });
    expect(role.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    expect(role.message).toContain('"SPEAKER"');
    const none = await refused(upsertRelation('PartyTo'), {
      input: { from: 'msk-ix', to: 'memo-cc-msk-ix', role: 'party', sources: [{ id: seedSource }], evidence: 'STATED' },
    });
    expect(none.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(none.message).toContain('Field "role" is not defined by type "PartyToRelationInput"');
  });

  it('refuses an id that belongs to an entity of another kind', async () => {
    const error = await refused(upsert('Organization'), organization({ id: 'andrey-vorobyev' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(error.message).toBe('input.id: "andrey-vorobyev" already belongs to a Person in the database, not an Organization');
    const deleted = await refused('mutation { deleteOrganization(id: "andrey-vorobyev") { deleted } }', {});
    expect(deleted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses a signature on behalf of a person', async () => {
    const error = await refused(upsertRelation('Signed'), {
      input: {
        from: 'andrey-vorobyev',
        to: 'memo-cc-msk-ix',
        onBehalfOf: 'andrey-vorobyev',
        sources: [{ id: seedSource }],
        evidence: 'STATED',
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.onBehalfOf' });
  });

  it('names the place inside a source given inline', async () => {
    const error = await refused(
      upsert('Organization'),
      organization({
        sources: [{ id: seedSource }, { source: { id: 'src-inline-check', title: 'Inline', language: 'not a language' } }],
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources[1].source.language' });
  });

  it('refuses a citation that gives both an id and a source', async () => {
    const error = await refused(
      upsert('Organization'),
      organization({ sources: [{ id: seedSource, source: { id: 'x-src', title: 'X' } }] }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources[0]' });
    expect(error.message).toContain('Exactly one key must be specified');
  });

  it('checks claims and external facts as the seed format does', async () => {
    const claim = await refused(
      upsert('Organization'),
      organization({ claims: [{ field: 'name', value: 'Other', sources: ['src-unknown'], evidence: 'STATED' }] }),
    );
    expect(claim.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claims[0].sources[0]' });
    const fact = await refused(upsert('Organization'), organization({ provenance: [{ field: 'country', evidence: 'EXTERNAL' }] }));
    expect(fact.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.provenance[0].field' });
    const guess = await refused(upsert('Organization'), organization({ evidence: 'INFERRED' }));
    expect(guess.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.basis' });
  });

  it('refuses text past its limit with BAD_USER_INPUT naming the field and the limit, before Neo4j sees it', async () => {
    // A 20,000-character name once reached Neo4j's index key limit and answered "Unexpected error."
    const name = await refused(upsert('Organization'), organization({ name: 'N'.repeat(20_000) }));
    expect(name.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(name.message).toBe('input.name: too long: at most 300 characters here; this one has 20000');
    const topic = await refused(upsert('Topic'), { input: { ...entityInput('Topic', 'qa-long-topic'), name: 'T'.repeat(9000) } });
    expect(topic.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const alias = await refused(upsert('Organization'), organization({ aliases: ['Short', 'A'.repeat(9000)] }));
    expect(alias.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.aliases[1]' });
    const description = await refused(upsert('Organization'), organization({ description: 'D'.repeat(60_000) }));
    expect(description.message).toBe('input.description: too long: at most 5000 characters here; this one has 60000');
    const relation = await refused(upsertRelation('HoldsPosition'), {
      input: { from: 'check-person', to: 'msk-ix', title: 'T'.repeat(10_000), sources: [{ slug: seedSource }], evidence: 'STATED' },
    });
    expect(relation.extensions?.problems).toEqual(
      expect.arrayContaining([{ field: 'input.title', message: 'too long: at most 300 characters here; this one has 10000' }]),
    );
  });

  it('refuses a claim whose value its field would refuse, and takes one it would take', async () => {
    const memorandum = (claims: Record<string, unknown>[]) => ({
      input: {
        ...entityInput('Memorandum', 'check-claim-memo'),
        claims: claims.map((claim) => ({ sources: [seedSource], evidence: 'STATED', ...claim })),
      },
    });
    const impossible = await refused(upsert('Memorandum'), memorandum([{ field: 'date', value: '2024-02-30' }]));
    expect(impossible.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claims[0].value' });
    expect(impossible.message).toBe(
      'input.claims[0].value: not a value of "date": "2024-02-30" is not a real date: February 2024 has 29 days',
    );
    const words = await refused(upsert('Memorandum'), memorandum([{ field: 'date', value: 'next tuesday' }]));
    expect(words.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claims[0].value' });
    const longName = await refused(upsert('Memorandum'), memorandum([{ field: 'name', value: 'N'.repeat(301) }]));
    expect(longName.message).toBe('input.claims[0].value: not a value of "name": too long: at most 300 characters here; this one has 301');
    const kind = await refused(
      upsert('Organization'),
      organization({ claims: [{ field: 'kind', value: 'REGISTRY', sources: [seedSource], evidence: 'STATED' }] }),
    );
    expect(kind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.claims[0].value' });
    const taken = await suite.api.data<{ upsertMemorandum: { outcome: string } }>(
      upsert('Memorandum'),
      memorandum([
        { field: 'date', value: '2024-02' },
        { field: 'aliases', value: 'Another title' },
      ]),
      keys.admin,
    );
    expect(taken.upsertMemorandum.outcome).toBe('CREATED');
  });

  it('lists every problem at once', async () => {
    const error = await refused(upsert('Event'), {
      input: {
        ...entityInput('Event', 'check-event'),
        startDate: '2021',
        endDate: '2019',
        sources: [{ id: 'src-unknown' }],
        evidence: 'STATED',
      },
    });
    const problems = error.extensions?.problems as { field: string; message: string }[];
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'input.sources[0]',
          message: expect.stringContaining('unknown source "src-unknown"'),
          ref: 'src-unknown',
        }),
        { field: 'input.endDate', message: 'endDate "2019" is before startDate "2021"' },
      ]),
    );
    expect(error.message).toBe(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  });
});
