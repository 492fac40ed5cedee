import { describe, expect, it } from 'vitest';
import { entitiesByIdParameters } from '../../src/db/repositories/entities.ts';
import { seededCurationSuite } from '../support/curation.ts';
import { readRows } from '../support/database.ts';

// The review queue after a curator's decisions, on the real Neo4j with the real seed: what an
// accepted entity proposal changes for its mentions and for the claims on its name, a memorandum
// the article does not name, and the edits that drop a proposed value. The articles are made up
// for these tests (the people, the council, the institute and the dates are fictional).

interface End {
  slug: string | null;
  name: string | null;
  type: string | null;
}

interface ProposalOut {
  id: string;
  status: string;
  kind: string;
  type: string;
  from: End;
  to: End | null;
  properties: Record<string, string>;
}

interface IngestOut {
  ingestSource: {
    source: string;
    alreadyDecided: number;
    mentions: { id: string | null; text: string; entity: { slug: string } | null }[];
    proposals: ProposalOut[];
  };
}

const ingest = `mutation ($input: IngestSourceInput!) {
  ingestSource(input: $input) {
    source alreadyDecided
    mentions { id text entity { slug } }
    proposals { id status kind type from { slug name type } to { slug name type } properties }
  }
}`;

const accept = `mutation ($id: String!, $edits: ProposalEditsInput) {
  acceptProposal(id: $id, edits: $edits) { proposal { status acceptedAs } entity { slug } relations }
}`;

type Accepted = {
  acceptProposal: { proposal: { status: string; acceptedAs: string | null }; entity: { slug: string } | null; relations: string[] };
};

const councilArticle = [
  'Routing council gets a chair',
  '',
  'Marta Lindgren, chair of the Eastern Routing Council, noted that three more exchanges could follow in 2034.',
  'Lindgren said the council would meet twice a year.',
].join('\n');

describe('the review queue after decisions', () => {
  const suite = seededCurationSuite();

  const ingestText = async (content: string, slug?: string) =>
    (await suite.api.data<IngestOut>(ingest, { input: { content, ...(slug ? { slug } : {}) } }, suite.keys.curator)).ingestSource;
  const acceptProposal = (id: string | undefined, edits?: Record<string, unknown>) =>
    suite.api.data<Accepted>(accept, { id, edits }, suite.keys.curator);
  const proposalsOf = async (source: string) =>
    (
      await suite.api.data<{ proposals: { totalCount: number; edges: { node: { id: string; status: string } }[] } }>(
        'query ($source: String!) { proposals(source: $source, first: 100) { totalCount edges { node { id status } } } }',
        { source },
        suite.keys.curator,
      )
    ).proposals;
  const mentionsOf = async (source: string) =>
    (
      await suite.api.data<{ mentions: { text: string; entity: { slug: string } | null }[] }>(
        'query ($source: String!) { mentions(source: $source) { text entity { slug } } }',
        { source },
        suite.keys.curator,
      )
    ).mentions;

  it('links the mentions of an accepted name, and proposes nothing again once its claims are decided', async () => {
    const first = await ingestText(councilArticle);
    const entity = (name: string) => first.proposals.find((p) => p.kind === 'ENTITY' && p.from.name === name);
    const position = first.proposals.find((p) => p.type === 'HOLDS_POSITION');
    const statements = first.proposals.filter((p) => p.kind === 'STATEMENT');
    expect(position).toMatchObject({
      from: { name: 'Marta Lindgren', type: 'Person' },
      to: { name: 'Eastern Routing Council', type: 'Body' },
      // 2034 is in what she noted, not when she chairs the council.
      properties: { title: 'Chair' },
    });
    expect(statements.map((p) => p.from.name)).toEqual(['Marta Lindgren', 'Marta Lindgren']);

    const person = await acceptProposal(entity('Marta Lindgren')?.id);
    const council = await acceptProposal(entity('Eastern Routing Council')?.id);
    expect([person.acceptProposal.entity?.slug, council.acceptProposal.entity?.slug]).toEqual([
      'marta-lindgren',
      'eastern-routing-council',
    ]);
    // Her full name, her surname alone and the council's name now name the new entities.
    expect(await mentionsOf(first.source)).toEqual([
      { text: 'Marta Lindgren', entity: { slug: 'marta-lindgren' } },
      { text: 'Eastern Routing Council', entity: { slug: 'eastern-routing-council' } },
      { text: 'Lindgren', entity: { slug: 'marta-lindgren' } },
    ]);

    const held = await acceptProposal(position?.id);
    expect(held.acceptProposal.relations).toEqual(['HOLDS_POSITION|marta-lindgren|eastern-routing-council||Chair']);
    for (const statement of statements) {
      await suite.api.data(
        'mutation ($id: String!) { rejectProposal(id: $id, reason: "Not news.") { operation } }',
        { id: statement.id },
        suite.keys.curator,
      );
    }
    const before = await proposalsOf(first.source);

    // The same text again: its names link now, and every claim on them is one it has decided.
    const second = await ingestText(councilArticle);
    expect(second.source).toBe(first.source);
    expect(second.mentions.map((m) => m.entity?.slug ?? null)).toEqual(['marta-lindgren', 'eastern-routing-council', 'marta-lindgren']);
    expect(second.proposals).toEqual([]);
    expect(second.alreadyDecided).toBe(3);
    expect(await proposalsOf(first.source)).toEqual(before);
  });

  it('does not propose again a claim the graph has from the same source, said in other words', async () => {
    const source = 'src-ingest-test-western-transit';
    const first = await ingestText('Oskar Brandt, president of the Western Transit Council, spoke about peering fees.', source);
    for (const name of ['Oskar Brandt', 'Western Transit Council']) {
      await acceptProposal(first.proposals.find((p) => p.kind === 'ENTITY' && p.from.name === name)?.id);
    }
    const position = first.proposals.find((p) => p.type === 'HOLDS_POSITION');
    expect((await acceptProposal(position?.id)).acceptProposal.relations).toEqual([
      'HOLDS_POSITION|oskar-brandt|western-transit-council||President',
    ]);
    // A corrected version of the article, sent under the same slug: the sentence is new, the claim is not.
    const corrected = await ingestText('Oskar Brandt, president of the Western Transit Council, spoke about transit fees.', source);
    expect(corrected.proposals.filter((p) => p.type === 'HOLDS_POSITION')).toEqual([]);
    expect((await proposalsOf(source)).edges.filter((edge) => edge.node.status === 'PENDING')).toEqual([]);
  });

  it('proposes a memorandum the article does not name, so that its relations can be accepted, and drops a date edited to null', async () => {
    const queued = await ingestText('MSK-IX and Qrator Labs signed a memorandum on filtering bogus routes in 2031.');
    const memorandum = { slug: null, name: 'Memorandum between MSK-IX and Qrator Labs', type: 'Memorandum' };
    const proposed = queued.proposals.find((p) => p.kind === 'ENTITY' && p.type === 'Memorandum');
    expect(proposed).toMatchObject({ from: memorandum, properties: { date: '2031', datePrecision: 'YEAR' } });
    const parties = queued.proposals.filter((p) => p.type === 'PARTY_TO');
    expect(parties.map((p) => [p.from.slug, p.to])).toEqual([
      ['msk-ix', memorandum],
      ['qrator-labs', memorandum],
    ]);

    // Before the memorandum is accepted, the error points at the proposal that exists.
    const early = await suite.api.error(accept, { id: parties[0]?.id }, suite.keys.curator);
    expect(early.message).toContain('accept its entity proposal first');
    const created = await acceptProposal(proposed?.id);
    const slug = 'memorandum-between-msk-ix-and-qrator-labs';
    expect(created.acceptProposal.entity?.slug).toBe(slug);
    const [stored] = await readRows(suite.db, 'queries/entities-by-id', entitiesByIdParameters([slug]));
    expect(stored?.props).toMatchObject({ name: memorandum.name, date: '2031' });

    // An explicit null drops the proposed date; an omitted date keeps it.
    const undated = await acceptProposal(parties[0]?.id, { date: null });
    const dated = await acceptProposal(parties[1]?.id);
    const keys = [`PARTY_TO|msk-ix|${slug}||`, `PARTY_TO|qrator-labs|${slug}||`];
    expect([...undated.acceptProposal.relations, ...dated.acceptProposal.relations]).toEqual(keys);
    const rows = await readRows(suite.db, 'queries/relations-by-key', {
      keys: [
        { key: keys[0], type: 'PARTY_TO', from: 'msk-ix' },
        { key: keys[1], type: 'PARTY_TO', from: 'qrator-labs' },
      ],
    });
    const dates = Object.fromEntries(rows.map((row) => [String(row.key), (row.props as { date?: string }).date ?? null]));
    expect(dates).toEqual({ [keys[0] ?? '']: null, [keys[1] ?? '']: '2031' });
  });

  it('refuses a new organization without its kind, or an entity with a kind its type does not have, naming edits.fields.kind', async () => {
    const queued = await ingestText('Anna Kask, director of the Baltic Routing Institute, opened the meeting.');
    const institute = queued.proposals.find((p) => p.kind === 'ENTITY' && p.from.name === 'Baltic Routing Institute');
    expect(institute?.type).toBe('Organization');
    const missing = await suite.api.error(accept, { id: institute?.id }, suite.keys.curator);
    expect(missing.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'edits.fields.kind',
      allowed: expect.arrayContaining(['association']),
    });
    expect(missing.message).toContain('edits.fields.kind: a new Organization needs a kind: one of "registry"');
    const wrong = await suite.api.error(accept, { id: institute?.id, edits: { fields: { kind: 'club' } } }, suite.keys.curator);
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edits.fields.kind' });
    expect(wrong.message).toContain('"club" is not a kind of Organization');
    const created = await acceptProposal(institute?.id, { fields: { kind: 'research-center' } });
    expect(created.acceptProposal.entity?.slug).toBe('baltic-routing-institute');
  });
});
