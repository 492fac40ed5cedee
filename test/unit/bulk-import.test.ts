import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importerSeconds, stageReader, timingReader } from '../../src/embedded/bulk-import.ts';

// The importer's progress as the loader reads it. The fixture is what Neo4j 5.26.30's offline
// importer printed on stdout, loading the seed the way runBulkImport calls it (temporary folders
// renamed): four stages, each a heading and twenty rows of dots ending in a percentage.

const captured = readFileSync(new URL('fixtures/bulk-import/import-full-seed.txt', import.meta.url), 'utf8').split('\n');

describe('stageReader', () => {
  it('reports every stage of a captured import, in order, with each percentage the importer printed', () => {
    const heard: string[] = [];
    const read = stageReader((stage, percent) => heard.push(`${stage} ${percent}`));
    for (const line of captured) read(line);
    const fives = Array.from({ length: 20 }, (_, i) => (i + 1) * 5);
    const stages = ['Node import', 'Relationship import', 'Relationship linking', 'Post processing'];
    expect(heard).toEqual(stages.flatMap((stage) => fives.map((percent) => `${stage} ${percent}`)));
  });

  it('reports nothing before the first stage heading, nor for the estimates under it', () => {
    const heard: string[] = [];
    const read = stageReader((stage, percent) => heard.push(`${stage} ${percent}`));
    read('.......... .......... .......... .......... ..........   5% ∆4s 273ms [4s 273ms]');
    read('(1/4) Node import 2026-12-02 06:34:52.948+0000');
    read('  Estimated disk space usage: 459.3KiB');
    read('  Estimated required memory usage: 1020MiB');
    expect(heard).toEqual([]);
    read('-......... .......... .......... .......... ..........   5% ∆4s 273ms [4s 273ms]');
    expect(heard).toEqual(['Node import 5']);
  });
});

describe('timingReader', () => {
  it("reads each stage's time and the whole import's from a captured import", () => {
    const timings = timingReader();
    for (const line of captured) timings.read(line);
    // The run took 14 s from the JVM's start; the importer counted 11.366 s of them, 6.866 s in stages.
    const times = timings.times(14);
    expect(times.stages).toEqual({
      'Node import': 2.866,
      'Relationship import': 2.085,
      'Relationship linking': 0.519,
      'Post processing': 1.396,
    });
    expect(times.setup).toBeCloseTo(14 - 11.366, 6);
    expect(times.preparing).toBeCloseTo(11.366 - 6.866, 6);
  });

  it('reads durations in every unit Neo4j prints, and nothing else', () => {
    expect(importerSeconds('519ms')).toBe(0.519);
    expect(importerSeconds('2s 85ms')).toBeCloseTo(2.085, 6);
    expect(importerSeconds('1m 3s 7ms')).toBeCloseTo(63.007, 6);
    expect(importerSeconds('1h 2m 3s')).toBe(3723);
    expect(importerSeconds('soon')).toBeUndefined();
  });

  it('counts the whole run as setup when the importer printed no timings', () => {
    const timings = timingReader();
    timings.read('Neo4j version: 5.26.30');
    expect(timings.times(3)).toEqual({ setup: 3, preparing: 0, stages: {} });
  });
});
