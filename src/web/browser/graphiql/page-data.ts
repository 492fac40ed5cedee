import { z } from 'zod/mini';
import { readPageData } from '../shared/page-data.ts';

const exampleSchema = z.object({
  name: z.string(),
  question: z.string(),
  query: z.string(),
  variables: z.nullable(z.string()),
});

const pageDataSchema = z.object({
  endpoint: z.string(),
  examples: z.array(exampleSchema),
  workers: z.object({ editor: z.string(), json: z.string(), graphql: z.string() }),
});

export type Example = z.infer<typeof exampleSchema>;
export type GraphiqlPageData = z.infer<typeof pageDataSchema>;

export const readGraphiqlPageData = (): GraphiqlPageData => readPageData(pageDataSchema);
