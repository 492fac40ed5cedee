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

/** Starts one embedded Neo4j in a fresh temporary folder, unless NEO4J_URI names a server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    project.provide('neo4j', {
      uri,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      embedded: false,
    });
    return async () => {};
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-test-'));
  const embedded = await startEmbeddedNeo4j({
    dataDir: path.join(folder, 'neo4j'),
    readyTimeoutMs: 180000,
    pageCacheMb: 512,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  project.provide('neo4j', { uri: embedded.uri, username: 'neo4j', password: '', database: 'neo4j', embedded: true });
  return async () => {
    await embedded.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
