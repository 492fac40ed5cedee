/**
 * Mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed, the same sequence
 * for the same seed everywhere. The benchmark draws its graphs and parameters from it (the same
 * --seed gives the same file), and the explorer seeds its layout with it (the same view is drawn
 * alike). Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
