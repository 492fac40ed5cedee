import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { openSize } from './lib/dataset.ts';
import { ensureBenchDependencies, graphql, processUsage, setCapture, startServer, startSizeNeo4j, takeCaptured } from './lib/harness.ts';
import { spread, throughput } from './lib/measure.ts';
import { drawParams, queryNames, requestFor } from './lib/mix.ts';
import { revive } from './lib/profile.ts';
import { commandLine, gitState, loadAverage } from './lib/provenance.ts';
import { withSpread } from './lib/report.ts';

const usage = `usage: node bench/replay.ts [--query Q3] [--size 10000] [--reuse DIR] [--rounds 5] [--seconds 5]
                           [--variants on-behalf-of-id] [--out FILE.md] [--statement FILE]

What Neo4j itself spends on the statements A and C send for one query, without either server:
each server answers the query's 40 parameter sets once with its wire capture on
(servers/bolt-wire.ts); the captured RUN messages are then sent straight to Neo4j 8 at a time,
each as the servers send a read (an auto-commit RUN and PULL, every row in the first PULL), for
--seconds, A, each variant and C in turn, --rounds times after a warm-up round;
Neo4j's CPU time comes from /proc. Medians of the rounds, with their min–max.

Variants rewrite A's captured text to measure what one part of it costs. They are not answers
A could give; join edits with + to combine them (951fccf also had static-lists, which priced
the record views' parameter lists that f6100ae removed):
  on-behalf-of-id   a signatory's onBehalfOf as its stored id, without finding the entity it names
                    (Q3): what resolving it costs
  distinct-on-behalf-of  the organizations a level's signatories signed for, each found once for
                    the level, not once per edge (Q3)
  static-direction  each edge's direction as a constant, not startNode(r) = a (Q3)
  no-former         the paths' ends by current slug only, without the former-slug lookups (Q5)
  no-parts          the paths without the entities and relationships on them, each once (Q5)
  no-element-id     a path's relationships named by key, not elementId (Q5)
  no-ends           the paths' relationships listed without their start and end slugs (Q5)
  reduce-parts      the entities and relationships on the paths, each once, gathered by reduce()
                    over the paths instead of a COLLECT subquery with DISTINCT (Q5)
  inline-view       each path with its entities' and relationships' values inline (for the
                    benchmark's view: [n.id, n.label] and [type(r), r.key]), repeated on every
                    path, without element ids or the lists of each once (Q5)
  no-start          each inline relationship without its start node's slug (Q5): what reading it costs
  start-flag        each inline relationship's direction as startNode(r) = the node before it on the
                    path, not the start node's slug (Q5)
  no-label          each inline entity without its label (Q5): what reading it costs
  plain-ends        the paths' ends by current slug only (two OPTIONAL MATCHes), without the
                    former-slug lookup and the UNWIND that resolves both ends at once (Q5)
  optional-match    a signatory's onBehalfOf found by an OPTIONAL MATCH per edge, not a COLLECT
                    subquery (Q3)
  depth-first       Q3's three levels nested inside each other, each level's pages read once per
                    parent edge, as C reads them, instead of level by level over distinct parents
  no-repeats        a root page's filters without those its index seek already states (Q2)
  no-count-switch   the count without the UNWIND that runs it only when totalCount is asked (Q2)`;

const { values } = parseArgs({
  options: {
    query: { type: 'string', default: 'Q3' },
    size: { type: 'string', default: '10000' },
    reuse: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    variants: { type: 'string', default: '' },
    out: { type: 'string' },
    statement: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const query = queryNames.find((name) => name === values.query);
if (!query || !values.reuse) {
  console.error(`--query is one of ${queryNames.join(', ')}, and --reuse names the folder npm run bench loaded the graph into`);
  process.exit(2);
}
const entities = Number(values.size);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const log = (line: string) => process.stderr.write(`replay: ${line}\n`);

interface Run {
  query: string;
  parameters: Record<string, unknown>;
}

const parametersOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};

const edits: Record<string, (run: Run) => string> = {
  'static-direction': (run) => run.query.replaceAll('startNode(r) = a', 'true'),
  'no-repeats': (run) =>
    run.query.replace(/\n {4}AND n\.kind = \$kind AND /g, '\n    AND ').replace(/ AND n\.dateFrom <= \$dateTo\n/g, '\n'),
  'no-count-switch': (run) => run.query.replace(/ {2}UNWIND CASE WHEN \$withTotal THEN \[true\] ELSE \[\] END AS counting\n/, ''),
  'no-former': (run) =>
    run.query.replace(
      /OPTIONAL CALL \((\w+)\) \{[\s\S]*?LIMIT 1\n\}\nWITH (a, )?coalesce\(\1, former\)/g,
      (_m, v: string, a: string | undefined) => `WITH ${a ?? ''}${v}`,
    ),
  'no-parts': (run) =>
    run.query.replace(
      /COLLECT \{ UNWIND found AS q UNWIND nodes[\s\S]*?\} AS entities,[\s\S]*?\} AS relations/,
      '[] AS entities, [] AS relations',
    ),
  'no-element-id': (run) => run.query.replaceAll('elementId(r)', 'r.key'),
  'no-ends': (run) => run.query.replace(', from: startNode(r).id, to: endNode(r).id,', ','),
  'reduce-parts': (run) =>
    run.query.replace(
      /COLLECT \{ UNWIND found AS q UNWIND nodes\(q\) AS n WITH DISTINCT n\s+RETURN ([\s\S]*?) \} AS entities,\s+COLLECT \{ UNWIND found AS q UNWIND relationships\(q\) AS r WITH DISTINCT r\s+RETURN ([\s\S]*?) \} AS relations/,
      (_m, entity: string, relation: string) =>
        `[n IN reduce(seen = [], q IN found | seen + [m IN nodes(q) WHERE NOT m IN seen]) | ${entity}] AS entities,\n    [r IN reduce(seen = [], q IN found | seen + [s IN relationships(q) WHERE NOT s IN seen]) | ${relation}] AS relations`,
    ),
  'inline-view': (run) =>
    run.query.replace(
      /RETURN \[p IN found \| \{nodes: \[n IN nodes\(p\) \| n\.id\], edges: \[r IN relationships\(p\) \| elementId\(r\)\]\}\] AS paths,[\s\S]*?\} AS relations/,
      'RETURN [p IN found | {nodes: [n IN nodes(p) | [n.id, n.label]], edges: [r IN relationships(p) | [type(r), r.key]]}] AS paths, [] AS entities, [] AS relations',
    ),
  'no-start': (run) => run.query.replace('[r IN relationships(p) | [startNode(r).id, type(r),', "[r IN relationships(p) | ['', type(r),"),
  'start-flag': (run) =>
    run.query.replace(
      /\[r IN relationships\(p\) \| \[startNode\(r\)\.id, type\(r\), (.*?)\]\]\}\]/,
      (_m, values: string) =>
        `[i IN range(0, length(p) - 1) | [startNode(relationships(p)[i]) = nodes(p)[i], type(relationships(p)[i]), ${values.replaceAll('r.', 'relationships(p)[i].')}]]}]`,
    ),
  'no-label': (run) => run.query.replace('[n IN nodes(p) | [n.id, n.label]]', '[n IN nodes(p) | [n.id]]'),
  'plain-ends': (run) =>
    run.query.replace(
      /UNWIND \[\$from, \$to\] AS slug[\s\S]*?AS b\n/,
      'OPTIONAL MATCH (a:Entity {id: $from})\nOPTIONAL MATCH (b:Entity {id: $to})\n',
    ),
  'optional-match': (run) =>
    run.query.replace(
      /\nRETURN collect\(\[startNode\(r\) = a, (.*?), head\(COLLECT \{ MATCH \(o:Entity \{id: r\.onBehalfOf\}\) RETURN (.*?) \}\)\]\) AS edges/g,
      (_m, before: string, record: string) =>
        `\nOPTIONAL MATCH (o:Entity {id: r.onBehalfOf})\nRETURN collect([startNode(r) = a, ${before}, CASE WHEN o IS NULL THEN null ELSE ${record} END]) AS edges`,
    ),
  // Written for the benchmark's Q3 selection (its three levels, their views and parameters): the
  // page as A sends it, then the levels nested, each edge carrying the page below it.
  'depth-first': (run) => {
    const at = run.query.indexOf('CALL (pageNodes) {');
    if (at < 0 || !run.query.includes('$p3_limit')) return run.query;
    return `${run.query.slice(0, at)}CALL (pageNodes) {
  UNWIND pageNodes[0..$limit - 1] AS a
  WITH a, a.id AS id, 0 AS total
  CALL (a) {
    MATCH (a)-[r:PARTY_TO]->(b)
    WITH r, b, coalesce(b.nameKey, '') AS k ORDER BY k ASC, r.key ASC LIMIT $p1_limit
    CALL (b) {
      MATCH (b)<-[r:SIGNED]-(c)
      WITH r, c, coalesce(c.nameKey, '') AS k ORDER BY k ASC, r.key ASC LIMIT $p2_limit
      CALL (c) {
        MATCH (c)-[r:HOLDS_POSITION]->(d)
        WITH r, d, coalesce(d.nameKey, '') AS k ORDER BY k ASC, r.key ASC LIMIT $p3_limit
        RETURN collect([startNode(r) = c, [r.title], [d.id, d.label, d.name], null]) AS positions
      }
      RETURN collect([startNode(r) = b, [r.onBehalfOf], [c.id, c.label, c.name],
        head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf}) RETURN [o.id, o.label] }), positions]) AS signatories
    }
    RETURN collect([startNode(r) = a, [], [b.id, b.label, b.name], null, signatories]) AS memoranda
  }
  RETURN collect([id, total, memoranda]) AS tree
}
RETURN total, rows, tree`;
  },
  'leaf-no-ends': (run) => {
    const levels = [...run.query.matchAll(/AS level(\d+)Ends/g)].map((m) => Number(m[1]));
    const last = Math.max(...levels);
    return run.query.replace(`,\n  collect(b)[0..$p${last}_size] AS ends`, '').replace(`, collect(ends) AS level${last}Ends`, '');
  },
  'entity-no-label': (run) => run.query.replaceAll('[b.id, b.label, b.name]', '[b.id, b.name]'),
  'distinct-on-behalf-of': (run) => {
    // Each organization a level's signatories signed for, found once for the whole level rather
    // than once per signatory edge: the edges carry the stored slug, the level a list of records.
    const lookup =
      /head\(COLLECT \{ MATCH \(o:Entity \{id: r\.onBehalfOf\}\) RETURN (.*?) \}\)\]\) AS edges,\n {2}collect\(b\)\[0\.\.\$(p\d+_size)\] AS ends\n/;
    const found = lookup.exec(run.query);
    if (!found) return run.query;
    const [match, record, size] = found;
    const at = found.index;
    let text = `${run.query.slice(0, at)}null]) AS edges,\n  collect(b)[0..$${size}] AS ends, collect(r.onBehalfOf) AS onBehalfOf\n${run.query.slice(at + match.length)}`;
    const level = /RETURN collect\(\[id, total, edges\]\) AS (level\d+), collect\(ends\) AS (level\d+Ends)\n/g;
    level.lastIndex = at;
    const next = level.exec(text);
    if (!next) return run.query;
    const [levelReturn, name, ends] = next;
    text = `${text.slice(0, next.index)}WITH collect([id, total, edges]) AS ${name}, collect(ends) AS ${ends}, collect(onBehalfOf) AS onBehalfOf
RETURN ${name}, ${ends}, COLLECT { UNWIND onBehalfOf AS ids UNWIND ids AS slug WITH DISTINCT slug MATCH (o:Entity {id: slug}) RETURN ${record} } AS ${name}OnBehalfOf
${text.slice(next.index + levelReturn.length)}`;
    return text.replace(/RETURN total, rows, \[(.*?)\] AS levels$/, `RETURN total, rows, [$1] AS levels, ${name}OnBehalfOf`);
  },
  'on-behalf-of-id': (run) =>
    run.query.replace(/head\(COLLECT \{ MATCH \(o:Entity \{id: r\.onBehalfOf\}\) RETURN .*? \}\)/g, 'r.onBehalfOf'),
};
const variants = values.variants
  .split(',')
  .filter((variant) => variant !== '')
  .map((variant) => {
    const steps = variant.split('+');
    const unknown = steps.filter((step) => !(step in edits));
    if (unknown.length > 0) throw new Error(`unknown variant ${unknown.join(', ')}: the variants are ${Object.keys(edits).join(', ')}`);
    return { name: `A ${variant}`, steps };
  });

ensureBenchDependencies(log);
const git = gitState();
const loadBefore = loadAverage();
const { embedded, neo4j: settings } = await startSizeNeo4j(entities, values.reuse, log);
const lines: string[] = [];
try {
  await openSize(settings, entities, values.reuse, true, log, embedded);
  const sets = drawParams(entities, 40).filter((set) => set.query === query);
  const captured: Record<'A' | 'C', Run[]> = { A: [], C: [] };
  for (const system of ['A', 'C'] as const) {
    const server = await startServer(system, settings, log);
    try {
      await setCapture(server, true);
      for (const set of sets) {
        await takeCaptured(server);
        const reply = await graphql(server.port, requestFor(system, set));
        if (reply.status !== 200 || reply.errors) throw new Error(`${system} ${query}: ${JSON.stringify(reply.errors)}`);
        for (const run of await takeCaptured(server))
          captured[system].push({ query: run.query, parameters: parametersOf(revive(run.parameters)) });
      }
    } finally {
      await server.stop();
    }
  }
  if (values.statement) writeFileSync(values.statement, captured.A[0]?.query ?? '');
  const measured: { name: string; runs: Run[] }[] = [
    { name: 'A', runs: captured.A },
    ...variants.map(({ name, steps }) => ({
      name,
      runs: captured.A.map((run) => ({
        ...run,
        query: steps.reduce((text, step) => {
          const edited = edits[step]?.({ ...run, query: text }) ?? text;
          // A variant whose pattern no longer matches A's text would time A under its name.
          if (edited === text) throw new Error(`variant ${step} changes nothing in A's ${query} statement: it no longer matches the text`);
          return edited;
        }, run.query),
      })),
    })),
    { name: 'C', runs: captured.C },
  ];
  for (const { name, runs } of measured.slice(1, -1)) {
    if (runs.every((run, index) => run.query === captured.A[index]?.query))
      throw new Error(`variant ${name} changes none of A's statements`);
  }
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), { disableLosslessIntegers: true });
  const cpu = new Map<string, number[]>();
  const rates = new Map<string, number[]>();
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const { name, runs } of measured) {
        const before = processUsage(embedded.pid).cpuMs;
        const done = await throughput(8, seconds, async (index) => {
          const run = runs[index % runs.length];
          if (!run) return;
          // As the servers send their reads: one auto-commit RUN and PULL, every row in the first PULL.
          const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ, fetchSize: -1 });
          try {
            await session.run(run.query, run.parameters);
          } finally {
            await session.close();
          }
        });
        const perStatement = (processUsage(embedded.pid).cpuMs - before) / done.requests;
        const rate = done.requests / done.seconds;
        if (round === 0) continue; // warm-up: plans cached, pages in memory
        cpu.set(name, [...(cpu.get(name) ?? []), perStatement]);
        rates.set(name, [...(rates.get(name) ?? []), rate]);
        log(`round ${round} ${name}: ${rate.toFixed(0)} statements/s, Neo4j ${perStatement.toFixed(3)} CPU-ms per statement`);
      }
    }
  } finally {
    await driver.close();
  }
  lines.push(
    `# Replay of ${query}'s statements at ${entities} entities`,
    '',
    `- Command: \`${commandLine().command}\``,
    `- Commit: \`${git.commit}\`${git.dirty.length > 0 ? ' (uncommitted changes)' : ''}; load average ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
    `- ${captured.A.length} statements of A and ${captured.C.length} of C for ${sets.length} parameter sets; ${rounds} rounds of ${seconds} s each, 8 in flight, after a warm-up round`,
    '',
    '| statements | Neo4j CPU-ms per statement | statements/s |',
    '|---|---:|---:|',
    ...measured.map(
      ({ name }) => `| ${name} | ${withSpread(spread(cpu.get(name) ?? []), 3)} | ${withSpread(spread(rates.get(name) ?? []), 0)} |`,
    ),
  );
} finally {
  await embedded.stop();
}
const report = lines.join('\n');
console.log(report);
if (values.out) writeFileSync(values.out, `${report}\n`);
