import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../log.ts';
import { requestIdOf } from './request-id.ts';

interface RequestLogEntry {
  requestId: string;
  startedAt: number;
  /** The path only: a GET query string holds the query and its variables. */
  path: string;
  operationName?: string;
  operationType?: string;
  /** Size of the variables as JSON, never their values: they may hold anything a client sends. */
  variablesBytes?: number;
  queries?: { roundTrips: number };
  cost?: number;
  errorCodes?: string[];
}

/** Liveness and readiness probes come every few seconds: logged at debug level only. */
const probePaths = new Set(['/health', '/ready']);

const entries = new WeakMap<Request, RequestLogEntry>();

function costIn(extensions: unknown): number | undefined {
  const cost = (extensions as { cost?: unknown } | undefined)?.cost;
  if (typeof cost === 'number') return cost;
  const nested = (cost as { cost?: unknown } | undefined)?.cost;
  return typeof nested === 'number' ? nested : undefined;
}

/**
 * One log line per request, written when the answer leaves: request id (echoed back in the
 * x-request-id header), operation, status, duration, Cypher round trips, cost and error codes.
 */
export function useRequestLog(logger: Logger): Plugin {
  return {
    onRequest({ request, url }) {
      entries.set(request, { requestId: requestIdOf(request), startedAt: performance.now(), path: url.pathname });
    },
    onParams({ request, params }) {
      const entry = entries.get(request);
      if (!entry) return;
      if (params.operationName) entry.operationName = params.operationName;
      entry.variablesBytes = params.variables ? Buffer.byteLength(JSON.stringify(params.variables)) : 0;
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request; reads?: { roundTrips: number } } | undefined;
      const entry = context?.request && entries.get(context.request);
      if (!entry) return;
      const operation = getOperationAST(args.document, args.operationName);
      entry.operationName ??= operation?.name?.value;
      entry.operationType = operation?.operation;
      entry.queries = context.reads;
    },
    onExecutionResult({ request, result }) {
      const entry = entries.get(request);
      if (!entry || !result || Symbol.asyncIterator in result) return;
      entry.cost = costIn(result.extensions);
      const codes = (result.errors ?? []).map((error) => String(error.extensions?.code ?? 'UNCODED'));
      if (codes.length > 0) entry.errorCodes = [...new Set(codes)];
    },
    onResponse({ request, response }) {
      // Without an entry, yoga answered before this plugin's onRequest (its /health).
      const entry = entries.get(request) ?? {
        requestId: requestIdOf(request),
        startedAt: performance.now(),
        path: new URL(request.url, 'http://localhost').pathname,
      };
      try {
        response.headers.set('x-request-id', entry.requestId);
      } catch {
        // A response with immutable headers (Response.error()) goes out without the echo; the log still has the id.
      }
      const path = entry.path;
      const line = {
        reqId: entry.requestId,
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
        operationName: entry.operationName,
        operationType: entry.operationType,
        roundTrips: entry.queries?.roundTrips,
        cost: entry.cost,
        variablesBytes: entry.variablesBytes,
        errors: entry.errorCodes,
      };
      if (probePaths.has(path)) logger.debug(line, 'request');
      else if (response.status >= 500) logger.warn(line, 'request');
      else logger.info(line, 'request');
    },
  };
}
