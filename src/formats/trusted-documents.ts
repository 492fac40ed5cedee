import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Trusted documents (GraphQL over HTTP, persisted documents): a client sends
 * `{"documentId": "sha256:<hex>", "variables": …}` instead of a query, and the server runs the
 * document it holds under that id. The ids are SHA-256 of the document's exact UTF-8 text, as
 * GraphQL Code Generator's client preset computes them, so an app's own manifest and ours agree.
 */

export const documentIdPrefix = 'sha256:';

/** The id of a document: `sha256:` and the hex SHA-256 of its text, byte for byte. */
export function documentId(text: string): string {
  return `${documentIdPrefix}${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The id as the manifest keys it: a bare hex hash (what some clients send) gets its prefix. */
export function normalizedDocumentId(id: string): string | null {
  const hex = id.startsWith(documentIdPrefix) ? id.slice(documentIdPrefix.length) : id;
  return /^[0-9a-f]{64}$/.test(hex) ? `${documentIdPrefix}${hex}` : null;
}

export interface DocumentSource {
  /** Where it came from, relative to the project's root, for error messages. */
  file: string;
  text: string;
}

/** id → document text, in id order so that the checked-in file changes only where documents do. */
export type Manifest = Readonly<Record<string, string>>;

export function buildManifest(sources: readonly DocumentSource[]): Manifest {
  const entries = new Map<string, string>();
  for (const source of sources) entries.set(documentId(source.text), source.text);
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The documents the server trusts: the GraphiQL examples (src/examples/*.graphql) and the
 * applications' own, in documents/ (one `.graphql` file per operation, or a manifest
 * `<app>.json` as GraphQL Code Generator's client preset writes it: `{ "<hash>": "<document>" }`,
 * whose hashes are checked here).
 */
export function readDocumentSources(root: string): DocumentSource[] {
  const sources: DocumentSource[] = [];
  const graphqlFiles = (folder: string) =>
    existsSync(path.join(root, folder))
      ? readdirSync(path.join(root, folder))
          .filter((name) => name.endsWith('.graphql'))
          .sort()
          .map((name) => path.join(folder, name))
      : [];
  for (const file of [...graphqlFiles('src/examples'), ...graphqlFiles('documents')]) {
    sources.push({ file, text: readFileSync(path.join(root, file), 'utf8') });
  }
  const documents = path.join(root, 'documents');
  const manifests = existsSync(documents)
    ? readdirSync(documents)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  for (const name of manifests) {
    const file = path.join('documents', name);
    const parsed: unknown = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${file}: expected an object of "<sha256 hash>": "<document>"`);
    }
    for (const [hash, text] of Object.entries(parsed)) {
      if (typeof text !== 'string') throw new Error(`${file}: the document of "${hash}" is not a string`);
      const id = normalizedDocumentId(hash);
      if (id !== documentId(text)) throw new Error(`${file}: "${hash}" is not the SHA-256 of its document`);
      sources.push({ file, text });
    }
  }
  return sources;
}

/** The checked-in manifest's file name, at the project's root beside schema.graphql. */
export const manifestFile = 'trusted-documents.json';

export function readManifest(root: string): Map<string, string> {
  const file = path.join(root, manifestFile);
  if (!existsSync(file)) return new Map();
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${manifestFile}: expected an object`);
  const manifest = new Map<string, string>();
  for (const [id, text] of Object.entries(parsed)) {
    if (typeof text !== 'string' || documentId(text) !== id) throw new Error(`${manifestFile}: "${id}" is not the id of its document`);
    manifest.set(id, text);
  }
  return manifest;
}

/** The manifest as written to disk: stable, one document per key, a final newline. */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
