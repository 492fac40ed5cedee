import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { browserTestTimeoutMs, eventually, screenshot } from './support/browser.ts';
import { explorerSession, status, text } from './support/explorer-session.ts';

// The panels and the address after the second QA round of the explorer (F6, F9, F11, F12, F16):
// a source's panel with its publisher and language and no depth that does nothing, a graph
// that keeps most of a tablet's width, tables passed by keyboard with the selected row marked,
// filters and canvas named for screen readers, and a link's unread parts said.

const search = (page: Page) => new URL(page.url()).searchParams;

/** The status line once a view is drawn. */
async function inView(page: Page, what: string): Promise<string> {
  return eventually(what, async () => {
    const line = await status(page);
    return line && /in view/.test(line) && !line.includes('…') ? line : null;
  });
}

/** Where an entity is drawn from the middle of the graph's box, in CSS pixels. */
const offsetSchema = z.object({ x: z.number(), y: z.number() }).nullable();

/** The width of the first element `selector` finds, in CSS pixels. */
const widthOf = (page: Page, selector: string) => page.$eval(selector, (element) => element.getBoundingClientRect().width);

/** What has the keyboard focus: its tag, its id, its class and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName ?? '', id: element?.id ?? '', className: element?.className ?? '', text: element?.textContent ?? '' };
  });

/** An accessibility tree's node, as puppeteer gives it. */
interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

/** Every node of `tree`, depth first. */
function nodesOf(tree: AxNode | null): AxNode[] {
  if (!tree) return [];
  return [tree, ...(tree.children ?? []).flatMap(nodesOf)];
}

describe("the explorer's panels, widths and links", { timeout: browserTestTimeoutMs }, () => {
  const { onPage } = explorerSession();
  const article004 = 'src-004-global-it-cooperation-rans-conference';

  it("F6: a source's panel shows its publisher with its evidence and its language; the depth is off for it", async () => {
    // depth=2 on a view of one source: a second hop would widen nothing, so the view keeps 1 and says so.
    await onPage(`/explore?expand=${article004}&entity=${article004}&depth=2`, async (page, watched) => {
      const publisher = await eventually('the publisher', () => text(page, '[data-testid="field-publisher"]'));
      expect(publisher).toContain('Publisher');
      expect(publisher).toContain('Coordination Center for TLD .RU/.РФ');
      expect(publisher).toContain('inferred: No publisher is named in the text');
      expect(await text(page, '[data-testid="field-language"]')).toContain('English (en)');
      await inView(page, 'the records it is cited for');
      const depth = await page.$eval('[data-testid="depth"]', (select) =>
        select instanceof HTMLSelectElement ? { disabled: select.disabled, value: select.value } : null,
      );
      expect(depth).toEqual({ disabled: true, value: '1' });
      expect(await text(page, '[data-testid="depth-note"]')).toContain("A source's neighbours are the records it is cited for");
      expect(search(page).get('depth')).toBeNull();
      expect(await text(page, '[data-testid="link-notice"]')).toContain('depth=2:');
      await screenshot(page, 'explorer-qa-source-panel');
      expect(watched.errors).toEqual([]);
    });
    // A source's title that is not simply stated is marked as another entity's name is.
    await onPage('/explore?expand=src-003-qrator-labs-joins-ispcp&entity=src-003-qrator-labs-joins-ispcp', async (page) => {
      const title = await eventually('the title row', () => text(page, '[data-testid="field-name"]'));
      expect(title).toMatch(/^Title/);
      expect(title).toContain('inferred');
    });
  });

  it('F9: at tablet widths the graph keeps most of the width, the filters folded until opened', async () => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 820, height: 1180 },
    ]) {
      await onPage(
        '/explore?expand=qrator-labs&entity=qrator-labs',
        async (page, watched) => {
          await page.waitForSelector('[data-testid="entity-panel"] h2');
          expect(await widthOf(page, '.canvas-holder')).toBeGreaterThan(size.width * 0.6);
          const toggle = '[data-testid="left-column-toggle"]';
          expect(await page.$eval(toggle, (button) => button.getAttribute('aria-expanded'))).toBe('false');
          expect(await page.$('.filters input[type="checkbox"]')).not.toBeNull();
          expect(await page.$eval('.filters', (panel) => panel.checkVisibility())).toBe(false);
          await screenshot(page, `explorer-qa-tablet-${size.width}`);

          // Where Qrator Labs is drawn, from the middle of the graph's box: it stays there as the width changes.
          const qrator = search(page).get('expand') ?? '';
          const fromMiddle = async () =>
            offsetSchema.parse(
              await page.evaluate((id: string) => {
                const box = document.querySelector('.canvas-holder')?.getBoundingClientRect();
                const point = Reflect.get(window, 'govgraphExplorer')?.pointOf('entity', id);
                return box && point ? { x: point.x - (box.left + box.width / 2), y: point.y - (box.top + box.height / 2) } : null;
              }, qrator),
            );
          // At rest: two readings a little apart agree (the first layout may still be settling).
          let last = await eventually('Qrator Labs drawn', fromMiddle);
          const folded = await eventually('Qrator Labs at rest', async () => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            const now = await fromMiddle();
            const still = now && Math.abs(now.x - last.x) < 1 && Math.abs(now.y - last.y) < 1;
            if (now) last = now;
            return still ? now : null;
          });
          await page.click(toggle);
          await eventually('the filters open', async () => (await page.$eval('.filters', (panel) => panel.checkVisibility())) || null);
          expect(await page.$eval(toggle, (button) => button.getAttribute('aria-expanded'))).toBe('true');
          const kept = await eventually('the drawing re-centred', async () => {
            const now = await fromMiddle();
            return now && Math.abs(now.x - folded.x) < 3 ? now : null;
          });
          expect(Math.abs(kept.y - folded.y)).toBeLessThan(3);
          const opened = await widthOf(page, '.canvas-holder');
          // Open beside the details, the graph still has the larger part of a landscape tablet.
          if (size.width === 1024) expect(opened).toBeGreaterThan(size.width / 2);
          await screenshot(page, `explorer-qa-tablet-${size.width}-filters`);
          await page.click(toggle);
          await eventually('the graph wide again', async () => (await widthOf(page, '.canvas-holder')) > size.width * 0.6 || null);
          expect(watched.errors).toEqual([]);
        },
        size,
      );
    }
    // At 768 the phone's stacked layout still holds: the graph the whole width, the details under it.
    await onPage(
      '/explore?expand=qrator-labs&entity=qrator-labs',
      async (page) => {
        await page.waitForSelector('[data-testid="entity-panel"] h2');
        expect(await widthOf(page, '.canvas-holder')).toBeGreaterThan(700);
        const [graph, details] = await page.evaluate(() =>
          ['.canvas-holder', 'aside.right'].map((selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? 0),
        );
        expect(details).toBeGreaterThan(graph ?? 0);
      },
      { width: 768, height: 1024 },
    );
  });

  it('F11: a link past each table takes the keyboard to the end in three presses, and the selected row is marked', async () => {
    await onPage('/explore?expand=coordination-center-ru&entity=coordination-center-ru&depth=2&mode=table', async (page, watched) => {
      const line = await inView(page, 'two hops of the Coordination Center');
      const entities = Number(line.split(' ')[0]);
      expect(entities).toBeGreaterThan(100);
      await page.waitForSelector('[data-testid="table-view"] tbody tr');
      // From the depth, the last control of the toolbar the table view leaves enabled.
      await page.focus('[data-testid="depth"]');
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first.className).toBe('skip-link');
      expect(first.text).toBe(`Skip the ${entities} entities, to the relations`);
      await page.keyboard.press('Enter');
      const second = await focused(page);
      expect(second.className).toBe('skip-link');
      expect(second.text).toMatch(/^Skip the \d+ relations, to the end of the tables$/);
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('end-of-tables');
      await page.keyboard.press('Tab');
      // On into the details, the selected entity's panel.
      expect(await page.evaluate(() => document.querySelector('aside.right')?.contains(document.activeElement) ?? false)).toBe(true);
      // Neither link moved the address: a fragment there would be a step Back returns to.
      expect(new URL(page.url()).hash).toBe('');

      const relationRow = '[data-testid="table-view"] table:nth-of-type(2) tbody tr:nth-child(3)';
      await page.click(`${relationRow} button.relation-type`);
      await eventually('the relation selected', async () => (search(page).get('relation') ? true : null));
      const rows = await page.$$eval('[data-testid="table-view"] tbody tr', (found) =>
        found.map((row) => ({ current: row.getAttribute('aria-current'), background: getComputedStyle(row).backgroundColor })),
      );
      const marked = rows.filter((row) => row.current === 'true');
      expect(marked).toHaveLength(1);
      expect(marked[0]?.background).not.toBe(rows.find((row) => row.current === null)?.background);
      expect(await page.$eval(relationRow, (row) => row.getAttribute('aria-current'))).toBe('true');
      await screenshot(page, 'explorer-qa-table-selected');
      expect(watched.errors).toEqual([]);
    });
  });

  it('F12: the filters are named groups, and the graph is named and points to the Table', async () => {
    await onPage('/explore?expand=qrator-labs', async (page) => {
      const line = await inView(page, "Qrator Labs' neighbourhood");
      // The whole tree: puppeteer's pruned one leaves out every group that cannot take the focus.
      const nodes = nodesOf(await page.accessibility.snapshot({ interestingOnly: false }));
      const group = (name: string) => nodes.find((node) => node.role === 'group' && node.name === name);
      const checkboxes = (node: AxNode | undefined) =>
        nodesOf(node ?? null)
          .filter((inner) => inner.role === 'checkbox')
          .map((inner) => inner.name);
      expect(checkboxes(group('Kinds of entity'))).toContain('Organization');
      expect(checkboxes(group('Kinds of relation')).length).toBeGreaterThan(3);
      expect(checkboxes(group('Evidence'))).toEqual(['stated', 'inferred', 'external']);
      const graph = nodes.find((node) => node.role === 'image' || node.role === 'img');
      const [entities, , , relations] = line.split(' ');
      expect(graph?.name).toContain(`Graph of the ${entities} entities and ${relations} relations in view`);
      expect(graph?.name).toContain('the Table view lists them');
    });
  });

  it('F16: merges a repeated expand, and says what else in a link was not applied and why', async () => {
    await onPage('/explore?expand=qrator-labs&expand=icann', async (page) => {
      expect(await inView(page, 'both neighbourhoods')).toMatch(/^21 entities and 41 relations/);
      expect(search(page).get('expand')?.split(',')).toHaveLength(2);
      expect(await text(page, '[data-testid="link-notice"]')).toBe('');
    });
    await onPage('/explore?expand=qrator-labs&depth=9&mode=xyz&pin=qrator-labs@abc:def&path=qrator-labs', async (page, watched) => {
      const notice = await eventually('the notice', async () => (await text(page, '[data-testid="link-notice"]')) || null);
      expect(notice).toMatch(/^Part of the link was not applied/);
      expect(notice).toContain('depth=9: neighbours reach 1 to 3 hops, so 3');
      expect(notice).toContain('mode=xyz:');
      expect(notice).toContain('pin=qrator-labs@abc:def: its place is not two numbers');
      expect(notice).toContain('path=qrator-labs: a path needs two ends');
      expect(await page.$eval('[data-testid="link-notice"]', (element) => element.getAttribute('role'))).toBe('status');
      // Not a failure: the rest of the view is restored, with no alert, and the address says what is shown.
      expect(await inView(page, 'three hops of Qrator Labs')).toMatch(/^120 entities/);
      expect(await page.$('.problem[role="alert"]')).toBeNull();
      expect(search(page).get('depth')).toBe('3');
      expect(search(page).get('mode')).toBeNull();
      expect(search(page).get('pin')).toBeTruthy();
      expect(await screenshot(page, 'explorer-qa-link-notice')).toBeTruthy();
      const [dismiss] = await page.$$('xpath/.//*[@data-testid="link-notice"]//button[normalize-space()="Dismiss"]');
      await dismiss?.click();
      await eventually('the notice gone', async () => (await text(page, '[data-testid="link-notice"]')) === '' || null);
      expect(watched.errors).toEqual([]);
    });
  });
});
