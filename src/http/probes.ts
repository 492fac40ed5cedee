import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

export interface ReadinessOptions {
  /** True once SIGTERM/SIGINT began a shutdown: a balancer should stop sending traffic here. */
  isShuttingDown?: () => boolean;
  /** The longest /ready waits for Neo4j; a database that does not answer by then is down. */
  timeoutMs?: number;
}

async function databaseAnswers(db: Database, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const check = db.ping().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /ready answers 200 only while Neo4j answers, so a balancer stops sending traffic during an
 * outage. Liveness (/health) is yoga's own and never asks the database: an outage must not
 * get the server restarted for nothing. Every call asks the database afresh: no remembered
 * state can keep the server "down" after Neo4j is back.
 */
export function useReadinessProbe(db: Database, options: ReadinessOptions = {}): Plugin {
  const timeoutMs = options.timeoutMs ?? 1500;
  return {
    // Asynchronous on /ready only, as the other routes' hooks (exchange/routes.ts).
    onRequest({ url, endResponse }) {
      if (url.pathname !== '/ready') return;
      if (options.isShuttingDown?.()) return endResponse(json(503, { status: 'not ready', reason: 'shutting down' }));
      return databaseAnswers(db, timeoutMs).then((up) =>
        endResponse(up ? json(200, { status: 'ready', database: 'up' }) : json(503, { status: 'not ready', database: 'down' })),
      );
    },
  };
}
