import type { AbstractGraph, Attributes } from 'graphology-types';

/**
 * Size range per node kind, in sigma pixels at zoom 1: categories and affiliations are few and
 * gather many papers, so they read as landmarks; papers and authors stay small unless important.
 */
export const SIZE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  paper: [3, 10],
  author: [3, 12],
  affiliation: [6, 16],
  category: [8, 18],
};
const OTHER_RANGE = [3, 10] as const;

/** What makes a node important: its paper count, or for a paper (and any node without one) its degree. */
function importance(graph: AbstractGraph, node: string, attributes: Attributes): number {
  if (attributes.kind !== 'paper' && typeof attributes.paperCount === 'number') return attributes.paperCount;
  return graph.degree(node);
}

/**
 * Sets `size` on every node: sqrt of its importance relative to the most important node of its kind
 * (sqrt because a node's area, not its radius, should grow with importance), mapped into its kind's range.
 */
export function applySizes(graph: AbstractGraph): void {
  const maxByKind = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    const value = importance(graph, node, attributes);
    maxByKind.set(attributes.kind, Math.max(maxByKind.get(attributes.kind) ?? 0, value));
  });
  graph.updateEachNodeAttributes((node, attributes) => {
    const [min, max] = SIZE_RANGES[attributes.kind] ?? OTHER_RANGE;
    const top = maxByKind.get(attributes.kind)!;
    const share = top > 0 ? Math.sqrt(importance(graph, node, attributes) / top) : 0;
    attributes.size = Math.round((min + (max - min) * share) * 100) / 100;
    return attributes;
  });
}
