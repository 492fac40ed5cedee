import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/**
 * /ready answers 200 only while Neo4j answers, so a balancer stops sending traffic during an
 * outage. Liveness (/health) is yoga's own and never asks the database: an outage must not
 * get the server restarted for nothing.
 */
export function useReadinessProbe(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/ready') {
        try {
          await db.driver.verifyConnectivity({ database: db.name });
          endResponse(json(200, { status: 'ready', database: 'up' }));
        } catch {
          endResponse(json(503, { status: 'not ready', database: 'down' }));
        }
      }
    },
  };
}
