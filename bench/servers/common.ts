import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

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

export interface Totals {
  requests: number;
  roundTrips: number;
}

/**
 * Serves the GraphQL handler on a free loopback port, plus GET /bench-stats (the counters) and
 * POST /bench-stats/reset. Prints "BENCH_READY <port>" once listening: the runner waits for it.
 */
export function serveStats(handle: (request: IncomingMessage, response: ServerResponse) => unknown, totals: Totals): void {
  const server = createServer((request, response) => {
    if (request.url === '/bench-stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(totals));
      return;
    }
    if (request.url === '/bench-stats/reset') {
      totals.requests = 0;
      totals.roundTrips = 0;
      response.writeHead(204).end();
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
