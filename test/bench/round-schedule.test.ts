import { describe, expect, it } from 'vitest';
import { roundSchedule } from '../../bench/lib/measure.ts';

/** The order of a timing run's rounds (npm run bench): which are timed, and who measures first. */
describe('roundSchedule (bench/lib/measure.ts)', () => {
  const systems = ['A', 'B', 'C'] as const;

  it('runs the untimed rounds first, then the timed ones, each with every system once', () => {
    const schedule = roundSchedule(systems, 1, 3);
    expect(schedule.map(({ warm, round }) => `${warm ? 'warm' : 'timed'} ${round}`)).toEqual(['warm 1', 'timed 1', 'timed 2', 'timed 3']);
    for (const { order } of schedule) expect([...order].sort()).toEqual([...systems]);
  });

  it('lets each system open one timed round, whether or not warm rounds come first', () => {
    for (const warmRounds of [0, 1, 2]) {
      const openers = roundSchedule(systems, warmRounds, 3)
        .filter(({ warm }) => !warm)
        .map(({ order }) => order[0]);
      expect([...openers].sort()).toEqual([...systems]);
    }
  });

  it('keeps the order of a run without warm rounds: A, B, C; then B, C, A; then C, A, B', () => {
    expect(roundSchedule(systems, 0, 3).map(({ order }) => order.join(''))).toEqual(['ABC', 'BCA', 'CAB']);
  });
});
