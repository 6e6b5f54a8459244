/**
 * GraphML export (our own writer: graphology-graphml only parses). Read back with graphology-graphml's
 * parser and with networkx, and compared with the graph it came from.
 */
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../../src/core/export';
import { computeVisibility, defaultFilters } from '../../../src/core/filters';
import type { AtlasGraph } from '../../../src/core/graphFile';
import { readWithNetworkx, seedAtlasGraph, TRICKY_TITLE, trickyGraph, xmlSafe } from './graphs';

function expectSameGraph(graph: AtlasGraph, nodes: Record<string, Record<string, unknown>>, edgeCount: number) {
  expect(Object.keys(nodes).length).toBe(graph.order);
  expect(edgeCount).toBe(graph.size);
  graph.forEachNode((key, node) => {
    expect(nodes[key], key).toMatchObject({
      label: xmlSafe(node.label),
      kind: node.kind,
      community: node.community,
      x: node.x,
      y: node.y,
      size: node.size,
      color: node.color,
      ...(node.kind === 'paper' ? { year: node.year, hasCode: node.hasCode } : { paperCount: node.paperCount }),
    });
  });
}

describe('GraphML export', () => {
  it.each([
    ['seed graph (real pipeline)', seedAtlasGraph],
    ['sample graph', trickyGraph],
  ])('%s: graphology-graphml reads back every node, edge and attribute', (_name, make) => {
    const graph = make();
    const back = parse(Graph, exportGraph(graph, 'graphml'));
    expect(back.type).toBe('undirected');
    const nodes = Object.fromEntries(back.mapNodes((key, attributes) => [key, attributes]));
    expectSameGraph(graph, nodes, back.size);
    graph.forEachEdge((key, edge) => expect(back.getEdgeAttributes(key), key).toMatchObject({ kind: edge.kind, weight: edge.weight }));
  });

  it('declares every attribute once per domain with its type, so readers get numbers and booleans, not strings', () => {
    const xml = exportGraph(trickyGraph(), 'graphml');
    const keys = [...xml.matchAll(/<key id="([^"]+)" for="(node|edge)" attr\.name="([^"]+)" attr\.type="([^"]+)"\/>/g)].map((m) => ({ id: m[1], for: m[2], name: m[3], type: m[4] }));
    const find = (domain: string, name: string) => keys.find((k) => k.for === domain && k.name === name)?.type;
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    expect(find('node', 'x')).toBe('double');
    expect(find('node', 'year')).toBe('int');
    expect(find('node', 'hasCode')).toBe('boolean');
    expect(find('node', 'kind')).toBe('string');
    expect(find('edge', 'kind')).toBe('string');
    expect(find('edge', 'weight')).toBe('int');
  });

  it('escapes titles and names: the tricky paper comes back as written', () => {
    const graph = trickyGraph();
    const back = parse(Graph, exportGraph(graph, 'graphml'));
    const key = graph.findNode((_k, a) => a.kind === 'paper' && a.title === TRICKY_TITLE)!;
    expect(back.getNodeAttribute(key, 'title')).toBe(xmlSafe(TRICKY_TITLE));
  });

  it('networkx reads the same graph (the filtered collaboration view of the sample)', () => {
    const graph = trickyGraph();
    const { hidden } = computeVisibility(graph, { ...defaultFilters(), years: [2023, 2025] });
    const visible = new Set(graph.filterNodes((key) => !hidden.has(key)));
    const read = readWithNetworkx(exportGraph(graph, 'graphml', { view: 'collaboration', visible }), 'graphml');
    const authors = [...visible].filter((key) => graph.getNodeAttribute(key, 'kind') === 'author');
    expect(authors.length).toBeGreaterThan(3);
    expect(authors.length).toBeLessThan(graph.filterNodes((_k, a) => a.kind === 'author').length);
    expect(read.directed).toBe(false);
    expect(new Set(Object.keys(read.nodes))).toEqual(new Set(authors));
    const coauthorLinks = graph.filterEdges((_e, a, s, t) => a.kind === 'coauthor' && visible.has(s) && visible.has(t));
    expect(read.edges.length).toBe(coauthorLinks.length);
    for (const key of authors) {
      const node = graph.getNodeAttributes(key);
      if (node.kind !== 'author') continue;
      expect(read.nodes[key]).toMatchObject({ kind: 'author', x: node.collabX, y: node.collabY, community: node.collabCommunity, paperCount: node.paperCount, name: node.name });
    }
    for (const [, , attributes] of read.edges) expect(attributes.kind).toBe('coauthor');
  });

  it('networkx reads the full seed graph: same counts and attributes', () => {
    const graph = seedAtlasGraph();
    const read = readWithNetworkx(exportGraph(graph, 'graphml'), 'graphml');
    expectSameGraph(graph, read.nodes, read.edges.length);
  });
});
