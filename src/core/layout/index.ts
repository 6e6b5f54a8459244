/**
 * The layout phase: seeded start positions by community, then ForceAtlas2. Kept apart from graph
 * building because it is the slowest step at scale and the one most likely to be swapped out.
 */
import type { AbstractGraph } from 'graphology-types';
import { DEFAULT_SEED } from '../communities/detect';
import { runForceAtlas2 } from './forceAtlas';
import { placeByCommunity } from './start';

export { layoutSettings } from './forceAtlas';
export { placeByCommunity } from './start';

export interface LayoutOptions {
  seed?: number;
  /** Defaults to `defaultIterations(graph.order)`. */
  iterations?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Coordinates are rounded to this many decimals: compact, byte-stable JSON (layouts span hundreds of units). */
const DECIMALS = 2;

/**
 * Fewer iterations as graphs grow: one Barnes-Hut iteration costs O(n log n), about 2 s at 100k nodes
 * here, and the community start positions already put clusters where they belong.
 * 300 up to ~17k nodes, 50 at 100k, 30 from ~170k on.
 */
export function defaultIterations(order: number): number {
  return Math.max(30, Math.min(300, Math.round(5e6 / Math.max(1, order))));
}

/** Writes finite, rounded, pairwise distinct `x`/`y` on every node. Same graph + seed → same positions. */
export function layoutGraph(graph: AbstractGraph, options: LayoutOptions = {}): void {
  const { seed = DEFAULT_SEED, iterations = defaultIterations(graph.order), onProgress } = options;
  if (graph.order === 0) return;
  placeByCommunity(graph, seed);
  if (iterations > 0) runForceAtlas2(graph, iterations, onProgress);
  roundPositions(graph);
}

/**
 * Rounds positions and nudges any node that would land exactly on an earlier one (leaves of one hub can
 * converge to the same point), so every node stays visible and hoverable.
 */
function roundPositions(graph: AbstractGraph): void {
  const scale = 10 ** DECIMALS;
  const taken = new Set<string>();
  graph.updateEachNodeAttributes((node, attributes) => {
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) throw new Error(`layout diverged at node ${node}`);
    const x = Math.round(attributes.x * scale);
    let y = Math.round(attributes.y * scale);
    while (taken.has(`${x},${y}`)) y++;
    taken.add(`${x},${y}`);
    attributes.x = x / scale;
    attributes.y = y / scale;
    return attributes;
  });
}
