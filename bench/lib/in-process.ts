import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, seedDataDir } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { readSeedFolder, validateSeedFiles } from '../../src/domain/validate.ts';
import type { createGovgraphYoga } from '../../src/yoga.ts';

/**
 * For the benches that run govgraph inside their own process (cache.ts, feed.ts, flood.ts): the
 * seed data on a Neo4j of their own, and the API served on a loopback port.
 */

export interface SeededDatabase {
  db: Database;
  graph: SeedGraph;
  /** Closes the driver, stops the embedded Neo4j and removes its folder. */
  close(): Promise<void>;
}

/**
 * An embedded Neo4j in a temporary folder named after `prefix`, or the one `neo4jUri` names,
 * holding the seed data (loading it changes nothing where it is already in).
 */
export async function openSeededDatabase(prefix: string, neo4jUri?: string): Promise<SeededDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  // Generous connection waits: the machine this runs on is small and shared, and a start that fails is no measurement.
  const config = loadConfig({
    ...(neo4jUri ? { NEO4J_URI: neo4jUri } : {}),
    GOVGRAPH_DATA_DIR: path.join(dataDir, 'neo4j'),
    NEO4J_CONNECT_TIMEOUT_MS: '60000',
    NEO4J_ACQUIRE_TIMEOUT_MS: '10000',
    GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS: '600000',
  });
  const opened = await openDatabase(config, (line) => console.error(`[neo4j] ${line}`), 'tool').catch((error: unknown) => {
    removeDataDir();
    throw error;
  });
  const close = async () => {
    await opened.close();
    removeDataDir();
  };
  try {
    const graph = validateSeedFiles(await readSeedFolder(seedDataDir));
    await loadSeedGraph(opened.db, graph);
    return { db: opened.db, graph, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface Served {
  /** The GraphQL endpoint. */
  url: string;
  /** Stops the change feed's poller and the HTTP server, open connections included. */
  stop(): Promise<void>;
}

/** Serves a govgraph yoga on a free loopback port. */
export async function serveOnLoopback(yoga: ReturnType<typeof createGovgraphYoga>): Promise<Served> {
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await yoga.changeFeed.stop();
      server.close();
      server.closeAllConnections();
    },
  };
}
