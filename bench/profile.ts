import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSize } from './lib/dataset.ts';
import {
  type BenchServer,
  checkEquivalence,
  ensureBenchDependencies,
  gateFailure,
  startServer,
  startSizeNeo4j,
  warmUp,
} from './lib/harness.ts';
import { drawParams, queryNames, type System, systems } from './lib/mix.ts';
import { profileQueries, type QueryProfile } from './lib/profile.ts';
import { commandLine, gitState, indexList, loadAverage } from './lib/provenance.ts';
import { renderProfile, sizeName } from './lib/report.ts';

const usage = `usage: node bench/profile.ts [--sizes 10000[,1000000]] [--sets 5] [--query Q2] [--plans] [--reuse DIR] [--out FILE.md]

PROFILEs every statement A, B and C send for the first --sets parameter sets of each query (or
of --query only), on the generated graph of each size (loaded once into --reuse DIR, as npm run
bench loads it). Each server captures its RUN messages on the wire, so B's are the Cypher
@neo4j/graphql generates. Prints db hits per system and query and the costliest plan operators;
--plans adds each statement and its whole plan; --out also writes them, with the command, commit and load average, to a file. npm run bench runs
the same PROFILE on every run; this is the tool for looking at one query closely.`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000' },
    sets: { type: 'string', default: '5' },
    query: { type: 'string' },
    reuse: { type: 'string' },
    out: { type: 'string' },
    plans: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const sets = Number(values.sets);
const only = queryNames.find((query) => query === values.query);
if (values.query && !only) {
  console.error(`unknown query ${values.query}; one of ${queryNames.join(', ')}`);
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`profile: ${line}\n`);

async function profileSize(entities: number, work: string): Promise<{ lines: string[]; profiles: QueryProfile[] }> {
  const { embedded, neo4j } = await startSizeNeo4j(entities, work, log);
  const servers: Partial<Record<System, BenchServer>> = {};
  try {
    const { load } = await openSize(neo4j, entities, work, values.reuse !== undefined, log, embedded);
    for (const system of systems) servers[system] = await startServer(system, neo4j, log);
    const all = servers as Record<System, BenchServer>;
    // The same seed as npm run bench: these are the first sets of each query of its gate.
    const params = drawParams(entities, sets).filter((set) => !only || set.query === only);
    await warmUp(all, params);
    const equivalence = await checkEquivalence(all, params);
    const failure = gateFailure(equivalence);
    if (failure) log(`warning: ${failure}`);
    const profiles = await profileQueries(
      all,
      neo4j,
      (index) => params[index]?.query ?? 'Q1',
      equivalence.prepared,
      sets,
      log,
      values.plans,
    );
    const lines: string[] = [
      `## ${sizeName(entities)} entities`,
      '',
      `Data: ${load.reused ? `reused from ${load.folder}` : 'loaded in this run'}. Indexes: ` +
        (await indexList(neo4j))
          .filter((index) => index.type !== 'LOOKUP')
          .map((index) => `${index.name} :${index.labelsOrTypes.join('|')}(${index.properties.join(', ')})`)
          .join('; '),
      '',
    ];
    renderProfile(lines, profiles);
    if (values.plans) {
      for (const profile of profiles) {
        const request = profile.requests[0];
        if (!request) continue;
        lines.push(`### ${profile.query} ${profile.system}: set #${request.set}, ${request.dbHits} db hits`, '');
        for (const statement of request.statements)
          lines.push('```cypher', statement.text ?? '', '```', '', '```', statement.plan ?? '', '```', '');
      }
    }
    return { lines, profiles };
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await embedded.stop();
  }
}

ensureBenchDependencies(log);
const work = values.reuse ?? mkdtempSync(path.join(tmpdir(), 'govgraph-profile-'));
mkdirSync(work, { recursive: true });
const before = loadAverage();
const git = gitState();
try {
  const lines: string[] = [
    `# PROFILE of A, B and C (${new Date().toISOString()})`,
    '',
    `- Commit: \`${git.commit}\`${git.dirty.length > 0 ? ` with uncommitted changes to ${git.dirty.length} files` : ''}`,
    `- Command: \`${commandLine().command}\``,
    '',
  ];
  for (const size of sizes) lines.push(...(await profileSize(size, work)).lines);
  const after = loadAverage();
  lines.push(
    `Load average (1 min) ${before.oneMinute.toFixed(2)} before, ${after.oneMinute.toFixed(2)} after (db hits do not depend on it).`,
    '',
  );
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  if (values.out) writeFileSync(values.out, text);
} finally {
  if (!values.reuse) rmSync(work, { recursive: true, force: true });
}
