import { describe, expect, it } from 'vitest';
import { tracesWanted } from '../../src/http/tracing.ts';

describe('traces', () => {
  it('are off by default and switched on by the standard OTEL_* variables', () => {
    expect(tracesWanted({})).toBe(false);
    expect(tracesWanted({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracesWanted({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });
});
