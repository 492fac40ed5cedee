import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { scannedFetch } from '../support/scanned-fetch.ts';
import { browserTestTimeoutMs, eventually, screenshot } from './support/browser.ts';
import { explorerSession, status, text } from './support/explorer-session.ts';

// The rest of the second QA round of the explorer (D7, D11, D13, F4, F7, F8, F10, F14): Back and
// Forward move between views, focus follows the panels, a link naming one entity opens it,
// Escape closes a panel, Find paths says why it waits and runs on Enter, filters say what they
// strand, an answer of the wrong shape is said in words, and a wrong address under /explore answers.

const search = (page: Page) => new URL(page.url()).searchParams;

/** The counts on the status line once a view is drawn, as "11 entities". */
async function inView(page: Page, what: string): Promise<string> {
  return eventually(what, async () => {
    const line = await status(page);
    return line && /in view/.test(line) && !line.includes('…') ? line : null;
  });
}

/** What has the keyboard focus: its tag, its id and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName ?? '', id: element?.id ?? '', text: element?.textContent ?? '' };
  });

/** Types into a search box and picks its first hit with Enter. */
async function pickFirst(page: Page, box: string, typed: string, hit: string): Promise<void> {
  const input = `[data-testid="${box}"] input`;
  await page.click(input, { count: 3 });
  await page.type(input, typed);
  await eventually(`a first hit "${hit}"`, async () => {
    const first = await text(page, `[data-testid="${box}"] [role="option"]`);
    return first?.includes(hit) ? true : null;
  });
  await page.keyboard.press('Enter');
}

describe('the explorer steps back and forward, and keeps the keyboard in place', { timeout: browserTestTimeoutMs }, () => {
  const { onPage, origin } = explorerSession();

  it('D7: Back and Forward move between the views, and a filter replaces its entry', async () => {
    await onPage('/explore', async (page, watched) => {
      const start = await page.evaluate(() => history.length);
      await pickFirst(page, 'search', 'Qrator Labs', 'Qrator Labs');
      expect(await inView(page, 'Qrator Labs opened')).toMatch(/^11 entities/);
      await page.click('[data-testid="table-mode"]');
      await page.waitForSelector('[data-testid="table-view"]');
      await page.select('[data-testid="depth"]', '2');
      await eventually('two hops', async () => ((await status(page))?.startsWith('61 entities') ? true : null));
      expect(search(page).get('depth')).toBe('2');
      expect(await page.evaluate(() => history.length)).toBe(start + 3);
      // A filter is not a step of its own: it replaces the entry it changes.
      const [inferredBox] = await page.$$(
        'xpath/.//fieldset[legend[normalize-space()="Evidence"]]//label[normalize-space()="inferred"]/input',
      );
      await inferredBox?.click();
      await eventually('the filter in the address', async () => (search(page).get('notEvidence') === 'INFERRED' ? true : null));
      expect(await page.evaluate(() => history.length)).toBe(start + 3);

      await page.evaluate(() => history.back());
      await eventually('back to one hop, in the table', async () =>
        (await status(page))?.startsWith('11 entities') && search(page).get('mode') === 'table' ? true : null,
      );
      expect(search(page).get('depth')).toBeNull();
      expect(await page.$('[data-testid="table-view"]')).not.toBeNull();

      await page.evaluate(() => history.back());
      // The address changes at once; the view once it is rebuilt from it.
      await eventually('back to the graph', async () =>
        search(page).get('mode') === null && (await page.$('[data-testid="table-view"]')) === null ? true : null,
      );
      expect(await inView(page, 'the graph of Qrator Labs')).toMatch(/^11 entities/);

      await page.evaluate(() => history.back());
      await eventually('back to the empty explorer', async () => ((await status(page))?.startsWith('Search for') ? true : null));
      expect(new URL(page.url()).pathname).toBe('/explore');
      expect(await page.$('[data-testid="entity-panel"]')).toBeNull();

      await page.evaluate(() => history.forward());
      expect(await inView(page, 'forward to Qrator Labs')).toMatch(/^11 entities/);
      expect(await eventually('its panel', () => text(page, '#entity-panel-title'))).toBe('Qrator Labs');
      await screenshot(page, 'explorer-qa-forward');
      expect(watched.errors).toEqual([]);
    });
  });

  it('D11: a link in a panel moves focus to the new panel, and Hide to Show hidden', async () => {
    await onPage('/explore?expand=qrator-labs&entity=qrator-labs', async (page) => {
      const [link] = await eventually('an entity in its timeline', async () => {
        const found = await page.$$('[data-testid="entity-panel"] .timeline button.entity-name');
        return found.length > 0 ? found : null;
      });
      const name = (await link?.evaluate((element) => element.textContent ?? '')) ?? '';
      await link?.focus();
      await page.keyboard.press('Enter');
      await eventually('the new panel', async () => ((await text(page, '#entity-panel-title')) !== 'Qrator Labs' ? true : null));
      const onHeading = await focused(page);
      expect(onHeading.tag).toBe('H2');
      expect(name).toContain(onHeading.text);

      const [hide] = await page.$$('xpath/.//*[@data-testid="entity-panel"]//button[normalize-space()="Hide"]');
      await hide?.focus();
      await page.keyboard.press('Enter');
      await eventually('the panel closed', async () => ((await page.$('[data-testid="entity-panel"]')) === null ? true : null));
      const afterHide = await focused(page);
      expect(afterHide.tag).toBe('BUTTON');
      expect(afterHide.text).toContain('Show hidden (1)');
    });
  });

  it('D13: a link naming only an entity, or one not in its view, opens it with its neighbours', async () => {
    await onPage('/explore?entity=itu', async (page) => {
      expect(await eventually('the panel', () => text(page, '#entity-panel-title'))).toBe('ITU');
      await inView(page, 'its neighbourhood');
      expect(search(page).get('expand')).toBeTruthy();
    });
    await onPage('/explore?expand=qrator-labs&entity=itu', async (page) => {
      expect(await eventually('the panel', () => text(page, '#entity-panel-title'))).toBe('ITU');
      await inView(page, 'both neighbourhoods');
      expect(search(page).get('expand')?.split(',')).toHaveLength(2);
    });
  });

  it('F8: Escape closes the open panel, but only the hits while a list of them is open', async () => {
    await onPage('/explore?expand=qrator-labs&entity=qrator-labs', async (page) => {
      await page.waitForSelector('[data-testid="entity-panel"]');
      await page.type('[data-testid="search"] input', 'ICANN');
      await eventually('the hits', async () => ((await page.$$('[data-testid="search"] [role="option"]')).length > 0 ? true : null));
      await page.keyboard.press('Escape');
      expect(await page.$('[data-testid="entity-panel"]')).not.toBeNull();
      await page.focus('[data-testid="expand-entity"]');
      await page.keyboard.press('Escape');
      await eventually('the panel closed', async () => ((await page.$('[data-testid="entity-panel"]')) === null ? true : null));
      expect(search(page).get('entity')).toBeNull();
      expect((await focused(page)).tag).not.toBe('BODY');
    });
    await onPage('/explore?path=qrator-labs,itu', async (page) => {
      await page.waitForSelector('[data-testid="path-panel"] [data-testid="hop"]');
      await page.keyboard.press('Escape');
      await eventually('the paths closed', async () => ((await page.$('[data-testid="path-panel"]')) === null ? true : null));
    });
  });

  it('F7: Find paths says why it waits, and Enter in "to" runs it', async () => {
    await onPage('/explore', async (page) => {
      const hint = () => text(page, '[data-testid="path-hint"]');
      await page.type('[data-testid="path-from"] input', 'Qrator');
      expect(await eventually('the hint', hint)).toContain('hits');
      await pickFirst(page, 'path-from', 'Qrator Labs', 'Qrator Labs');
      await pickFirst(page, 'path-to', 'Qrator Labs', 'Qrator Labs');
      expect(await eventually('the same ends said', async () => ((await hint())?.includes('same') ? hint() : null))).toContain('same');
      expect(await page.$('[data-testid="path-panel"]')).toBeNull();
      await pickFirst(page, 'path-to', 'ITU', 'ITU');
      await page.waitForSelector('[data-testid="path-panel"] [data-testid="hop"]');
      expect(await hint()).toBeNull();
    });
  });

  it('F4: says how many entities the filters leave unconnected', async () => {
    await onPage('/explore?expand=qrator-labs&notEvidence=STATED', async (page) => {
      const line = await inView(page, 'the filtered view');
      expect(line).toMatch(/^11 entities and 1 relation in view/);
      expect(line).toContain('the filters leave 9 of them unconnected');
    });
  });

  it('F10: an answer of the wrong shape is said in words, not as JSON', async () => {
    await onPage('/explore', async (page) => {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.postData()?.includes('search('))
          void request.respond({ status: 200, contentType: 'application/json', body: '{"data":{"search":[{"node":null}]}}' });
        else void request.continue();
      });
      await page.type('[data-testid="search"] input', 'ICANN');
      const alert = await eventually('the alert', () => text(page, '[data-testid="search"] .problem'));
      expect(alert).not.toMatch(/[[{"]/);
      expect(alert).toMatch(/^Search failed: \w/);
    });
  });

  it('F14: a wrong address under /explore answers a page that links back', async () => {
    const answer = await scannedFetch(`${origin()}/explore/foo`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(await answer.text()).toContain('href="/explore"');
  });
});
