import type { ApiKeyEntry } from '../../../src/auth/api-keys.ts';
import { seedDataDir } from '../../../src/config.ts';
import type { Database } from '../../../src/db/database.ts';
import { loadSeedGraph } from '../../../src/db/load.ts';
import { readSeedFolder, validateSeedFiles } from '../../../src/domain/validate.ts';
import { examples } from '../../../src/examples/index.ts';
import { prepareWebPages } from '../../../src/web/routes.ts';
import { emptyDatabase, openTestDatabase } from '../../support/database.ts';
import { startTestServer, type TestServer } from '../../support/http-server.ts';

export interface SeededServer {
  db: Database;
  server: TestServer;
  close(): Promise<void>;
}

/**
 * The real seed in the run's Neo4j, behind a real HTTP server on 127.0.0.1, its pages bundled;
 * `apiKeys`: the keys it accepts (test/support/curation.ts testKeys), for pages that write.
 */
export async function startSeededServer(options: { apiKeys?: ApiKeyEntry[] } = {}): Promise<SeededServer> {
  const db = await openTestDatabase();
  await emptyDatabase(db);
  await loadSeedGraph(db, validateSeedFiles(await readSeedFolder(seedDataDir)));
  // These tests are about the pages, not the request budget: a loaded machine must not turn a
  // slow answer into a 504 the page then reports (the budget has tests of its own).
  const server = await startTestServer(db, { requestTimeoutMs: 60_000, ...(options.apiKeys ? { apiKeys: options.apiKeys } : {}) });
  await prepareWebPages(examples);
  return {
    db,
    server,
    async close() {
      await server.close();
      await emptyDatabase(db);
      await db.close();
    },
  };
}
