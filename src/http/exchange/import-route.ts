/**
 * POST /admin/import: a file of the seed format (application/json) or a CSV file (text/csv) in
 * the body, for admin API keys. Checked whole, then written all or nothing, as `npm run import`
 * does. Not GraphQL, so yoga's CSRF and body-size checks do not reach it: it keeps its own. A
 * page on another site cannot make a browser import anything: the key travels in the
 * Authorization header, which a browser never adds by itself (no cookie stands in for it), and
 * the content types required here are ones a plain HTML form cannot send. The body is parsed and
 * checked in a worker thread (services/import.ts importBody): other clients are answered meanwhile.
 */
import { type ApiKeyRing, grantedScopes, refusal } from '../../auth/api-keys.ts';
import type { Database } from '../../db/database.ts';
import { DatabaseUnavailableError, isUnavailable } from '../../db/errors.ts';
import { SeedLoadError } from '../../db/load.ts';
import { SeedValidationError } from '../../domain/validate.ts';
import type { Logger } from '../../log.ts';
import type { ImportFormat } from '../../services/import.ts';
import { errorAnswer, jsonAnswer, unavailableAnswer } from './http-answers.ts';

export interface ImportRouteOptions {
  db: Database;
  apiKeys: ApiKeyRing;
  /** The largest body accepted (GOVGRAPH_MAX_IMPORT_BYTES). */
  maxImportBytes: number;
  /** See Config.staleLoadMs. */
  staleLoadMs: number;
  logger: Logger;
  /** Called once an import has written, with its operation (the response cache forgets at once). */
  onWritten?: (operation: string) => void;
}

const mediaTypes: Record<string, ImportFormat> = { 'application/json': 'json', 'text/csv': 'csv' };

function tooLarge(limit: number): Response {
  // The rest of the body is never read: the client must not send its next request on this connection.
  return errorAnswer(413, 'REQUEST_ENTITY_TOO_LARGE', `the import is over the limit of ${limit} bytes (GOVGRAPH_MAX_IMPORT_BYTES)`, {
    connection: 'close',
  });
}

export function importRoute(options: ImportRouteOptions): (request: Request) => Promise<Response> {
  // One import at a time per server: two would hold two bodies in memory and contend for the same locks.
  let running = false;
  return async (request) => {
    if (request.method !== 'POST') return errorAnswer(405, 'METHOD_NOT_ALLOWED', 'use POST for /admin/import', { allow: 'POST' });
    const caller = options.apiKeys.identify(request.headers.get('authorization'));
    if (!grantedScopes(caller).admin) {
      const unknown = caller.kind !== 'key';
      return errorAnswer(unknown ? 401 : 403, 'FORBIDDEN', refusal(caller, 'admin'), unknown ? { 'www-authenticate': 'Bearer' } : {});
    }
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const format = mediaTypes[mediaType];
    if (!format) {
      return errorAnswer(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'send the file with content-type application/json (the seed format) or text/csv (a CSV of entities or of relations)',
      );
    }
    const declared = Number(request.headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxImportBytes) return tooLarge(options.maxImportBytes);
    if (running) return errorAnswer(409, 'CONFLICT', 'another import is running on this server; send this one when it has finished');
    running = true;
    try {
      const by = caller.kind === 'key' ? caller.name : 'import';
      // Loaded by the first import, not at start-up (the readers of both formats and their checks).
      const { importBody } = await import('../../services/import.ts');
      // A chunked body has no Content-Length to check first: importBody stops reading past the limit.
      const imported = await importBody(
        options.db,
        request.body,
        { name: `body.${format}`, format, limit: options.maxImportBytes },
        { by, staleLoadMs: options.staleLoadMs, onNotice: (line) => options.logger.info({ path: '/admin/import', by }, line) },
      );
      if (imported.outcome === 'too-large') return tooLarge(options.maxImportBytes);
      if (imported.outcome === 'not-utf8') return errorAnswer(400, 'BAD_USER_INPUT', 'the body is not valid UTF-8 text');
      const { result } = imported;
      options.onWritten?.(result.summary.operation);
      options.logger.info(
        { path: '/admin/import', by, operation: result.summary.operation, entities: result.entities, relations: result.relations },
        'imported',
      );
      return jsonAnswer(200, { summary: result.summary });
    } catch (error) {
      if (error instanceof SeedValidationError) {
        const count = error.problems.length;
        return jsonAnswer(400, {
          error: { code: error.code, message: `the import has ${count} problem${count === 1 ? '' : 's'}; nothing was written` },
          problems: error.problems,
        });
      }
      // Another load still writing, or a write racing this one; the message says what is left behind, if anything.
      if (error instanceof SeedLoadError) return errorAnswer(409, 'CONFLICT', error.message);
      // The checks read through a ReadScope (DatabaseUnavailableError), the load through the driver.
      if (error instanceof DatabaseUnavailableError || isUnavailable(error)) return unavailableAnswer();
      throw error;
    } finally {
      running = false;
    }
  };
}
