import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../domain/ingest/analyze.ts';
import { emptyTally, figures, goldAnnotations, scoreArticle, type Tally } from '../domain/ingest/quality.ts';
import { matcherFromSeed } from '../domain/ingest/seed-matcher.ts';
import { readSeedFolder, validateSeedFiles } from '../domain/validate.ts';

const usage = `usage: npm run ingest:quality -- [--articles DIR] [--seed DIR] [--verbose]

Ingests every article of DIR (default test/ingest/articles/: NAME.txt beside NAME.gold.json) in
dry-run against the seed graph (default seed/data/), and prints per language: mention-linking
precision and recall, new-entity recall, relation-proposal precision and recall.`;

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
  const matcher = matcherFromSeed(validateSeedFiles(await readSeedFolder(values.seed ?? path.join('seed', 'data'))));
  const tallies = new Map<string, Tally>();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  for (const name of names) {
    const text = (await readFile(path.join(dir, name), 'utf8')).replace(/\r\n?/g, '\n').normalize('NFC');
    const goldFile = path.join(dir, name.replace(/\.txt$/, '.gold.json'));
    const gold = goldAnnotations.parse(JSON.parse(await readFile(goldFile, 'utf8')));
    const analysis = analyzeText(text, { title: null, url: null, published: null, publisher: null, lang: gold.lang }, matcher);
    const tally = tallies.get(gold.lang) ?? emptyTally();
    tallies.set(gold.lang, tally);
    const single = emptyTally();
    scoreArticle(analysis, gold, single);
    for (const key of Object.keys(single) as (keyof Tally)[]) tally[key] += single[key];
    if (values.verbose) console.log(name, JSON.stringify(figures(single)));
  }
  const format = (value: number) => value.toFixed(2);
  console.log(`${names.length} articles in ${dir}`);
  console.log(
    'lang  link-P  link-R  new-R  rel-P  rel-R   (counts: linked right/proposed/gold, new found/gold, relations right/proposed/gold)',
  );
  for (const [lang, tally] of [...tallies].sort()) {
    const f = figures(tally);
    console.log(
      `${lang.padEnd(4)}  ${format(f.linkingPrecision)}    ${format(f.linkingRecall)}    ${format(f.newEntityRecall)}   ${format(f.relationPrecision)}   ${format(f.relationRecall)}    ` +
        `(${tally.linkedRight}/${tally.linkedAll}/${tally.goldLinked}, ${tally.newFound}/${tally.goldNew}, ${tally.relationsRight}/${tally.relationsAll}/${tally.goldRelations})`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ingest:quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
