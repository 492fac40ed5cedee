import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { RequestTimeoutError } from '../../src/db/errors.ts';
import { openTestDatabase } from '../support/database.ts';

// A write the client is told has timed out must never commit afterwards: retries stop at the
// request's deadline, and each attempt's transaction lasts no longer than what is left of it.

const transient = () =>
  new Neo4jError('deadlock (injected by the test)', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'deadlock detected');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probes(db: Database, run: string): Promise<number> {
  const found = await db.driver.executeQuery(
    'MATCH (p:WriteDeadlineProbe {run: $run}) RETURN count(p) AS n',
    { run },
    { database: db.name },
  );
  return Number(found.records[0]?.get('n') ?? -1);
}

describe('writes under a deadline', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.driver.executeQuery('MATCH (p:WriteDeadlineProbe) DELETE p', {}, { database: db.name });
    await db.close();
  });

  it('retries a transient error while there is time, and commits once', async () => {
    const run = 'retry-in-time';
    let attempts = 0;
    await db.writeBefore({ at: Date.now() + 20_000, budgetMs: 20_000 }, { app: 'govgraph', requestId: run }, async (tx) => {
      attempts += 1;
      await tx.run('admin/write-deadline-probe', { run });
      if (attempts === 1) throw transient();
    });
    expect(attempts).toBe(2);
    expect(await probes(db, run)).toBe(1);
  });

  it('answers TIMEOUT and writes nothing when a transient error comes near the deadline', async () => {
    const run = 'retry-past-deadline';
    const budgetMs = 1500;
    let attempts = 0;
    const writing = db.writeBefore({ at: Date.now() + budgetMs, budgetMs }, { app: 'govgraph', requestId: run }, async (tx) => {
      attempts += 1;
      await tx.run('admin/write-deadline-probe', { run });
      // The first attempt fails just before the deadline: a retry would start with almost no time left.
      await pause(attempts === 1 ? budgetMs - 200 : 600);
      if (attempts === 1) throw transient();
    });
    await expect(writing).rejects.toBeInstanceOf(RequestTimeoutError);
    // Whatever was still running has had time to commit if it was going to.
    await pause(3000);
    expect(await probes(db, run)).toBe(0);
  });

  it('never starts an attempt once the deadline has passed', async () => {
    let attempts = 0;
    const late = db.writeBefore({ at: Date.now() - 1, budgetMs: 100 }, { app: 'govgraph', requestId: 'late' }, async () => {
      attempts += 1;
    });
    await expect(late).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(attempts).toBe(0);
  });

  it('rolls back at once when the request is aborted mid-write', async () => {
    const run = 'aborted';
    const controller = new AbortController();
    const writing = db.writeBefore(
      { at: Date.now() + 20_000, budgetMs: 20_000, signal: controller.signal },
      { app: 'govgraph', requestId: run },
      async (tx) => {
        await tx.run('admin/write-deadline-probe', { run });
        controller.abort(new RequestTimeoutError(20_000));
        await pause(100);
      },
    );
    await expect(writing).rejects.toBeInstanceOf(RequestTimeoutError);
    await pause(1000);
    expect(await probes(db, run)).toBe(0);
  });
});
