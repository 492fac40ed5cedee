import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { buildManifest, manifestFile, manifestText, readDocumentSources } from '../formats/trusted-documents.ts';

/**
 * Writes trusted-documents.json from src/examples and documents/ (docs/apps.md). It is checked
 * in, like schema.graphql, and a unit test fails when it drifts from the documents or when a
 * document no longer validates against the schema.
 */
const sources = readDocumentSources(projectRoot);
const file = path.join(projectRoot, manifestFile);
writeFileSync(file, manifestText(buildManifest(sources)));
console.log(`wrote ${file}: ${sources.length} documents`);
