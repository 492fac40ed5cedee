/**
 * One OpenTelemetry span per HTTP request, the parent of its DataLoader batches' and Cypher
 * statements' spans (src/schema/loaders.ts, src/db/statement-span.ts). None is made until an
 * SDK is registered (src/tracer.ts), which startTracing below does when the standard OTEL_*
 * variables ask for traces. Variables are never recorded, nor statement parameters: only the
 * operation's name and type, and each statement's template name. They may hold anything a
 * client sends.
 */
import { type Context, context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tracer, tracing } from '../tracer.ts';
import { requestIdOf } from './request-id.ts';

const spans = new WeakMap<Request, Span>();

/** The context a request's own spans hang under: its span's, or the process's when it has none. */
export function traceContextOf(request: Request): Context {
  const span = spans.get(request);
  return span ? trace.setSpan(context.active(), span) : context.active();
}

export function useTracing(): Plugin {
  return {
    onRequest({ request, url }) {
      if (!tracing()) return;
      const span = tracer.startSpan(`${request.method} ${url.pathname}`, {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'url.path': url.pathname, 'govgraph.request_id': requestIdOf(request) },
      });
      spans.set(request, span);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      const span = request && spans.get(request);
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      span.setAttribute('graphql.operation.type', operation?.operation ?? 'unknown');
      if (operation?.name) span.setAttribute('graphql.operation.name', operation.name.value);
    },
    onResponse({ request, response }) {
      const span = spans.get(request);
      if (!span) return;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * Whether the standard OTEL_* variables ask for traces: an exporter named in
 * OTEL_TRACES_EXPORTER (not "none"), or an OTLP endpoint, and OTEL_SDK_DISABLED not "true".
 * Without them no SDK starts and every span above costs nothing.
 */
export function tracesWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry's Node SDK when the environment asks for traces; it reads every other
 * OTEL_* variable itself (exporter, endpoint, headers, sampler, OTEL_SERVICE_NAME, which
 * defaults to govgraph here). No automatic instrumentation: the spans are the ones above.
 * Returns how to flush and stop it, or null when traces are off.
 */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<(() => Promise<void>) | null> {
  if (!tracesWanted(env)) return null;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME ?? 'govgraph', instrumentations: [] });
  sdk.start();
  return () => sdk.shutdown();
}
