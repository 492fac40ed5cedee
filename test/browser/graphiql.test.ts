import type { Browser, HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { examples } from '../../src/examples/index.ts';
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

// GraphiQL as a person uses it with a mouse, in Debian's Chromium, on the real seed: every
// example opened from the side panel by a click and run, tabs switched by clicking, a shared
// link and a reload that keep the query, the page's weight and its cache.

const answerSchema = z.object({ data: z.unknown().optional(), errors: z.array(z.object({ message: z.string() })).optional() });
const requestSchema = z.object({ operationName: z.string().nullish() });

/** The text of a Monaco editor (the lines it has drawn). */
const editorText = (page: Page, selector: string) =>
  page.$eval(`${selector} .view-lines`, (element) => (element.textContent ?? '').replace(/\u00a0/g, ' '));

const activeTab = (page: Page) => page.$eval('.graphiql-tab-active .graphiql-tab-button', (element) => element.textContent ?? '');

describe('GraphiQL in Chromium', { timeout: browserTestTimeoutMs }, () => {
  let seeded: SeededServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let origin: string;
  /** The API's answers by operation name, as the page received them. */
  const answers = new Map<string, z.infer<typeof answerSchema>>();

  beforeAll(async () => {
    seeded = await startSeededServer();
    origin = seeded.server.url;
    browser = await launchBrowser();
    watched = await openPage(browser);
    page = watched.page;
    page.on('response', (response: HTTPResponse) => {
      const request = response.request();
      if (request.method() !== 'POST' || new URL(response.url()).pathname !== '/graphql') return;
      const operation = requestSchema.safeParse(JSON.parse(request.postData() ?? '{}')).data?.operationName;
      if (operation)
        void response.text().then((text) => {
          const answer = answerSchema.safeParse(JSON.parse(text));
          if (answer.success) answers.set(operation, answer.data);
        });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });

  it('loads in under 3 MB on the wire, compressed, and from the cache on a reload', async () => {
    await page.goto(`${origin}/graphql`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.graphiql-query-editor .view-lines');
    // The page and its assets; GraphiQL's POSTs (the schema it introspects, 0.5 MB) are API answers.
    const pageBytes = (transfers: WatchedPage['transfers']) =>
      transfers.filter((transfer) => transfer.method === 'GET').reduce((sum, transfer) => sum + transfer.bytes, 0);
    expect(pageBytes(watched.transfers)).toBeLessThan(3_000_000);
    // Monaco's workers load outside the page's own network log: weighed here as the server sends them.
    const workers = [
      ...(await seeded.server.send({ method: 'GET', path: '/graphql', headers: { accept: 'text/html' } })).text.matchAll(
        /"(\/assets\/[^"]+\.worker-[^"]+\.js)"/g,
      ),
    ];
    expect(workers).toHaveLength(3);
    let workerBytes = 0;
    for (const [, path] of workers) {
      const response = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': 'br' } }); // leak-scan: static asset
      workerBytes += Number(response.headers.get('content-length'));
    }
    expect(pageBytes(watched.transfers) + workerBytes).toBeLessThan(3_000_000);
    await screenshot(page, 'graphiql-1-welcome');

    // The page writes the open tab into its address, so a reload may first ask for a new URL;
    // the next one is answered from the cache.
    await page.reload({ waitUntil: 'networkidle0' });
    const seen = { statuses: watched.statuses.length, transfers: watched.transfers.length };
    await page.reload({ waitUntil: 'networkidle0' });
    expect(watched.statuses.slice(seen.statuses).find((response) => response.url === page.url())?.status).toBe(304);
    // The page itself is revalidated (304); its hashed scripts and styles come from the cache unasked.
    expect(pageBytes(watched.transfers.slice(seen.transfers))).toBeLessThan(10_000);
  });

  it('opens every example from the side panel by a mouse click, runs it and shows its answer', async () => {
    for (const example of examples) {
      await page.click(`button[data-example="${example.name}"]`);
      await eventually(`the tab of ${example.name}`, async () => (await activeTab(page)).startsWith(example.name));
      expect(await editorText(page, '.graphiql-query-editor')).toContain(`query ${example.name}`);
      await page.click('.graphiql-execute-button');
      const answer = await eventually(`the answer to ${example.name}`, async () => answers.get(example.name));
      expect(answer.errors, example.name).toBeUndefined();
      expect(answer.data, example.name).toBeTruthy();
      await eventually(`the answer of ${example.name} shown`, async () =>
        (await editorText(page, '.graphiql-response')).includes('"data"'),
      );
    }
    await screenshot(page, 'graphiql-2-last-example');
  });

  it('switches tabs by a mouse click on the tab strip', async () => {
    for (const name of ['WhoManagesSu', 'ServerInfo', examples.at(-1)?.name ?? '']) {
      const index = await page.$$eval(
        '.graphiql-tab-button',
        (buttons, wanted) => buttons.findIndex((b) => b.textContent?.startsWith(wanted)),
        name,
      );
      expect(index, name).toBeGreaterThanOrEqual(0);
      const buttons = await page.$$('.graphiql-tab-button');
      await buttons[index]?.click();
      await eventually(`tab ${name} active`, async () => (await activeTab(page)).startsWith(name));
    }
  });

  it('keeps the query and its variables in the address, for a shared link and for a reload', async () => {
    const withVariables = examples.find((example) => example.variables);
    expect(withVariables).toBeDefined();
    if (!withVariables) return;
    await page.click(`button[data-example="${withVariables.name}"]`);
    await eventually('the address to follow the tab', async () => new URL(page.url()).searchParams.get('query') === withVariables.query);
    const link = page.url();
    expect(new URL(link).searchParams.get('variables')).toContain('"');

    // A colleague opens the link in a browser that has never seen GraphiQL.
    const context = await browser.createBrowserContext();
    const colleague = await context.newPage();
    colleague.setDefaultTimeout(90_000);
    colleague.setDefaultNavigationTimeout(120_000);
    await colleague.setViewport({ width: 1280, height: 720 });
    await colleague.goto(link, { waitUntil: 'networkidle0' });
    await eventually('the linked tab', async () => (await activeTab(colleague)).startsWith(withVariables.name));
    const variables = Object.keys(withVariables.variables ?? {});
    await eventually('the linked variables', async () => {
      const text = await editorText(colleague, '.graphiql-editor-tool .graphiql-editor');
      return variables.every((name) => text.includes(`"${name}"`));
    });
    await colleague.reload({ waitUntil: 'networkidle0' });
    await eventually('the same tab after a reload', async () => (await activeTab(colleague)).startsWith(withVariables.name));
    await screenshot(colleague, 'graphiql-3-shared-link');
    await context.close();
  });

  it('shows a syntax error as the API words it, without a stack trace', async () => {
    await page.goto(`${origin}/graphql?query=${encodeURIComponent('query Broken { serverInfo { version ')}`, { waitUntil: 'networkidle0' });
    await eventually('the broken query', async () => (await editorText(page, '.graphiql-query-editor')).includes('Broken'));
    await page.click('.graphiql-execute-button');
    const shown = await eventually('the error', async () => {
      const text = await editorText(page, '.graphiql-response');
      return text.includes('Syntax Error') ? text : null;
    });
    expect(shown).not.toMatch(/\bat \S+ \(|\.js:\d+/);
  });

  it('keeps a history of the requests run', async () => {
    await page.click('button[aria-label="Show History"]');
    const entries = await eventually('history entries', async () => {
      const found = await page.$$eval('.graphiql-history-item', (items) => items.length);
      return found > 0 ? found : null;
    });
    expect(entries).toBeGreaterThan(0);
  });

  it('passes axe-core with no violation in the examples panel', async () => {
    await page.click('button[aria-label="Show Examples"]');
    await page.waitForSelector('.govgraph-examples');
    // Left out: the text inside Monaco's editors, coloured by GraphiQL's editor theme, and
    // GraphiQL's tab strip, whose tabs hold their close buttons (nested-interactive, upstream
    // markup). Everything govgraph adds (the examples panel, the logo links, the page's
    // landmarks) is checked.
    expect(await axeViolations(page, { exclude: ['.monaco-editor', '.graphiql-tabs'] })).toEqual([]);
  });

  it('asked no host but the server', () => {
    expect(foreignRequests(watched.requests, origin)).toEqual([]);
    expect(watched.errors.filter((error) => !error.includes('status of 400'))).toEqual([]);
  });
});

describe('the front page and the probes', { timeout: browserTestTimeoutMs }, () => {
  let seeded: SeededServer;
  let browser: Browser;

  beforeAll(async () => {
    seeded = await startSeededServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });

  it('/ links to GraphiQL and the explorer, and /health says it is alive', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${seeded.server.url}/`, { waitUntil: 'networkidle0' });
    const links = await page.$$eval('a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/graphql', '/explore']));
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${seeded.server.url}/health`);
    expect(await page.$eval('body', (body) => body.textContent)).toContain('alive');
  });

  it('serves its scripts compressed, with an ETag answered by 304', async () => {
    const html = await seeded.server.send({ method: 'GET', path: '/graphql', headers: { accept: 'text/html' } });
    const script = /<script type="module" src="([^"]+)"/.exec(html.text)?.[1];
    expect(script).toMatch(/^\/assets\//);
    const response = await fetch(`${seeded.server.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } }); // leak-scan: static asset
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const etag = response.headers.get('etag') ?? '';
    const again = await fetch(`${seeded.server.url}${script}`, { headers: { 'accept-encoding': 'br, gzip', 'if-none-match': etag } }); // leak-scan: static asset
    expect(again.status).toBe(304);
    const page = await fetch(`${seeded.server.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } }); // leak-scan: static asset
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
