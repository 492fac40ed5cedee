import { recordExchange } from './leak-scan.ts';

/** What answers a request as fetch does: globalThis over HTTP, or a yoga instance in-process. */
export interface Fetcher {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

export interface ScanOptions {
  /** Who answers: a yoga instance in-process (yoga.fetch); by default the global fetch, over HTTP. */
  via?: Fetcher;
  /** What was sent, when the body is not a string (a stream sent in chunks). */
  sent?: string;
}

/** Statuses whose responses carry no body: a Response cannot be built with one. */
const bodiless = new Set([204, 205, 304]);

/** What a test sent, for the scan to tell an echo of the client's own text from a leak. */
function describeRequest(url: string, init: RequestInit): string {
  const { pathname, searchParams } = new URL(url);
  const body = typeof init.body === 'string' ? init.body.slice(0, 20000) : undefined;
  return JSON.stringify({ path: pathname, query: Object.fromEntries(searchParams), body });
}

/**
 * The one way tests get an HTTP answer (test/unit/leak-scan.test.ts refuses any other): sends the
 * request, records the answer for the leak scan that test/setup/leak-scan.ts runs after every
 * test file, and returns an unread Response with the same status, headers and body.
 *
 * HTML pages (GraphiQL) are not recorded: they are static, and their indented script has
 * "    at"-like runs of spaces that read as a stack trace.
 */
export async function scannedFetch(url: string, init: RequestInit = {}, options: ScanOptions = {}): Promise<Response> {
  const response = await (options.via ?? globalThis).fetch(url, init);
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('text/html')) {
    recordExchange({ request: options.sent ?? describeRequest(url, init), response: text });
  }
  return new Response(bodiless.has(response.status) ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * scannedFetch for an answer that streams (Server-Sent Events): the body is handed on as it
 * arrives, and recorded for the leak scan once it ends or the client stops reading.
 */
export async function streamedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await globalThis.fetch(url, init);
  const request = describeRequest(url, init);
  const source = response.body;
  if (!source) {
    recordExchange({ request, response: '' });
    return response;
  }
  const reader = source.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    recordExchange({ request, response: text });
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        record();
        throw error;
      }
      if (next.done) {
        record();
        controller.close();
        return;
      }
      text += decoder.decode(next.value, { stream: true });
      controller.enqueue(next.value);
    },
    async cancel(reason) {
      record();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
