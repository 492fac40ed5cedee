import type { Config } from '../config.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../embedded/embedded-neo4j.ts';
import { Database } from './database.ts';
import { connect } from './driver.ts';

export interface OpenDatabase {
  db: Database;
  embedded: EmbeddedNeo4j | undefined;
  /** Closes the driver, then stops the embedded Neo4j if there is one. */
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or starts the embedded Neo4j first when none is configured. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  let embedded: EmbeddedNeo4j | undefined;
  let settings = { ...config.neo4j, uri: config.neo4j.uri ?? '' };
  if (!config.neo4j.uri) {
    embedded = await startEmbeddedNeo4j({
      dataDir: config.embedded.dataDir,
      readyTimeoutMs: config.embedded.readyTimeoutMs,
      pageCacheMb: config.embedded.pageCacheMb,
      log,
    });
    settings = { ...settings, uri: embedded.uri, username: 'neo4j', password: '' };
  }
  try {
    const driver = await connect(settings);
    const db = new Database(driver, settings.database, config.neo4j.transactionTimeoutMs);
    return {
      db,
      embedded,
      close: async () => {
        await db.close().catch(() => {});
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
