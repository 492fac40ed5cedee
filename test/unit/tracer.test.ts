import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { inStatementSpan } from '../../src/db/statement-span.ts';
import { tracing } from '../../src/tracer.ts';

afterEach(() => trace.disable());

describe('tracing', () => {
  it('is off until an SDK is registered, and off again once it is removed', async () => {
    expect(tracing()).toBe(false);
    const exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    expect(tracing()).toBe(true);
    expect(await inStatementSpan('queries/entities-by-id', undefined, async () => [1, 2])).toEqual([1, 2]);
    expect(exporter.getFinishedSpans().map((span) => [span.name, span.attributes['db.response.returned_rows']])).toEqual([
      ['cypher queries/entities-by-id', 2],
    ]);
    trace.disable();
    expect(tracing()).toBe(false);
    expect(await inStatementSpan('queries/entities-by-id', undefined, async () => [3])).toEqual([3]);
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });
});
