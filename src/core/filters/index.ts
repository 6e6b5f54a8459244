/**
 * Filter state and what it hides. Papers are filtered by their own attributes; every other node is
 * visible when at least one of its papers passes, so a year range also hides the people, categories
 * and affiliations with no paper in it, even when papers themselves are switched off.
 */
import { NODE_KINDS, type AtlasGraph, type NodeKind, type PaperNode } from '../graphFile';
import type { CategoryFacet, FilterState, GraphFacets, Visibility, VisibleCount } from './types';

export type { CategoryFacet, FilterState, GraphFacets, Visibility, VisibleCount } from './types';

export { NODE_KINDS } from '../graphFile';

export function defaultFilters(): FilterState {
  return { kinds: [...NODE_KINDS], categories: null, years: null, community: null };
}

/** Same set of kinds and categories (order-insensitive), same years and community. */
export function sameFilters(a: FilterState, b: FilterState): boolean {
  return (
    sameSet(a.kinds, b.kinds) &&
    (a.categories === null || b.categories === null ? a.categories === b.categories : sameSet(a.categories, b.categories)) &&
    (a.years === null || b.years === null ? a.years === b.years : a.years[0] === b.years[0] && a.years[1] === b.years[1]) &&
    a.community === b.community
  );
}

export function isDefaultFilters(filters: FilterState): boolean {
  return sameFilters(filters, defaultFilters());
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((x) => setB.has(x));
}

export function graphFacets(graph: AtlasGraph): GraphFacets {
  const paperCounts = new Map<string, number>();
  const names = new Map<string, string>();
  let years: [number, number] | null = null;
  graph.forEachNode((_key, node) => {
    if (node.kind === 'category') names.set(node.code, node.name);
    if (node.kind !== 'paper') return;
    if (node.category !== null) paperCounts.set(node.category, (paperCounts.get(node.category) ?? 0) + 1);
    years = years ? [Math.min(years[0], node.year), Math.max(years[1], node.year)] : [node.year, node.year];
  });
  const codes = new Set([...names.keys(), ...paperCounts.keys()]);
  const categories: CategoryFacet[] = [...codes]
    .map((code) => ({ code, name: names.get(code) ?? code, count: paperCounts.get(code) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const communities = [...(graph.getAttribute('communities') ?? [])].sort((a, b) => a.id - b.id);
  const collaboration = [...(graph.getAttribute('collaboration')?.communities ?? [])].sort((a, b) => a.id - b.id);
  return { categories, years, communities, collaboration };
}

/**
 * What the filters hide in the knowledge graph, or (`network: 'coauthor'`) in the co-authorship
 * network. There only authors are drawn: the kind switches do not apply, `community` means the
 * author's co-authorship community, and years and categories keep the authors with a passing paper.
 */
export function computeVisibility(graph: AtlasGraph, filters: FilterState, network: 'knowledge' | 'coauthor' = 'knowledge'): Visibility {
  if (network === 'coauthor') return coauthorVisibility(graph, filters);
  const kindsOn = new Set(filters.kinds);
  const categories = filters.categories ? new Set(filters.categories) : null;
  const { years, community } = filters;
  const paperFiltersActive = categories !== null || years !== null || community !== null;
  const paperPasses = (paper: PaperNode) =>
    (!categories || (paper.category !== null && categories.has(paper.category))) &&
    (!years || (paper.year >= years[0] && paper.year <= years[1])) &&
    (community === null || paper.community === community);

  // Pass 1, only when some paper-level filter is on: the nodes kept alive by a passing paper.
  const supported = new Set<string>();
  if (paperFiltersActive) {
    graph.forEachNode((_key, node) => {
      if (node.kind !== 'paper' || !paperPasses(node)) return;
      for (const author of node.authors) supported.add(author);
      for (const affiliation of node.affiliations) supported.add(affiliation);
      if (node.category !== null) supported.add(`category:${node.category}`);
      for (const topic of node.topics) supported.add(topic);
    });
  }

  // Pass 2, every node: its verdict and the counts.
  const hidden = new Set<string>();
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, { visible: 0, total: 0 }])) as Record<NodeKind, VisibleCount>;
  const communityCounts = new Map<number, VisibleCount>();
  graph.forEachNode((key, node) => {
    const visible =
      kindsOn.has(node.kind) &&
      (node.kind === 'paper'
        ? paperPasses(node)
        : (community === null || node.community === community) && (!paperFiltersActive || supported.has(key)));
    if (!visible) hidden.add(key);
    const kindCount = counts[node.kind];
    let communityCount = communityCounts.get(node.community);
    if (!communityCount) communityCounts.set(node.community, (communityCount = { visible: 0, total: 0 }));
    kindCount.total++;
    communityCount.total++;
    if (visible) {
      kindCount.visible++;
      communityCount.visible++;
    }
  });
  return { hidden, counts, communityCounts };
}

function coauthorVisibility(graph: AtlasGraph, filters: FilterState): Visibility {
  const categories = filters.categories ? new Set(filters.categories) : null;
  const { years, community } = filters;
  const paperFiltersActive = categories !== null || years !== null;
  const supported = new Set<string>();
  if (paperFiltersActive) {
    graph.forEachNode((_key, node) => {
      if (node.kind !== 'paper') return;
      const passes = (!categories || (node.category !== null && categories.has(node.category))) && (!years || (node.year >= years[0] && node.year <= years[1]));
      if (passes) for (const author of node.authors) supported.add(author);
    });
  }
  const hidden = new Set<string>();
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, { visible: 0, total: 0 }])) as Record<NodeKind, VisibleCount>;
  const communityCounts = new Map<number, VisibleCount>();
  graph.forEachNode((key, node) => {
    if (node.kind !== 'author') return;
    const visible = (community === null || node.collabCommunity === community) && (!paperFiltersActive || supported.has(key));
    if (!visible) hidden.add(key);
    let communityCount = communityCounts.get(node.collabCommunity);
    if (!communityCount) communityCounts.set(node.collabCommunity, (communityCount = { visible: 0, total: 0 }));
    counts.author.total++;
    communityCount.total++;
    if (visible) {
      counts.author.visible++;
      communityCount.visible++;
    }
  });
  return { hidden, counts, communityCounts };
}
