import { describe, expect, it } from 'vitest';
import { paced } from '../../bench/lib/measure.ts';

/**
 * The open loop of `node bench/memory.ts --rate`: what it promises regardless of the machine's
 * speed (never ahead of the schedule, never over its slots, late requests counted), not how fast
 * anything runs.
 */
describe('paced (bench/lib/measure.ts)', () => {
  it('sends no request before its time, so never more than the schedule holds', async () => {
    const rate = 200;
    const seconds = 0.4;
    const started = performance.now();
    const sentAt: number[] = [];
    const run = await paced(rate, seconds, 32, async (index) => {
      sentAt[index] = performance.now() - started;
    });
    expect(run.requests).toBeGreaterThan(0);
    expect(run.requests).toBe(sentAt.length);
    // Request i is due at i / rate seconds: no request goes out before that.
    for (const [index, at] of sentAt.entries()) expect(at).toBeGreaterThanOrEqual((index * 1000) / rate - 1);
    expect(run.requests).toBeLessThanOrEqual(rate * seconds + 1);
  });

  it('keeps at most maxInFlight unanswered, and counts those that waited for a slot as late', async () => {
    let inFlight = 0;
    let most = 0;
    const run = await paced(1000, 0.5, 2, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Two slots of 150 ms each serve about 13 per second: far under 1,000.
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight -= 1;
    });
    expect(most).toBe(2);
    expect(inFlight).toBe(0);
    expect(run.late).toBeGreaterThan(0);
    expect(run.late).toBeLessThan(run.requests);
  });
});
