/**
 * The exchange's HTTP routes as one yoga plugin: GET /export (export-route.ts) and
 * POST /admin/import (import-route.ts). Each answers in onRequest, before anything GraphQL.
 */
import type { Plugin } from 'graphql-yoga';
import type { ExportLimits } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../log.ts';
import { exportRoute } from './export-route.ts';
import { type ImportRouteOptions, importRoute } from './import-route.ts';

export function useDataExchange(options: ImportRouteOptions & { db: Database; logger: Logger; exportLimits?: ExportLimits }): Plugin {
  const importAnswer = importRoute(options);
  const exportAnswer = exportRoute(options.db, options.logger, options.exportLimits);
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/export') endResponse(await exportAnswer(request, url));
      else if (url.pathname === '/admin/import') endResponse(await importAnswer(request));
    },
  };
}
