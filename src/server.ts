import { createServer } from 'node:http';
import { ConfigError, loadConfig, seedDataDir } from './config.ts';
import { DatabaseConnectError } from './db/driver.ts';
import { applySchemaMigrations } from './db/migrations.ts';
import { openDatabase } from './db/open.ts';
import { PrerequisiteError } from './embedded/build.ts';
import { EmbeddedStartError } from './embedded/embedded-neo4j.ts';
import { formatSummary, isGraphEmpty, loadSeedGraph, SeedLoadError } from './seed/load.ts';
import { progressBar } from './seed/progress.ts';
import { readSeedFolder, SeedValidationError, validateSeedFiles } from './seed/validate.ts';
import { createGovgraphYoga } from './yoga.ts';

const log = (line: string) => process.stderr.write(`govgraph: ${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, close: stopDatabase } = await openDatabase(config, log);
  try {
    await applySchemaMigrations(db);
    if (config.seedOnStart && (await isGraphEmpty(db))) {
      log(`the database holds no entity yet: loading the seed data from ${seedDataDir}`);
      const summary = await loadSeedGraph(db, validateSeedFiles(await readSeedFolder(seedDataDir)), {
        onProgress: progressBar('seeding'),
      });
      log(`seeded:\n${formatSummary(summary)}`);
    }
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
  const expected = [ConfigError, DatabaseConnectError, PrerequisiteError, EmbeddedStartError, SeedValidationError, SeedLoadError].some(
    (type) => error instanceof type,
  );
  const message = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
  log(message);
  process.exit(1);
});
