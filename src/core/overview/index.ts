/**
 * The level-of-detail overview of a big graph: one node per community, placed where its members are, sized
 * by how many they are, linked to the communities its members cite and write with. What the explorer shows
 * first when the full graph is too big to read (or to draw quickly); opening a community shows its nodes.
 * Deterministic: the same graph gives the same overview, whichever input it came from.
 */
import type { CommunityTally, Overview, OverviewCommunity, OverviewInput, OverviewLink, OverviewOptions, OverviewTallies } from './types';
import { communityKey, communitySize } from './utils';

export type { CommunityTally, Overview, OverviewCommunity, OverviewInput, OverviewLink, OverviewOptions, OverviewTallies } from './types';
export { LINK_EDGE_KINDS, communityKey, communityOfKey, groupNeighbourhood, overviewInputFromGraph, overviewInputFromStructure } from './utils';

const DEFAULT_LINKS_PER_COMMUNITY = 3;
/** A community the graph attribute does not list (never in a built graph): still drawn, plainly. */
const UNLISTED_COLOR = '#9aa0a6';

export function buildOverview(input: OverviewInput, options: OverviewOptions = {}): Overview {
  return overviewFromTallies(tallyOverview(input), input.communities, options);
}

/** One pass over the nodes and the link edges: the sums the overview is made of. */
export function tallyOverview(input: OverviewInput): OverviewTallies {
  const { community, x, y, size, year } = input.nodes;
  const n = community.length;
  const tallies = new Map<number, CommunityTally>();
  let [minX, maxX, minY, maxY] = n ? [Infinity, -Infinity, Infinity, -Infinity] : [0, 1, 0, 1];
  let [firstYear, lastYear] = [Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    let t = tallies.get(community[i]);
    if (!t) tallies.set(community[i], (t = { id: community[i], members: 0, weight: 0, x: 0, y: 0, papers: 0, yearSum: 0, volume: 0 }));
    const w = size[i] > 0 ? size[i] : 1;
    t.members++;
    t.weight += w;
    t.x += w * x[i];
    t.y += w * y[i];
    if (!Number.isNaN(year[i])) {
      t.papers++;
      t.yearSum += year[i];
      if (year[i] < firstYear) firstYear = year[i];
      if (year[i] > lastYear) lastYear = year[i];
    }
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }

  // Edges between two communities, keyed by the pair (smaller id first) as one number: a million edges at 100k papers.
  const between = new Map<number, { a: number; b: number; edges: number }>();
  let span = 1;
  for (const id of tallies.keys()) span = Math.max(span, id + 1);
  const { source, target } = input.links;
  for (let e = 0; e < source.length; e++) {
    const a = community[source[e]];
    const b = community[target[e]];
    tallies.get(a)!.volume++;
    tallies.get(b)!.volume++;
    if (a === b) continue;
    const id = a < b ? a * span + b : b * span + a;
    const pair = between.get(id);
    if (pair) pair.edges++;
    else between.set(id, { a: Math.min(a, b), b: Math.max(a, b), edges: 1 });
  }
  return {
    nodeCount: n,
    bbox: { x: [minX, maxX], y: [minY, maxY] },
    years: firstYear <= lastYear ? [firstYear, lastYear] : null,
    communities: [...tallies.values()].sort((p, q) => p.id - q.id),
    pairs: [...between.values()].sort((p, q) => p.a - q.a || p.b - q.b),
  };
}

/** The overview from its tallies and the communities' labels and colours (the graph's `communities` attribute). */
export function overviewFromTallies(tallies: OverviewTallies, listing: readonly { id: number; label: string; color: string }[], options: OverviewOptions = {}): Overview {
  const perCommunity = options.linksPerCommunity ?? DEFAULT_LINKS_PER_COMMUNITY;
  const listed = new Map(listing.map((c) => [c.id, c]));
  let mostMembers = 0;
  for (const t of tallies.communities) mostMembers = Math.max(mostMembers, t.members);
  const communities: OverviewCommunity[] = tallies.communities.map((t) => {
    const info = listed.get(t.id);
    return {
      id: t.id, key: communityKey(t.id), label: info?.label ?? `Community ${t.id}`, color: info?.color ?? UNLISTED_COLOR,
      x: t.x / t.weight, y: t.y / t.weight, size: communitySize(t.members, mostMembers),
      members: t.members, papers: t.papers, meanYear: t.papers ? t.yearSum / t.papers : null,
    };
  });
  const volumes = new Map(tallies.communities.map((t) => [t.id, t.volume]));
  const links = strongestLinks(tallies.pairs, volumes, perCommunity);
  return { communities, links, bbox: tallies.bbox, nodeCount: tallies.nodeCount, years: tallies.years };
}

/**
 * Each community's `perCommunity` strongest links, by edges relative to both volumes (edges / √(volₐ·vol_b)),
 * so two big communities are not linked merely for being big. Ties go to the smaller other id.
 */
function strongestLinks(pairs: readonly { a: number; b: number; edges: number }[], volumes: Map<number, number>, perCommunity: number): OverviewLink[] {
  const affinity = (p: { a: number; b: number; edges: number }) => p.edges / Math.sqrt(volumes.get(p.a)! * volumes.get(p.b)!);
  const ranked = pairs.map((p) => ({ ...p, affinity: affinity(p) }));
  const byCommunity = new Map<number, typeof ranked>();
  for (const p of ranked) {
    for (const end of [p.a, p.b]) {
      const list = byCommunity.get(end);
      if (list) list.push(p);
      else byCommunity.set(end, [p]);
    }
  }
  const kept = new Set<(typeof ranked)[number]>();
  for (const [id, list] of byCommunity) {
    const other = (p: (typeof ranked)[number]) => (p.a === id ? p.b : p.a);
    list.sort((p, q) => q.affinity - p.affinity || other(p) - other(q));
    for (const p of list.slice(0, perCommunity)) kept.add(p);
  }
  let strongest = 0;
  for (const p of kept) strongest = Math.max(strongest, p.affinity);
  return [...kept]
    .sort((p, q) => p.a - q.a || p.b - q.b)
    .map((p) => ({ key: `${communityKey(p.a)}~${communityKey(p.b)}`, source: p.a, target: p.b, edges: p.edges, strength: strongest > 0 ? p.affinity / strongest : 0 }));
}
