import { expect } from 'vitest';
import { seedDataDir } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { readSeedFolder, validateSeedFiles } from '../../src/domain/validate.ts';
import { createGovgraphYoga, type YogaOptions } from '../../src/yoga.ts';
import { emptyDatabase } from './database.ts';
import { scannedFetch } from './scanned-fetch.ts';

export interface GraphQLErrorOut {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: { code?: string; argument?: string; field?: string; [name: string]: unknown };
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: GraphQLErrorOut[];
}

export type Variables = Record<string, unknown>;

/**
 * The time budget of the servers tests build, unless a test sets its own. Tests that are not
 * about the budget must not fail by it: on a shared, loaded machine an answer that takes
 * milliseconds when the machine is quiet has taken over the production default of 10 s.
 * test/integration/request-budget.test.ts tests the budget itself, with budgets of its own.
 */
export const testRequestTimeoutMs = 120_000;

/** How to send one request: as whom (an Authorization header value, e.g. "Bearer ggk_…"). */
export interface RequestOptions {
  authorization?: string;
}

/** GraphQL over yoga.fetch, in-process: the whole request path but the socket. */
export class GraphQLClient {
  readonly #yoga: ReturnType<typeof createGovgraphYoga>;

  constructor(db: Database, options: Omit<YogaOptions, 'db'> = {}) {
    this.#yoga = createGovgraphYoga({ db, requestTimeoutMs: testRequestTimeoutMs, quotas: null, ...options });
  }

  /** One request, with its HTTP status. */
  async send<T>(
    query: string,
    variables: Variables = {},
    request: RequestOptions = {},
  ): Promise<{ status: number; result: GraphQLResult<T> }> {
    const body = JSON.stringify({ query, variables });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.authorization !== undefined) headers.authorization = request.authorization;
    const response = await scannedFetch('http://test/graphql', { method: 'POST', headers, body }, { via: this.#yoga });
    return { status: response.status, result: (await response.json()) as GraphQLResult<T> };
  }

  async run<T>(query: string, variables: Variables = {}, request: RequestOptions = {}): Promise<GraphQLResult<T>> {
    return (await this.send<T>(query, variables, request)).result;
  }

  /** The data of a query that must succeed; a failure shows the errors themselves. */
  async data<T>(query: string, variables: Variables = {}, request: RequestOptions = {}): Promise<T> {
    const result = await this.run<T>(query, variables, request);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  /** The one error a query must fail with. */
  async error(query: string, variables: Variables = {}, request: RequestOptions = {}): Promise<GraphQLErrorOut> {
    const result = await this.run<unknown>(query, variables, request);
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0] as GraphQLErrorOut;
  }
}

/** The real seed graph, checked as `npm run seed` checks it. */
export async function readRealSeed(): Promise<SeedGraph> {
  return validateSeedFiles(await readSeedFolder(seedDataDir));
}

/** Empties the database and loads the real seed graph into it; returns the graph for expectations. */
export async function loadRealSeed(db: Database): Promise<SeedGraph> {
  const graph = await readRealSeed();
  await emptyDatabase(db);
  await loadSeedGraph(db, graph);
  return graph;
}
