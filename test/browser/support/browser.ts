/**
 * Debian's Chromium driven by puppeteer-core: no browser is downloaded. Every page records the
 * requests it makes, so a test can show that nothing left the server, and saves screenshots
 * into test-artifacts/ (git-ignored; CI keeps them as artifacts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { z } from 'zod';
import { projectRoot } from '../../../src/config.ts';

/**
 * A step in Chromium (the first paint of a 2 MB page, fifteen examples run) can take a minute on
 * a loaded two-core machine: more than the suite's 60 s default.
 */
export const browserTestTimeoutMs = 240_000;

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotsDir = path.join(projectRoot, 'test-artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `no Chromium at ${chromiumPath}: install Debian's (apt-get install chromium fonts-noto-core), as .ci/run does, or set CHROMIUM_PATH`,
    );
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-US', '--window-size=1440,900'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Every URL the page asked for (data: and blob: URLs included). */
  requests: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
  /** Each network transfer since the page opened: what was asked, how, and its bytes as sent (compressed). */
  transfers: { url: string; method: string; bytes: number }[];
  /** The HTTP status of every response that came over the network, 304s included. */
  statuses: { url: string; status: number }[];
}

export async function openPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<WatchedPage> {
  const page = await browser.newPage();
  // Waits and navigations as patient as the tests (see browserTestTimeoutMs), not puppeteer's 30 s.
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(120_000);
  await page.setViewport({ width: options.width ?? 1440, height: options.height ?? 900 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  // The status as it came over the wire: responseReceived reports a revalidated page (304) as the cached 200.
  const statuses: { url: string; status: number }[] = [];
  const asked = new Map<string, { url: string; method: string }>();
  const transfers: WatchedPage['transfers'] = [];
  cdp.on('Network.requestWillBeSent', (event) => asked.set(event.requestId, { url: event.request.url, method: event.request.method }));
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    statuses.push({ url: asked.get(event.requestId)?.url ?? '', status: event.statusCode });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = asked.get(event.requestId);
    // data: URLs (fonts inlined in a stylesheet) are reported too, though nothing crosses the network.
    if (request && !request.url.startsWith('data:')) transfers.push({ ...request, bytes: event.encodedDataLength });
  });
  return { page, requests, errors, transfers, statuses };
}

/** The requests that went anywhere but `origin` (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const axeViolationsSchema = z.array(z.object({ id: z.string(), help: z.string(), nodes: z.array(z.string()) }));
export type AxeViolation = z.infer<typeof axeViolationsSchema>[number];

/** axe-core's default rules (WCAG A and AA, contrast included) on the page as it is now. */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const json = await page.evaluate(async (exclude: string[]) => {
    const axe = Reflect.get(window, 'axe');
    const result = await axe.run({ exclude: exclude.map((selector) => [selector]) });
    return JSON.stringify(
      result.violations.map((violation: { id: string; help: string; nodes: { target: unknown[] }[] }) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
      })),
    );
  }, options.exclude ?? []);
  return axeViolationsSchema.parse(JSON.parse(json));
}

/** Waits until `read` returns something truthy, polling; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await read();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
