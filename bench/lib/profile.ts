import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import type { Neo4jSettings } from './harness.ts';
import { type BenchServer, type CapturedRun, graphql, setCapture, takeCaptured } from './harness.ts';
import { type QueryName, queryNames, type Request, type System, systems } from './mix.ts';

/**
 * PROFILE of what each system really sends for a request: the server captures its RUN messages
 * on the wire (bench/servers/bolt-wire.ts), including the Cypher @neo4j/graphql generates, and
 * each captured statement is run again here under PROFILE with the same parameters. The db hits
 * of a request are the sum over its statements and over every operator of their plans.
 */

export interface OperatorCost {
  operator: string;
  /** What the operator works on, as the plan says (index, label, expression), shortened. */
  details: string;
  dbHits: number;
  rows: number;
}

export interface StatementProfile {
  /** The statement's first line, shortened, to tell statements apart in a report. */
  excerpt: string;
  dbHits: number;
  rows: number;
  /** Operators of the plan with the most db hits first (at most 6). */
  costliest: OperatorCost[];
  /** Every operator name in the plan, root first: reads of a whole label (NodeByLabelScan, AllNodesScan) and Sort show here. */
  operators: string[];
  /** The statement and its whole plan as an indented tree (profile.ts --plans only). */
  text?: string;
  plan?: string;
}

function planTree(plan: ProfiledPlan, depth = 0): string[] {
  const details = String(plan.arguments?.Details ?? '').replace(/\s+/g, ' ');
  const line = `${'  '.repeat(depth)}${plan.operatorType.replace(/@.*$/, '')} rows=${plan.rows} dbHits=${plan.dbHits}${details ? `  ${details}` : ''}`;
  return [line, ...plan.children.flatMap((child) => planTree(child, depth + 1))];
}

export interface RequestProfile {
  /** Index of the parameter set in the equality gate's list. */
  set: number;
  statements: StatementProfile[];
  dbHits: number;
}

export interface QueryProfile {
  query: QueryName;
  system: System;
  requests: RequestProfile[];
  statementsPerRequest: number;
  dbHits: { median: number; min: number; max: number };
}

function sumPlan(plan: ProfiledPlan): { dbHits: number; operators: OperatorCost[] } {
  const details = String(plan.arguments?.Details ?? plan.arguments?.details ?? '').replace(/\s+/g, ' ');
  const own: OperatorCost = {
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: details.length > 90 ? `${details.slice(0, 87)}…` : details,
    dbHits: plan.dbHits,
    rows: plan.rows,
  };
  let dbHits = plan.dbHits;
  const operators = [own];
  for (const child of plan.children) {
    const sub = sumPlan(child);
    dbHits += sub.dbHits;
    operators.push(...sub.operators);
  }
  return { dbHits, operators };
}

/** Captured parameters back to driver values: integers as neo4j integers, so LIMIT gets what it got. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === 'object' && value !== null) {
    const integer: unknown = Reflect.get(value, '$int');
    if (typeof integer === 'string' && Object.keys(value).length === 1) return neo4j.int(integer);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revive(item)]));
  }
  return value;
}

/** PROFILE goes before the statement, after any CYPHER options line @neo4j/graphql may put first. */
export function profiled(statement: string): string {
  const options = /^\s*CYPHER\b[^\n]*\n/.exec(statement);
  return options ? `${options[0]}PROFILE ${statement.slice(options[0].length)}` : `PROFILE ${statement}`;
}

export async function profileStatement(driver: Driver, database: string, run: CapturedRun, withPlan = false): Promise<StatementProfile> {
  const parameters = revive(run.parameters);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(profiled(run.query), typeof parameters === 'object' && parameters !== null ? parameters : {});
    const plan = result.summary.profile;
    if (!plan) throw new Error('PROFILE returned no plan');
    const { dbHits, operators } = sumPlan(plan);
    // The first line that says what the statement reads, past CYPHER options and subquery openers.
    const lines = run.query.split('\n').map((line) => line.trim());
    const firstLine = lines.find((line) => line && !/^CYPHER\b/.test(line) && !/^CALL \([\w, ]*\) \{$/.test(line)) ?? lines[0] ?? '';
    return {
      excerpt: firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine,
      dbHits,
      rows: plan.rows,
      costliest: [...operators].sort((x, y) => y.dbHits - x.dbHits).slice(0, 6),
      operators: operators.map((operator) => operator.operator),
      ...(withPlan ? { text: run.query, plan: planTree(plan).join('\n') } : {}),
    };
  } finally {
    await session.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/**
 * PROFILEs `setsPerQuery` parameter sets of each query on each system: the requests the timed
 * runs send (the equality gate's `prepared`, so Q2 is page 2 with the system's own cursor).
 */
export async function profileQueries(
  servers: Record<System, BenchServer>,
  neo4jSettings: Neo4jSettings,
  queryOf: (index: number) => QueryName,
  prepared: Record<System, Request[]>,
  setsPerQuery: number,
  log: (line: string) => void = () => {},
  withPlans = false,
): Promise<QueryProfile[]> {
  const driver = neo4j.driver(neo4jSettings.uri, neo4j.auth.basic(neo4jSettings.username, neo4jSettings.password), {
    disableLosslessIntegers: true,
    userAgent: 'govgraph-bench-profile',
  });
  const results: QueryProfile[] = [];
  try {
    for (const server of Object.values(servers)) await setCapture(server, true);
    for (const query of queryNames) {
      const indexes = prepared.A.map((_, index) => index)
        .filter((index) => queryOf(index) === query)
        .slice(0, setsPerQuery);
      // bench/profile.ts --query draws sets of that query alone: the others have nothing to profile.
      if (indexes.length === 0) continue;
      for (const system of systems) {
        const server = servers[system];
        const requests: RequestProfile[] = [];
        for (const index of indexes) {
          const request = prepared[system][index];
          if (!request) continue;
          await takeCaptured(server); // whatever an earlier request left
          const reply = await graphql(server.port, request);
          if (reply.status !== 200 || reply.errors) throw new Error(`${system} ${query} #${index}: ${JSON.stringify(reply.errors)}`);
          const runs = await takeCaptured(server);
          // Every query of the mix reads the database: nothing captured means the wire is not watched.
          if (runs.length === 0) throw new Error(`${system} ${query} #${index}: no statement captured on the wire (servers/bolt-wire.ts)`);
          const statements: StatementProfile[] = [];
          for (const run of runs) statements.push(await profileStatement(driver, neo4jSettings.database, run, withPlans));
          requests.push({ set: index, statements, dbHits: statements.reduce((sum, statement) => sum + statement.dbHits, 0) });
        }
        const hits = requests.map((request) => request.dbHits);
        const profile: QueryProfile = {
          query,
          system,
          requests,
          statementsPerRequest: median(requests.map((request) => request.statements.length)),
          dbHits: { median: median(hits), min: Math.min(...hits), max: Math.max(...hits) },
        };
        results.push(profile);
        log(
          `PROFILE ${query} ${system}: ${profile.statementsPerRequest} statements, db hits median ${profile.dbHits.median} ` +
            `(${profile.dbHits.min}–${profile.dbHits.max}) over ${requests.length} parameter sets`,
        );
      }
    }
  } finally {
    for (const server of Object.values(servers)) await setCapture(server, false).catch(() => {});
    await driver.close();
  }
  return results;
}
