/**
 * GET /export: the graph, or one actor's neighbourhood, as a download. Public, like all
 * reading. The answer streams: each page of records is sent as it is read, so the server holds
 * one page at a time whatever the size of the graph.
 */
import type { Database } from '../../db/database.ts';
import { DatabaseUnavailableError, isUnavailable } from '../../db/errors.ts';
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

export async function exportAnswer(db: Database, request: Request, url: URL, logger: Logger): Promise<Response> {
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
  try {
    // The export streams for as long as it takes; it stops when the client goes away.
    const reads = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, clientSignal: request.signal, requestId: requestIdOf(request) });
    stream = await startExport(reads, wanted, await exportScope(reads, wanted));
    // The first chunk is read before answering: a database that fails at once gets a 503, not a 200 with a broken body.
    first = await stream.chunks.next();
  } catch (error) {
    if (error instanceof ExportNotFoundError) return errorAnswer(404, error.code, error.message);
    // The reads go through a ReadScope, which turns the driver's failure into DatabaseUnavailableError.
    if (error instanceof DatabaseUnavailableError || isUnavailable(error)) return unavailableAnswer();
    throw error;
  }
  const { chunks } = stream;
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | undefined = first;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = pending ?? (await chunks.next());
        pending = undefined;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Past the first byte there is no status to change: the client sees the transfer break off, not a short file.
        logger.error({ err: error, path: '/export' }, 'the export failed while streaming');
        controller.error(error);
      }
    },
    async cancel() {
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
