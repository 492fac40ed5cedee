import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { spread } from './lib/measure.ts';
import { profileStatement } from './lib/profile.ts';
import { loadAverage } from './lib/provenance.ts';
import { withSpread } from './lib/report.ts';
import { searchParameters } from './lib/search.ts';
import { finishReport, neo4jMs, onSizeStore, storeToolOptions } from './lib/store-tool.ts';
import { searchStatement } from './servers/search-statement.ts';

const usage = `usage: node bench/search-scale.ts [--entities 100000] [--work DIR] [--passes 9] [--against COMMIT] [--out FILE.md]

What a search of several words costs on the generated graph, where the benchmark's Q4 (one word)
never goes: the steps that add what the hits signed, said or belong to, and those that read a
registry's domains or a body's members, whose cost follows the degree of the hubs the hits reach.
The texts are drawn from the graph: the person who signed the most memoranda, one who signed one,
the body with the most members and the organization that runs the most domains, with the words
that ask who signed, said, belongs or runs. For each text: the search statement's db hits
(PROFILE) and Neo4j's own time (until the first record plus until the last), the median of
--passes after a warm-up pass, with its min–max; with --against, the statement of that commit
(cypher/queries/search.cypher as it was there) is run beside it, the two alternating, and the
report says whether their top 20 are the same.`;

const options = storeToolOptions('search-scale', usage, 100000);
const { passes, against } = options;

/** The search statement of another commit, read as the benchmark's servers read today's. */
function statementAt(commit: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govgraph-search-'));
  try {
    mkdirSync(path.join(dir, 'queries'));
    const text = execFileSync('git', ['show', `${commit}:cypher/queries/search.cypher`], { encoding: 'utf8' });
    writeFileSync(path.join(dir, 'queries', 'search.cypher'), text);
    return searchStatement(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const statements: [string, string][] = [['now', searchStatement()]];
if (against) statements.push([against.slice(0, 10), statementAt(against)]);

/** As the captured parameters of bench/lib/profile.ts hold them: integers marked, so LIMIT gets one. */
function captured(text: string): Record<string, unknown> {
  const mark = (value: unknown): unknown =>
    typeof value === 'number' && Number.isInteger(value) ? { $int: String(value) } : Array.isArray(value) ? value.map(mark) : value;
  return Object.fromEntries(Object.entries(searchParameters(text)).map(([key, value]) => [key, mark(value)]));
}
const driverParameters = (text: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(searchParameters(text)).map(([key, value]) => [key, typeof value === 'number' ? neo4j.int(value) : value]),
  );

interface Hub {
  what: string;
  name: string;
  degree: number;
}

async function hubs(driver: Driver): Promise<Hub[]> {
  const one = async (what: string, query: string): Promise<Hub> => {
    const { records } = await driver.executeQuery(query, {}, { database: 'neo4j' });
    const record = records[0];
    if (!record) throw new Error(`no ${what} in the graph`);
    return { what, name: String(record.get('name')), degree: neo4j.integer.toNumber(record.get('degree')) };
  };
  return [
    await one(
      'the person who signed the most memoranda',
      'MATCH (p:Person)-[s:SIGNED]->() WITH p, count(s) AS degree ORDER BY degree DESC, p.id LIMIT 1 RETURN p.name AS name, degree',
    ),
    await one(
      'a person who signed one',
      'MATCH (p:Person)-[s:SIGNED]->() WITH p, count(s) AS degree WHERE degree = 1 RETURN p.name AS name, degree ORDER BY p.id DESC LIMIT 1',
    ),
    await one(
      'the body with the most members',
      'MATCH (b:Body)<-[m:MEMBER_OF]-() WITH b, count(m) AS degree ORDER BY degree DESC, b.id LIMIT 1 RETURN b.name AS name, degree',
    ),
    await one(
      'the organization that runs the most domains',
      'MATCH (o:Organization)-[m:MANAGES]->() WITH o, count(m) AS degree ORDER BY degree DESC, o.id LIMIT 1 RETURN o.name AS name, degree',
    ),
  ];
}

/** The texts: a name's words without the number the generator appends, and the asking words. */
function textsFor([signer, single, body, registry]: Hub[]): { text: string; why: string }[] {
  const words = (hub: Hub | undefined) => (hub?.name ?? '').split(' ').filter((word) => !/^\d+$/.test(word));
  const [first = '', last = ''] = words(signer);
  const [, singleLast = ''] = words(single);
  const [bodyWord = ''] = words(body);
  const [registryFirst = '', registryLast = ''] = words(registry);
  return [
    { text: 'rovor', why: 'one word, as Q4' },
    { text: `${first} ${last}`, why: `${signer?.what}: two words, no asking word` },
    { text: `${last} signed`, why: `${signer?.what} (${signer?.degree}): what they signed` },
    { text: `${first} ${last} signed`, why: 'the same, with the first name' },
    { text: `${last} said`, why: `${signer?.what}: what they said` },
    { text: `${singleLast} signed`, why: `${single?.what}` },
    { text: `${bodyWord} members`, why: `${body?.what} (${body?.degree})` },
    { text: `${bodyWord} council members`, why: 'the same, with its type word' },
    { text: `${registryFirst} ${registryLast} manages`, why: `${registry?.what} (${registry?.degree})` },
  ];
}

const loadBefore = loadAverage();
const { lines, hubLines } = await onSizeStore(options, async (driver, database) => {
  const found = await hubs(driver);
  const header = statements.map(([name]) => `${name}: db hits | ${name}: ms`).join(' | ');
  const lines = [
    `| text | what it reaches | ${header} |${against ? ' same top 20 |' : ''}`,
    `|---|---|${statements.map(() => '---:|---:|').join('')}${against ? '---|' : ''}`,
  ];
  for (const { text, why } of textsFor(found)) {
    const cells: string[] = [];
    const answers = new Set<string>();
    const times = new Map<string, number[]>(statements.map(([name]) => [name, []]));
    for (const [, statement] of statements) {
      const profile = await profileStatement(driver, database, { query: statement, parameters: captured(text) });
      cells.push(String(profile.dbHits));
    }
    for (let pass = 0; pass <= passes; pass++) {
      const order = pass % 2 === 0 ? statements : [...statements].reverse();
      for (const [name, statement] of order) {
        const { records, summary } = await driver.executeQuery(statement, driverParameters(text), { database });
        answers.add(JSON.stringify(records.map((record) => record.get('props'))));
        // The first pass warms the plan and the pages up and is not counted.
        if (pass > 0) times.get(name)?.push(neo4jMs(summary));
      }
    }
    const row = statements.map(([name], index) => `${cells[index]} | ${withSpread(spread(times.get(name) ?? []), 0)}`).join(' | ');
    lines.push(`| "${text}" | ${why} | ${row} |${against ? ` ${answers.size === 1 ? 'yes' : 'no'} |` : ''}`);
    options.log(lines.at(-1) ?? '');
  }
  return { lines, hubLines: found.map((hub) => `- ${hub.what}: "${hub.name}", ${hub.degree}`) };
});
finishReport(
  `Search of several words at ${options.entities} entities`,
  loadBefore,
  `db hits: PROFILE of the statement with govgraph's parameters for the text (first: 20); ms: Neo4j's own time, medians of ${passes} passes with their min–max${against ? ', the two statements alternating' : ''}`,
  ['Hubs of the graph:', '', ...hubLines, '', ...lines],
  options.out,
);
