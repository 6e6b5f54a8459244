/**
 * The edge table the build records as it adds edges must be exactly what reading the graph gives, and must be
 * forgotten when the graph changes: communities, layout, overview and the compact files are all read from it.
 */
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph';
import { CITING_SOURCE, CITING_TARGET, NO_CITING, edgeTable, type EdgeTable } from '../../../src/core/graph/edgeTable';
import { EDGE_KINDS, type AtlasGraph } from '../../../src/core/graphFile';
import { readInputs } from '../../../src/core/ingest';

const OPENALEX = fileURLToPath(new URL('../../../../shared/datasets/openalex-works-biodiversity', import.meta.url));

/** The table as plain rows, read from the graph with graphology alone. */
function rowsFromGraph(graph: AtlasGraph) {
  const index = new Map(graph.nodes().map((key, i) => [key, i]));
  return graph.mapEdges((_edge, attributes, source, target) => [
    index.get(source),
    index.get(target),
    EDGE_KINDS.indexOf(attributes.kind),
    attributes.weight,
    attributes.citing === undefined ? NO_CITING : attributes.citing === source ? CITING_SOURCE : CITING_TARGET,
  ]);
}

const rows = (table: EdgeTable) => Array.from(table.source, (_s, e) => [table.source[e], table.target[e], table.kind[e], table.weight[e], table.citing[e]]);

describe('edgeTable', () => {
  it('is, as the build records it, what the graph holds: real OpenAlex works with citations', async () => {
    const { inputs } = await readInputs([OPENALEX]);
    const graph = buildGraph(inputs);
    const table = edgeTable(graph);
    expect(table.nodes).toEqual(graph.nodes());
    expect(rows(table)).toEqual(rowsFromGraph(graph));
    expect(new Set(table.kind)).toContain(EDGE_KINDS.indexOf('cites'));
    // A copy (no build behind it) gets its table by reading the graph: the same table.
    expect(rows(edgeTable(graph.copy()))).toEqual(rows(table));
  });

  it('is made again after the graph changes', () => {
    const graph = new Graph({ type: 'undirected' }) as AtlasGraph;
    graph.addNode('a');
    graph.addNode('b');
    graph.addNode('c');
    graph.addEdgeWithKey('e0', 'a', 'b', { kind: 'coauthor', weight: 2 });
    expect(rows(edgeTable(graph))).toEqual([[0, 1, EDGE_KINDS.indexOf('coauthor'), 2, NO_CITING]]);
    graph.setEdgeAttribute('e0', 'weight', 5);
    expect(edgeTable(graph).weight[0]).toBe(5);
    graph.addEdgeWithKey('e1', 'c', 'b', { kind: 'cites', weight: 1, citing: 'b' } as never);
    expect(rows(edgeTable(graph))).toEqual(rowsFromGraph(graph));
    graph.dropNode('a');
    expect(edgeTable(graph).nodes).toEqual(['b', 'c']);
    expect(rows(edgeTable(graph))).toEqual([[1, 0, EDGE_KINDS.indexOf('cites'), 1, CITING_TARGET]]);
  });
});
