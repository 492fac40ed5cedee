/**
 * The exchange's HTTP routes as one yoga plugin: GET /export (export-route.ts) and
 * POST /admin/import (import-route.ts). Each answers in onRequest, before anything GraphQL.
 */
import type { Plugin } from 'graphql-yoga';
import type { ExportLimits } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../log.ts';
import { requestIdOf } from '../request-id.ts';
import { exportRoute } from './export-route.ts';
import { internalErrorAnswer } from './http-answers.ts';
import { type ImportRouteOptions, importRoute } from './import-route.ts';

export function useDataExchange(options: ImportRouteOptions & { db: Database; logger: Logger; exportLimits?: ExportLimits }): Plugin {
  const importAnswer = importRoute(options);
  const exportAnswer = exportRoute(options.db, options.logger, options.exportLimits);
  const answered = (request: Request, path: string, answer: Promise<Response>): Promise<Response> =>
    answer.catch((error: unknown) => {
      options.logger.error({ err: error, path, requestId: requestIdOf(request) }, 'the route failed');
      return internalErrorAnswer();
    });
  return {
    // Asynchronous on its own routes only: a promise from every request's hook would cost each
    // of them another turn through yoga's hook chain.
    onRequest({ request, url, endResponse }) {
      if (url.pathname === '/export') return answered(request, url.pathname, exportAnswer(request, url)).then(endResponse);
      if (url.pathname === '/admin/import') return answered(request, url.pathname, importAnswer(request)).then(endResponse);
    },
  };
}
