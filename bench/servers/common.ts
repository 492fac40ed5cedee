import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getHeapSpaceStatistics } from 'node:v8';
import { installBoltWire, resetWire, setCapture, takeCaptured, type WireValue, wire } from './bolt-wire.ts';

/** What every bench server reads from its environment: the one Neo4j all three share. */
export function uriFromEnv(): { uri: string; username: string; password: string; database: string } {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  return {
    uri,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

// Every server counts its Bolt traffic from the moment it loads, before its driver connects.
installBoltWire(Number(new URL(uriFromEnv().uri).port || 7687));

/**
 * The driver settings of all three systems: what src/db/driver.ts gives A for the 10 s connect
 * timeout its bench server asks for. B and C build their drivers from this, so integers, pool
 * and timeouts are the same everywhere; run.ts reads every server's effective settings back
 * (driverSettings below) and refuses to time systems whose drivers differ.
 */
export const connectTimeoutMs = 10000;
export function benchDriverConfig(userAgent: string): {
  disableLosslessIntegers: boolean;
  connectionTimeout: number;
  connectionAcquisitionTimeout: number;
  maxTransactionRetryTime: number;
  userAgent: string;
} {
  return {
    disableLosslessIntegers: true,
    connectionTimeout: connectTimeoutMs,
    connectionAcquisitionTimeout: connectTimeoutMs,
    maxTransactionRetryTime: connectTimeoutMs,
    userAgent,
  };
}

/** The settings that shape a driver's behaviour, as the driver itself holds them (its private _config). */
const reportedSettings = [
  'disableLosslessIntegers',
  'useBigInt',
  'maxConnectionPoolSize',
  'connectionAcquisitionTimeout',
  'connectionTimeout',
  'maxConnectionLifetime',
  'connectionLivenessCheckTimeout',
  'maxTransactionRetryTime',
  'fetchSize',
  'encrypted',
  'userAgent',
] as const;

export type DriverSettings = Partial<Record<(typeof reportedSettings)[number], string | number | boolean | null>>;

export function driverSettings(driver: object): DriverSettings {
  const config: unknown = Reflect.get(driver, '_config');
  const settings: DriverSettings = {};
  if (typeof config !== 'object' || config === null) return settings;
  for (const key of reportedSettings) {
    const value: unknown = Reflect.get(config, key);
    if (value === undefined) continue;
    settings[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
  return settings;
}

export interface Totals {
  requests: number;
}

/** Captured parameters hold bigints (integers): JSON carries them as {"$int": "…"}. */
function wireJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: WireValue | undefined) => (typeof item === 'bigint' ? { $int: item.toString() } : item));
}

/**
 * Serves the GraphQL handler on a free loopback port, plus the bench's own routes:
 * GET /bench-stats (requests served, Bolt traffic, driver settings), POST /bench-stats/reset,
 * POST /bench-capture/on and /off, GET /bench-captured (the RUN messages sent since the last
 * call). Prints "BENCH_READY <port>" once listening: the runner waits for it.
 */
/** The process's memory as V8 and Node see it, in MB: what bench/memory.ts sets beside /proc's RSS. */
function memoryStats(): { process: Record<string, number>; spaces: Record<string, { size: number; used: number }> } {
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const usage = process.memoryUsage();
  return {
    process: { rss: mb(usage.rss), heapTotal: mb(usage.heapTotal), heapUsed: mb(usage.heapUsed), external: mb(usage.external) },
    spaces: Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [space.space_name, { size: mb(space.space_size), used: mb(space.space_used_size) }]),
    ),
  };
}

export function serveStats(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
  totals: Totals,
  driver: object,
  system: string,
): void {
  const json = (response: ServerResponse, body: string) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  };
  const server = createServer((request, response) => {
    switch (request.url) {
      case '/bench-stats':
        json(response, JSON.stringify({ system, requests: totals.requests, wire, driver: driverSettings(driver) }));
        return;
      case '/bench-memory':
        json(response, JSON.stringify(memoryStats()));
        return;
      case '/bench-stats/reset':
        totals.requests = 0;
        resetWire();
        response.writeHead(204).end();
        return;
      case '/bench-capture/on':
      case '/bench-capture/off':
        setCapture(request.url.endsWith('/on'));
        response.writeHead(204).end();
        return;
      case '/bench-captured':
        json(response, wireJson(takeCaptured()));
        return;
    }
    if (request.url?.startsWith('/graphql')) totals.requests += 1;
    void handle(request, response);
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.stdout.write(`BENCH_READY ${port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The runner holds our stdin: when it dies, so do we.
  process.stdin.on('end', stop);
  process.stdin.resume();
}
