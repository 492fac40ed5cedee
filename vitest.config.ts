import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node loads the CJS one for Pothos and
    // yoga; Vite would pick the ESM one for our files, and two graphql instances cannot share a
    // schema. Point everyone at the build Node itself uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // One Neo4j for the whole run (or NEO4J_URI); test files take turns on it.
    globalSetup: ['test/setup/neo4j.ts'],
    // Scans every response a test file recorded for leaks (Cypher, Neo4jError, bolt://, stacks).
    setupFiles: ['test/setup/leak-scan.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 240000,
  },
});
