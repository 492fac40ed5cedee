import { afterAll, expect } from 'vitest';
import { findLeaks, recordedExchanges } from '../support/leak-scan.ts';

// Runs after every test file (vitest setupFiles): whatever the file asked, no answer it got may
// show Cypher, a Neo4jError, a bolt:// address or a stack trace.
afterAll(() => {
  expect(findLeaks(recordedExchanges())).toEqual([]);
});
