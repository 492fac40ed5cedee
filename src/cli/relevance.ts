import path from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { loadConfig } from '../config.ts';
import { applySchemaMigrations } from '../db/migrations.ts';
import { openDatabase } from '../db/open.ts';
import { defaultQueriesFile, formatFigures, measureRelevance, readRelevanceQueries } from '../services/relevance.ts';
import { failCommand } from './failure.ts';

const usage = `usage: npm run relevance [-- [options]]

Runs every query of the relevance set through search, as the API's "search" runs it, and
prints hit@1, hit@3 and MRR@10: how often the entity a person wants comes first, comes in the
top 3, and the mean of 1/rank (0 past rank 10). The database must hold the seed graph
(npm start seeds it on first start; npm run seed loads seed/data/).

Uses NEO4J_URI when set, otherwise the embedded database in GOVGRAPH_DATA_DIR: the one a running
"npm start" serves, or else started here for the command's length.

options:
  --queries FILE   the set (default test/relevance/queries.json)
  --misses         also list every query whose entity did not come first`;

const log = (line: string) => process.stderr.write(`relevance: ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { help: { type: 'boolean', short: 'h' }, queries: { type: 'string' }, misses: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const file = values.queries ? path.resolve(values.queries) : defaultQueriesFile;
  const queries = await readRelevanceQueries(file);
  const { db, close } = await openDatabase(loadConfig(), log, 'tool');
  try {
    // The search index and the stored search forms must be current for the figures to mean anything.
    await applySchemaMigrations(db, log);
    const figures = await measureRelevance(db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'relevance' }), queries);
    if (figures.results.every((result) => result.top.length === 0)) log('no query found anything: is the database seeded?');
    console.log(`search relevance, ${path.relative(process.cwd(), file) || file}:\n${formatFigures(figures, values.misses ?? false)}`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => failCommand(log, error, [ZodError]));
