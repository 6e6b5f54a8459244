import Graph from 'graphology';
import type { AtlasGraph, EdgeKind } from '../graphFile';
import { EDGE_KINDS } from '../graphFile';
import type { StructureData } from '../graphFile/compact/read';
import type { OverviewInput } from './types';
import { edgeTable } from '../graph/edgeTable';

/**
 * The edges that say two communities are related: a paper citing another, an author writing a paper.
 * Category, affiliation and topic edges are left out (a few hubs link to every community: every community
 * would look tied to every other), and so are co-author edges (they restate the author–paper edges).
 */
export const LINK_EDGE_KINDS: readonly EdgeKind[] = ['authored', 'cites'];

/** Smallest and largest drawn size of a community (sigma pixels at zoom 1). */
export const MIN_COMMUNITY_SIZE = 5;
export const MAX_COMMUNITY_SIZE = 32;

/** Grows with the square root of the member count (area ∝ members), the biggest community at the maximum. */
export function communitySize(members: number, mostMembers: number): number {
  if (mostMembers <= 0) return MIN_COMMUNITY_SIZE;
  return MIN_COMMUNITY_SIZE + (MAX_COMMUNITY_SIZE - MIN_COMMUNITY_SIZE) * Math.sqrt(members / mostMembers);
}

export const communityKey = (id: number) => `community:${id}`;

/** The community id of an overview node key, or null for any other key. */
export function communityOfKey(key: string): number | null {
  const match = /^community:(\d+)$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** The overview's input from a graph (a graph file loaded whole, tests). */
export function overviewInputFromGraph(graph: AtlasGraph): OverviewInput {
  const n = graph.order;
  const nodes = { community: new Float64Array(n), x: new Float64Array(n), y: new Float64Array(n), size: new Float64Array(n), year: new Float64Array(n) };
  let i = 0;
  graph.forEachNode((_key, node) => {
    nodes.community[i] = node.community;
    nodes.x[i] = node.x;
    nodes.y[i] = node.y;
    nodes.size[i] = node.size;
    nodes.year[i++] = node.kind === 'paper' ? node.year : NaN;
  });
  const table = edgeTable(graph);
  const isLink = EDGE_KINDS.map((kind) => LINK_EDGE_KINDS.includes(kind));
  const source: number[] = [];
  const target: number[] = [];
  for (let e = 0; e < table.kind.length; e++) {
    if (!isLink[table.kind[e]]) continue;
    source.push(table.source[e]);
    target.push(table.target[e]);
  }
  return { communities: graph.getAttribute('communities') ?? [], nodes, links: { source, target } };
}

/** The overview's input from the decoded compact structure: no graph needed, so the map can show it first. */
export function overviewInputFromStructure(data: StructureData): OverviewInput {
  const isLink = EDGE_KINDS.map((kind) => LINK_EDGE_KINDS.includes(kind));
  const source = new Int32Array(data.edgeKinds.length);
  const target = new Int32Array(data.edgeKinds.length);
  let count = 0;
  for (let e = 0; e < data.edgeKinds.length; e++) {
    if (!isLink[data.edgeKinds[e] & 15]) continue;
    source[count] = data.sources[e];
    target[count++] = data.targets[e];
  }
  return {
    communities: data.header.graph.communities,
    nodes: { community: data.communities, x: data.x, y: data.y, size: data.sizes, year: data.years },
    links: { source: source.subarray(0, count), target: target.subarray(0, count) },
  };
}

/**
 * An opened community (any group of nodes) as the map draws it on a big graph: the group, its neighbours and
 * every edge that touches the group — about a tenth of a 100k-paper graph for its biggest community. Nodes keep
 * the graph's order (sigma layers labels by it) and the graph's own attribute objects (text merged later shows).
 */
export function groupNeighbourhood(graph: AtlasGraph, group: ReadonlySet<string>): AtlasGraph {
  const part: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  part.replaceAttributes(graph.getAttributes());
  const wanted = new Set<string>();
  for (const node of group) {
    if (!graph.hasNode(node)) continue;
    wanted.add(node);
    graph.forEachNeighbor(node, (neighbour) => void wanted.add(neighbour));
  }
  graph.forEachNode((node, attributes) => {
    if (wanted.has(node)) part.addNode(node, attributes);
  });
  for (const node of group) {
    if (!graph.hasNode(node)) continue;
    graph.forEachEdge(node, (edge, attributes, source, target) => {
      // An edge between two members is met from both: added from its source.
      if (node === source || !group.has(source)) part.addUndirectedEdgeWithKey(edge, source, target, attributes);
    });
  }
  return part;
}
