import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, seedDataDir } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { type LoadSummary, loadSeedGraph, SeedLoadError } from '../../src/db/load.ts';
import { searchEntities } from '../../src/db/repositories/lists.ts';
import { entityLabels, relationTypes, type SeedGraph } from '../../src/domain/graph.ts';
import { planSearch, searchStatementParameters } from '../../src/domain/text/search-query.ts';
import { readSeedFolder, validateSeedFiles } from '../../src/domain/validate.ts';
import { emptyDatabase, graphState, openTestDatabase } from '../support/database.ts';
import { neo4jEnv } from '../support/exchange.ts';

const run = promisify(execFile);

/** What the database holds, per label and per relationship type, read back independently of the loader. */
async function graphCounts(db: Database): Promise<{ nodes: Record<string, number>; relations: Record<string, number> }> {
  const nodes = await db.driver.executeQuery(
    // Bookkeeping nodes aside: the change log, the version of the stored search forms, the schema migrations applied.
    'MATCH (n) WHERE NOT n:Change AND NOT n:SearchForms AND NOT n:Migration UNWIND labels(n) AS label RETURN label, count(*) AS n',
    {},
    { database: db.name },
  );
  const relations = await db.driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n', {}, { database: db.name });
  return {
    nodes: Object.fromEntries(nodes.records.map((r) => [r.get('label') as string, Number(r.get('n'))])),
    relations: Object.fromEntries(relations.records.map((r) => [r.get('type') as string, Number(r.get('n'))])),
  };
}

function tally<T>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

async function query<R>(text: string, parameters: Record<string, unknown> = {}): Promise<R[]> {
  const { records } = await db.driver.executeQuery(text, parameters, { database: db.name, routing: 'READ' });
  return records.map((record) => record.toObject() as R);
}

async function seedCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/cli/seed.ts', ...args], { cwd: projectRoot, env: neo4jEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let db: Database;

describe('the seed graph in Neo4j', () => {
  let graph: SeedGraph;
  let first: LoadSummary;

  beforeAll(async () => {
    db = await openTestDatabase();
    await emptyDatabase(db);
    graph = validateSeedFiles(await readSeedFolder(seedDataDir));
    first = await loadSeedGraph(db, graph);
  });
  afterAll(async () => {
    await db.close();
  });

  it('holds every entity and relation of the seed files, per label and per relationship type', async () => {
    const expectedNodes = tally(graph.nodes, (node) => node.label);
    const expectedRelations = tally(graph.relations, (relation) => relation.type);
    const counts = await graphCounts(db);

    expect(counts.nodes.Entity).toBe(graph.nodes.length);
    for (const label of entityLabels) {
      expect(counts.nodes[label] ?? 0, label).toBe(expectedNodes[label] ?? 0);
      expect(first.nodes[label]?.created ?? 0, label).toBe(expectedNodes[label] ?? 0);
    }
    expect(Object.keys(counts.nodes).sort()).toEqual(['Entity', ...entityLabels.filter((label) => expectedNodes[label])].sort());
    expect(counts.relations).toEqual(expectedRelations);
    for (const type of Object.keys(expectedRelations)) expect(first.relations[type]?.created, type).toBe(expectedRelations[type]);

    // The five articles name a lot: these floors catch a seed folder that lost a file.
    expect(expectedNodes.Source).toBe(5);
    expect(expectedNodes.Organization).toBeGreaterThanOrEqual(25);
    expect(expectedNodes.Person).toBeGreaterThanOrEqual(12);
    expect(expectedNodes.Tld).toBeGreaterThanOrEqual(9);
    for (const type of relationTypes.filter((t) => t !== 'COOPERATES_WITH')) expect(expectedRelations[type] ?? 0, type).toBeGreaterThan(0);
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await graphState(db);
    const second = await loadSeedGraph(db, validateSeedFiles(await readSeedFolder(seedDataDir)));
    for (const outcome of [...Object.values(second.nodes), ...Object.values(second.relations)]) {
      expect(outcome.created).toBe(0);
      expect(outcome.updated).toBe(0);
    }
    const unchanged = Object.values(second.nodes).reduce((sum, outcome) => sum + outcome.unchanged, 0);
    expect(unchanged).toBe(graph.nodes.length);
    // Not one property written, the change log included.
    expect(await graphState(db)).toEqual(before);
  });

  it('cites at least one existing source on every entity and every relationship', async () => {
    const [unsourcedNodes] = await query<{ n: number }>(
      'MATCH (n:Entity) WHERE NOT n:Source AND (n.sources IS NULL OR size(n.sources) = 0) RETURN count(n) AS n',
    );
    const [unsourcedRelations] = await query<{ n: number }>(
      'MATCH ()-[r]->() WHERE r.sources IS NULL OR size(r.sources) = 0 RETURN count(r) AS n',
    );
    expect(Number(unsourcedNodes?.n)).toBe(0);
    expect(Number(unsourcedRelations?.n)).toBe(0);

    const dangling = await query<{ id: string }>(
      `MATCH ()-[r]->() UNWIND r.sources AS id WITH DISTINCT id
       WHERE NOT EXISTS { MATCH (:Source {id: id}) } RETURN id`,
    );
    expect(dangling).toEqual([]);
  });

  it('keeps both sides of every conflict between the articles, each with its own source', async () => {
    const suManagers = await query<{ org: string; role: string; sources: string[] }>(
      "MATCH (o)-[r:MANAGES]->(:Tld {id: 'tld-su'}) RETURN o.id AS org, r.role AS role, r.sources AS sources ORDER BY org",
    );
    expect(suManagers).toEqual([
      { org: 'foundation-for-internet-development', role: 'registry', sources: ['src-001-cctld-oac-memorandum'] },
      { org: 'ripn', role: expect.any(String), sources: ['src-000-cctld-msk-ix-memorandum'] },
    ]);

    const byRoles = await query<{ role: string; sources: string[] }>(
      "MATCH (:Organization {id: 'oac-belarus'})-[r:MANAGES]->(:Tld {id: 'tld-by'}) RETURN r.role AS role, r.sources AS sources ORDER BY role",
    );
    expect(byRoles).toEqual([
      { role: 'registrar', sources: ['src-000-cctld-msk-ix-memorandum'] },
      { role: 'registry', sources: ['src-001-cctld-oac-memorandum'] },
    ]);

    const [memo] = await query<{ aliases: string[]; claims: string }>(
      "MATCH (m:Memorandum {id: 'memo-cc-oac'}) RETURN m.aliases AS aliases, m.claims AS claims",
    );
    expect(memo?.aliases).toEqual(
      expect.arrayContaining([
        'Memorandum of Cooperation and Interaction on Combating Internet Abuse',
        'Memorandum of Cooperation to Counteract and Prevent Violations on the Internet',
      ]),
    );
    expect(memo?.claims).toContain('src-000-cctld-msk-ix-memorandum');
    expect(memo?.claims).toContain('src-001-cctld-oac-memorandum');
  });

  it('flags facts from outside the articles', async () => {
    const [rf] = await query<{ ascii: string; provenance: string }>(
      "MATCH (t:Tld) WHERE t.name = '.рф' RETURN t.ascii AS ascii, t.provenance AS provenance",
    );
    expect(rf?.ascii).toBe('.xn--p1ai');
    expect(JSON.parse(rf?.provenance ?? '[]')).toContainEqual({ field: 'ascii', evidence: 'EXTERNAL' });
  });

  it('links every IDN TLD to its ASCII sibling', async () => {
    const pairs = await query<{ ascii: string; idn: string }>(
      'MATCH (a:Tld)-[:IDN_COUNTERPART]->(b:Tld) RETURN a.name AS ascii, b.name AS idn ORDER BY ascii',
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        { ascii: '.by', idn: '.бел' },
        { ascii: '.moscow', idn: '.москва' },
        { ascii: '.ru', idn: '.рф' },
      ]),
    );
  });

  it('finds short Latin and Cyrillic tokens through the full-text index', async () => {
    const tldsFor = async (text: string) => {
      const plan = planSearch(text);
      if (!plan) throw new Error(`no search parameters for ${text}`);
      // A generous budget: this checks what the index finds, not how fast a loaded machine answers.
      const scope = db.openScope({ timeoutMs: 60_000 });
      return (await searchEntities(scope, searchStatementParameters(plan, ['Tld'], 5))).map((hit) => hit.entity.id);
    };
    expect(await tldsFor('рф')).toContain('tld-rf');
    expect(await tldsFor('ru')).toContain('tld-ru');
    expect(await tldsFor('su')).toContain('tld-su');
    expect(await tldsFor('by')).toContain('tld-by');
    expect(await tldsFor('бел')).toContain('tld-bel');
    expect(await tldsFor('xn--p1ai')).toContain('tld-rf');
  });

  it('writes nothing when a batch fails halfway: the whole load is one transaction', async () => {
    const before = await graphState(db);
    const clashing: SeedGraph = {
      nodes: [
        ...graph.nodes,
        {
          id: 'zz-new-registry',
          label: 'Organization',
          props: { name: 'New Registry', kind: 'registry', sources: ['src-x'], evidence: 'STATED' },
        },
        // An id the graph already gives to an organization, now as a person: the loader refuses it.
        { id: 'msk-ix', label: 'Person', props: { name: 'Not a person', sources: ['src-x'], evidence: 'STATED' } },
      ],
      relations: graph.relations,
    };
    await expect(loadSeedGraph(db, clashing, { batchSize: 7 })).rejects.toThrow(SeedLoadError);
    await expect(loadSeedGraph(db, clashing, { batchSize: 7 })).rejects.toThrow(/msk-ix/);
    expect(await query('MATCH (n {id: "zz-new-registry"}) RETURN n')).toEqual([]);
    expect(await graphState(db)).toEqual(before);
  });

  describe('a load too large for one transaction (journaled)', () => {
    /** Everything the graph holds, properties included, to compare before and after (the change log aside). */
    async function snapshot(): Promise<unknown> {
      return {
        nodes: await query('MATCH (n) WHERE NOT n:Change RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id'),
        relations: await query(
          'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.key',
        ),
        // An undone load takes its change records with it.
        changes: await query('MATCH (c:Change) RETURN count(c) AS n'),
      };
    }

    const journalLeft = () =>
      query<{ n: number }>(
        'RETURN COUNT { (:SeedLoad) } + COUNT { (:SeedUndo) } + COUNT { (n:Entity) WHERE n._seedLoad IS NOT NULL } AS n',
      ).then(([row]) => Number(row?.n));

    it('writes batch by batch, reports the same outcomes, and leaves no journal behind', async () => {
      const before = await snapshot();
      const extra: SeedGraph = {
        nodes: [
          {
            id: 'zz-journaled-topic',
            label: 'Topic',
            props: { name: 'Journaled', sources: ['src-000-cctld-msk-ix-memorandum'], evidence: 'STATED' },
          },
        ],
        relations: [],
      };
      const summary = await loadSeedGraph(
        db,
        { nodes: [...graph.nodes, ...extra.nodes], relations: graph.relations },
        {
          singleTransactionRows: 10,
          batchSize: 25,
        },
      );
      expect(summary.nodes.Topic).toEqual({ created: 1, updated: 0, unchanged: tally(graph.nodes, (n) => n.label).Topic });
      expect(await journalLeft()).toBe(0);
      await db.driver.executeQuery(
        "MATCH (n {id: 'zz-journaled-topic'}) DETACH DELETE n WITH 1 AS done MATCH (c:Change {entityId: 'zz-journaled-topic'}) DELETE c",
        {},
        { database: db.name },
      );
      expect(await snapshot()).toEqual(before);
    });

    it('undoes every batch already written when a later one fails, restoring what it updated', async () => {
      const before = await snapshot();
      const renamed = graph.nodes.map((node) =>
        node.id === 'msk-ix' ? { ...node, props: { ...node.props, name: 'Renamed MSK-IX' } } : node,
      );
      const changedRelation = graph.relations.map((relation, index) =>
        index === 0 ? { ...relation, props: { ...relation.props, note: 'changed by a load that fails' } } : relation,
      );
      const failing: SeedGraph = {
        nodes: [
          ...renamed,
          {
            id: 'zz-journaled-registry',
            label: 'Organization',
            props: { name: 'New Registry', kind: 'registry', sources: ['src-x'], evidence: 'STATED' },
          },
        ],
        relations: [
          ...changedRelation,
          // A new relation between two entities that were there before the load.
          {
            key: 'COOPERATES_WITH|msk-ix|ripn||',
            type: 'COOPERATES_WITH',
            from: 'msk-ix',
            to: 'ripn',
            props: { sources: ['src-000-cctld-msk-ix-memorandum'], evidence: 'STATED' },
          },
          {
            key: 'MANAGES|zz-journaled-registry|tld-ru||',
            type: 'MANAGES',
            from: 'zz-journaled-registry',
            to: 'tld-ru',
            props: { sources: ['src-x'], evidence: 'STATED' },
          },
          // The last batch points at an entity nobody wrote: the loader refuses it.
          {
            key: 'MANAGES|nobody|tld-ru||',
            type: 'MANAGES',
            from: 'nobody',
            to: 'tld-ru',
            props: { sources: ['src-x'], evidence: 'STATED' },
          },
        ],
      };
      const notices: string[] = [];
      await expect(
        loadSeedGraph(db, failing, { singleTransactionRows: 10, batchSize: 50, onNotice: (line) => notices.push(line) }),
      ).rejects.toThrow(/point at entities that are not in the database/);
      expect(notices.join('\n')).toMatch(/undoing/);
      expect(await journalLeft()).toBe(0);
      expect(await snapshot()).toEqual(before);
    });

    it('undoes, at the next load, a load whose process was killed halfway', async () => {
      const before = await snapshot();
      const folder = await mkdtemp(path.join(tmpdir(), 'govgraph-killed-'));
      const file = path.join(folder, 'large.json');
      // A synthetic graph whose ids and source ids do not clash with the seed's.
      await run(process.execPath, ['bench/generate.ts', '--entities', '3000', '--out', file], { cwd: projectRoot });
      const child = execFile(process.execPath, ['src/cli/seed.ts', '--max-transaction-rows', '100', '--batch-size', '50', file], {
        cwd: projectRoot,
        env: neo4jEnv(),
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Wait until some batches are in (their change records name the load), then kill it without warning.
      for (let tries = 0; tries < 600; tries++) {
        const [row] = await query<{ n: number }>('MATCH (l:SeedLoad) MATCH (c:Change {operation: l.id}) RETURN count(c) AS n');
        if (Number(row?.n) >= 500) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(await journalLeft()).toBeGreaterThan(0);

      const notices: string[] = [];
      const again = await loadSeedGraph(db, graph, { onNotice: (line) => notices.push(line), staleLoadMs: 0 });
      expect(notices.join('\n')).toMatch(/undoing load .* interrupted/);
      expect(Object.values(again.nodes).every((outcome) => outcome.created === 0 && outcome.updated === 0)).toBe(true);
      expect(await journalLeft()).toBe(0);
      expect(await snapshot()).toEqual(before);
      await rm(folder, { recursive: true, force: true });
    });
  });

  describe('npm run seed', () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'govgraph-seed-'));
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('prints what it created, updated and left unchanged per label and relationship type', async () => {
      const result = await seedCommand();
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^kind +created +updated +unchanged$/m);
      expect(result.stdout).toMatch(new RegExp(`^Organization +0 +0 +${tally(graph.nodes, (n) => n.label).Organization}$`, 'm'));
      expect(result.stdout).toMatch(/^MANAGES +0 +0 +\d+$/m);
    });

    const badFiles: [string, string, RegExp][] = [
      [
        'unknown reference',
        '{"relations": [{"type": "MANAGES", "from": "no-such-org", "to": "tld-ru", "sources": ["src-000-cctld-msk-ix-memorandum"], "evidence": "STATED"}]}',
        /bad\.json:1:\d+.*relations\[0\].*from.*no-such-org/,
      ],
      [
        'duplicate id',
        '{"topics": [{"id": "msk-ix", "name": "Twice", "sources": ["src-000-cctld-msk-ix-memorandum"], "evidence": "STATED"}]}',
        /bad\.json:1:\d+.*topics\[0\].*id.*msk-ix/,
      ],
      ['missing sources', '{"topics": [{"id": "a-new-topic", "name": "Unsourced"}]}', /bad\.json:1:\d+.*topics\[0\].*sources/],
      [
        'impossible date',
        '{"memoranda": [{"id": "memo-new", "name": "New", "date": "2021-02-30", "sources": ["src-000-cctld-msk-ix-memorandum"], "evidence": "STATED"}]}',
        /bad\.json:1:\d+.*memoranda\[0\].*date.*February 2021 has 28 days/,
      ],
      [
        'malformed date',
        '{"memoranda": [{"id": "memo-new", "name": "New", "date": "Feb 2021", "sources": ["src-000-cctld-msk-ix-memorandum"], "evidence": "STATED"}]}',
        /bad\.json:1:\d+.*memoranda\[0\].*date/,
      ],
      ['broken JSON', '{"topics": [', /bad\.json:1:\d+/],
      [
        'record without evidence',
        '{"topics": [{"id": "a-new-topic", "name": "Unweighed", "sources": ["src-000-cctld-msk-ix-memorandum"]}]}',
        /bad\.json:1:\d+.*topics\[0\].*field "evidence": missing required field/,
      ],
      [
        'INFERRED record without basis',
        '{"topics": [{"id": "a-new-topic", "name": "Guessed", "sources": ["src-000-cctld-msk-ix-memorandum"], "evidence": "INFERRED"}]}',
        /bad\.json:1:\d+.*topics\[0\].*field "basis": INFERRED evidence needs a basis/,
      ],
      [
        'INFERRED citation without basis',
        '{"relations": [{"type": "LOCATED_IN", "from": "qrator-labs", "to": "country-de", "sources": ["src-003-qrator-labs-joins-ispcp"], "evidence": "STATED", "citations": [{"source": "src-003-qrator-labs-joins-ispcp", "evidence": "INFERRED"}]}]}',
        /bad\.json:1:\d+.*relations\[0\].*field "citations\[0\]\.basis": INFERRED evidence needs a basis/,
      ],
      [
        'statement without evidence',
        '{"statements": [{"id": "statement-new", "name": "Unweighed", "summary": "Something said.", "sources": ["src-004-global-it-cooperation-rans-conference"]}]}',
        /bad\.json:1:\d+.*statements\[0\].*statement-new.*field "evidence": missing required field/,
      ],
      [
        'INFERRED statement without basis',
        '{"statements": [{"id": "statement-new", "name": "Guessed", "summary": "Something said.", "sources": ["src-004-global-it-cooperation-rans-conference"], "evidence": "INFERRED"}]}',
        /bad\.json:1:\d+.*statements\[0\].*statement-new.*field "basis": INFERRED evidence needs a basis/,
      ],
      [
        'statement without summary',
        '{"statements": [{"id": "statement-new", "name": "Unsaid", "sources": ["src-004-global-it-cooperation-rans-conference"], "evidence": "STATED"}]}',
        /bad\.json:1:\d+.*statements\[0\].*field "summary"/,
      ],
      [
        'INFERRED speaker without basis',
        '{"relations": [{"type": "SAID_BY", "from": "statement-babekina-glocalization", "to": "andrey-vorobyev", "sources": ["src-004-global-it-cooperation-rans-conference"], "evidence": "INFERRED"}]}',
        /bad\.json:1:\d+.*relations\[0\].*field "basis": INFERRED evidence needs a basis/,
      ],
      [
        'speaker that cannot speak',
        '{"relations": [{"type": "SAID_BY", "from": "statement-babekina-glocalization", "to": "topic-glocalization", "sources": ["src-004-global-it-cooperation-rans-conference"], "evidence": "STATED"}]}',
        /bad\.json:1:\d+.*relations\[0\].*field "to".*topic-glocalization.*a Topic.*SAID_BY goes to Person or Organization or Body/,
      ],
    ];

    it.each(badFiles)('rejects a file with a %s, naming file, record and field, and writes nothing', async (_kind, text, message) => {
      const before = await graphCounts(db);
      // Checked together with the real seed, so references to its ids resolve.
      const file = path.join(folder, 'bad.json');
      writeFileSync(file, text);
      const result = await seedCommand(seedDataDir, file);
      expect(result.code).toBe(1);
      expect(result.stderr.replace(/\n/g, ' ')).toMatch(message);
      expect(await graphCounts(db)).toEqual(before);
    });
  });
});
