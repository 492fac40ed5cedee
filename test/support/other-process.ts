import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { YogaOptions } from '../../src/yoga.ts';
import { type TestKeys, testKeys } from './curation.ts';
import { openTestDatabase } from './database.ts';
import { neo4jEnv } from './exchange.ts';
import { GraphQLClient, loadRealSeed } from './graphql.ts';
import { startTestServer, type TestServer } from './http-server.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/** The change feed's poll interval in these tests, in this process's server and in the child's. */
const pollMs = 100;

/**
 * For tests of what a server hears of writes it did not make (the change feed, the response
 * cache): the real seed in the test database; a server in this process on it; a writer with a
 * driver and pool of its own, standing for another process; and, on demand, the real server as
 * a child process on the same Neo4j, sharing nothing in memory with this one.
 *
 * Registers the file's beforeAll and afterAll; read the fields inside tests, not at the top level.
 */
export class OtherProcessSuite {
  readonly keys: TestKeys = testKeys();
  #db: Database | undefined;
  #writerDb: Database | undefined;
  #writer: GraphQLClient | undefined;
  #server: TestServer | undefined;
  #child: ServerProcess | undefined;

  constructor(serverOptions: Omit<YogaOptions, 'db' | 'apiKeys' | 'feed'> = {}) {
    beforeAll(async () => {
      this.#db = await openTestDatabase();
      await loadRealSeed(this.#db);
      this.#writerDb = await openTestDatabase();
      this.#writer = new GraphQLClient(this.#writerDb, { apiKeys: this.keys.entries });
      this.#server = await startTestServer(this.#db, { ...serverOptions, apiKeys: this.keys.entries, feed: { pollMs } });
    });
    afterAll(async () => {
      if (this.#child?.child.pid) {
        process.kill(-this.#child.child.pid, 'SIGTERM');
        await this.#child.exited;
      }
      await this.#server?.close();
      await this.#writerDb?.close();
      await this.#db?.close();
    });
  }

  /** The test database, as the in-process server reads it. */
  get db(): Database {
    return ready(this.#db);
  }

  /** The other process's database: its own driver and pool. */
  get writerDb(): Database {
    return ready(this.#writerDb);
  }

  /** The API on writerDb, with the suite's keys. */
  get writer(): GraphQLClient {
    return ready(this.#writer);
  }

  /** The server in this process, on db, feed polled every 100 ms. */
  get server(): TestServer {
    return ready(this.#server);
  }

  /** Starts the real server (src/server.ts) as a child process on the test Neo4j; the suite's afterAll stops it. */
  async startChild(): Promise<ServerProcess> {
    if (this.#child) throw new Error('the child server is already started');
    this.#child = await startServer(
      neo4jEnv({ PORT: '0', GOVGRAPH_SEED_ON_START: 'false', LOG_LEVEL: 'silent', GOVGRAPH_FEED_POLL_MS: String(pollMs) }),
      [process.execPath, 'src/server.ts'],
    );
    return this.#child;
  }
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('read the suite inside a test: its beforeAll has not run');
  return value;
}
