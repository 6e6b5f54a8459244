import louvain from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { createRng } from './rng';
import type { DetectOptions, DetectResult } from './types';

export const DEFAULT_SEED = 42;

/**
 * Louvain on edge `weight`, seeded, then renumbered 0..k-1 by decreasing size (ties: smallest node key)
 * so ids are small, stable across runs, and id 0 is the largest community.
 */
export function detectCommunities(graph: AbstractGraph, options: DetectOptions = {}): DetectResult {
  const { seed = DEFAULT_SEED, resolution = 1 } = options;
  if (graph.order === 0) return { modularity: 0, count: 0 };

  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: createRng(seed) });
  const raw = detailed.communities;

  const groups = new Map<number, { raw: number; size: number; minKey: string }>();
  graph.forEachNode((node) => {
    const group = groups.get(raw[node]);
    if (!group) groups.set(raw[node], { raw: raw[node], size: 1, minKey: node });
    else {
      group.size++;
      if (node < group.minKey) group.minKey = node;
    }
  });
  // Plain `<` on keys, not localeCompare: the order must not depend on the machine's locale.
  const ordered = [...groups.values()].sort((a, b) => b.size - a.size || (a.minKey < b.minKey ? -1 : 1));
  const renumber = new Map<number, number>();
  ordered.forEach((group, id) => renumber.set(group.raw, id));

  graph.updateEachNodeAttributes((node, attributes) => {
    attributes.community = renumber.get(raw[node])!;
    return attributes;
  });
  // Louvain reports NaN on a graph without edges; every node is then its own community and Q is 0.
  const modularity = Number.isFinite(detailed.modularity) ? detailed.modularity : 0;
  return { modularity, count: ordered.length };
}
