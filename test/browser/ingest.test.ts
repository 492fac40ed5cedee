import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestKeys, testKeys } from '../support/curation.ts';
import {
  axeViolations,
  browserTestTimeoutMs,
  eventually,
  foreignRequests,
  launchBrowser,
  openPage,
  screenshot,
  type WatchedPage,
} from './support/browser.ts';
import { type SeededServer, startSeededServer } from './support/server.ts';

// The explorer's ingestion page as a curator uses it, in Debian's Chromium, on the real seed:
// give a key, paste an article, read its names in the stored text, re-link one, accept one
// proposal and reject another, then check through the GraphQL API (not the page) that the
// graph and the queue say so; and that the server's refusal of no key or a wrong one is shown.

// Written for this test: two registries of the seed and one organization that does not exist.
const article = `Registries compare notes in Tallinn

On 14 May 2024 the Coordination Center for TLD .RU and the Nordic Zone Registry Alliance signed a memorandum of understanding on research into DNS abuse. The Coordination Center is a member of ICANN. Karin Holmqvist, director of the Nordic Zone Registry Alliance, said that both registries would exchange abuse reports every quarter.
`;

const spanSchema = z.object({ start: z.number(), end: z.number() });
const mentionsSchema = z.array(z.object({ text: z.string(), span: spanSchema, entity: z.object({ slug: z.string() }).nullable() }));
const endSchema = z.object({ slug: z.string().nullable(), name: z.string().nullable() }).nullable();
const proposalSchema = z.object({
  id: z.string(),
  status: z.string(),
  type: z.string(),
  from: endSchema,
  to: endSchema,
  span: spanSchema,
  reason: z.string().nullable(),
  acceptedAs: z.string().nullable(),
});
const reviewSchema = z.object({
  data: z.object({
    ingestedSource: z.object({ text: z.string() }).nullable(),
    mentions: mentionsSchema,
    proposals: z.object({ edges: z.array(z.object({ node: proposalSchema })) }),
  }),
});
const membershipsSchema = z.object({
  data: z.object({
    organization: z.object({
      memberships: z.object({
        edges: z.array(z.object({ node: z.object({ slug: z.string() }), sources: z.array(z.object({ slug: z.string() })) })),
      }),
    }),
  }),
});

const bearerKey = (options: { authorization?: string }) => (options.authorization ?? '').replace(/^Bearer /, '');

/** The form control a <label> names, found as a person finds it: by the label's words. */
async function fieldLabelled(page: Page, label: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((text: string) => {
    const found = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text);
    return found?.control ?? null;
  }, label);
  const element = handle.asElement();
  if (!element) throw new Error(`no control labelled "${label}"`);
  return element as ElementHandle<Element>;
}

/** Clicks the button with these words, in the element `within` selects, or anywhere. */
async function clickButton(page: Page, text: string, within?: string): Promise<void> {
  const scope = within ? await page.$(within) : page;
  if (!scope) throw new Error(`nothing matches ${within}`);
  const [button] = await scope.$$(`xpath/.//button[normalize-space()="${text}"]`);
  if (!button) throw new Error(`no button "${text}"${within ? ` in ${within}` : ''}`);
  await button.click();
}

const statusOf = (page: Page) => page.$eval('[data-testid="status"]', (element) => element.textContent ?? '');
const problemOf = (page: Page) => page.$eval('[data-testid="problem"]', (element) => element.textContent ?? '').catch(() => '');

async function giveKey(page: Page, key: string): Promise<void> {
  await page.type('#api-key-input', key);
  await clickButton(page, 'Use this key');
}

async function pasteArticle(page: Page, text: string, store: boolean): Promise<void> {
  await page.type('[data-testid="ingest-content"]', text);
  await page.click(store ? '[data-testid="ingest-store"]' : '[data-testid="ingest-dry-run"]');
}

/** The mentions as the page draws them: the button's text, its offsets and whether it is styled linked. */
function drawnMentions(page: Page) {
  return page.$$eval('[data-testid="source-text"] button.mention', (buttons) =>
    buttons.map((button) => ({
      text: button.textContent ?? '',
      start: Number(button.getAttribute('data-start')),
      end: Number(button.getAttribute('data-end')),
      linked: button.classList.contains('linked'),
      entity: button.getAttribute('data-entity') ?? '',
    })),
  );
}

/** The text the page marks as the highlighted proposal's sentence (one <mark> or several, split by mentions). */
const markedText = (page: Page) =>
  page.$$eval('[data-testid="source-text"] mark.proposal-span', (marks) => marks.map((mark) => mark.textContent ?? '').join(''));

describe('the ingestion page in Chromium', { timeout: browserTestTimeoutMs }, () => {
  let seeded: SeededServer;
  let keys: TestKeys;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let origin: string;

  /** A request to the API as any client sends it, with the curator's key unless told otherwise. */
  async function api(query: string, variables: Record<string, unknown>, authorization = keys.curator.authorization): Promise<unknown> {
    const answer = await seeded.server.send({
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return JSON.parse(answer.text);
  }

  async function reviewOf(source: string) {
    return reviewSchema.parse(
      await api(
        `query ($source: String!) {
          ingestedSource(slug: $source) { text }
          mentions(source: $source) { text span { start end } entity { slug } }
          proposals(source: $source, first: 100) { edges { node { id status type from { slug name } to { slug name } span { start end } reason acceptedAs } } }
        }`,
        { source },
      ),
    ).data;
  }

  beforeAll(async () => {
    keys = testKeys();
    seeded = await startSeededServer({ apiKeys: keys.entries });
    origin = seeded.server.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });

  it('shows the refusal when there is no key, or a wrong one, and stores nothing', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    try {
      await page.goto(`${origin}/explore?ingest`, { waitUntil: 'networkidle0' });
      const text = 'The Coordination Center for TLD .RU is a member of ICANN.\n';
      await pasteArticle(page, text, true);
      await page.click('[data-testid="ingest-submit"]');
      const refused = await eventually('the refusal of no key', async () =>
        (await problemOf(page)).includes('Refused') ? problemOf(page) : null,
      );
      expect(refused).toContain('"curate" scope');
      expect(refused).toContain('Enter an API key with the curate scope');
      expect(await statusOf(page)).toContain('refused by the server');
      expect(await page.$('[data-testid="source-text"]')).toBeNull();

      await giveKey(page, bearerKey(keys.unknown));
      const wrong = await eventually('the refusal of a wrong key', async () => {
        const problem = await problemOf(page);
        return problem.includes('Refused') && problem.includes('the API key is not valid') ? problem : null;
      });
      expect(wrong).toContain('"curate" scope');
      // A refused key is not kept, and no key ever goes into the address.
      expect(await page.evaluate(() => sessionStorage.getItem('govgraph.apiKey'))).toBeNull();
      expect(await page.$('#api-key-input')).not.toBeNull();
      expect(page.url()).toBe(`${origin}/explore?ingest`);
      await screenshot(page, 'ingest-0-refused');

      // Nothing was stored: the slug the text would have is unknown to the server.
      const dry = z.object({ data: z.object({ ingestSource: z.object({ source: z.string() }) }) }).parse(
        await api('mutation ($input: IngestSourceInput!) { ingestSource(input: $input) { source } }', {
          input: { content: text, dryRun: true },
        }),
      );
      expect((await reviewOf(dry.data.ingestSource.source)).ingestedSource).toBeNull();
      // Chromium logs each refused request (403) as a console error; anything else would be the page's.
      expect(watched.errors.filter((error) => !error.includes('status of 403'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  describe('with a curate key', () => {
    let watched: WatchedPage;
    let page: Page;
    let source: string;

    beforeAll(async () => {
      watched = await openPage(browser);
      page = watched.page;
    });

    it('ingests a pasted article and highlights its names, linked and unlinked, at their offsets', async () => {
      await page.goto(`${origin}/explore`, { waitUntil: 'networkidle0' });
      // The explorer links to the page.
      const [link] = await page.$$('xpath/.//a[normalize-space()="Ingest an article"]');
      if (!link) throw new Error('the explorer has no link to the ingestion page');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), link.click()]);
      await page.waitForSelector('#api-key-input');
      const key = bearerKey(keys.curator);
      await giveKey(page, key);
      await eventually('the key accepted', async () => (await statusOf(page)).includes('may curate'));
      expect(await page.evaluate(() => sessionStorage.getItem('govgraph.apiKey'))).toBe(key);

      await pasteArticle(page, article, true);
      await (await fieldLabelled(page, 'Title')).type('Registries compare notes');
      await (await fieldLabelled(page, 'Publisher')).type('Test desk');
      await page.click('[data-testid="ingest-submit"]');
      await eventually('the stored article', async () => (await statusOf(page)).startsWith('Stored as '));
      source = new URL(page.url()).searchParams.get('ingest') ?? '';
      expect(source).toMatch(/^src-ingest-/);
      expect(page.url()).not.toContain(key);

      // The page shows the stored text itself, and every highlighted name is the text at its offsets.
      const stored = await reviewOf(source);
      expect(stored.ingestedSource?.text).toBe(article);
      expect(await page.$eval('[data-testid="source-text"]', (element) => element.textContent)).toBe(article);
      const drawn = await drawnMentions(page);
      for (const mention of drawn) expect(article.slice(mention.start, mention.end)).toBe(mention.text);
      expect(drawn.map(({ text, start, end }) => ({ text, span: { start, end } }))).toEqual(
        stored.mentions.map(({ text, span }) => ({ text, span })),
      );
      expect(drawn).toContainEqual({
        text: 'Coordination Center for TLD .RU',
        start: article.indexOf('Coordination Center for TLD .RU'),
        end: article.indexOf('Coordination Center for TLD .RU') + 'Coordination Center for TLD .RU'.length,
        linked: true,
        entity: 'coordination-center-ru',
      });
      expect(drawn.find((mention) => mention.text === 'ICANN')).toMatchObject({ linked: true, entity: 'icann' });
      const newName = drawn.find((mention) => mention.text.startsWith('Nordic Zone Registry'));
      expect(newName).toMatchObject({ linked: false, entity: '' });
      await screenshot(page, 'ingest-1-stored');
    });

    it('re-links a mention by clicking it and choosing an entity from search', async () => {
      const icann = (await drawnMentions(page)).find((mention) => mention.text === 'ICANN');
      if (!icann) throw new Error('no ICANN mention');
      await page.click(`[data-testid="source-text"] button.mention[data-start="${icann.start}"]`);
      await page.waitForSelector('[data-testid="mention-panel"]');
      expect(await page.$eval('[data-testid="mention-link"]', (element) => element.textContent)).toContain('Linked to ICANN');

      const input = '[data-testid="mention-search"] input';
      await page.type(input, 'ICANN Board');
      const index = await eventually('the ICANN Board among the hits', async () => {
        const hits = await page.$$eval('[data-testid="mention-search"] [role="option"]', (items) =>
          items.map((item) => item.textContent ?? ''),
        );
        const found = hits.findIndex((hit) => hit.includes('ICANN Board'));
        return found >= 0 ? { steps: found } : null;
      });
      // The first hit is highlighted already.
      for (let step = 0; step < index.steps; step++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await eventually('the mention re-linked', async () => (await statusOf(page)).includes('Linked “ICANN” to ICANN Board'));
      expect((await drawnMentions(page)).find((mention) => mention.start === icann.start)).toMatchObject({
        linked: true,
        entity: 'icann-board',
      });

      // The API says so too.
      const stored = await reviewOf(source);
      expect(stored.mentions.find((mention) => mention.span.start === icann.start)?.entity?.slug).toBe('icann-board');
    });

    it('marks a proposal’s sentence, accepts one and rejects another inline', async () => {
      const { proposals } = await reviewOf(source);
      const nodes = proposals.edges.map((edge) => edge.node);
      const membership = nodes.find((p) => p.type === 'MEMBER_OF' && p.from?.slug === 'coordination-center-ru' && p.to?.slug === 'icann');
      const position = nodes.find((p) => p.type === 'HOLDS_POSITION');
      if (!membership || !position) throw new Error(`the article should propose a membership and a position: ${JSON.stringify(nodes)}`);
      const item = (proposal: { id: string }) => `[data-testid="proposal"][data-proposal="${proposal.id}"]`;
      expect(await page.$eval(`${item(membership)} [data-testid="proposal-ends"]`, (element) => element.textContent)).toBe(
        'Coordination Center for TLD .RU/.РФ → ICANN',
      );

      // Selected: its sentence is marked; hovered, another's is, until the pointer leaves.
      await clickButton(page, 'Show in text', item(membership));
      await eventually(
        'the membership sentence marked',
        async () => (await markedText(page)) === article.slice(membership.span.start, membership.span.end),
      );
      await page.hover(item(position));
      await eventually(
        'the position sentence marked',
        async () => (await markedText(page)) === article.slice(position.span.start, position.span.end),
      );
      await page.hover('[data-testid="source-text"]');
      await eventually(
        'the selected one marked again',
        async () => (await markedText(page)) === article.slice(membership.span.start, membership.span.end),
      );
      await screenshot(page, 'ingest-2-marked');

      await page.click(`${item(membership)} [data-testid="accept"]`);
      await page.waitForSelector(`${item(membership)}[data-status="ACCEPTED"]`);
      const reason = 'The article names the wrong title for her.';
      await page.type(`${item(position)} form.reject input`, reason);
      await page.click(`${item(position)} [data-testid="reject"]`);
      await page.waitForSelector(`${item(position)}[data-status="REJECTED"]`);
      expect(await page.$eval(`${item(position)} [data-testid="proposal-status"]`, (element) => element.textContent)).toBe('rejected');
      expect(await page.$(`${item(membership)} [data-testid="accept"]`)).toBeNull();

      // Through the API: the queue has the decisions, and the graph has the claim, citing the article.
      const after = (await reviewOf(source)).proposals.edges.map((edge) => edge.node);
      expect(after.find((p) => p.id === membership.id)).toMatchObject({
        status: 'ACCEPTED',
        acceptedAs: 'MEMBER_OF|coordination-center-ru|icann||',
      });
      expect(after.find((p) => p.id === position.id)).toMatchObject({ status: 'REJECTED', reason });
      const graph = membershipsSchema.parse(
        await api(
          'query { organization(slug: "coordination-center-ru") { memberships(first: 100) { edges { node { slug } sources { slug } } } } }',
          {},
          '',
        ),
      );
      const claim = graph.data.organization.memberships.edges.find((edge) => edge.node.slug === 'icann');
      expect(claim?.sources.map((cited) => cited.slug)).toContain(source);
      await screenshot(page, 'ingest-3-decided');
    });

    it('passes axe-core with no violation, and reaches a mention from the keyboard', async () => {
      expect(await axeViolations(page)).toEqual([]);
      const first = await page.$('[data-testid="source-text"] button.mention');
      await first?.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="mention-panel"]');
      expect(await page.$eval('[data-testid="source-text"] button.mention', (element) => element.getAttribute('aria-pressed'))).toBe(
        'true',
      );
    });

    it('reopens the review from its address in a new tab, once given a key', async () => {
      const fresh = await openPage(browser);
      try {
        await fresh.page.goto(`${origin}/explore?ingest=${encodeURIComponent(source)}`, { waitUntil: 'networkidle0' });
        // A new tab has its own session storage: no key yet, so nothing is read.
        expect(await statusOf(fresh.page)).toContain('Enter an API key');
        await giveKey(fresh.page, bearerKey(keys.curator));
        await fresh.page.waitForSelector('[data-testid="source-text"] button.mention');
        expect(await fresh.page.$eval('[data-testid="source-text"]', (element) => element.textContent)).toBe(article);
        const statuses = await fresh.page.$$eval('[data-testid="proposal"]', (items) =>
          items.map((item) => item.getAttribute('data-status')),
        );
        expect(statuses).toContain('ACCEPTED');
        expect(statuses).toContain('REJECTED');
        expect(statuses).toContain('PENDING');
        expect((await drawnMentions(fresh.page)).find((mention) => mention.text === 'ICANN')?.entity).toBe('icann-board');
        expect(fresh.errors).toEqual([]);
        expect(foreignRequests(fresh.requests, origin)).toEqual([]);
        await screenshot(fresh.page, 'ingest-4-reopened');
      } finally {
        await fresh.page.close();
      }
    });

    it('reads an uploaded HTML file as a dry run: the reduced text, its names, nothing to decide, nothing stored', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-upload-'));
      try {
        const file = path.join(folder, 'peers.html');
        writeFileSync(
          file,
          '<!doctype html><html><body><h1>Peering news</h1><p>The <em>Coordination Center for TLD .RU</em> is a member of ICANN.</p></body></html>',
        );
        await page.goto(`${origin}/explore?ingest`, { waitUntil: 'networkidle0' });
        // The key is still in this tab's session storage.
        await page.waitForSelector('[data-testid="api-key"] button');
        const upload = await fieldLabelled(page, 'Or upload a file (.txt, .html)');
        await (upload as ElementHandle<HTMLInputElement>).uploadFile(file);
        await eventually('the file read', async () =>
          (await page.$eval('[data-testid="ingest-content"]', (element) => (element as HTMLTextAreaElement).value)).includes('<em>'),
        );
        await page.click('[data-testid="ingest-dry-run"]');
        await page.click('[data-testid="ingest-submit"]');
        await eventually('the dry run', async () => (await statusOf(page)).startsWith('Dry run (nothing stored)'));
        const text = await page.$eval('[data-testid="source-text"]', (element) => element.textContent ?? '');
        expect(text).not.toContain('<');
        const drawn = await drawnMentions(page);
        expect(drawn.map((mention) => [mention.text, mention.entity])).toEqual([
          ['Coordination Center for TLD .RU', 'coordination-center-ru'],
          ['ICANN', 'icann'],
        ]);
        for (const mention of drawn) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
        // A dry run's proposals are shown but cannot be decided, and its names cannot be linked.
        expect(await page.$$('[data-testid="proposal"]')).not.toHaveLength(0);
        expect(await page.$('[data-testid="accept"]')).toBeNull();
        await page.click('[data-testid="source-text"] button.mention');
        await page.waitForSelector('[data-testid="mention-panel"]');
        expect(await page.$('[data-testid="mention-search"]')).toBeNull();
        expect(page.url()).toBe(`${origin}/explore?ingest`);
        const dry = z.object({ data: z.object({ ingestSource: z.object({ source: z.string(), text: z.string() }) }) }).parse(
          await api('mutation ($input: IngestSourceInput!) { ingestSource(input: $input) { source text } }', {
            input: { content: readFileSync(file, 'utf8'), format: 'HTML', dryRun: true },
          }),
        );
        expect(dry.data.ingestSource.text).toBe(text);
        expect((await reviewOf(dry.data.ingestSource.source)).ingestedSource).toBeNull();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('asked no host but the server, and met no script error', () => {
      expect(foreignRequests(watched.requests, origin)).toEqual([]);
      expect(watched.errors).toEqual([]);
    });
  });
});
