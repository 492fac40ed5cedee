import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  uri: string;
  username: string;
  password: string;
  database: string;
  connectTimeoutMs: number;
  /**
   * How long a request waits for a connection, new or pooled, before the database counts as
   * unavailable; defaults to connectTimeoutMs.
   */
  acquireTimeoutMs?: number;
}

export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

/** Turns a driver failure into a cause a person can act on, never echoing the password. */
function describeCause(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized') return 'authentication failed: check NEO4J_USERNAME and NEO4J_PASSWORD';
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return `${message.split('\n')[0]} (check NEO4J_DATABASE)`;
  if (code === 'ServiceUnavailable' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timed out|Connection/i.test(message)) {
    return `unreachable: ${message.split('\n')[0]}`;
  }
  return message.split('\n')[0] ?? 'unknown error';
}

export function createDriver(settings: DriverSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    // Counts and degrees fit in a double; plain numbers keep row mapping simple.
    disableLosslessIntegers: true,
    // The driver's defaults wait 30-60 s; an API should fail fast and retry on the next request.
    // A host that swallows packets (rather than refusing) costs a request at most acquireTimeoutMs,
    // so the client hears "unavailable" within 2 s. Start-up keeps its own deadline (connect below),
    // and its retries are the managed transaction's, bounded by maxTransactionRetryTime.
    connectionTimeout: Math.min(settings.acquireTimeoutMs ?? settings.connectTimeoutMs, settings.connectTimeoutMs),
    connectionAcquisitionTimeout: settings.acquireTimeoutMs ?? settings.connectTimeoutMs,
    maxTransactionRetryTime: settings.connectTimeoutMs,
    userAgent: 'govgraph',
  });
}

/** Errors worth another try while connecting: the server is not (yet) taking connections. */
function isConnectRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /timed out|ECONNREFUSED|ECONNRESET/i.test(error.message);
}

/**
 * Connects and proves the database answers, within the connect timeout. Each try is bounded by
 * the driver's acquisition timeout (1.5 s by default, so that requests fail fast later); a try
 * that finds the server not taking connections yet is repeated until the connect timeout. On a
 * loaded machine a Neo4j that has just started can take longer than one try to answer its
 * first connection. Throws a DatabaseConnectError whose message names the URI and the cause
 * (never the password).
 */
export async function connect(settings: DriverSettings): Promise<Driver> {
  const driver = createDriver(settings);
  const deadline = Date.now() + settings.connectTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${settings.connectTimeoutMs} ms (timed out)`)),
        settings.connectTimeoutMs,
      );
    });
    const firstAnswer = async (): Promise<void> => {
      for (;;) {
        try {
          await driver.executeQuery('RETURN 1', {}, { database: settings.database, routing: neo4j.routing.READ });
          return;
        } catch (error) {
          if (!isConnectRetryable(error) || Date.now() + 250 >= deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    };
    await Promise.race([firstAnswer(), timedOut]);
    return driver;
  } catch (error) {
    await driver.close().catch(() => {});
    throw new DatabaseConnectError(`cannot use Neo4j at ${settings.uri}: ${describeCause(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
