import path from 'node:path';
import { parseArgs } from 'node:util';
import { figures } from '../domain/ingest/quality.ts';
import { scoreArticleSet } from '../domain/ingest/quality-set.ts';

const usage = `usage: npm run ingest:quality -- [--articles DIR] [--seed DIR] [--verbose]

Ingests every article of DIR (default test/ingest/articles/: NAME.txt beside NAME.gold.json) in
dry-run against the seed graph (default seed/data/), and prints per language: mention-linking
precision and recall, new-entity recall and precision, relation-proposal precision and recall.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      articles: { type: 'string' },
      seed: { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const dir = values.articles ?? 'test/ingest/articles';
  const { articles, byLanguage } = await scoreArticleSet(dir, values.seed ?? path.join('seed', 'data'));
  if (values.verbose) for (const { name, tally } of articles) console.log(name, JSON.stringify(figures(tally)));
  const format = (value: number) => value.toFixed(2);
  console.log(`${articles.length} articles in ${dir}`);
  console.log(
    'lang  link-P  link-R  new-R  new-P  rel-P  rel-R   (counts: linked right/proposed/gold, new found/gold, new proposed right/proposed, relations right/proposed/gold)',
  );
  for (const [lang, tally] of byLanguage) {
    const f = figures(tally);
    console.log(
      `${lang.padEnd(4)}  ${format(f.linkingPrecision)}    ${format(f.linkingRecall)}    ${format(f.newEntityRecall)}   ${format(f.newEntityPrecision)}   ${format(f.relationPrecision)}   ${format(f.relationRecall)}    ` +
        `(${tally.linkedRight}/${tally.linkedAll}/${tally.goldLinked}, ${tally.newFound}/${tally.goldNew}, ${tally.newProposedRight}/${tally.newProposed}, ${tally.relationsRight}/${tally.relationsAll}/${tally.goldRelations})`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ingest:quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
