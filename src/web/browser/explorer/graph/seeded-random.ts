import { mulberry32 } from '../../../../domain/random.ts';

/**
 * fcose places nodes with Math.random and takes no seed (cytoscape.js-fcose issue #36), so the
 * same entities were laid out differently at every visit, a shared link included, and a layout
 * check could pass or fail by chance. Running a layout with Math.random seeded from what it lays
 * out gives the same picture for the same view.
 */

/** A seed from the ids in view, in any order: FNV-1a over the sorted ids. */
export function seedOf(ids: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const id of [...ids].sort()) {
    for (let index = 0; index < id.length; index++) {
      hash ^= id.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
  }
  return hash >>> 0;
}

/** Runs `work` (synchronous: fcose computes every position inside layout.run) with Math.random seeded. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
