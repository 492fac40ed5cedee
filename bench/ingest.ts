import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../src/domain/ingest/analyze.ts';
import { AliasMatcher, matcherEntity } from '../src/domain/ingest/matcher.ts';
import { entityCollections } from '../src/domain/rules.ts';
import { generate, prng } from './generate.ts';

/**
 * The ingestion's speed (issue 18): a 5,000-word article read against a 100k-entity graph in
 * dry run, the alias matcher built once beforehand, as the server keeps it. The graph is
 * bench/generate.ts's, the article is made here from its names and the patterns the claims
 * look for, so every sentence has mentions and most propose something.
 *
 *   npm run bench:ingest -- [--entities 100000] [--words 5000] [--runs 5]
 */

const usage = 'usage: npm run bench:ingest -- [--entities N (100000)] [--words N (5000)] [--runs N (5)] [--seed N (7)]';

interface Named {
  id: string;
  name: string;
}

function article(words: number, seed: number, people: Named[], organizations: Named[], events: Named[], bodies: Named[]): string {
  const random = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  // Names the graph does not have, so that the new-name rules (compromise included) run too.
  const syllables = ['mar', 'lin', 'ost', 'ver', 'kal', 'dun', 'ris', 'tel', 'bor', 'sen', 'qua', 'vik'];
  const invented = () => {
    const word = () => `${pick(syllables)}${pick(syllables)}`;
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    return { person: `${capital(word())} ${capital(word())}`, place: capital(word()) };
  };
  const templates = [
    () => {
      const made = invented();
      return `${made.person}, head of the ${made.place} Routing Institute, told the audience about new peering rules.`;
    },
    () => `${invented().person} of ${pick(organizations).name} presented the ${invented().place} Security Forum programme.`,
    () => `${pick(people).name}, director of ${pick(organizations).name}, said on 12 March 2021 that the registry keeps growing.`,
    () => `${pick(organizations).name} and ${pick(organizations).name} signed a memorandum of cooperation in May 2022.`,
    () => `${pick(organizations).name} joined ${pick(bodies).name} last year.`,
    () => `${pick(people).name} spoke at ${pick(events).name} about routing security and abuse.`,
    () => `According to ${pick(people).name}, the market for domain names in the region grew again.`,
    () => 'The participants discussed the rules for registrars, the spread of phishing and the state of the name system.',
    () => `${pick(people).name} moderated the session, and ${pick(people).name} noted that the work would go on.`,
  ];
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = pick(templates)();
    sentences.push(sentence);
    count += sentence.split(/\s+/).length;
  }
  return sentences.join(' ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean' },
      entities: { type: 'string' },
      words: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const entities = Number(values.entities ?? 100_000);
  const words = Number(values.words ?? 5000);
  const runs = Number(values.runs ?? 5);
  const seed = Number(values.seed ?? 7);
  const file = path.join(tmpdir(), `govgraph-bench-graph-${entities}-${seed}.json`);
  if (!existsSync(file)) await generate(entities, seed, file);
  const data: Record<string, unknown> = JSON.parse(await readFile(file, 'utf8'));

  const built = performance.now();
  const matcher = new AliasMatcher();
  const byLabel = new Map<string, Named[]>();
  let relations = 0;
  for (const [collection, records] of Object.entries(data)) {
    if (!Array.isArray(records)) continue;
    if (collection === 'relations') {
      for (const relation of records) {
        if (typeof relation?.from === 'string' && typeof relation?.to === 'string') matcher.link(relation.from, relation.to);
        relations += 1;
      }
      continue;
    }
    const label = entityCollections[collection]?.label;
    if (!label) continue;
    for (const record of records) {
      if (typeof record?.id !== 'string') continue;
      matcher.upsert(matcherEntity(label, record.id, record));
      if (typeof record.name === 'string') {
        const list = byLabel.get(label) ?? [];
        list.push({ id: record.id, name: record.name });
        byLabel.set(label, list);
      }
    }
  }
  const buildMs = performance.now() - built;
  const text = article(
    words,
    seed,
    byLabel.get('Person') ?? [],
    byLabel.get('Organization') ?? [],
    byLabel.get('Event') ?? [],
    byLabel.get('Body') ?? [],
  );
  const info = { title: null, url: null, published: null, publisher: null, lang: 'en' as const };

  analyzeText(text, info, matcher); // warm-up: JIT and compromise's lexicon
  const times: number[] = [];
  let mentions = 0;
  let proposals = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = analyzeText(text, info, matcher);
    times.push(performance.now() - started);
    mentions = result.mentions.length;
    proposals = result.proposals.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `graph: ${matcher.size} linkable entities of ${entities}, ${relations} relations; matcher built once in ${(buildMs / 1000).toFixed(2)} s`,
  );
  console.log(`article: ${text.split(/\s+/).length} words, ${text.length} characters; ${mentions} mentions, ${proposals} proposals`);
  console.log(
    `dry-run ingest: median ${(median / 1000).toFixed(3)} s over ${runs} runs (min ${((times[0] ?? 0) / 1000).toFixed(3)} s, max ${((times.at(-1) ?? 0) / 1000).toFixed(3)} s); target < 2 s`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ingest: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
