import type { Config } from '../config.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../embedded/embedded-neo4j.ts';
import { findRunningServer, publishRunningServer, withdrawRunningServer } from '../embedded/running-server.ts';
import { Database } from './database.ts';
import { connect, type DriverSettings } from './driver.ts';

export interface OpenDatabase {
  db: Database;
  /** The embedded Neo4j this process started and owns, if any. */
  embedded: EmbeddedNeo4j | undefined;
  /** True when this process uses the embedded Neo4j of a running server (see running-server.ts). */
  sharesRunningServer: boolean;
  /** Closes the driver, then stops the embedded Neo4j if this process started one. */
  close(): Promise<void>;
}

/**
 * Who opens the database: the server owns the embedded store and tells others where it listens;
 * a command-line tool uses a running server's store when there is one, and starts its own otherwise.
 */
export type DatabaseUser = 'server' | 'tool';

/** Connects to NEO4J_URI, or to the embedded Neo4j (a running server's, or one started here). */
export async function openDatabase(config: Config, log: (line: string) => void, user: DatabaseUser): Promise<OpenDatabase> {
  const settings: DriverSettings = { ...config.neo4j, uri: config.neo4j.uri ?? '' };
  const open = async (connection: DriverSettings) =>
    new Database(await connect(connection), connection.database, config.neo4j.transactionTimeoutMs);
  if (config.neo4j.uri) {
    const db = await open(settings);
    return { db, embedded: undefined, sharesRunningServer: false, close: () => db.close().catch(() => {}) };
  }
  // An embedded Neo4j is on this machine and said it is ready: waiting for its first answer as
  // long as for its start costs nothing on a quiet machine and saves a start on a loaded one.
  const embeddedSettings = (uri: string): DriverSettings => ({
    ...settings,
    uri,
    username: 'neo4j',
    password: '',
    connectTimeoutMs: Math.max(settings.connectTimeoutMs, config.embedded.readyTimeoutMs),
  });

  const running = user === 'tool' ? findRunningServer(config.embedded.dataDir) : undefined;
  if (running) {
    const db = await open(embeddedSettings(running.uri));
    log(`using the embedded Neo4j of the server running as process ${running.pid} (${running.uri})`);
    return { db, embedded: undefined, sharesRunningServer: true, close: () => db.close().catch(() => {}) };
  }

  const embedded = await startEmbeddedNeo4j({
    dataDir: config.embedded.dataDir,
    readyTimeoutMs: config.embedded.readyTimeoutMs,
    pageCacheMb: config.embedded.pageCacheMb,
    log,
  });
  try {
    const db = await open(embeddedSettings(embedded.uri));
    if (user === 'server') publishRunningServer(config.embedded.dataDir, embedded.uri);
    return {
      db,
      embedded,
      sharesRunningServer: false,
      close: async () => {
        if (user === 'server') withdrawRunningServer(config.embedded.dataDir);
        await db.close().catch(() => {});
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
