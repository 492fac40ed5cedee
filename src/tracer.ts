import { ProxyTracerProvider, type Tracer, trace } from '@opentelemetry/api';

/** govgraph's spans: each request's, its DataLoader batches' and its Cypher statements'. */
export const tracer: Tracer = trace.getTracer('govgraph');

/**
 * Whether an OpenTelemetry SDK is registered (src/http/tracing.ts starts one when the OTEL_*
 * variables ask for traces; an application that embeds the server may register its own).
 * Without one every span is a no-op, but making it (its name, its attributes, the context it
 * hangs under) still cost every request and statement: the span makers skip it then. Asked
 * each time, so an SDK registered after start-up is followed at once.
 */
export function tracing(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegateTracer('govgraph') !== undefined;
}
