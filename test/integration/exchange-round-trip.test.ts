import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher-files.ts';
import type { Database } from '../../src/db/database.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { validateSeedFiles } from '../../src/domain/validate.ts';
import { importFile, importFiles } from '../../src/services/import.ts';
import { emptyDatabase, openTestDatabase } from '../support/database.ts';
import { exportText, runScript } from '../support/exchange.ts';
import { loadRealSeed } from '../support/graphql.ts';

let db: Database;
let seed: SeedGraph;
let folder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  seed = await loadRealSeed(db);
  folder = await mkdtemp(path.join(tmpdir(), 'govgraph-exchange-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await db.close();
});

function byKey<T extends { id?: string; key?: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
}

async function run(script: 'export' | 'import', ...args: string[]): Promise<string> {
  const result = await runScript(`src/cli/${script}.ts`, args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('a round trip through the exports', () => {
  it('JSON: export, import into an empty database, export again gives the same bytes; the file is the seed', async () => {
    const first = path.join(folder, 'first.json');
    const second = path.join(folder, 'second.json');
    await run('export', '--format', 'json', '--out', first);
    const text = await readFile(first, 'utf8');

    // The export is the seed itself: the same rows as the seed files, in one file.
    const exported = validateSeedFiles([{ path: first, text }]);
    expect(byKey(exported.nodes)).toEqual(byKey(seed.nodes));
    expect(byKey(exported.relations)).toEqual(byKey(seed.relations));
    // Conflicts and what the sources say about a list's completeness travel with the rest (issue #14).
    const conflicts = exported.nodes.filter((node) => node.label === 'Conflict');
    expect(conflicts).toHaveLength(seed.nodes.filter((node) => node.label === 'Conflict').length);
    expect(conflicts.length).toBeGreaterThanOrEqual(12);
    expect(JSON.parse(text).conflicts).toHaveLength(conflicts.length);
    expect(String(exported.nodes.find((node) => node.id === 'ispcp')?.props.completeness)).toContain('"complete":false');
    // Statements and who said them, where and about what, go through like any other record.
    const statements = exported.nodes.filter((node) => node.label === 'Statement');
    expect(statements.length).toBeGreaterThanOrEqual(18);
    expect(statements.every((node) => typeof node.props.summary === 'string')).toBe(true);
    expect(exported.relations.filter((relation) => relation.type === 'SAID_BY')).toHaveLength(statements.length);

    await emptyDatabase(db);
    const summary = await run('import', first);
    expect(summary).toMatch(new RegExp(`^Organization +${seed.nodes.filter((n) => n.label === 'Organization').length} +0 +0$`, 'm'));
    await run('export', '--format', 'json', '--out', second);
    expect(await readFile(second, 'utf8')).toBe(text);
  });

  it('CSV: nodes.csv and edges.csv re-import into an empty database and export again unchanged', async () => {
    const json = await exportText(db, { format: 'json' });
    const first = path.join(folder, 'csv-first');
    const second = path.join(folder, 'csv-second');
    await run('export', '--format', 'csv', '--out', first);
    const nodes = await readFile(path.join(first, 'nodes.csv'), 'utf8');
    const edges = await readFile(path.join(first, 'edges.csv'), 'utf8');
    expect(nodes.trimEnd().split('\n')).toHaveLength(seed.nodes.length + 1);
    expect(nodes.startsWith('label,id,name,title,aliases,description,')).toBe(true);
    expect(edges.startsWith('type,from,to,role,title,')).toBe(true);

    await emptyDatabase(db);
    await run('import', first);
    await run('export', '--format', 'csv', '--out', second);
    expect(await readFile(path.join(second, 'nodes.csv'), 'utf8')).toBe(nodes);
    expect(await readFile(path.join(second, 'edges.csv'), 'utf8')).toBe(edges);
    // Nothing was lost on the way through CSV: the JSON export is the same too.
    expect(await exportText(db, { format: 'json' })).toBe(json);
  });

  it('GraphML: well-formed XML, a node per entity and an edge per relation, every attribute declared', async () => {
    const file = path.join(folder, 'graph.graphml');
    await run('export', '--format', 'graphml', '--out', file);
    const xml = await readFile(file, 'utf8');
    const keys = new Map<string, string>();
    const nodes = new Set<string>();
    const edges: { source: string; target: string }[] = [];
    const used = new Set<string>();
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (error) => {
      throw error;
    });
    parser.on('opentag', (tag) => {
      const attribute = (name: string) => tag.attributes[name]?.value ?? '';
      if (tag.local === 'key') keys.set(attribute('id'), attribute('for'));
      if (tag.local === 'node') nodes.add(attribute('id'));
      if (tag.local === 'edge') edges.push({ source: attribute('source'), target: attribute('target') });
      if (tag.local === 'data') used.add(attribute('key'));
    });
    parser.write(xml).close();

    expect(nodes.size).toBe(seed.nodes.length);
    expect(edges).toHaveLength(seed.relations.length);
    for (const edge of edges) expect(nodes.has(edge.source) && nodes.has(edge.target), `${edge.source} → ${edge.target}`).toBe(true);
    for (const key of used) expect(keys.has(key), key).toBe(true);
    expect(keys.get('n_label')).toBe('node');
    expect(keys.get('e_type')).toBe('edge');
    expect(xml).toContain('<data key="n_name">.рф</data>');
  });

  it('a neighbourhood export imports on its own into an empty database', async () => {
    const text = await exportText(db, { format: 'json', around: { slug: 'msk-ix', depth: 1 } });
    const graph = validateSeedFiles([{ path: 'around.json', text }]);
    const ids = new Set(graph.nodes.map((node) => node.id));
    expect(ids.has('msk-ix')).toBe(true);
    // Every relation touching MSK-IX is there, and nothing two hops away.
    const touching = seed.relations.filter((relation) => relation.from === 'msk-ix' || relation.to === 'msk-ix');
    for (const relation of touching) expect(graph.relations.map((r) => r.key)).toContain(relation.key);
    for (const relation of graph.relations) expect(ids.has(relation.from) && ids.has(relation.to)).toBe(true);
    expect(graph.nodes.length).toBeLessThan(seed.nodes.length);
    expect(graph.nodes.filter((node) => node.label === 'Source').length).toBeGreaterThan(0);

    await emptyDatabase(db);
    const file = path.join(folder, 'around.json');
    await writeFile(file, text);
    const { summary } = await importFiles(db, [importFile(file, text, 'json')], { by: 'test' });
    const created = Object.values(summary.nodes).reduce((sum, outcome) => sum + outcome.created, 0);
    expect(created).toBe(graph.nodes.length);
    expect(await exportText(db, { format: 'json', around: { slug: 'msk-ix', depth: 1 } })).toBe(text);
  });
});

describe('the export pages', () => {
  it('seek the (label, id) index from the cursor and stop at the page size: no scan, no sort', async () => {
    const { summary } = await db.driver.executeQuery(
      `PROFILE ${cypher('exchange/entities-page')}`,
      { label: 'Organization', after: 'msk-ix', limit: neo4j.int(5) },
      { database: db.name },
    );
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): void => {
      operators.push(`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`);
      for (const child of plan.children) walk(child as typeof plan);
    };
    if (summary.profile) walk(summary.profile);
    expect(operators.join('\n')).toMatch(/NodeIndexSeek RANGE INDEX n:Entity\(label, id\) WHERE label = \$label AND id > \$after/);
    expect(
      operators.some((operator) => /^(Sort|Top|NodeIndexScan|AllNodesScan|NodeByLabelScan)/.test(operator)),
      operators.join('\n'),
    ).toBe(false);
  });
});
