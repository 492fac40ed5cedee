import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../../src/embedded/embedded-neo4j.ts';

export interface TestDatabaseSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  embedded: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestDatabaseSettings;
  }
}

/** The run's one Neo4j, shared by every project that lists this file as its global setup. */
interface SharedNeo4j {
  settings: Promise<TestDatabaseSettings>;
  stop: () => Promise<void>;
  /** Projects that set it up and have not torn it down yet; the last one stops it. */
  users: number;
}

declare global {
  // vitest loads a global setup file once per project, each time as a new module, so module
  // state is not shared between projects; the main process's globalThis is.
  var govgraphTestNeo4j: SharedNeo4j | undefined;
}

function startShared(): SharedNeo4j {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    return {
      users: 0,
      stop: async () => {},
      settings: Promise.resolve({
        uri,
        username: process.env.NEO4J_USERNAME ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
        database: process.env.NEO4J_DATABASE ?? 'neo4j',
        embedded: false,
      }),
    };
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-test-'));
  const starting = startEmbeddedNeo4j({
    dataDir: path.join(folder, 'neo4j'),
    // Generous: on a loaded shared machine the JVM has taken over three minutes to open Bolt.
    readyTimeoutMs: 360000,
    pageCacheMb: 512,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  return {
    users: 0,
    settings: starting.then((embedded) => ({ uri: embedded.uri, username: 'neo4j', password: '', database: 'neo4j', embedded: true })),
    stop: async () => {
      try {
        await (await starting).stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Starts one embedded Neo4j in a fresh temporary folder, unless NEO4J_URI names a server, and
 * hands its address to the project's tests (`inject('neo4j')`). Several projects share it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  globalThis.govgraphTestNeo4j ??= startShared();
  const shared = globalThis.govgraphTestNeo4j;
  shared.users += 1;
  project.provide('neo4j', await shared.settings);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    globalThis.govgraphTestNeo4j = undefined;
    await shared.stop();
  };
}
