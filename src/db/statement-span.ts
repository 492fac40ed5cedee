import { type Context, context as otelContext, SpanStatusCode } from '@opentelemetry/api';
import { tracer, tracing } from '../tracer.ts';

/**
 * Runs one Cypher statement under its own span, named by its template (`cypher queries/x`), as a
 * child of `parent` (the request's trace). The parameters, values a client sent, are never
 * recorded. Reads (ReadScope) and writes (TransactionRunner) both go through here.
 */
export async function inStatementSpan<T extends readonly unknown[]>(
  name: string,
  parent: Context | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!tracing()) return run();
  const span = tracer.startSpan(
    `cypher ${name}`,
    { attributes: { 'db.system': 'neo4j', 'db.operation.name': name } },
    parent ?? otelContext.active(),
  );
  try {
    const rows = await run();
    span.setAttribute('db.response.returned_rows', rows.length);
    return rows;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}
