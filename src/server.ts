import { createServer } from 'node:http';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { Database } from './db/database.ts';
import { connect, DatabaseConnectError } from './db/driver.ts';
import { applySchemaMigrations } from './db/migrations.ts';
import { PrerequisiteError } from './embedded/build.ts';
import { type EmbeddedNeo4j, EmbeddedStartError, startEmbeddedNeo4j } from './embedded/embedded-neo4j.ts';
import { createGovgraphYoga } from './yoga.ts';

const log = (line: string) => process.stderr.write(`govgraph: ${line}\n`);

async function openDatabase(config: Config): Promise<{ db: Database; embedded?: EmbeddedNeo4j }> {
  let embedded: EmbeddedNeo4j | undefined;
  let settings = { ...config.neo4j, uri: config.neo4j.uri ?? '' };
  if (!config.neo4j.uri) {
    embedded = await startEmbeddedNeo4j({
      dataDir: config.embedded.dataDir,
      readyTimeoutMs: config.embedded.readyTimeoutMs,
      pageCacheMb: config.embedded.pageCacheMb,
      transactionTimeoutMs: config.neo4j.transactionTimeoutMs * 2,
      log,
    });
    settings = { ...settings, uri: embedded.uri, username: 'neo4j', password: '' };
  }
  try {
    const driver = await connect(settings);
    return { db: new Database(driver, settings.database, config.neo4j.transactionTimeoutMs), embedded };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, embedded } = await openDatabase(config);
  const stopDatabase = async () => {
    await db.close().catch(() => {});
    await embedded?.stop();
  };
  try {
    await applySchemaMigrations(db);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const yoga = createGovgraphYoga({ db });
  const server = createServer(yoga);
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: finishing in-flight requests, then stopping`);
    server.close(() => {
      void stopDatabase().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`govgraph GraphQL API ready at http://${shownHost}:${port}/graphql`);
}

main().catch((error: unknown) => {
  const expected = [ConfigError, DatabaseConnectError, PrerequisiteError, EmbeddedStartError].some((type) => error instanceof type);
  const message = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
  log(message);
  process.exit(1);
});
