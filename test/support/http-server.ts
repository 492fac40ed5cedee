import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/db/database.ts';
import type { ResponseStore } from '../../src/http/response-cache.ts';
import type { ChangeFeed } from '../../src/services/change-feed.ts';
import { createGovgraphYoga, type YogaOptions } from '../../src/yoga.ts';
import { testRequestTimeoutMs } from './graphql.ts';
import { scannedFetch } from './scanned-fetch.ts';

export interface HttpRequest {
  method?: string;
  /** Path and query string, e.g. "/graphql?query=…". */
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send the body in pieces without a Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface TestServer {
  url: string;
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
  /** The server's change feed: its poll count is what a test waits on, never the clock. */
  feed: ChangeFeed;
  /** The response cache, when the options asked for one. */
  responseStore: ResponseStore | null;
}

/** createGovgraphYoga behind a real node:http server on 127.0.0.1 (never another interface), on a free port. */
export async function startTestServer(db: Database, options: Omit<YogaOptions, 'db'> = {}): Promise<TestServer> {
  const yoga = createGovgraphYoga({ db, requestTimeoutMs: testRequestTimeoutMs, quotas: null, ...options });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    feed: yoga.changeFeed,
    responseStore: yoga.responseStore,
    async send(request) {
      const path = request.path ?? '/graphql';
      const body = request.body;
      const init: RequestInit & { duplex?: 'half' } = { method: request.method ?? 'POST', headers: request.headers ?? {} };
      if (body !== undefined && request.chunked) {
        const bytes = new TextEncoder().encode(body);
        init.body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 65536) controller.enqueue(bytes.subarray(at, at + 65536));
            controller.close();
          },
        });
        // Node's fetch streams a ReadableStream body only in half-duplex mode.
        init.duplex = 'half';
      } else if (body !== undefined) {
        init.body = body;
      }
      // The body as sent, even when it went in chunks, so the scan can tell an echo from a leak.
      const sent = JSON.stringify({ path, query: Object.fromEntries(new URL(`${url}${path}`).searchParams), body: body?.slice(0, 20000) });
      let response: Response;
      try {
        response = await scannedFetch(`${url}${path}`, init, { sent });
      } catch (error) {
        // The server may answer 413 and close before a large body is all sent: report what it said if it did.
        throw new Error(`request to ${path} failed: ${String(error)}`);
      }
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    close: async () => {
      await yoga.changeFeed.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
