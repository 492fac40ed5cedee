import { createServer } from 'node:http';
import { Server as NetServer } from 'node:net';
import { progressBar } from './cli/progress.ts';
import { ConfigError, loadConfig, seedDataDir } from './config.ts';
import { DatabaseConnectError } from './db/driver.ts';
import { formatSummary, isGraphEmpty, loadSeedGraph, recoverInterruptedLoads, SeedLoadError } from './db/load.ts';
import { applySchemaMigrations } from './db/migrations.ts';
import { openDatabase } from './db/open.ts';
import { readSeedFolder, SeedValidationError, validateSeedFiles } from './domain/validate.ts';
import { PrerequisiteError } from './embedded/build.ts';
import { EmbeddedStartError } from './embedded/embedded-neo4j.ts';
import { examples } from './examples/index.ts';
import { startTracing } from './http/tracing.ts';
import { warmUp } from './http/warm-up.ts';
import { createLogger } from './log.ts';
import { prepareWebPages } from './web/routes.ts';
import { createGovgraphYoga } from './yoga.ts';

const log = (line: string) => process.stderr.write(`govgraph: ${line}\n`);

/** How long idle keep-alive connections may still bring a request after shutdown began. */
const keepAliveLingerMs = 1000;
const acceptBacklogMs = 100;

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, close: stopDatabase } = await openDatabase(config, log, 'server');
  try {
    await applySchemaMigrations(db, log);
    // An import killed halfway is undone here rather than left half-written until the next one.
    // The embedded store admits this process only, so any load still open in it is dead.
    await recoverInterruptedLoads(db, { staleLoadMs: config.neo4j.uri ? config.staleLoadMs : 0, onNotice: log });
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

  const logger = createLogger(config.logLevel);
  // Off unless the OTEL_* variables ask for traces (docs/operations.md, "Traces").
  const stopTracing = await startTracing();
  if (stopTracing) logger.info({ exporter: process.env.OTEL_TRACES_EXPORTER ?? 'otlp' }, 'OpenTelemetry traces on');
  let shuttingDown = false;
  const yoga = createGovgraphYoga({
    db,
    requestTimeoutMs: config.requestTimeoutMs,
    logger,
    isShuttingDown: () => shuttingDown,
    apiKeys: config.apiKeys,
    quotas: config.quotas,
    exchange: { maxImportBytes: config.maxImportBytes, staleLoadMs: config.staleLoadMs, exportLimits: config.exportLimits },
    feed: config.feed,
    responseCache: config.responseCache,
  });
  const server = createServer();
  // A request that arrives on a kept-alive connection after shutdown began was sent before the
  // client could know: it is answered, and its connection closed after the answer.
  server.on('request', (_request, response) => {
    if (shuttingDown) response.setHeader('connection', 'close');
  });
  server.on('request', yoga);

  const shutdown = async (signal: string) => {
    // A second signal (npm forwards Ctrl-C to a group that already got it) changes nothing.
    if (shuttingDown) return;
    shuttingDown = true;
    const started = Date.now();
    log(`${signal}: refusing new connections, finishing in-flight requests (at most ${config.shutdownTimeoutMs} ms), then stopping`);
    // Stop listening, but do not close idle keep-alive connections at once as http's close()
    // does: a client may be sending on one right now, and would see it reset. Each connection
    // gets its next answer with `connection: close` instead; those still idle after a moment
    // are closed then.
    // The listener itself closes a moment later: a connection the kernel has completed but this
    // process has not yet accepted (a busy event loop lags) would otherwise be reset, though its
    // client sent before the signal. In the meantime it is accepted and answered with
    // `connection: close`, like any request that arrives after the signal.
    const drained = new Promise<void>((resolve) => {
      setTimeout(() => NetServer.prototype.close.call(server, () => resolve()), acceptBacklogMs);
    });
    // Change subscriptions never end by themselves: they end here, and their clients reconnect
    // elsewhere with their cursors. Not awaited: a poll in flight ends with the database.
    void yoga.changeFeed.stop();
    // A merge job is one transaction: it commits before the database stops, or the
    // shutdown's deadline passes and it is rolled back, to read as interrupted.
    const jobsDone = yoga.mergeJobs.stop();
    const linger = setTimeout(() => server.closeIdleConnections(), Math.min(keepAliveLingerMs, config.shutdownTimeoutMs));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), config.shutdownTimeoutMs);
    });
    if ((await Promise.race([Promise.all([drained, jobsDone]), late])) === 'late') {
      log(`requests still running after ${config.shutdownTimeoutMs} ms: closing their connections`);
      server.closeAllConnections();
    }
    clearTimeout(timer);
    clearTimeout(linger);
    let code = 0;
    try {
      await stopDatabase();
    } catch (error) {
      log(`stopping the database failed: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
    // The last spans go out before the process does.
    await stopTracing?.().catch(() => {});
    log(`stopped in ${Date.now() - started} ms`);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.warmUp) {
    const warm = await warmUp(yoga, log);
    log(`warmed up in ${warm.ms} ms (${warm.requests} requests${warm.failed > 0 ? `, ${warm.failed} failed` : ''})`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`govgraph GraphQL API ready at http://${shownHost}:${port}/graphql`);
  console.log(`govgraph explorer at http://${shownHost}:${port}/explore`);
  // The browser pages are bundled in the background, so the first visitor need not wait.
  prepareWebPages(examples).catch((error: unknown) => logger.error({ err: error }, 'bundling the browser pages failed'));
}

main().catch((error: unknown) => {
  const expected = [ConfigError, DatabaseConnectError, PrerequisiteError, EmbeddedStartError, SeedValidationError, SeedLoadError].some(
    (type) => error instanceof type,
  );
  const message = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
  log(message);
  process.exit(1);
});
