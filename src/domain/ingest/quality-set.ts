import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSeedFolder, validateSeedFiles } from '../validate.ts';
import { analyzeText } from './analyze.ts';
import { emptyTally, goldAnnotations, scoreArticle, type Tally } from './quality.ts';
import { matcherFromSeed } from './seed-matcher.ts';

/** One article's score, and its language. */
export interface ArticleScore {
  name: string;
  lang: string;
  tally: Tally;
}

/** Each article's score, and the scores summed per language, in language order. */
export interface ArticleSetScore {
  articles: ArticleScore[];
  byLanguage: Map<string, Tally>;
}

/**
 * Ingests every article of `dir` (NAME.txt beside NAME.gold.json) in dry-run against the seed
 * folder `seedDir`, as `npm run ingest:quality` does, and scores each against its gold, into its
 * own tally and its language's (scoreArticle adds to the tally it is given).
 */
export async function scoreArticleSet(dir: string, seedDir: string): Promise<ArticleSetScore> {
  const matcher = matcherFromSeed(validateSeedFiles(await readSeedFolder(seedDir)));
  const articles: ArticleScore[] = [];
  const totals = new Map<string, Tally>();
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort()) {
    const text = (await readFile(path.join(dir, name), 'utf8')).replace(/\r\n?/g, '\n').normalize('NFC');
    const gold = goldAnnotations.parse(JSON.parse(await readFile(path.join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8')));
    const analysis = analyzeText(text, { title: null, url: null, published: null, publisher: null, lang: gold.lang }, matcher);
    const tally = emptyTally();
    scoreArticle(analysis, gold, tally);
    const total = totals.get(gold.lang) ?? emptyTally();
    scoreArticle(analysis, gold, total);
    totals.set(gold.lang, total);
    articles.push({ name, lang: gold.lang, tally });
  }
  return { articles, byLanguage: new Map([...totals].sort(([a], [b]) => a.localeCompare(b))) };
}
