import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The tiers that need the run's Neo4j. Each starts it through test/setup/neo4j.ts, which starts
 * one for the whole run however many of these projects take part, and stops it after the last.
 * Their files take turns on it (`fileParallelism: false`), one file at a time across all of them.
 */
const withNeo4j = (name: string, folder: string): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: [`test/${folder}/**/*.test.ts`],
    globalSetup: ['test/setup/neo4j.ts'],
    fileParallelism: false,
    // A guard against hangs, not a speed check: a loaded 2-core machine can take minutes.
    testTimeout: 180000,
    hookTimeout: 240000,
  },
});

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node loads the CJS one for Pothos and
    // yoga; Vite would pick the ESM one for our files, and two graphql instances cannot share a
    // schema. Point everyone at the build Node itself uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Scans every answer a test file received for leaks (Cypher, Neo4jError, bolt://, stacks).
    // Every project inherits it (`extends: true`).
    setupFiles: ['test/setup/leak-scan.ts'],
    projects: [
      // Pure logic: no database, no global setup, files in parallel. `npm run test:unit`.
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 20000 },
      },
      withNeo4j('integration', 'integration'),
      withNeo4j('attack', 'attack'),
      withNeo4j('bench', 'bench'),
      // Debian's Chromium, driven by puppeteer-core, on GraphiQL and the explorer (.ci/run installs it).
      withNeo4j('browser', 'browser'),
      // Each end-to-end test starts `npm start` (or the server) on an embedded Neo4j of its own in
      // a temporary folder; none reads the run's Neo4j, so this tier only makes sure the launcher
      // is built.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/launcher.ts'],
          fileParallelism: false,
          testTimeout: 180000,
          hookTimeout: 240000,
        },
      },
    ],
  },
});
