/**
 * GET /export: the graph, or one actor's neighbourhood, as a download. Public, like all
 * reading. The answer streams: each page of records is sent as it is read, so the server holds
 * one page at a time whatever the size of the graph. Metered like the API: its reads run in a
 * request scope with a time budget, only so many exports run at once, and a neighbourhood (whose
 * ids the walk holds) may reach only so many entities.
 */
import { defaultExportLimits, type ExportLimits } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { DatabaseUnavailableError, isUnavailable, RequestTimeoutError } from '../../db/errors.ts';
import { NeighbourhoodTooLargeError } from '../../db/repositories/exchange.ts';
import type { Logger } from '../../log.ts';
import {
  ExportNotFoundError,
  type ExportRequest,
  ExportRequestError,
  exportRequest,
  exportScope,
  startExport,
} from '../../services/export/export.ts';
import { requestIdOf } from '../request-id.ts';
import { errorAnswer, unavailableAnswer } from './http-answers.ts';

const parameters = ['format', 'part', 'around', 'depth'];

function requestOf(url: URL): ExportRequest {
  const given: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!parameters.includes(name))
      throw new ExportRequestError(`unknown parameter "${name}"; the parameters are ${parameters.join(', ')}`);
    if (name in given) throw new ExportRequestError(`parameter "${name}" is given twice`);
    given[name] = value;
  }
  return exportRequest(given, { csvPartRequired: true });
}

/** The /export handler, with its count of exports running. */
export function exportRoute(
  db: Database,
  logger: Logger,
  limits: ExportLimits = defaultExportLimits,
): (request: Request, url: URL) => Promise<Response> {
  let running = 0;
  return async (request, url) => {
    if (request.method !== 'GET') return errorAnswer(405, 'METHOD_NOT_ALLOWED', 'use GET for /export', { allow: 'GET' });
    if (running >= limits.concurrent) {
      return errorAnswer(
        429,
        'TOO_MANY_REQUESTS',
        `${limits.concurrent} exports are running on this server, the most it runs at once (GOVGRAPH_MAX_CONCURRENT_EXPORTS); try again in a few seconds`,
        { 'retry-after': '5' },
      );
    }
    running += 1;
    let released = false;
    const release = () => {
      if (!released) running -= 1;
      released = true;
    };
    try {
      const answer = await exportAnswer(db, request, url, logger, limits, release);
      if (answer.status !== 200) release();
      return answer;
    } catch (error) {
      release();
      throw error;
    }
  };
}

/** `done` is called once the export is over: answered with an error, streamed to its end, broken off or cancelled. */
export async function exportAnswer(
  db: Database,
  request: Request,
  url: URL,
  logger: Logger,
  limits: ExportLimits = defaultExportLimits,
  done: () => void = () => {},
): Promise<Response> {
  if (request.method !== 'GET') return errorAnswer(405, 'METHOD_NOT_ALLOWED', 'use GET for /export', { allow: 'GET' });
  let wanted: ExportRequest;
  try {
    wanted = requestOf(url);
  } catch (error) {
    if (error instanceof ExportRequestError) return errorAnswer(400, error.code, error.message);
    throw error;
  }
  let first: IteratorResult<string>;
  let stream: Awaited<ReturnType<typeof startExport>>;
  // It stops when the budget runs out or the client goes away, as a GraphQL request does.
  const reads = db.openScope({
    timeoutMs: limits.timeoutMs,
    clientSignal: request.signal,
    requestId: requestIdOf(request),
    operation: 'export',
  });
  try {
    stream = await startExport(reads, wanted, await exportScope(reads, wanted, limits.neighbourhoodEntities));
    // The first chunk is read before answering: a database that fails at once gets a 503, not a 200 with a broken body.
    first = await stream.chunks.next();
  } catch (error) {
    reads.dispose();
    if (error instanceof ExportNotFoundError) return errorAnswer(404, error.code, error.message);
    if (error instanceof NeighbourhoodTooLargeError) {
      return errorAnswer(
        400,
        'QUERY_TOO_COMPLEX',
        `${error.message}, the cap on neighbourhood exports (GOVGRAPH_MAX_EXPORT_ENTITIES = ${error.cap}); ask for a smaller depth, or export the whole graph`,
      );
    }
    if (error instanceof RequestTimeoutError) return errorAnswer(504, 'TIMEOUT', error.message);
    // The reads go through a ReadScope, which turns the driver's failure into DatabaseUnavailableError.
    if (error instanceof DatabaseUnavailableError || isUnavailable(error)) return unavailableAnswer();
    throw error;
  }
  const { chunks } = stream;
  const finish = () => {
    reads.dispose();
    done();
  };
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | undefined = first;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = pending ?? (await chunks.next());
        pending = undefined;
        if (next.done) {
          finish();
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        finish();
        // Past the first byte there is no status to change: the client sees the transfer break off, not a short file.
        logger.error({ err: error, path: '/export' }, 'the export failed while streaming');
        controller.error(error);
      }
    },
    async cancel() {
      finish();
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': stream.contentType,
      'content-disposition': `attachment; filename="${stream.fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
