/**
 * GEXF 1.3 through graphology-gexf's writer: viz colour (hex), size and position on every node, typed
 * attribute columns Gephi shows in its data table (kind, community, communityLabel, year…), edge kind
 * and weight. The graph is undirected. Gephi cannot read list-valued attributes, so lists arrive
 * already joined (see subgraph.ts).
 */
import Graph from 'graphology';
import write from 'graphology-gexf/common/writer.js';
import type { ExportEdge, ExportNetwork, ExportNode } from './types';
import { stripInvalidXml } from './xml';

type Flat = Record<string, string | number | boolean>;

/** xml-writer escapes &, <, " and line breaks but passes control characters that make the file unreadable. */
function clean(values: Flat): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? stripInvalidXml(v) : v;
  return out;
}

export function writeGexf(network: ExportNetwork): string {
  const graph = new Graph<ExportNode, ExportEdge>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const title = network.view === 'full' ? 'full graph' : 'co-authorship network';
  graph.replaceAttributes({ creator: 'Paper Atlas', description: `Paper Atlas map (${title}): ${network.nodes.length} nodes, ${network.edges.length} links` });
  for (const node of network.nodes) graph.addNode(node.key, node);
  for (const edge of network.edges) graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge);

  return write(graph, {
    version: '1.3',
    // Only creator and description in <meta>: other graph attributes are not GEXF meta elements.
    pedantic: true,
    formatNode: (_key, node) => ({
      label: stripInvalidXml(node.label),
      viz: { color: node.color, size: node.size, x: node.x, y: node.y },
      attributes: clean({ kind: node.kind, community: node.community, communityLabel: node.communityLabel, ...node.attributes }),
    }),
    // `kind` as a data column, not GEXF's edge `kind`, which Gephi would turn into separate edge types.
    formatEdge: (_key, edge) => ({ weight: edge.weight, attributes: { kind: edge.kind } }),
  });
}
