import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { BadUserInputError } from '../domain/errors.ts';
import type { SourceFormat } from '../domain/ingest/source-text.ts';
import { analyzeSource, dryRunShape, queueIngestion } from '../services/ingest/ingest.ts';
import { MatcherCache } from '../services/ingest/matchers.ts';
import { failCommand } from './failure.ts';

const usage = `usage: npm run ingest -- FILE [options]

Reads an article (plain text, or HTML reduced to text), links the names it knows to the graph's
entities, and proposes new entities and claims with the sentence that states them. Without
--dry-run the text, its mentions and its proposals go to the review queue (GraphQL:
proposals, acceptProposal, rejectProposal); nothing enters the graph until a curator accepts.

Uses NEO4J_URI when set, otherwise the embedded database in GOVGRAPH_DATA_DIR: the one a running
"npm start" serves, or else started here for the command's length.

options:
  --url URL            where the article was published
  --title TEXT         its title
  --published DATE     its date, as precise as known: 2021, 2021-05 or 2021-05-21
  --publisher NAME     who published it
  --lang en|ru         its language (default: detected from the text's script)
  --html | --text      how to read FILE (default: by its extension, .html/.htm as HTML)
  --slug SLUG          the Source's slug (default: one made from the text)
  --dry-run            write nothing; print the result
  --format json|summary  what --dry-run prints (default json)`;

const log = (line: string) => process.stderr.write(`ingest: ${line}\n`);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      url: { type: 'string' },
      title: { type: 'string' },
      published: { type: 'string' },
      publisher: { type: 'string' },
      lang: { type: 'string' },
      html: { type: 'boolean' },
      text: { type: 'boolean' },
      slug: { type: 'string' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new BadUserInputError(`give one FILE to ingest\n\n${usage}`, { argument: 'FILE' });
  const output = values.format ?? 'json';
  if (output !== 'json' && output !== 'summary')
    throw new BadUserInputError(`--format: "${output}" is not json or summary`, { argument: 'format' });
  const format: SourceFormat = values.html ? 'html' : values.text ? 'text' : /\.html?$/i.test(file) ? 'html' : 'text';
  const content = await readFile(file, 'utf8');
  const config = loadConfig();
  const { db, close } = await openDatabase(config, log, 'tool');
  try {
    const matchers = new MatcherCache(db);
    const ingestion = await analyzeSource(
      matchers,
      {
        content,
        format,
        url: values.url ?? null,
        title: values.title ?? null,
        published: values.published ?? null,
        publisher: values.publisher ?? null,
        lang: values.lang ?? null,
        slug: values.slug ?? null,
      },
      (field) => (field === 'content' ? file : `--${field}`),
    );
    const { analysis } = ingestion;
    const linked = analysis.mentions.filter((mention) => mention.entity !== null).length;
    const counts = `${analysis.mentions.length} mentions (${linked} linked), ${analysis.proposals.length} proposals`;
    if (values['dry-run']) {
      if (output === 'json') process.stdout.write(`${JSON.stringify(dryRunShape(analysis), null, 2)}\n`);
      else log(`${file}: ${counts} (dry run: nothing written)`);
      return;
    }
    await db.writeTransaction((tx) => queueIngestion(tx, ingestion, 'cli'));
    log(`${file}: ${counts}; queued for review as source "${ingestion.slug}"`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => failCommand(log, error, [BadUserInputError], /^(ERR_PARSE_ARGS|ENOENT|EISDIR)/));
