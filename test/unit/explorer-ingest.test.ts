import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, NoUnusedFragmentsRule, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/cli/print-schema.ts';
import { projectRoot } from '../../src/config.ts';
import { segmentText } from '../../src/web/browser/explorer/model/ingest-text.ts';

// The ingestion page's pure parts: how the stored text is cut for drawing, and its GraphQL
// documents, which the browser bundles as text and nothing else checks before a curator runs them.

describe('cutting the stored text into mentions and marked sentences', () => {
  const text = 'The Coordination Center is a member of ICANN. It said so.';
  const centre = { start: 4, end: 23 };
  const icann = { start: 39, end: 44 };
  const drawn = (segments: ReturnType<typeof segmentText>) =>
    segments.map((segment) => ({
      text: text.slice(segment.start, segment.end),
      mention: segment.mention,
      marked: segment.pieces.filter((piece) => piece.marked).map((piece) => text.slice(piece.start, piece.end)),
    }));

  it('covers the text once, in order, each mention one segment at its offsets', () => {
    const segments = segmentText(text.length, [icann, centre], null);
    expect(segments.map((segment) => text.slice(segment.start, segment.end)).join('')).toBe(text);
    expect(drawn(segments)).toEqual([
      { text: 'The ', mention: null, marked: [] },
      { text: 'Coordination Center', mention: 1, marked: [] },
      { text: ' is a member of ', mention: null, marked: [] },
      { text: 'ICANN', mention: 0, marked: [] },
      { text: '. It said so.', mention: null, marked: [] },
    ]);
  });

  it('marks a sentence across plain text and mentions, cutting where it starts and ends', () => {
    const sentence = { start: 0, end: 45 };
    const segments = drawn(segmentText(text.length, [centre, icann], sentence));
    expect(segments.flatMap((segment) => segment.marked).join('')).toBe(text.slice(0, 45));
    expect(segments.at(-1)).toEqual({ text: '. It said so.', mention: null, marked: ['.'] });
    // A sentence that starts inside a mention marks only its part of it.
    expect(drawn(segmentText(text.length, [centre], { start: 17, end: 30 }))[1]).toEqual({
      text: 'Coordination Center',
      mention: 0,
      marked: ['Center'],
    });
  });

  it('leaves plain a mention that overlaps an earlier one, is empty, or lies outside the text', () => {
    const segments = segmentText(text.length, [centre, { start: 10, end: 30 }, { start: 5, end: 5 }, { start: 50, end: 99 }], null);
    expect(segments.filter((segment) => segment.mention !== null).map((segment) => segment.mention)).toEqual([0]);
    expect(segments.map((segment) => text.slice(segment.start, segment.end)).join('')).toBe(text);
  });
});

describe("the ingestion page's GraphQL documents", () => {
  const folder = path.join(projectRoot, 'src/web/browser/explorer/api/documents');
  const read = (name: string) => readFileSync(path.join(folder, `${name}.graphql`), 'utf8');
  const fragments = ['ingest-mention', 'ingest-proposal', 'entity-summary'].map(read).join('\n');
  const operations = [
    'curate-check',
    'ingest-source',
    'ingested-source',
    'ingest-proposals',
    'link-mention',
    'accept-proposal',
    'reject-proposal',
  ];

  const schema = buildSchema(readFileSync(schemaFile, 'utf8'));

  it.each(operations)('%s is valid against schema.graphql', (name) => {
    // documents.ts joins each operation with the fragments it uses; here all are joined, so unused ones are allowed.
    const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
    expect(validate(schema, parse(`${read(name)}\n${fragments}`), rules).map((error) => error.message)).toEqual([]);
  });
});
