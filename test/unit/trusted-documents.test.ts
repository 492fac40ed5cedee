import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/cli/print-schema.ts';
import { projectRoot } from '../../src/config.ts';
import {
  buildManifest,
  documentId,
  manifestFile,
  manifestText,
  normalizedDocumentId,
  readDocumentSources,
  readManifest,
} from '../../src/formats/trusted-documents.ts';

describe('trusted documents', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-documents-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('are keyed by the SHA-256 of their exact text, with the sha256: prefix', () => {
    // printf '{ __typename }' | sha256sum
    expect(documentId('{ __typename }')).toBe('sha256:7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b');
    expect(normalizedDocumentId('A'.repeat(64))).toBeNull();
    expect(normalizedDocumentId('ab'.repeat(32))).toBe(`sha256:${'ab'.repeat(32)}`);
    expect(normalizedDocumentId(`sha256:${'ab'.repeat(32)}`)).toBe(`sha256:${'ab'.repeat(32)}`);
    expect(normalizedDocumentId('sha256:xyz')).toBeNull();
  });

  it(`${manifestFile} is what the documents build (run \`npm run documents:build\` after changing one)`, () => {
    expect(readFileSync(path.join(projectRoot, manifestFile), 'utf8')).toBe(manifestText(buildManifest(readDocumentSources(projectRoot))));
  });

  it('every trusted document is valid against schema.graphql, so a schema change cannot break one unseen', () => {
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
    const invalid = [...readManifest(projectRoot)].flatMap(([id, text]) =>
      validate(schema, parse(text)).map((error) => `${id}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
    expect(readManifest(projectRoot).size).toBeGreaterThanOrEqual(15);
  });

  it("takes an app's manifest as GraphQL Code Generator writes it, and refuses a hash that is not its document's", () => {
    const root = path.join(folder, 'app');
    mkdirSync(path.join(root, 'documents'), { recursive: true });
    const text = 'query AppServerInfo { __typename }';
    const hex = documentId(text).slice('sha256:'.length);
    writeFileSync(path.join(root, 'documents', 'reader.json'), JSON.stringify({ [hex]: text }));
    writeFileSync(path.join(root, 'documents', 'one.graphql'), '{ __typename }');
    expect(buildManifest(readDocumentSources(root))).toEqual({
      [documentId(text)]: text,
      [documentId('{ __typename }')]: '{ __typename }',
    });
    writeFileSync(path.join(root, 'documents', 'reader.json'), JSON.stringify({ [hex]: `${text} ` }));
    expect(() => readDocumentSources(root)).toThrow(`documents/reader.json: "${hex}" is not the SHA-256 of its document`);
  });
});
