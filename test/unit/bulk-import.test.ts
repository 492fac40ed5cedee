import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stageReader } from '../../src/embedded/bulk-import.ts';

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
