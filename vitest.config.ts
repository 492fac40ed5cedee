import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Neo4j for the whole run (or NEO4J_URI); test files take turns on it.
    globalSetup: ['test/setup/neo4j.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 240000,
  },
});
