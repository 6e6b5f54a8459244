/**
 * The part of the graph an export covers. Every format reads this one structure, so GEXF, GraphML,
 * VOSviewer JSON and the CSV tables always agree on which nodes and links "the current view" means.
 */
import type { AtlasGraph, Community, NodeAttributes, PaperNode } from '../graphFile';
import { coauthorNetwork } from '../style/coauthorNetwork';
import type { ExportCommunity, ExportEdge, ExportNetwork, ExportNode, ExportScope, ExportView, FlatValue } from './types';

const LIST_SEPARATOR = '; ';

/** Resolved scope: the view and a membership test for the nodes it shows. */
export interface ResolvedScope {
  view: ExportView;
  includes(key: string, node: NodeAttributes): boolean;
}

export function resolveScope(scope: ExportScope = {}): ResolvedScope {
  const view = scope.view ?? 'full';
  const visible = scope.visible;
  return {
    view,
    includes: (key, node) => (!visible || visible.has(key)) && (view === 'full' || node.kind === 'author'),
  };
}

/** The communities of a view: the graph's own, or the co-authorship network's. */
export function viewCommunities(graph: AtlasGraph, view: ExportView): Community[] {
  const attributes = graph.getAttributes();
  return (view === 'full' ? attributes.communities : attributes.collaboration?.communities) ?? [];
}

/** A node's name for lists (authors of a paper, its topics…): the node's name, else its label, else its key. */
export function nameOf(graph: AtlasGraph, key: string): string {
  if (!graph.hasNode(key)) return key;
  const node = graph.getNodeAttributes(key);
  return 'name' in node ? node.name : node.label || key;
}

export function joinNames(graph: AtlasGraph, keys: readonly string[]): string {
  return keys.map((k) => nameOf(graph, k)).join(LIST_SEPARATOR);
}

/** Mean publication year of each node's papers (authors, categories, topics, affiliations), over the whole graph. */
function meanYears(graph: AtlasGraph): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  const add = (key: string, year: number) => {
    const sum = sums.get(key) ?? { total: 0, count: 0 };
    sum.total += year;
    sum.count++;
    sums.set(key, sum);
  };
  graph.forEachNode((_key, node) => {
    if (node.kind !== 'paper') return;
    for (const key of paperSubjects(node)) add(key, node.year);
  });
  return new Map([...sums].map(([key, { total, count }]) => [key, Math.round((total / count) * 10) / 10]));
}

/** The non-paper nodes a paper is tied to through its own attributes. */
function paperSubjects(paper: PaperNode): string[] {
  return [...paper.authors, ...paper.affiliations, ...paper.topics, ...(paper.category === null ? [] : [`category:${paper.category}`])];
}

/** Columns per kind. Arrays become `; `-joined names; abstracts, related papers and sources stay out (too big, or nested). */
function flatAttributes(graph: AtlasGraph, node: NodeAttributes, meanYear: number | undefined): Record<string, FlatValue | null> {
  switch (node.kind) {
    case 'paper':
      return {
        title: node.title,
        year: node.year,
        date: node.date,
        category: node.category,
        authors: joinNames(graph, node.authors) + (node.authorsTruncated ? `${LIST_SEPARATOR}et al.` : ''),
        authorCount: node.authors.length,
        affiliations: node.affiliations.length ? joinNames(graph, node.affiliations) : null,
        topics: node.topics.length ? joinNames(graph, node.topics) : null,
        venue: node.venue,
        doi: node.doi,
        arxivId: node.arxivId,
        hasCode: node.hasCode,
      };
    case 'author':
      return { name: node.name, paperCount: node.paperCount, meanYear: meanYear ?? null };
    case 'category':
      return { name: node.name, code: node.code, paperCount: node.paperCount, meanYear: meanYear ?? null };
    case 'affiliation':
      return { name: node.name, paperCount: node.paperCount, meanYear: meanYear ?? null };
    case 'topic':
      return { name: node.name, scheme: node.scheme, paperCount: node.paperCount, meanYear: meanYear ?? null };
  }
}

/**
 * Builds the exported network: visible nodes of the view with its positions and communities, and the
 * links among them. The collaboration view is the graph the explorer draws for it (`coauthorNetwork`:
 * co-authorship positions, communities, colours and sizes), so the file matches the screen.
 */
export function exportNetwork(graph: AtlasGraph, scope: ExportScope = {}): ExportNetwork {
  const { view, includes } = resolveScope(scope);
  const drawn = view === 'collaboration' ? coauthorNetwork(graph) : graph;
  const communities = new Map(viewCommunities(graph, view).map((c) => [c.id, c]));
  const years = meanYears(graph);
  const nodes: ExportNode[] = [];
  const included = new Set<string>();

  drawn.forEachNode((key, node) => {
    if (!includes(key, node)) return;
    const community = communities.get(node.community);
    const attributes: Record<string, FlatValue> = {};
    for (const [name, value] of Object.entries(flatAttributes(graph, node, years.get(key)))) if (value !== null) attributes[name] = value;
    included.add(key);
    nodes.push({
      key,
      kind: node.kind,
      label: node.label,
      x: node.x,
      y: node.y,
      size: node.size,
      color: node.color,
      community: node.community,
      communityLabel: community?.label ?? `community ${node.community}`,
      attributes,
    });
  });

  const edges: ExportEdge[] = [];
  drawn.forEachEdge((key, edge, source, target) => {
    if (included.has(source) && included.has(target)) edges.push({ key, source, target, kind: edge.kind, weight: edge.weight });
  });

  const used = new Set(nodes.map((n) => n.community));
  const exportedCommunities: ExportCommunity[] = [];
  for (const c of communities.values()) if (used.has(c.id)) exportedCommunities.push({ id: c.id, label: c.label, color: c.color });
  // A community a node names but the graph does not list (placeholder collaboration data): still one cluster.
  const listed = new Set(exportedCommunities.map((c) => c.id));
  for (const n of nodes) {
    if (listed.has(n.community)) continue;
    listed.add(n.community);
    exportedCommunities.push({ id: n.community, label: n.communityLabel, color: n.color });
  }
  return { view, nodes, edges, communities: exportedCommunities };
}
