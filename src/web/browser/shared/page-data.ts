import type { z } from 'zod/mini';

/** The JSON the server wrote into the page (pages.ts), checked against what this page expects. */
export function readPageData<T>(schema: z.ZodMiniType<T>): T {
  const element = document.getElementById('page-data');
  if (!element?.textContent) throw new Error('this page lacks its data: reload it');
  return schema.parse(JSON.parse(element.textContent));
}
