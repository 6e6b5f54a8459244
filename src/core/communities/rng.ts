/**
 * Seeded PRNG shared by community detection and layout: the build must give byte-identical output
 * for the same input, so nothing may call `Math.random`.
 */

/** mulberry32: 32-bit state, fast, good enough for shuffling and jitter (not for cryptography). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
