import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSeedFolder, validateSeedFiles } from '../validate.ts';
import { analyzeText } from './analyze.ts';
import { addTally, emptyTally, goldAnnotations, scoreArticle, type Tally } from './quality.ts';
import { matcherFromSeed } from './seed-matcher.ts';

/** One article's score, and its language. */
export interface ArticleScore {
  name: string;
  lang: string;
  tally: Tally;
}

/**
 * Ingests every article of `dir` (NAME.txt beside NAME.gold.json) in dry-run against the seed
 * folder `seedDir`, as `npm run ingest:quality` does, and scores each against its gold.
 */
export async function scoreArticleSet(dir: string, seedDir: string): Promise<ArticleScore[]> {
  const matcher = matcherFromSeed(validateSeedFiles(await readSeedFolder(seedDir)));
  const scores: ArticleScore[] = [];
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort()) {
    const text = (await readFile(path.join(dir, name), 'utf8')).replace(/\r\n?/g, '\n').normalize('NFC');
    const gold = goldAnnotations.parse(JSON.parse(await readFile(path.join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8')));
    const analysis = analyzeText(text, { title: null, url: null, published: null, publisher: null, lang: gold.lang }, matcher);
    const tally = emptyTally();
    scoreArticle(analysis, gold, tally);
    scores.push({ name, lang: gold.lang, tally });
  }
  return scores;
}

/** The articles' tallies summed per language, in language order. */
export function tallyByLanguage(scores: readonly ArticleScore[]): Map<string, Tally> {
  const totals = new Map<string, Tally>();
  for (const { lang, tally } of [...scores].sort((a, b) => a.lang.localeCompare(b.lang))) {
    const total = totals.get(lang) ?? emptyTally();
    addTally(total, tally);
    totals.set(lang, total);
  }
  return totals;
}
