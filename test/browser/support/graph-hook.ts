/**
 * What the explorer's canvas draws, read through its automation hook (window.govgraphExplorer,
 * src/web/browser/explorer/automation.ts): the canvas has no element per node or label.
 */
import type { Page } from 'puppeteer-core';
import { z } from 'zod';
import { scannedFetch } from '../../support/scanned-fetch.ts';
import { eventually } from './browser.ts';
import { status } from './explorer-session.ts';

/** A global ID, as the API builds it: the type and slug in base64. */
export const globalId = (type: string, slug: string) => Buffer.from(`${type}:${slug}`).toString('base64');

const pointSchema = z.object({ x: z.number(), y: z.number() });
const boxSchema = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() });
export type PageBox = z.infer<typeof boxSchema>;

const drawnEntitySchema = z.object({
  id: z.string(),
  type: z.string(),
  shape: boxSchema,
  label: z.object({ text: z.string(), pixels: z.number(), drawn: z.boolean(), box: boxSchema.nullable() }),
});
export type DrawnEntity = z.infer<typeof drawnEntitySchema>;

const relationLabelSchema = z.object({ key: z.string(), text: z.string(), pixels: z.number() });

/** Calls a method of the hook in the page, its answer as JSON (null before the canvas is ready). */
async function ask(page: Page, method: string, ...args: (string | number)[]): Promise<unknown> {
  const json = await page.evaluate(
    (name: string, values: (string | number)[]) => {
      const automation = Reflect.get(window, 'govgraphExplorer');
      const call = automation ? Reflect.get(automation, name) : undefined;
      return typeof call === 'function' ? JSON.stringify(call.apply(automation, values) ?? null) : null;
    },
    method,
    args,
  );
  return json === null ? null : JSON.parse(json);
}

/** The status line's counts once a view is drawn. */
export async function inView(page: Page, what: string): Promise<{ entities: number; relations: number }> {
  return eventually(what, async () => {
    const match = /^(\d+) entit(?:y|ies) and (\d+) relations? in view/.exec((await status(page)) ?? '');
    return match ? { entities: Number(match[1]), relations: Number(match[2]) } : null;
  });
}

/** Where an entity's shape is drawn, on the page. */
export async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return eventually(`entity ${id} drawn`, async () => pointSchema.nullable().parse(await ask(page, 'pointOf', 'entity', id)));
}

/** Every entity drawn, with its shape and label on the page. */
export async function drawnEntities(page: Page): Promise<DrawnEntity[]> {
  return z.array(drawnEntitySchema).parse((await ask(page, 'entities')) ?? []);
}

/** One entity as drawn. */
export async function drawnEntity(page: Page, id: string): Promise<DrawnEntity> {
  return eventually(`entity ${id} drawn`, async () => (await drawnEntities(page)).find((entity) => entity.id === id));
}

/** The relations' labels drawn now. */
export async function relationLabels(page: Page): Promise<z.infer<typeof relationLabelSchema>[]> {
  return z.array(relationLabelSchema).parse((await ask(page, 'relationLabels')) ?? []);
}

/** The pairs drawn over each other (automation.ts overlaps()), now. */
export async function overlaps(page: Page): Promise<[string, string][]> {
  return z.array(z.tuple([z.string(), z.string()])).parse((await ask(page, 'overlaps')) ?? []);
}

/**
 * Waits until the drawing is at rest (the layout and its fit animated in): two readings of every
 * entity's shape and label a little apart agree.
 */
export async function atRest(page: Page, what: string): Promise<DrawnEntity[]> {
  return eventually(`${what} at rest`, async () => {
    const first = JSON.stringify(await drawnEntities(page));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = await drawnEntities(page);
    return second.length > 0 && first === JSON.stringify(second) ? second : null;
  });
}

/** Whether two boxes on the page cover each other by more than `slack` pixels each way. */
export const boxesOverlap = (a: PageBox, b: PageBox, slack = 0) =>
  a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;

/** The box around all of `boxes`. */
export function around(boxes: readonly PageBox[]): PageBox {
  return {
    x1: Math.min(...boxes.map((box) => box.x1)),
    y1: Math.min(...boxes.map((box) => box.y1)),
    x2: Math.max(...boxes.map((box) => box.x2)),
    y2: Math.max(...boxes.map((box) => box.y2)),
  };
}

/** The graph canvas's box on the page. */
export const canvasBox = (page: Page): Promise<PageBox> =>
  page.$eval('[data-testid="graph-canvas"]', (element) => {
    const box = element.getBoundingClientRect();
    return { x1: box.left, y1: box.top, x2: box.right, y2: box.bottom };
  });

const neighbourhoodSchema = z.object({
  data: z.object({
    neighborhood: z.object({
      nodes: z.array(z.object({ id: z.string() })),
      edges: z.array(
        z.object({
          key: z.string(),
          type: z.string(),
          from: z.object({ id: z.string() }),
          to: z.object({ id: z.string(), name: z.string() }),
        }),
      ),
    }),
  }),
});

/** The entities within `depth` hops of `id` (the entity itself included) and their relations, as the API answers. */
export async function neighbourhood(
  origin: string,
  id: string,
  depth: number,
): Promise<z.infer<typeof neighbourhoodSchema>['data']['neighborhood']> {
  const answer = await scannedFetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query ($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, first: 200) {
        nodes { id } edges { key type from { id } to { id name } } } }`,
      variables: { id, depth },
    }),
  });
  return neighbourhoodSchema.parse(await answer.json()).data.neighborhood;
}

/** Where a relation's line is drawn clearest of everything else, on the page (automation.ts pointOf). */
export async function relationPointOf(page: Page, key: string): Promise<{ x: number; y: number }> {
  return eventually(`relation ${key} drawn`, async () => pointSchema.nullable().parse(await ask(page, 'pointOf', 'edge', key)));
}

/** Where an entity sits in the graph's own coordinates, as a permalink keeps a pinned one. */
export async function placeOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return eventually(`entity ${id} placed`, async () => pointSchema.nullable().parse(await ask(page, 'placeOf', id)));
}
