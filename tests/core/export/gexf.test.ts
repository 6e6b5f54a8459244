/**
 * GEXF export: what Gephi opens. Written, then read back two ways — graphology-gexf's own parser and
 * networkx (an independent reader) — and compared node by node with the graph it came from.
 */
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { exportGraph, type ExportScope } from '../../../src/core/export';
import { computeVisibility, defaultFilters } from '../../../src/core/filters';
import { coauthorNetwork } from '../../../src/core/style/coauthorNetwork';
import type { AtlasGraph } from '../../../src/core/graphFile';
import { readWithNetworkx, seedAtlasGraph, TRICKY_TITLE, trickyGraph, xmlSafe } from './graphs';

const visibleUnder = (graph: AtlasGraph, filters: Partial<ReturnType<typeof defaultFilters>>): Set<string> => {
  const { hidden } = computeVisibility(graph, { ...defaultFilters(), ...filters });
  return new Set(graph.filterNodes((key) => !hidden.has(key)));
};

function roundTrip(graph: AtlasGraph, scope: ExportScope = {}) {
  const xml = exportGraph(graph, 'gexf', scope);
  return { xml, back: parse(Graph, xml) };
}

describe('GEXF export', () => {
  it.each([
    ['seed graph (real pipeline)', seedAtlasGraph],
    ['sample graph', trickyGraph],
  ])('%s: declares GEXF 1.3, undirected, and reads back with every node, edge, kind, community, colour, size and position', (_name, make) => {
    const graph = make();
    const { xml, back } = roundTrip(graph);
    expect(xml).toMatch(/<gexf version="1\.3" xmlns="http:\/\/gexf\.net\/1\.3" xmlns:viz="http:\/\/gexf\.net\/1\.3\/viz"/);
    expect(xml).toContain('<graph defaultedgetype="undirected">');
    expect(back.type).toBe('undirected');
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    const communityLabels = new Map(graph.getAttribute('communities').map((c) => [c.id, c.label]));
    graph.forEachNode((key, node) => {
      const read = back.getNodeAttributes(key);
      expect(read, key).toMatchObject({
        label: xmlSafe(node.label),
        kind: node.kind,
        community: node.community,
        communityLabel: communityLabels.get(node.community),
        color: node.color,
        size: node.size,
        x: node.x,
        y: node.y,
      });
      if (node.kind === 'paper') expect(read.year).toBe(node.year);
      else expect(read.paperCount).toBe(node.paperCount);
    });
    graph.forEachEdge((key, edge, source, target) => {
      expect(back.hasEdge(key), key).toBe(true);
      expect(new Set(back.extremities(key))).toEqual(new Set([source, target]));
      expect(back.getEdgeAttributes(key)).toMatchObject({ kind: edge.kind, weight: edge.weight });
    });
  });

  it('has no list-valued attribute Gephi could not read: authors are joined names, related papers and sources are left out', () => {
    const graph = seedAtlasGraph();
    const { xml, back } = roundTrip(graph);
    expect(xml).not.toMatch(/type="list/);
    const paper = graph.findNode((_k, a) => a.kind === 'paper' && a.authors.length >= 2)!;
    const node = graph.getNodeAttributes(paper);
    if (node.kind !== 'paper') throw new Error('not a paper');
    const names = node.authors.map((a) => graph.getNodeAttribute(a, 'label'));
    expect(back.getNodeAttribute(paper, 'authors')).toBe(names.join('; ') + (node.authorsTruncated ? '; et al.' : ''));
    expect(back.getNodeAttributes(paper)).not.toHaveProperty('related');
    expect(back.getNodeAttributes(paper)).not.toHaveProperty('sources');
  });

  it('keeps quotes, ampersands, markup, line breaks and accents, and drops only characters XML forbids', () => {
    const graph = trickyGraph();
    const { back } = roundTrip(graph);
    const key = graph.findNode((_k, a) => a.kind === 'paper' && a.title === TRICKY_TITLE)!;
    expect(back.getNodeAttribute(key, 'title')).toBe(xmlSafe(TRICKY_TITLE));
    expect(back.getNodeAttribute(key, 'authors')).toBe('Zoë "Z" O\'Brien, Jr.; Florian Bordes; et al.');
  });

  it('honours the filters: only visible nodes, only edges between two of them', () => {
    const graph = seedAtlasGraph();
    const community = graph.getAttribute('communities')[0].id;
    const visible = visibleUnder(graph, { community, kinds: ['paper', 'author'] });
    expect(visible.size).toBeGreaterThan(3);
    expect(visible.size).toBeLessThan(graph.order);
    const { back } = roundTrip(graph, { visible });
    expect(new Set(back.nodes())).toEqual(visible);
    const expectedEdges = graph.filterEdges((_e, _a, s, t) => visible.has(s) && visible.has(t));
    expect(new Set(back.edges())).toEqual(new Set(expectedEdges));
  });

  it('collaboration view: authors only, coauthor links only, co-authorship positions, communities and colours', () => {
    const graph = trickyGraph();
    const { back } = roundTrip(graph, { view: 'collaboration' });
    const authors = graph.filterNodes((_k, a) => a.kind === 'author');
    expect(new Set(back.nodes())).toEqual(new Set(authors));
    expect(back.size).toBe(graph.filterEdges((_e, a) => a.kind === 'coauthor').length);
    back.forEachEdge((_e, a) => expect(a.kind).toBe('coauthor'));
    const collab = new Map(graph.getAttribute('collaboration').communities.map((c) => [c.id, c]));
    for (const key of authors) {
      const node = graph.getNodeAttributes(key);
      if (node.kind !== 'author') continue;
      expect(back.getNodeAttributes(key)).toMatchObject({
        x: node.collabX,
        y: node.collabY,
        community: node.collabCommunity,
        communityLabel: collab.get(node.collabCommunity)!.label,
        color: collab.get(node.collabCommunity)!.color,
      });
    }
  });

  it('collaboration view is the co-authorship map the explorer draws: its sizes, and knowledge positions when the build left no co-authorship layout', () => {
    const graph = trickyGraph().copy();
    graph.forEachNode((key, a) => a.kind === 'author' && graph.mergeNodeAttributes(key, { collabX: 0, collabY: 0 }));
    const drawn = coauthorNetwork(graph);
    const { back } = roundTrip(graph, { view: 'collaboration' });
    expect(back.order).toBe(drawn.order);
    drawn.forEachNode((key, a) => expect(back.getNodeAttributes(key), key).toMatchObject({ x: a.x, y: a.y, size: a.size, color: a.color }));
    const author = graph.findNode((_k, a) => a.kind === 'author')!;
    expect(back.getNodeAttribute(author, 'x')).toBe(graph.getNodeAttribute(author, 'x'));
  });

  it('is deterministic: the same graph and scope give the same bytes', () => {
    expect(exportGraph(seedAtlasGraph(), 'gexf')).toBe(exportGraph(seedAtlasGraph(), 'gexf'));
  });

  it('networkx (an independent reader) reads the same nodes, edges and attributes', () => {
    const graph = trickyGraph();
    const visible = visibleUnder(graph, { years: [2022, 2024] });
    const read = readWithNetworkx(exportGraph(graph, 'gexf', { visible }), 'gexf');
    expect(read.directed).toBe(false);
    expect(new Set(Object.keys(read.nodes))).toEqual(visible);
    expect(read.edges.length).toBe(graph.filterEdges((_e, _a, s, t) => visible.has(s) && visible.has(t)).length);
    for (const key of visible) {
      const node = graph.getNodeAttributes(key);
      const hex = node.color.slice(1);
      expect(read.nodes[key], key).toMatchObject({
        label: xmlSafe(node.label),
        kind: node.kind,
        community: node.community,
        viz: {
          size: node.size,
          position: { x: node.x, y: node.y },
          color: { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) },
        },
      });
    }
    for (const [source, target, attributes] of read.edges) {
      const edge = graph.edge(source, target)!;
      expect(attributes).toMatchObject({ kind: graph.getEdgeAttribute(edge, 'kind'), weight: graph.getEdgeAttribute(edge, 'weight') });
    }
  });
});
