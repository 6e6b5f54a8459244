/**
 * Reads Newman's netscience GML (tests only): just enough GML for `node [id, label]` and
 * `edge [source, target, value]` blocks, which is all that file holds. Plus a modularity check on it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';

export const NETSCIENCE_GML = fileURLToPath(
  new URL('../../../shared/datasets/coauthor-netscience/netscience.gml', import.meta.url),
);

export interface GmlGraph {
  nodes: { id: number; label: string }[];
  edges: { source: number; target: number; value: number }[];
}

export function parseGml(text: string): GmlGraph {
  const nodes: GmlGraph['nodes'] = [];
  const edges: GmlGraph['edges'] = [];
  for (const block of text.matchAll(/\b(node|edge)\s*\[([^\]]*)\]/g)) {
    const fields = new Map<string, string>();
    for (const field of block[2].matchAll(/(\w+)\s+("[^"]*"|\S+)/g)) fields.set(field[1], field[2].replace(/^"|"$/g, ''));
    if (block[1] === 'node') nodes.push({ id: Number(fields.get('id')), label: fields.get('label') ?? '' });
    else edges.push({ source: Number(fields.get('source')), target: Number(fields.get('target')), value: Number(fields.get('value') ?? 1) });
  }
  return { nodes, edges };
}

/** Netscience as the build would see a co-authorship graph: author nodes, weighted `coauthor` edges. */
export function loadNetscience(): Graph {
  const { nodes, edges } = parseGml(readFileSync(NETSCIENCE_GML, 'utf8'));
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(`author:${node.id}`, { kind: 'author', name: node.label, paperCount: 1 });
  for (const edge of edges) {
    graph.addEdge(`author:${edge.source}`, `author:${edge.target}`, { kind: 'coauthor', weight: edge.value });
  }
  return graph;
}

/**
 * Nodes that would raise modularity (resolution γ) by moving alone to a neighbouring community:
 * none should remain after community detection. Computed from scratch on the graph, O(edges).
 */
export function improvableNodes(graph: Graph, resolution = 1): string[] {
  const strength = (node: string) => graph.reduceEdges(node, (sum, _e, a) => sum + a.weight, 0);
  const twoM = graph.reduceNodes((sum, node) => sum + strength(node), 0);
  const total = new Map<number, number>();
  graph.forEachNode((node, { community }) => total.set(community, (total.get(community) ?? 0) + strength(node)));
  return graph.filterNodes((node, { community: own }) => {
    const k = strength(node);
    const links = new Map<number, number>([[own, 0]]);
    graph.forEachEdge(node, (_e, a, source, target) => {
      const c = graph.getNodeAttribute(source === node ? target : source, 'community');
      links.set(c, (links.get(c) ?? 0) + a.weight);
    });
    // Modularity change (× 2m) of joining c, against staying.
    const stay = links.get(own)! - (resolution * k * (total.get(own)! - k)) / twoM;
    return [...links].some(([c, w]) => c !== own && w - (resolution * k * total.get(c)!) / twoM - stay > 1e-9);
  });
}
