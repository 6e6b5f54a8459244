/**
 * The layout with its refining iterations on a second thread (Node only), for the build: `startLayout` places
 * the communities and scatters their members (steps 1–3 of the multilevel layout, a fraction of its time) and
 * starts the refining iterations in a worker (src/core/threads); the build goes on meanwhile, and `finish()`
 * writes the positions. Same graph and seed, same positions as `layoutGraph`. Graphs under THREAD_FROM_NODES,
 * or laid out with plain ForceAtlas2, are laid out by `layoutGraph` when `finish()` is called.
 */
import type { AbstractGraph } from 'graphology-types';
import { DEFAULT_SEED } from '../communities/detect';
import { startInThread } from '../threads';
import { LOCAL_FORCE_HELPERS, runLocalForces } from './forces';
import { chooseMethod, layoutGraph, multilevelIterations, roundPositions, type LayoutOptions } from './index';
import { prepareMultilevel, writePositions } from './multilevel';

/** Below this many nodes the refining iterations take about as long as starting a thread and copying the system. */
export const THREAD_FROM_NODES = 20_000;

export interface PendingLayout {
  /** Waits for the positions and writes them (finite, rounded, pairwise distinct) on every node. */
  finish(): void;
}

export function startLayout(graph: AbstractGraph, options: LayoutOptions & { thread?: boolean } = {}): PendingLayout {
  const inThread = options.thread ?? graph.order >= THREAD_FROM_NODES;
  if (!inThread || chooseMethod(graph.order, options.method) !== 'multilevel') return { finish: () => layoutGraph(graph, options) };
  const { seed = DEFAULT_SEED } = options;
  const input = prepareMultilevel(graph, { seed, iterations: options.iterations ?? multilevelIterations(graph.order) });
  const positions = startInThread(runLocalForces, input, LOCAL_FORCE_HELPERS);
  return {
    finish() {
      writePositions(graph, positions.result());
      options.onProgress?.(input.iterations, input.iterations);
      roundPositions(graph);
    },
  };
}
