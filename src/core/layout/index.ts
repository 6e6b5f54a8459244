/**
 * The layout phase. Small graphs: seeded start positions by community, then ForceAtlas2 on every node.
 * Big graphs (from MULTILEVEL_FROM nodes, where one FA2 iteration takes seconds): the multilevel layout
 * (community graph first, members around their community, a few local refining iterations).
 * Runs on the calling thread, reporting progress between chunks: the build is a batch job with no UI to
 * keep responsive, and FA2 iterations are sequential, so a worker thread would only add copying.
 */
import type { AbstractGraph } from 'graphology-types';
import { DEFAULT_SEED } from '../communities/detect';
import { runForceAtlas2 } from './forceAtlas';
import { multilevelLayout } from './multilevel';
import { placeByCommunity } from './start';

export { layoutSettings } from './forceAtlas';
export { placeByCommunity } from './start';
export { layoutQuality, type LayoutQuality } from './quality';

export type LayoutMethod = 'auto' | 'forceAtlas2' | 'multilevel';

export interface LayoutOptions {
  seed?: number;
  /** Defaults to `defaultIterations(graph.order)`, or `multilevelIterations(graph.order)` refining ones for multilevel. */
  iterations?: number;
  onProgress?: (done: number, total: number) => void;
  /** `auto` (default): multilevel from MULTILEVEL_FROM nodes, plain ForceAtlas2 below. */
  method?: LayoutMethod;
}

/** From this many nodes `auto` picks the multilevel layout: plain FA2 spends seconds an iteration batch already at a few thousand (28 s at 2k nodes in the bench). */
export const MULTILEVEL_FROM = 2_000;
/**
 * Refining iterations of the multilevel layout, each O(nodes + edges): 30 up to 50k nodes, fewer above
 * (15 from 200k) — the clusters are in place from the start, and on the 10k corpus 15 iterations already
 * give the edge lengths of 30.
 */
export function multilevelIterations(order: number): number {
  return Math.max(15, Math.min(30, Math.round(30 * Math.sqrt(50_000 / Math.max(1, order)))));
}

export function chooseMethod(order: number, method: LayoutMethod = 'auto'): 'forceAtlas2' | 'multilevel' {
  return method === 'auto' ? (order >= MULTILEVEL_FROM ? 'multilevel' : 'forceAtlas2') : method;
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
  const { seed = DEFAULT_SEED, onProgress } = options;
  if (graph.order === 0) return;
  if (chooseMethod(graph.order, options.method) === 'multilevel') {
    multilevelLayout(graph, { seed, iterations: options.iterations ?? multilevelIterations(graph.order), onProgress });
  } else {
    placeByCommunity(graph, seed);
    const iterations = options.iterations ?? defaultIterations(graph.order);
    if (iterations > 0) runForceAtlas2(graph, iterations, onProgress);
  }
  roundPositions(graph);
}

/**
 * Rounds positions and nudges any node that would land exactly on an earlier one (leaves of one hub can
 * converge to the same point), so every node stays visible and hoverable.
 */
export function roundPositions(graph: AbstractGraph): void {
  const taken = new Set<string>();
  graph.updateEachNodeAttributes((node, attributes) => {
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) throw new Error(`layout diverged at node ${node}`);
    [attributes.x, attributes.y] = roundDistinct(attributes.x, attributes.y, taken);
    return attributes;
  });
}

/** One point of `roundPositions`: rounded, moved up by 0.01 while `taken` (scaled keys) already holds it. */
export function roundDistinct(x: number, y: number, taken: Set<string>): [number, number] {
  const scale = 10 ** DECIMALS;
  const rx = Math.round(x * scale);
  let ry = Math.round(y * scale);
  while (taken.has(`${rx},${ry}`)) ry++;
  taken.add(`${rx},${ry}`);
  return [rx / scale, ry / scale];
}
