import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import neo4j from 'neo4j-driver';
import type { Neo4jSettings } from './harness.ts';

/** What a report needs so that anyone can tell how, where and from what it was taken. */

const root = new URL('../..', import.meta.url).pathname;

export interface GitState {
  commit: string;
  /** Tracked files changed since that commit (a run from a dirty tree is not reproducible from the commit alone). */
  dirty: string[];
}

/** The state of this checkout, or of another one (bench/side-by-side.ts's --against). */
export function gitState(checkout: string = root): GitState {
  const git = (...args: string[]) => execFileSync('git', ['-C', checkout, ...args], { encoding: 'utf8' }).trim();
  try {
    // Paths only: status's porcelain lines begin with a space that trim() took from the first one.
    const dirty = git('diff', '--name-only', 'HEAD');
    return { commit: git('rev-parse', 'HEAD'), dirty: dirty ? dirty.split('\n') : [] };
  } catch {
    return { commit: 'unknown (not a git checkout)', dirty: [] };
  }
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);

/** The command as typed: `npm run bench -- …` when npm ran it, else the node command line. */
export function commandLine(argv: readonly string[] = process.argv): { argv: string[]; command: string } {
  const args = argv.slice(2).map(quote).join(' ');
  const script = process.env.npm_lifecycle_event;
  const viaNpm = script === 'bench' || script === 'bench:loader';
  const file = argv[1] ? argv[1].replace(`${root}`, '') : '';
  return {
    argv: [...argv],
    command: viaNpm ? `npm run ${script}${args ? ` -- ${args}` : ''}` : `node ${file}${args ? ` ${args}` : ''}`,
  };
}

export interface LoadAverage {
  at: string;
  /** 1, 5 and 15 minutes, as /proc/loadavg gives them. */
  oneMinute: number;
  fiveMinutes: number;
  fifteenMinutes: number;
}

export function loadAverage(): LoadAverage {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return { at: new Date().toISOString(), oneMinute: one, fiveMinutes: five, fifteenMinutes: fifteen };
}

/** The lines of a small tool's report that say how to take it again: command, commit, load average. */
export function provenanceLines(loadBefore: LoadAverage): string[] {
  const git = gitState();
  return [
    `- command: \`${commandLine().command}\``,
    `- commit: ${git.commit}${git.dirty.length > 0 ? ` (uncommitted changes: ${git.dirty.join(', ')})` : ''}`,
    `- load average (1 min): ${loadBefore.oneMinute.toFixed(2)} before, ${loadAverage().oneMinute.toFixed(2)} after`,
  ];
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  neo4j: string;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    neo4j: '5.26 Community (embedded)',
  };
}

export interface IndexInfo {
  name: string;
  type: string;
  entityType: string;
  labelsOrTypes: string[];
  properties: string[];
  state: string;
  owningConstraint: string | null;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Every index of the database, as SHOW INDEXES lists it. */
export async function indexList(settings: Neo4jSettings): Promise<IndexInfo[]> {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), { userAgent: 'govgraph-bench' });
  try {
    const { records } = await driver.executeQuery(
      'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint RETURN * ORDER BY name',
      {},
      { database: settings.database },
    );
    return records.map((record) => {
      const owner: unknown = record.get('owningConstraint');
      return {
        name: String(record.get('name')),
        type: String(record.get('type')),
        entityType: String(record.get('entityType')),
        labelsOrTypes: strings(record.get('labelsOrTypes')),
        properties: strings(record.get('properties')),
        state: String(record.get('state')),
        owningConstraint: typeof owner === 'string' ? owner : null,
      };
    });
  } finally {
    await driver.close();
  }
}
