import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config.ts';
import type { ReadScope } from '../db/read-scope.ts';
import { searchEntities } from '../db/repositories/lists.ts';
import { planSearch, searchStatementParameters } from '../domain/text/search-query.ts';

/**
 * How well search ranks: a set of queries, each with the entity a person typing it wants at the
 * top, run through the same plan and statement as the API's `search`, and scored the way search
 * evaluations usually are: hit@1 (the wanted entity is first), hit@3 (in the top 3) and MRR@10
 * (the mean of 1/rank, 0 past rank 10).
 */

export const defaultQueriesFile = path.join(projectRoot, 'test', 'relevance', 'queries.json');

const queryFile = z.object({
  queries: z.array(
    z.object({
      query: z.string().min(1),
      /** The slug of the entity that should come first. */
      expected: z.string().min(1),
      /** Other entities as right where the sources support more than one answer (two registries of .su). */
      accepted: z.array(z.string().min(1)).optional(),
      category: z.string(),
      /** Named in issue #15: must be in the top 3. */
      issue: z.boolean().optional(),
    }),
  ),
});

export type RelevanceQuery = z.infer<typeof queryFile>['queries'][number];

export interface RelevanceResult extends RelevanceQuery {
  /** 1-based rank of the expected entity among the first 10 hits, or null. */
  rank: number | null;
  /** The slugs of the first 3 hits. */
  top: string[];
}

export interface RelevanceFigures {
  queries: number;
  hitAt1: number;
  hitAt3: number;
  mrrAt10: number;
  results: RelevanceResult[];
}

export async function readRelevanceQueries(file: string = defaultQueriesFile): Promise<RelevanceQuery[]> {
  return queryFile.parse(JSON.parse(await readFile(file, 'utf8'))).queries;
}

const depth = 10;

export async function measureRelevance(scope: ReadScope, queries: readonly RelevanceQuery[]): Promise<RelevanceFigures> {
  const results: RelevanceResult[] = [];
  for (const query of queries) {
    const plan = planSearch(query.query);
    const hits = plan ? await searchEntities(scope, searchStatementParameters(plan, null, depth)) : [];
    const slugs = hits.map((hit) => hit.entity.id);
    const ranks = [query.expected, ...(query.accepted ?? [])].map((slug) => slugs.indexOf(slug)).filter((index) => index >= 0);
    results.push({ ...query, rank: ranks.length === 0 ? null : Math.min(...ranks) + 1, top: slugs.slice(0, 3) });
  }
  return figuresOf(results);
}

export function figuresOf(results: RelevanceResult[]): RelevanceFigures {
  const share = (hit: (result: RelevanceResult) => boolean) => (results.length === 0 ? 0 : results.filter(hit).length / results.length);
  const reciprocal = results.reduce((sum, result) => sum + (result.rank === null ? 0 : 1 / result.rank), 0);
  return {
    queries: results.length,
    hitAt1: share((result) => result.rank === 1),
    hitAt3: share((result) => result.rank !== null && result.rank <= 3),
    mrrAt10: results.length === 0 ? 0 : reciprocal / results.length,
    results,
  };
}

/** The figures as a few lines for a terminal or the docs. */
export function formatFigures(figures: RelevanceFigures, showMisses: boolean): string {
  const count = (hit: (result: RelevanceResult) => boolean) => figures.results.filter(hit).length;
  const lines = [
    `${figures.queries} queries`,
    `hit@1   ${figures.hitAt1.toFixed(3)}  (${count((result) => result.rank === 1)}/${figures.queries})`,
    `hit@3   ${figures.hitAt3.toFixed(3)}  (${count((result) => result.rank !== null && result.rank <= 3)}/${figures.queries})`,
    `MRR@10  ${figures.mrrAt10.toFixed(3)}`,
  ];
  const categories = [...new Set(figures.results.map((result) => result.category))].sort();
  lines.push('by category (hit@3, MRR@10):');
  for (const category of categories) {
    const some = figuresOf(figures.results.filter((result) => result.category === category));
    lines.push(`  ${category.padEnd(24)} ${some.hitAt3.toFixed(2)}  ${some.mrrAt10.toFixed(2)}  (${some.queries})`);
  }
  const misses = figures.results.filter((result) => result.rank !== 1);
  if (showMisses && misses.length > 0) {
    lines.push('not first:');
    for (const miss of misses) {
      lines.push(`  "${miss.query}" → ${miss.expected}: rank ${miss.rank ?? '>10'}; top 3: ${miss.top.join(', ')}`);
    }
  }
  return lines.join('\n');
}
