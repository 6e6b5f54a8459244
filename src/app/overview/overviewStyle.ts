/**
 * The overview as sigma draws it: a small graph of community nodes and their strongest links, with the
 * same reducers as the full map (hover highlight, filters, colour by year) through `createGraphStyle`.
 */
import Graph from 'graphology';
import type { AtlasGraph } from '../../core/graphFile';
import type { Visibility } from '../../core/filters';
import { communityKey, type Overview } from '../../core/overview';
import { yearColor } from '../../core/style/yearColors';
import { createGraphStyle, type GraphStyle } from '../graph/graphStyle';

/** Community nodes carry the display attributes sigma reads; links their strength (0–1) as weight. */
function overviewGraph(overview: Overview): AtlasGraph {
  const graph = new Graph({ type: 'undirected' });
  for (const c of overview.communities) {
    graph.addNode(c.key, { kind: 'community', community: c.id, label: c.label, x: c.x, y: c.y, size: c.size, color: c.color, members: c.members, papers: c.papers });
  }
  for (const link of overview.links) {
    graph.addEdgeWithKey(link.key, communityKey(link.source), communityKey(link.target), { kind: 'overview', weight: link.strength, edges: link.edges });
  }
  // Drawn by the same reducers as the knowledge graph; never read as one (no panel, search or filter sees it).
  return graph as unknown as AtlasGraph;
}

export function createOverviewStyle(overview: Overview): GraphStyle {
  let colors: Map<string, string> | null = null;
  // A community in the colour of its papers' mean year, on the same ramp as the legend.
  const yearColors = () =>
    (colors ??= new Map(overview.communities.flatMap((c) => (c.meanYear === null || !overview.years ? [] : [[c.key, yearColor(c.meanYear, overview.years)]]))));
  return createGraphStyle(overviewGraph(overview), { coauthorNetwork: false, overview: true, yearColors });
}

/** Communities the filters leave no visible node of; none before the full graph (and its filters) exists. */
export function hiddenCommunities(overview: Overview, visibility: Visibility): Set<string> {
  const hidden = new Set<string>();
  for (const c of overview.communities) {
    const count = visibility.communityCounts.get(c.id);
    if (count && count.visible === 0) hidden.add(c.key);
  }
  return hidden;
}
