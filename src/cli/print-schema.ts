import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { projectRoot } from '../config.ts';
import { schema } from '../schema/index.ts';

/** Writes schema.graphql, the committed contract; a test fails when it drifts from the code. */
export const schemaFile = path.join(projectRoot, 'schema.graphql');

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(schemaFile, `${printSchema(schema)}\n`);
  console.log(`wrote ${schemaFile}`);
}
