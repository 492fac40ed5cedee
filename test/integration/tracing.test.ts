import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { testKeys } from '../support/curation.ts';
import { openTestDatabase } from '../support/database.ts';
import { GraphQLClient, loadRealSeed } from '../support/graphql.ts';

// The OpenTelemetry SDK itself, with its in-memory exporter: every span the server ends lands here.
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

let db: Database;

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  db = await openTestDatabase();
  await loadRealSeed(db);
});

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  await db.close();
});

describe('traces', () => {
  it('give one span per request, with a span per DataLoader batch and per Cypher statement under it, and no variables', async () => {
    const client = new GraphQLClient(db);
    exporter.reset();
    const secret = 'variable-value-never-recorded';
    // people with includeParts is read by the relation-page loader (the planned read leaves it out).
    const answer = await client.run(
      'query Memoranda($n: Int, $slug: String!) { organizations(first: $n) { edges { node { id people(first: 2, includeParts: true) { totalCount } } } } organization(slug: $slug) { id } }',
      { n: 3, slug: secret },
    );
    expect(answer.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    const requests = spans.filter((span) => span.name === 'POST /graphql');
    expect(requests).toHaveLength(1);
    const request = requests[0];
    if (!request) throw new Error('no request span');
    expect(request.attributes).toMatchObject({
      'graphql.operation.name': 'Memoranda',
      'graphql.operation.type': 'query',
      'http.response.status_code': 200,
    });
    const traceId = request.spanContext().traceId;
    const statements = spans.filter((span) => span.name.startsWith('cypher '));
    const batches = spans.filter((span) => span.name.startsWith('dataloader '));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expect(batches.map((span) => span.name)).toContain('dataloader relationPage');
    for (const span of [...statements, ...batches]) {
      expect(span.spanContext().traceId).toBe(traceId);
      expect(span.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    }
    expect(statements.every((span) => span.attributes['db.system'] === 'neo4j')).toBe(true);
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(secret);
  });

  it("give a mutation's write statements spans of their own under its request, and no input values", async () => {
    const keys = testKeys();
    const client = new GraphQLClient(db, { apiKeys: keys.entries });
    exporter.reset();
    const secret = 'input-value-never-recorded';
    const answer = await client.run(
      'mutation Write($input: TopicInput!) { upsertTopic(input: $input) { outcome } }',
      { input: { id: 'traced-topic', name: secret, sources: [{ id: 'src-000-cctld-msk-ix-memorandum' }], evidence: 'STATED' } },
      keys.curator,
    );
    expect(answer.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'POST /graphql');
    if (!request) throw new Error('no request span');
    const writes = spans.filter((span) => span.name === 'cypher seed/upsert-nodes');
    expect(writes).toHaveLength(1);
    for (const span of writes) {
      expect(span.spanContext().traceId).toBe(request.spanContext().traceId);
      expect(span.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(span.attributes['db.system']).toBe('neo4j');
    }
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(secret);
  });
});
