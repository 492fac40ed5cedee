import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { entitiesByIdParameters } from '../../src/db/repositories/entities.ts';
import { analyzeSource, dryRunShape } from '../../src/services/ingest/ingest.ts';
import { MatcherCache } from '../../src/services/ingest/matchers.ts';
import { seededCurationSuite } from '../support/curation.ts';
import { graphState, readRows } from '../support/database.ts';

// Ingestion on the real Neo4j with the real seed: the dry run's shape, and the review flow end to
// end (ingest, accept, reject, ingest again) through the GraphQL API with a curate key.

const article = readFileSync(path.join(projectRoot, 'test/ingest/articles/en-03-belarus-memo.txt'), 'utf8');

const proposalFields = `id status kind type source from { slug name type } to { slug name type } properties evidence basis
  span { start end } evidenceText confidence reason decidedBy acceptedAs`;

interface ProposalOut {
  id: string;
  status: string;
  kind: string;
  type: string;
  source: string;
  from: { slug: string | null; name: string | null; type: string | null };
  to: { slug: string | null; name: string | null; type: string | null } | null;
  properties: Record<string, string>;
  evidence: string;
  basis: string | null;
  span: { start: number; end: number };
  evidenceText: string | null;
  confidence: number;
  reason: string | null;
  decidedBy: string | null;
  acceptedAs: string | null;
}

interface IngestOut {
  ingestSource: {
    source: string;
    lang: string;
    dryRun: boolean;
    alreadyDecided: number;
    mentions: { id: string | null; text: string; span: { start: number; end: number }; entity: { slug: string } | null }[];
    proposals: ProposalOut[];
  };
}

const ingest = `mutation ($input: IngestSourceInput!) {
  ingestSource(input: $input) {
    source lang dryRun alreadyDecided
    mentions { id text span { start end } entity { slug } }
    proposals { ${proposalFields} }
  }
}`;

const input = { content: article, title: 'Minsk and Moscow registries cooperate', published: '2022-02', publisher: 'Test desk' };

const find = (proposals: ProposalOut[], type: string, from: string, to: string) =>
  proposals.find((p) => p.type === type && p.from.slug === from && p.to?.slug === to);

describe('ingesting an article', () => {
  const suite = seededCurationSuite();

  it('answers a dry run in the documented shape, linked to the seed, and writes nothing', async () => {
    const before = await graphState(suite.db);
    const { analysis } = await analyzeSource(new MatcherCache(suite.db), { content: article, title: 'T', url: 'https://example.org/a' });
    const shape = dryRunShape(analysis);
    expect(Object.keys(shape)).toEqual(['source', 'mentions', 'proposals']);
    expect(shape.source).toEqual({ title: 'T', url: 'https://example.org/a', published: null, lang: 'en' });
    const pavlyuchenko = article.indexOf('Andrey Pavlyuchenko');
    expect(shape.mentions).toContainEqual({
      text: 'Andrey Pavlyuchenko',
      start: pavlyuchenko,
      end: pavlyuchenko + 'Andrey Pavlyuchenko'.length,
      entity: { slug: 'andrey-pavlyuchenko', name: 'Andrey Pavlyuchenko', type: 'Person' },
      candidates: [{ slug: 'andrey-pavlyuchenko', name: 'Andrey Pavlyuchenko', type: 'Person', score: 1 }],
    });
    for (const mention of shape.mentions) expect(article.slice(mention.start, mention.end)).toBe(mention.text);
    const manages = shape.proposals.find((p) => p.type === 'MANAGES' && JSON.stringify(p.to) === '{"slug":"tld-by"}');
    expect(manages).toEqual({
      kind: 'relation',
      type: 'MANAGES',
      from: { slug: 'oac-belarus' },
      to: { slug: 'tld-by' },
      properties: {},
      evidence: 'STATED',
      basis: null,
      span: {
        start: article.indexOf('The OAC manages'),
        end: article.indexOf('The OAC manages') + 'The OAC manages the .BY and .БЕЛ zones.'.length,
      },
      confidence: 0.75,
    });
    for (const proposal of shape.proposals) {
      expect(Object.keys(proposal)).toEqual(['kind', 'type', 'from', 'to', 'properties', 'evidence', 'basis', 'span', 'confidence']);
    }
    expect(await graphState(suite.db)).toEqual(before);
  });

  it('queues an article, writes an accepted claim with its source, evidence and change record, and never proposes a decided one again', async () => {
    const { keys, api } = suite;
    const first = (await api.data<IngestOut>(ingest, { input }, keys.curator)).ingestSource;
    expect(first.dryRun).toBe(false);
    expect(first.alreadyDecided).toBe(0);
    expect(first.mentions.find((m) => m.text === 'Andrey Pavlyuchenko')?.entity).toEqual({ slug: 'andrey-pavlyuchenko' });
    // Queued, not written: the graph has no Source of that slug yet.
    expect(await readRows(suite.db, 'queries/entities-by-id', entitiesByIdParameters([first.source]))).toEqual([]);

    const position = find(first.proposals, 'HOLDS_POSITION', 'andrey-pavlyuchenko', 'oac-belarus');
    const bel = find(first.proposals, 'MANAGES', 'oac-belarus', 'tld-bel');
    // The date is in the sentence before: a claim takes only the dates of its own sentence.
    expect(position?.properties).toEqual({ title: 'Head' });
    expect(position?.evidenceText).toBe(article.slice(position?.span.start, position?.span.end));
    if (!position || !bel) throw new Error('the article should propose the position and the management');

    const accepted = await api.data<{ acceptProposal: { proposal: ProposalOut; operation: string; relations: string[] } }>(
      `mutation ($id: String!) { acceptProposal(id: $id) { proposal { ${proposalFields} } operation relations } }`,
      { id: position.id },
      keys.curator,
    );
    const key = 'HOLDS_POSITION|andrey-pavlyuchenko|oac-belarus||Head';
    expect(accepted.acceptProposal.relations).toEqual([key]);
    expect(accepted.acceptProposal.proposal).toMatchObject({ status: 'ACCEPTED', decidedBy: 'curator', acceptedAs: key });

    // The relation cites the ingested source, created with it as a Source, with the proposal's evidence.
    const [relation] = await readRows(suite.db, 'queries/relations-by-key', {
      keys: [{ key, type: 'HOLDS_POSITION', from: 'andrey-pavlyuchenko' }],
    });
    expect(relation?.props).toMatchObject({ title: 'Head', evidence: 'STATED' });
    const cited = relation?.props as { sources: string[]; citationEvidence: string[] };
    // The seed has this position already: accepting adds the article to its sources, keeping the seed's.
    expect(cited.sources).toEqual(['src-001-cctld-oac-memorandum', first.source]);
    expect(cited.citationEvidence[cited.sources.indexOf(first.source)]).toBe('STATED');
    const [source] = await readRows(suite.db, 'queries/entities-by-id', entitiesByIdParameters([first.source]));
    expect(source?.props).toMatchObject({
      id: first.source,
      label: 'Source',
      title: input.title,
      date: '2022-02',
      publisher: 'Test desk',
      language: 'en',
    });

    const { changes } = await api.data<{
      changes: { edges: { node: { kind: string; key: string | null; operation: string; by: string } }[] };
    }>('query ($since: DateTime!) { changes(since: $since, first: 100) { edges { node { kind key operation by } } } }', {
      since: suite.seededAt,
    });
    expect(changes.edges.map((edge) => edge.node)).toContainEqual({
      kind: 'RELATION',
      key,
      operation: accepted.acceptProposal.operation,
      by: 'curator',
    });

    const rejected = await api.data<{ rejectProposal: { proposal: ProposalOut } }>(
      `mutation ($id: String!) { rejectProposal(id: $id, reason: "The article's zone list is not the registry's own.") { proposal { ${proposalFields} } } }`,
      { id: bel.id },
      keys.curator,
    );
    expect(rejected.rejectProposal.proposal).toMatchObject({
      status: 'REJECTED',
      reason: "The article's zone list is not the registry's own.",
    });

    // Deciding twice is refused and changes nothing.
    const before = await graphState(suite.db);
    const again = await api.error('mutation ($id: String!) { rejectProposal(id: $id) { operation } }', { id: position.id }, keys.curator);
    expect(again.extensions?.code).toBe('CONFLICT');
    // It says what was decided, so that a retry whose first answer was lost can tell.
    expect(again.extensions).toMatchObject({
      argument: 'id',
      status: 'ACCEPTED',
      decidedBy: 'curator',
      decidedAt: expect.any(String),
      acceptedAs: key,
      operation: accepted.acceptProposal.operation,
    });
    expect(again.message).toContain(`accepted already as "${key}" by curator`);
    expect(await graphState(suite.db)).toEqual(before);

    const pendingBefore = await pendingIds(first.source);
    const second = (await api.data<IngestOut>(ingest, { input }, keys.curator)).ingestSource;
    expect(second.source).toBe(first.source);
    expect(second.alreadyDecided).toBe(2);
    const ids = second.proposals.map((p) => p.id);
    expect(ids).not.toContain(position.id);
    expect(ids).not.toContain(bel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await pendingIds(first.source)).toEqual(pendingBefore);
    const rejectedNow = await api.data<{ proposals: { edges: { node: { id: string } }[] } }>(
      'query ($source: String!) { proposals(status: REJECTED, source: $source) { edges { node { id } } } }',
      { source: first.source },
      keys.curator,
    );
    expect(rejectedNow.proposals.edges.map((edge) => edge.node.id)).toEqual([bel.id]);
  });

  it('refuses to accept a relation to a name not yet in the graph, naming the edit that would fix it', async () => {
    const { keys, api } = suite;
    const text = 'Maria Lindqvist, head of the Nordic Peering Association, spoke about routing.';
    const queued = (await api.data<IngestOut>(ingest, { input: { content: text } }, keys.curator)).ingestSource;
    const position = queued.proposals.find((p) => p.type === 'HOLDS_POSITION');
    expect(position?.from).toEqual({ slug: null, name: 'Maria Lindqvist', type: 'Person' });
    const before = await graphState(suite.db);
    const refused = await api.error(
      'mutation ($id: String!) { acceptProposal(id: $id) { operation } }',
      { id: position?.id },
      keys.curator,
    );
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toContain('edits.from');
    expect(await graphState(suite.db)).toEqual(before);

    // Once the person's entity proposal is accepted, the relation's end resolves to it.
    const person = queued.proposals.find((p) => p.kind === 'ENTITY' && p.from.name === 'Maria Lindqvist');
    const created = await api.data<{ acceptProposal: { entity: { slug: string } } }>(
      'mutation ($id: String!) { acceptProposal(id: $id) { entity { slug } } }',
      { id: person?.id },
      keys.curator,
    );
    expect(created.acceptProposal.entity.slug).toBe('maria-lindqvist');
    const linked = await api.error('mutation ($id: String!) { acceptProposal(id: $id) { relations } }', { id: position?.id }, keys.curator);
    // The organization is still only a name: the error names the other end now.
    expect(linked.message).toContain('edits.to');
  });

  it('links a mention to an entity by hand', async () => {
    const { keys, api } = suite;
    const text = 'The ISPCP met in Kigali.';
    const queued = (await api.data<IngestOut>(ingest, { input: { content: text } }, keys.curator)).ingestSource;
    const [ispcp] = queued.mentions;
    expect(ispcp).toMatchObject({ text: 'ISPCP', entity: { slug: 'ispcp' } });
    const relinked = await api.data<{ linkMention: { mention: { entity: { slug: string } } } }>(
      'mutation ($mention: String!) { linkMention(mention: $mention, entity: "gnso") { mention { entity { slug } } } }',
      { mention: ispcp?.id },
      keys.curator,
    );
    expect(relinked.linkMention.mention.entity.slug).toBe('gnso');
    const { mentions } = await api.data<{ mentions: { entity: { slug: string } | null }[] }>(
      'query ($source: String!) { mentions(source: $source) { entity { slug } } }',
      { source: queued.source },
      keys.curator,
    );
    expect(mentions[0]?.entity?.slug).toBe('gnso');
  });

  it('linkMention names the argument that names nothing, with candidates, and follows former slugs', async () => {
    const { keys, api } = suite;
    const queued = (await api.data<IngestOut>(ingest, { input: { content: 'The ISPCP met in Nairobi.' } }, keys.curator)).ingestSource;
    const [ispcp] = queued.mentions;
    const link =
      'mutation ($mention: String!, $entity: String!) { linkMention(mention: $mention, entity: $entity) { mention { entity { slug } } } }';
    const before = await graphState(suite.db);
    // The mention exists; only the entity is unknown.
    const unknownEntity = await api.error(link, { mention: ispcp?.id, entity: 'nope-x' }, keys.curator);
    expect(unknownEntity.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'entity', ref: 'nope-x', didYouMean: expect.any(Array) });
    expect(unknownEntity.message).toContain('"entity"');
    const nearMiss = await api.error(link, { mention: ispcp?.id, entity: 'gnsoo' }, keys.curator);
    expect(nearMiss.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'entity', ref: 'gnsoo' });
    expect(nearMiss.extensions?.didYouMean).toContainEqual(expect.objectContaining({ slug: 'gnso' }));
    // The entity exists; only the mention is unknown.
    const unknownMention = await api.error(link, { mention: 'src-no-such-source:1-5', entity: 'gnso' }, keys.curator);
    expect(unknownMention.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'mention' });
    expect(unknownMention.message).toContain('"src-no-such-source:1-5"');
    expect(unknownMention.message).not.toContain('gnso');
    expect(await graphState(suite.db)).toEqual(before);
    // A former slug names the entity it became, as in every reference.
    const viaFormer = await api.data<{ linkMention: { mention: { entity: { slug: string } } } }>(
      link,
      { mention: ispcp?.id, entity: 'body-itu' },
      keys.curator,
    );
    expect(viaFormer.linkMention.mention.entity.slug).toBe('itu');
  });

  it('gives back the stored text the offsets point into: in the payload, even of a dry run, and by slug later (curate scope)', async () => {
    const { keys, api } = suite;
    const html =
      '<html><body><h1>Registries &amp; their peers</h1><p>The <b>Coordination Center for TLD .RU</b> is a member of ICANN.</p></body></html>';
    const ingestText = `mutation ($input: IngestSourceInput!) {
      ingestSource(input: $input) { source text dryRun mentions { text span { start end } entity { slug } } }
    }`;
    type Answer = {
      ingestSource: { source: string; text: string; dryRun: boolean; mentions: { text: string; span: { start: number; end: number } }[] };
    };
    const stored = `query ($slug: String!) { ingestedSource(slug: $slug) { slug text lang title url published publisher } }`;
    type Stored = { ingestedSource: Record<string, string | null> | null };

    const dry = (await api.data<Answer>(ingestText, { input: { content: html, format: 'HTML', dryRun: true } }, keys.curator)).ingestSource;
    expect(dry.text).not.toContain('<');
    expect(dry.text).toContain('Coordination Center for TLD .RU is a member of ICANN');
    expect(dry.mentions.map((m) => m.text)).toEqual(['Coordination Center for TLD .RU', 'ICANN']);
    for (const mention of dry.mentions) expect(dry.text.slice(mention.span.start, mention.span.end)).toBe(mention.text);
    // A dry run stores nothing to read back.
    expect((await api.data<Stored>(stored, { slug: dry.source }, keys.curator)).ingestedSource).toBeNull();

    const input = { content: html, format: 'HTML', title: 'Peers', published: '2024-05', publisher: 'Test desk' };
    const queued = (await api.data<Answer>(ingestText, { input }, keys.curator)).ingestSource;
    expect(queued.text).toBe(dry.text);
    expect((await api.data<Stored>(stored, { slug: queued.source }, keys.curator)).ingestedSource).toEqual({
      slug: queued.source,
      text: dry.text,
      lang: 'en',
      title: 'Peers',
      url: null,
      published: '2024-05',
      publisher: 'Test desk',
    });
    expect((await api.data<Stored>(stored, { slug: 'src-ingest-none' }, keys.curator)).ingestedSource).toBeNull();

    const anonymous = await api.send<Stored>(stored, { slug: queued.source });
    expect(anonymous.status).toBe(403);
    expect(anonymous.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(anonymous.result)).not.toContain('ICANN');
  });

  it('counts the review queue by status and source, the same on every page', async () => {
    const { keys, api } = suite;
    const text = 'Olga Strand, director of the Baltic Internet Exchange, spoke about peering in Riga.';
    const queued = (await api.data<IngestOut>(ingest, { input: { content: text } }, keys.curator)).ingestSource;
    expect(queued.proposals.length).toBeGreaterThan(0);
    const [rejected] = queued.proposals;
    await api.data('mutation ($id: String!) { rejectProposal(id: $id) { operation } }', { id: rejected?.id }, keys.curator);

    type Page = {
      proposals: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    const query = `query ($source: String, $status: ProposalStatus, $after: String) {
      proposals(source: $source, status: $status, first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
    }`;
    // Walks every page of one page each: each says the same total, and the total is what the pages hold.
    const walk = async (variables: { source: string | null; status: string | null }) => {
      const ids: string[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (;;) {
        const page: Page = await api.data<Page>(query, { ...variables, after }, keys.curator);
        totals.add(page.proposals.totalCount);
        ids.push(...page.proposals.edges.map((edge) => edge.node.id));
        if (!page.proposals.pageInfo.hasNextPage) return { ids, totals: [...totals], after: page.proposals.pageInfo.endCursor };
        after = page.proposals.pageInfo.endCursor;
      }
    };
    const ofSource = await walk({ source: queued.source, status: null });
    expect(ofSource.ids.sort()).toEqual(queued.proposals.map((p) => p.id).sort());
    expect(ofSource.totals).toEqual([queued.proposals.length]);
    const pending = await walk({ source: queued.source, status: 'PENDING' });
    expect(pending.totals).toEqual([queued.proposals.length - 1]);
    expect(pending.ids).not.toContain(rejected?.id);
    expect((await walk({ source: queued.source, status: 'REJECTED' })).totals).toEqual([1]);
    const everySource = await walk({ source: null, status: null });
    expect(everySource.totals).toEqual([everySource.ids.length]);
    expect(everySource.ids.length).toBeGreaterThan(queued.proposals.length);
    // Past the last page: no proposals, and still the total.
    const past = await api.data<Page>(query, { source: queued.source, status: null, after: ofSource.after }, keys.curator);
    expect(past.proposals).toMatchObject({ totalCount: queued.proposals.length, edges: [] });
    expect((await api.data<Page>(query, { source: 'src-none', status: null, after: null }, keys.curator)).proposals.totalCount).toBe(0);
  });

  async function pendingIds(source: string): Promise<string[]> {
    const page = await suite.api.data<{ proposals: { edges: { node: { id: string } }[] } }>(
      'query ($source: String!) { proposals(status: PENDING, source: $source, first: 100) { edges { node { id } } } }',
      { source },
      suite.keys.curator,
    );
    return page.proposals.edges.map((edge) => edge.node.id);
  }
});
