import louvain from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { buildAdjacency, modularity, refineByLocalMoves } from './refine';
import { createRng } from './rng';
import type { DetectOptions, DetectResult } from './types';

export const DEFAULT_SEED = 42;

/**
 * Louvain on edge `weight` (seeded), refined by single-node moves, then renumbered 0..k-1 by decreasing
 * size (ties: smallest node key) so ids are small, stable across runs, and id 0 is the largest community.
 * The returned modularity is computed exactly on the final partition.
 */
export function detectCommunities(graph: AbstractGraph, options: DetectOptions = {}): DetectResult {
  const { seed = DEFAULT_SEED, resolution = 1 } = options;
  if (graph.order === 0) return { modularity: 0, count: 0 };

  const rng = createRng(seed);
  const found = louvain(graph, { getEdgeWeight: 'weight', resolution, rng });
  const adjacency = buildAdjacency(graph);
  const membership = Int32Array.from(adjacency.nodes, (node) => found[node]);
  refineByLocalMoves(adjacency, membership, resolution, rng);

  const groups = new Map<number, { raw: number; size: number; minKey: string }>();
  adjacency.nodes.forEach((node, i) => {
    const group = groups.get(membership[i]);
    if (!group) groups.set(membership[i], { raw: membership[i], size: 1, minKey: node });
    else {
      group.size++;
      if (node < group.minKey) group.minKey = node;
    }
  });
  // Plain `<` on keys, not localeCompare: the order must not depend on the machine's locale.
  const ordered = [...groups.values()].sort((a, b) => b.size - a.size || (a.minKey < b.minKey ? -1 : 1));
  const renumber = new Int32Array(adjacency.nodes.length);
  ordered.forEach((group, id) => (renumber[group.raw] = id));
  for (let i = 0; i < membership.length; i++) membership[i] = renumber[membership[i]];

  let i = 0;
  graph.updateEachNodeAttributes((_node, attributes) => {
    attributes.community = membership[i++];
    return attributes;
  });
  return { modularity: modularity(adjacency, membership, resolution), count: ordered.length };
}
