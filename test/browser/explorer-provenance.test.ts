import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { browserTestTimeoutMs, eventually, screenshot } from './support/browser.ts';
import { explorerSession, status, text } from './support/explorer-session.ts';

// What the second QA round of the explorer found (D1–D14): each fact with its kind of support and
// its basis in the panels, cut neighbourhoods and stale paths said, links that cannot be
// restored kept and named, dates in a link checked as typed ones are, a timeline with an
// entity's own date and its relations told apart, and a phone-sized window.

const texts = (page: Page, selector: string) => page.$$eval(selector, (items) => items.map((item) => item.textContent ?? ''));

describe('the explorer says where each fact comes from, and what it could not show', { timeout: browserTestTimeoutMs }, () => {
  const { onPage } = explorerSession();

  it("D4: shows a statement's summary, its evidence and the basis of an inferred one", async () => {
    await onPage('/explore?expand=statement-icann-answer-to-ukraine&entity=statement-icann-answer-to-ukraine', async (page, watched) => {
      const summary = await eventually('the summary', () => text(page, '[data-testid="statement-summary"]'));
      expect(summary).toContain('ICANN said it does not take part in politics');
      const evidence = await eventually('the evidence', () => text(page, '[data-testid="entity-evidence"]'));
      expect(evidence).toMatch(/^INFERRED/);
      expect(evidence).toContain("Known only from Andrey Vorobyev's paraphrase");
      await screenshot(page, 'explorer-qa-statement');
      expect(watched.errors).toEqual([]);
    });
  });

  it('D5: marks each field and each alias with where it comes from, from provenance', async () => {
    await onPage('/explore?expand=msk-ix&entity=msk-ix', async (page) => {
      const country = await eventually('the country row', () => text(page, '[data-testid="field-country"]'));
      expect(country).toContain('RU');
      expect(country).toContain('inferred');
      expect(country).toContain("Article 000 quotes the Coordination Center's director");
    });
    await onPage('/explore?expand=ripn&entity=ripn', async (page, watched) => {
      const aliases = await eventually('the aliases', async () => {
        const items = await texts(page, '[data-testid="alias"]');
        return items.length === 3 ? items : null;
      });
      expect(aliases.find((alias) => alias.startsWith('RIPN'))).not.toContain('outside');
      expect(aliases.find((alias) => alias.startsWith('РосНИИРОС'))).toContain('outside knowledge');
      const panel = (await text(page, '[data-testid="entity-panel"]')) ?? '';
      expect(panel).not.toContain('aliases, aliases');
      await screenshot(page, 'explorer-qa-aliases');
      expect(watched.errors).toEqual([]);
    });
  });

  it('D6: gives the basis of an inferred relation and of an inferred side of a conflict', async () => {
    await onPage('/explore?path=qrator-labs,itu', async (page) => {
      await page.waitForSelector('[data-testid="path-panel"] [data-testid="hop"]');
      const [inferred] = await page.$$(
        'xpath/.//*[@data-testid="hop"][.//*[@data-testid="hop-evidence"]]//button[contains(@class, "relation-type")]',
      );
      await inferred?.click();
      const basis = await eventually('the basis of the inferred hop', () => text(page, '[data-testid="edge-basis"]'));
      expect(basis).toContain('Article 003 reports only an intention');
    });
    await onPage('/explore?expand=faitid&entity=faitid', async (page) => {
      const side = await eventually('the inferred side', async () => {
        const items = await texts(page, '[data-testid="entity-panel"] .claim-group li');
        return items.find((item) => item.includes('FAITID is the only other party'));
      });
      expect(side).toContain('INFERRED');
      expect(side).toContain('Article 000 names FAITID and no one else');
    });
  });

  it("D2: says when a source's neighbourhood is cut", async () => {
    const source = 'src-004-global-it-cooperation-rans-conference';
    await onPage(`/explore?expand=${source}&entity=${source}`, async (page) => {
      const line = await eventually('the status with the cut', async () => {
        const now = await status(page);
        return now?.includes('in view') ? now : null;
      });
      expect(line).toContain('100 of 222 records');
    });
  });

  it('D3: asks for the paths again when the filters change', async () => {
    await onPage('/explore?path=qrator-labs,itu', async (page) => {
      await page.waitForSelector('[data-testid="path-panel"] [data-testid="hop"]');
      const before = await texts(page, '[data-testid="hop"] p');
      expect(before.some((hop) => hop.endsWith('(inferred)'))).toBe(true);
      const [inferredBox] = await page.$$(
        'xpath/.//fieldset[legend[normalize-space()="Evidence"]]//label[normalize-space()="inferred"]/input',
      );
      await inferredBox?.click();
      const after = await eventually('paths without an inferred hop', async () => {
        const hops = await texts(page, '[data-testid="hop"] p');
        return hops.length > 0 && !hops.some((hop) => hop.endsWith('(inferred)')) ? hops : null;
      });
      expect(after.length).toBeGreaterThan(0);
      const lengths = await page.$$eval('[data-testid="path"]', (paths) =>
        paths.map((path) => path.querySelectorAll('[data-testid="hop"]').length),
      );
      expect(lengths.every((length) => length === 4)).toBe(true);
      expect(new URL(page.url()).searchParams.get('notEvidence')).toBe('INFERRED');
    });
  });

  it('D8, D9: names an unknown end or id, keeps the link, and restores the good ids', async () => {
    await onPage('/explore?path=qrator-labs,nobody', async (page) => {
      const alert = await eventually('the alert', () => text(page, '.problem[role="alert"]'), 30_000);
      expect(alert).toContain('nobody');
      expect(await status(page)).not.toContain('Restoring');
      expect(new URL(page.url()).searchParams.get('path')).toBe('qrator-labs,nobody');
    });
    await onPage('/explore?expand=no-such-entity&entity=no-such-entity', async (page) => {
      const alert = await eventually('the alert', () => text(page, '.problem[role="alert"]'), 30_000);
      expect(alert).toContain('no-such-entity');
      expect(new URL(page.url()).searchParams.get('expand')).toBe('no-such-entity');
    });
    await onPage('/explore?expand=qrator-labs,no-such-entity&entity=qrator-labs', async (page) => {
      const alert = await eventually('the alert', () => text(page, '.problem[role="alert"]'), 30_000);
      expect(alert).toContain('no-such-entity');
      expect(await eventually('the panel', () => text(page, '#entity-panel-title'))).toBe('Qrator Labs');
      const line = await eventually('the good neighbourhood', async () => {
        const now = await status(page);
        return now?.includes('in view') ? now : null;
      });
      expect(line).toMatch(/^11 entities/);
    });
  });

  it('D10, D14: flags a bad date from the link, and a range whose start is after its end', async () => {
    await onPage('/explore?expand=qrator-labs&from=notadate&to=2021-99', async (page) => {
      const messages = await eventually('both fields flagged', async () => {
        const found = await page.$$eval('[aria-invalid="true"]', (inputs) =>
          inputs.map((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? ''),
        );
        return found.length === 2 ? found : null;
      });
      expect(messages[0]).toContain('“notadate” is not a date');
      expect(messages[1]).toContain('“2021-99” is not a date');
    });
    await onPage('/explore?expand=andrey-vorobyev', async (page) => {
      await eventually('the view', async () => (await status(page))?.includes('in view'));
      const [from] = await page.$$('xpath/.//label[starts-with(normalize-space(), "From")]/following-sibling::input[1]');
      await from?.type('2022');
      const [until] = await page.$$('xpath/.//label[normalize-space()="Until"]/following-sibling::input[1]');
      await until?.type('2019');
      const message = await eventually('the reversed range said', () => text(page, '[data-testid="date-range-problem"]'));
      expect(message).toContain('2022');
      expect(message).toContain('after');
    });
  });

  it("D12: lists a dated entity's own date and tells two relations apart by their role", async () => {
    await onPage('/explore?expand=memo-cc-ripn&entity=memo-cc-ripn', async (page) => {
      const items = await eventually('the timeline', async () => {
        const found = await texts(page, '[data-testid="entity-panel"] .timeline > li');
        return found.length > 0 ? found : null;
      });
      expect(items[0]).toMatch(/^2021-02/);
    });
    await onPage('/explore?expand=andrey-vorobyev&entity=andrey-vorobyev', async (page) => {
      const items = await eventually('the timeline', async () => {
        const found = await texts(page, '[data-testid="entity-panel"] .timeline > li');
        return found.length > 2 ? found : null;
      });
      expect(new Set(items).size).toBe(items.length);
      expect(items.some((item) => item.includes('PARTICIPATED_IN (moderator)'))).toBe(true);
      expect(items.some((item) => item.includes('PARTICIPATED_IN (speaker)'))).toBe(true);
    });
  });

  it('D1: stacks at phone width, the graph visible and the page scrolling', async () => {
    await onPage(
      '/explore?expand=qrator-labs&entity=qrator-labs',
      async (page, watched) => {
        await page.waitForSelector('[data-testid="entity-panel"] h2');
        const boxes = await page.evaluate(() => {
          const box = (selector: string) => {
            const rect = document.querySelector(selector)?.getBoundingClientRect();
            return rect ? { left: rect.left, right: rect.right, width: rect.width, height: rect.height } : null;
          };
          return {
            canvas: box('.canvas-holder'),
            details: box('aside.right'),
            find: box('[data-testid="find-paths"]'),
            scroll: document.documentElement.scrollHeight,
            window: window.innerHeight,
          };
        });
        expect(boxes.canvas?.width).toBeGreaterThan(300);
        expect(boxes.canvas?.height).toBeGreaterThan(250);
        expect(boxes.details?.right).toBeLessThanOrEqual(390);
        expect(boxes.find?.right).toBeLessThanOrEqual(390);
        expect(boxes.scroll).toBeGreaterThan(boxes.window);
        await screenshot(page, 'explorer-qa-phone');
        expect(watched.errors).toEqual([]);
      },
      { width: 390, height: 844 },
    );
  });
});
