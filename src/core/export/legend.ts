/**
 * What an exported picture's legend lists: the kinds of node on it and its biggest communities, with
 * how many of their nodes are drawn. Pure, so the image code only draws.
 */
import type { AtlasGraph, NodeKind } from '../graphFile';
import { NODE_KINDS } from '../graphFile';
import { resolveScope, viewCommunities } from './subgraph';
import type { ExportScope } from './types';

export interface LegendEntries {
  kinds: { kind: NodeKind; count: number }[];
  communities: { id: number; label: string; color: string; count: number }[];
  /** Communities on the picture that the legend has no room for. */
  moreCommunities: number;
  /** First and last paper year of the whole graph: the span the colour-by-year ramp covers. */
  years: [number, number] | null;
}

export function legendEntries(graph: AtlasGraph, scope: ExportScope = {}, maxCommunities = 8): LegendEntries {
  const { view, includes } = resolveScope(scope);
  const kindCounts = new Map<NodeKind, number>();
  const communityCounts = new Map<number, number>();
  let years: [number, number] | null = null;
  graph.forEachNode((key, node) => {
    if (node.kind === 'paper') years = years ? [Math.min(years[0], node.year), Math.max(years[1], node.year)] : [node.year, node.year];
    if (!includes(key, node)) return;
    kindCounts.set(node.kind, (kindCounts.get(node.kind) ?? 0) + 1);
    const community = view === 'collaboration' && node.kind === 'author' ? node.collabCommunity : node.community;
    communityCounts.set(community, (communityCounts.get(community) ?? 0) + 1);
  });
  const known = new Map(viewCommunities(graph, view).map((c) => [c.id, c]));
  const communities = [...communityCounts]
    .map(([id, count]) => ({ id, count, label: known.get(id)?.label ?? `community ${id}`, color: known.get(id)?.color ?? '#9ca3af' }))
    .sort((a, b) => b.count - a.count || a.id - b.id);
  return {
    kinds: NODE_KINDS.filter((k) => kindCounts.has(k)).map((kind) => ({ kind, count: kindCounts.get(kind)! })),
    communities: communities.slice(0, maxCommunities),
    moreCommunities: Math.max(0, communities.length - maxCommunities),
    years,
  };
}
