import { statSync } from 'node:fs';
import type { Database } from '../../src/db/database.ts';
import { loadSeedGraph } from '../../src/db/load.ts';
import { readSeedFile, validateSeedFiles } from '../../src/domain/validate.ts';
import { generate } from '../generate.ts';

export interface LoadReport {
  entities: number;
  relations: number;
  fileBytes: number;
  generateSeconds: number;
  validateSeconds: number;
  loadSeconds: number;
  entitiesPerSecond: number;
  rowsPerSecond: number;
}

/** Generates the synthetic graph and loads it with the project's own loader (validation, then upserts). */
export async function generateAndLoad(
  db: Database,
  entities: number,
  file: string,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadReport> {
  let started = performance.now();
  const generated = await generate(entities, 42, file);
  const generateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const graph = validateSeedFiles([await readSeedFile(file)]);
  const validateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await loadSeedGraph(db, graph, { onProgress });
  const loadSeconds = (performance.now() - started) / 1000;
  return {
    entities: graph.nodes.length,
    relations: generated.relations,
    fileBytes: statSync(file).size,
    generateSeconds,
    validateSeconds,
    loadSeconds,
    entitiesPerSecond: graph.nodes.length / loadSeconds,
    rowsPerSecond: (graph.nodes.length + graph.relations.length) / loadSeconds,
  };
}
