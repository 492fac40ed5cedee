import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { browserTestTimeoutMs, eventually, screenshot } from './support/browser.ts';
import { explorerSession, text } from './support/explorer-session.ts';
import {
  around,
  atRest,
  boxesOverlap,
  canvasBox,
  type DrawnEntity,
  drawnEntities,
  drawnEntity,
  globalId,
  inView,
  neighbourhood,
  overlaps,
  type PageBox,
  placeOf,
  pointOf,
  relationLabels,
  relationPointOf,
} from './support/graph-hook.ts';

// How the canvas draws, after the second QA round of the explorer (F1, F2, F3, F13, F15): the
// names that matter legible in a crowded view and the rest a few wheel notches away, a source
// in the middle of what it is cited for, relation labels that cover nothing, a drag that
// selects, and a long path laid out across the canvas. Each fact is read off the drawing:
// sizes on screen (zoom times font size), label boxes, the selection.

const middleOf = (box: PageBox) => ({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 });
const widthOf = (box: PageBox) => box.x2 - box.x1;
const heightOf = (box: PageBox) => box.y2 - box.y1;

/** The labels drawn now that cover another drawn label (ids), a pixel of slack each way. */
function coveredLabels(drawn: readonly DrawnEntity[]): string[] {
  const labelled = drawn.filter((entity) => entity.label.drawn && entity.label.box);
  const pairs: string[] = [];
  for (const [index, a] of labelled.entries())
    for (const b of labelled.slice(index + 1))
      if (a.label.box && b.label.box && boxesOverlap(a.label.box, b.label.box, 1)) pairs.push(`${a.label.text} / ${b.label.text}`);
  return pairs;
}

/** The names among `named` drawn over another entity's shape, a pixel of slack each way. */
function namesOverShapes(named: readonly DrawnEntity[], drawn: readonly DrawnEntity[]): string[] {
  return named.flatMap((entity) =>
    drawn
      .filter((other) => other.id !== entity.id && entity.label.box && boxesOverlap(entity.label.box, other.shape, 1))
      .map((other) => `${entity.label.text} over ${other.label.text}`),
  );
}

/**
 * The entity in focus is named at 12 px at least, and at least `atLeast` of those around it
 * (`around`) at 10 px, where no drawn name covers another nor one of theirs another entity.
 */
function expectNamedAround(focus: DrawnEntity, around: readonly DrawnEntity[], drawn: readonly DrawnEntity[], atLeast: number): void {
  expect(focus.label.drawn).toBe(true);
  expect(focus.label.pixels).toBeGreaterThanOrEqual(11.99);
  const named = around.filter((entity) => entity.label.drawn);
  expect(named.length, `${named.length} of ${around.length} named`).toBeGreaterThanOrEqual(atLeast);
  for (const entity of named) expect(entity.label.pixels).toBeGreaterThanOrEqual(9.99);
  expect(coveredLabels(drawn)).toEqual([]);
  expect(namesOverShapes(named, drawn)).toEqual([]);
}

/** The overlaps that involve a relation's label (automation.ts overlaps(): entity pairs are the layout's). */
async function relationOverlaps(page: Page): Promise<[string, string][]> {
  const keys = new Set((await relationLabels(page)).map((label) => label.key));
  return (await overlaps(page)).filter(([a, b]) => keys.has(a) || keys.has(b));
}

/** Moves the mouse onto an empty corner of the canvas, off every entity. */
async function mouseAway(page: Page): Promise<void> {
  const canvas = await canvasBox(page);
  await page.mouse.move(canvas.x1 + 3, canvas.y2 - 3);
}

describe('the explorer draws legibly', { timeout: browserTestTimeoutMs }, () => {
  const { onPage, origin } = explorerSession();
  const article004 = 'src-004-global-it-cooperation-rans-conference';

  it('F1: keeps the names that matter legible in a crowded view, and brings the rest in three wheel notches', async () => {
    const centre = globalId('Organization', 'coordination-center-ru');
    await onPage('/explore?expand=coordination-center-ru&entity=coordination-center-ru&depth=2', async (page, watched) => {
      expect((await inView(page, 'two hops around the Coordination Center')).entities).toBeGreaterThan(100);
      await mouseAway(page);
      const drawn = await atRest(page, 'the drawing');
      const oneHop = new Set((await neighbourhood(origin(), centre, 1)).nodes.map((node) => node.id));
      const farther = drawn.filter((entity) => !oneHop.has(entity.id));
      // The view is fitted at a zoom where the names of all the others are too small to draw.
      expect(farther.length).toBeGreaterThan(50);
      expect(farther.every((entity) => !entity.label.drawn && entity.label.pixels < 8)).toBe(true);
      // The expanded and selected entity's name, and its neighbours' (only it was named), none
      // covering another name, nor a neighbour's another entity.
      const neighbours = drawn.filter((entity) => oneHop.has(entity.id) && entity.id !== centre);
      expectNamedAround(await drawnEntity(page, centre), neighbours, drawn, 6);
      await screenshot(page, 'explorer-drawing-1-crowded');

      // The entity under the mouse is named at 14 px at least.
      const [pointed] = farther;
      if (!pointed) throw new Error('no entity two hops away');
      const at = await pointOf(page, pointed.id);
      await page.mouse.move(at.x, at.y);
      const hovered = await eventually('the hovered name drawn', async () => {
        const { label } = await drawnEntity(page, pointed.id);
        return label.drawn ? label : null;
      });
      expect(hovered.pixels).toBeGreaterThanOrEqual(13.99);
      await screenshot(page, 'explorer-drawing-1-hovered');
      await mouseAway(page);

      // Three notches of the wheel (100 px each, as Chrome sends a mouse's) and every name is drawn.
      const canvas = middleOf(await canvasBox(page));
      await page.mouse.move(canvas.x, canvas.y);
      for (let notch = 0; notch < 3; notch++) {
        await page.mouse.wheel({ deltaY: -100 });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const after = await eventually('every name drawn', async () => {
        const now = await drawnEntities(page);
        return now.every((entity) => entity.label.drawn) ? now : null;
      });
      expect(Math.min(...after.map((entity) => entity.label.pixels))).toBeGreaterThanOrEqual(8);
      await screenshot(page, 'explorer-drawing-1-zoomed');
      expect(watched.errors).toEqual([]);
    });
  });

  it('F2: draws a source in the middle of what it is cited for, in rings around it', async () => {
    const source = globalId('Source', article004);
    await onPage(`/explore?expand=${article004}&entity=${article004}`, async (page, watched) => {
      await inView(page, 'what the source is cited for');
      await mouseAway(page);
      const drawn = await atRest(page, "the source's drawing");
      const centre = drawn.find((entity) => entity.id === source);
      const others = drawn.filter((entity) => entity.id !== source);
      expect(others.length).toBeGreaterThan(50);
      if (!centre) throw new Error('the source is not drawn');
      // In the middle of the drawing (it was off to one side of a grid)...
      const whole = around(drawn.map((entity) => entity.shape));
      const at = middleOf(centre.shape);
      expect(Math.abs(at.x - middleOf(whole).x)).toBeLessThan(widthOf(whole) * 0.05);
      expect(Math.abs(at.y - middleOf(whole).y)).toBeLessThan(heightOf(whole) * 0.05);
      // ...with what it is cited for all around it.
      const quadrants = new Map<string, number>();
      for (const entity of others) {
        const { x, y } = middleOf(entity.shape);
        const quadrant = `${x < at.x ? 'left' : 'right'} ${y < at.y ? 'above' : 'below'}`;
        quadrants.set(quadrant, (quadrants.get(quadrant) ?? 0) + 1);
      }
      expect(quadrants.size).toBe(4);
      for (const count of quadrants.values()) expect(count).toBeGreaterThanOrEqual(others.length / 8);
      // The drawing fills the canvas one way or the other, and no shape covers another.
      const canvas = await canvasBox(page);
      const drawing = around(drawn.flatMap((entity) => [entity.shape, ...(entity.label.box ? [entity.label.box] : [])]));
      expect(Math.max(widthOf(drawing) / widthOf(canvas), heightOf(drawing) / heightOf(canvas))).toBeGreaterThan(0.8);
      const shapes = drawn.map((entity) => entity.shape);
      const covering = shapes.flatMap((a, index) => shapes.slice(index + 1).filter((b) => boxesOverlap(a, b, 1)));
      expect(covering).toEqual([]);
      // Its name, and those of its records where they cover no other (they are its neighbours).
      expectNamedAround(centre, others, drawn, 20);
      await screenshot(page, 'explorer-drawing-2-source');
      expect(watched.errors).toEqual([]);
    });
  });

  it('F3: writes the relations around the selected entity without covering names or each other', async () => {
    const ispcp = globalId('Body', 'ispcp');
    for (const slug of ['andrey-vorobyev', 'qrator-labs']) {
      await onPage(`/explore?expand=${slug}&entity=${slug}`, async (page, watched) => {
        await inView(page, `${slug}'s neighbourhood`);
        await mouseAway(page);
        await atRest(page, `${slug}'s drawing`);
        const labels = await relationLabels(page);
        expect(labels.length, labels.map((label) => label.text).join(' | ')).toBeGreaterThanOrEqual(5);
        // A speaker and a moderator of one event are one label of two lines, not two labels drawn over each other.
        for (const label of labels) if (label.text.includes('(moderator)')) expect(label.text).toContain('(speaker)');
        expect(await relationOverlaps(page)).toEqual([]);
        if (slug === 'qrator-labs') expect((await overlaps(page)).filter((pair) => pair.includes(ispcp))).toEqual([]);
        await screenshot(page, `explorer-drawing-3-${slug}`);
        if (slug !== 'andrey-vorobyev') return;
        // The relation under the mouse is always written, on top: his two parts in one event, one label.
        const vorobyev = globalId('Person', slug);
        const [participated] = (await neighbourhood(origin(), vorobyev, 1)).edges.filter(
          (edge) => edge.type === 'PARTICIPATED_IN' && edge.from.id === vorobyev && edge.to.name === 'Global Cooperation in IT',
        );
        if (!participated) throw new Error('no PARTICIPATED_IN of Vorobyev in Global Cooperation in IT');
        const on = await relationPointOf(page, participated.key);
        await page.mouse.move(on.x, on.y);
        const roles = await eventually('the label of the relation pointed at', async () =>
          (await relationLabels(page)).find((label) => label.text.includes('(moderator)')),
        );
        expect(roles.text.split('\n').sort()).toEqual(['PARTICIPATED_IN (moderator)', 'PARTICIPATED_IN (speaker)']);
        expect(roles.pixels).toBeGreaterThanOrEqual(9);
        await screenshot(page, 'explorer-drawing-3-hovered-relation');
        expect(watched.errors).toEqual([]);
      });
    }
  });

  it('F13: dragging an entity selects it, so that Pin in place pins the one moved', async () => {
    const ispcp = globalId('Body', 'ispcp');
    await onPage('/explore?expand=qrator-labs&entity=qrator-labs', async (page, watched) => {
      await inView(page, "Qrator Labs' neighbourhood");
      await atRest(page, "Qrator Labs' drawing");
      expect(await text(page, '#entity-panel-title')).toBe('Qrator Labs');
      const from = await pointOf(page, ispcp);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y + 40, { steps: 10 });
      await page.mouse.up();
      const title = await eventually('the dragged entity selected', async () => {
        const now = await text(page, '#entity-panel-title');
        return now && now !== 'Qrator Labs' ? now : null;
      });
      expect(title).toContain('Internet Service Providers');
      expect(new URL(page.url()).searchParams.get('entity')).toBe(ispcp);
      const dropped = await placeOf(page, ispcp);
      const [pin] = await page.$$('xpath/.//*[@data-testid="entity-panel"]//button[normalize-space()="Pin in place"]');
      await pin?.click();
      const pinned = await eventually('the pin in the address', async () => new URL(page.url()).searchParams.get('pin'));
      expect(pinned).toBe(`${ispcp}@${Math.round(dropped.x)}:${Math.round(dropped.y)}`);
      expect(watched.errors).toEqual([]);
    });
  });

  it('F15: lays a long single path out across the canvas, its names legible', async () => {
    await onPage('/explore?path=telefonica,president-of-belarus,6', async (page, watched) => {
      await page.waitForSelector('[data-testid="path-panel"] [data-testid="hop"]');
      const counts = await inView(page, 'the path');
      // One chain: Telefonica → … → the President of Belarus.
      expect(counts.entities).toBeGreaterThanOrEqual(5);
      expect(counts.relations).toBe(counts.entities - 1);
      await mouseAway(page);
      const drawn = await atRest(page, "the path's drawing");
      for (const entity of drawn) {
        expect(entity.label.drawn, entity.label.text).toBe(true);
        expect(entity.label.pixels, entity.label.text).toBeGreaterThanOrEqual(11);
      }
      // Across the canvas both ways, not a thin line through its middle.
      const canvas = await canvasBox(page);
      const drawing = around(drawn.flatMap((entity) => [entity.shape, ...(entity.label.box ? [entity.label.box] : [])]));
      expect(widthOf(drawing) / widthOf(canvas)).toBeGreaterThan(0.6);
      expect(heightOf(drawing) / heightOf(canvas)).toBeGreaterThan(0.5);
      expect(await overlaps(page)).toEqual([]);
      expect(coveredLabels(drawn)).toEqual([]);
      expect((await relationLabels(page)).length).toBeGreaterThanOrEqual(counts.relations - 1);
      await screenshot(page, 'explorer-drawing-4-long-path');
      expect(watched.errors).toEqual([]);
    });
  });
});
