import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import { type SeededServer, startSeededServer } from './server.ts';

/** A text on the page, or null when nothing matches. */
export const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '').catch(() => null);

/** The explorer's status line. */
export const status = (page: Page) => text(page, '[data-testid="status"]');

export type OnPage = (
  address: string,
  check: (page: Page, watched: WatchedPage) => Promise<void>,
  size?: { width: number; height: number },
) => Promise<void>;

/**
 * A seeded server and a browser for the tests of one describe block (started before them,
 * stopped after): `onPage` opens an address in a fresh page, runs a check and closes the page
 * whatever happens; `origin` is the server's address.
 */
export function explorerSession(): { onPage: OnPage; origin: () => string } {
  let seeded: SeededServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    seeded = await startSeededServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });

  const origin = () => {
    if (!seeded) throw new Error('the explorer session has not started');
    return seeded.server.url;
  };
  const onPage: OnPage = async (address, check, size) => {
    if (!browser) throw new Error('the explorer session has not started');
    const watched = await openPage(browser, size);
    try {
      await watched.page.goto(`${origin()}${address}`, { waitUntil: 'networkidle0' });
      await check(watched.page, watched);
    } finally {
      await watched.page.close();
    }
  };
  return { onPage, origin };
}
