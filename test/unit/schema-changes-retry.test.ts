import { describe, expect, it } from 'vitest';
import { againWhileSchemaChanges } from '../../src/db/migrations.ts';

// Neo4j refuses to plan a statement while the schema keeps changing under it (indexes coming
// online one by one); the migrations run such a statement again, and nothing else.

describe('a schema statement refused amid schema changes', () => {
  it('runs again until it passes, and passes on any other failure at once', async () => {
    let calls = 0;
    const passesThird = () => {
      calls++;
      if (calls < 3) return Promise.reject(new Error('Could not compile query due to insanely frequent schema changes'));
      return Promise.resolve('created');
    };
    expect(await againWhileSchemaChanges(passesThird)).toBe('created');
    expect(calls).toBe(3);

    let other = 0;
    await expect(
      againWhileSchemaChanges(() => {
        other++;
        return Promise.reject(new Error('An equivalent index already exists'));
      }),
    ).rejects.toThrow('equivalent index');
    expect(other).toBe(1);
  });
});
