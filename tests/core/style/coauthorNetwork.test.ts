import { describe, expect, it } from 'vitest';
import type { AuthorNode } from '../../../src/core/graphFile';
import { coauthorNetwork } from '../../../src/core/style/coauthorNetwork';
import { authorKey, sampleGraph } from '../../helpers/sampleGraph';

describe('coauthorNetwork', () => {
  const graph = sampleGraph();
  const network = coauthorNetwork(graph);
  const authors = graph.filterNodes((_k, n) => n.kind === 'author');

  it('keeps every author and only authors, under the same keys', () => {
    expect(network.nodes().sort()).toEqual([...authors].sort());
    expect(network.filterNodes((_k, n) => n.kind !== 'author')).toEqual([]);
  });

  it('keeps every co-authorship edge with its joint-paper weight, and nothing else', () => {
    const coauthorEdges = graph.filterEdges((_e, a) => a.kind === 'coauthor');
    expect(network.size).toBe(coauthorEdges.length);
    const bordesVincent = network.edge(authorKey('Florian Bordes'), authorKey('Pascal Vincent'))!;
    // Five sample papers list both.
    expect(network.getEdgeAttribute(bordesVincent, 'weight')).toBe(5);
  });

  it('places authors at the co-authorship layout, coloured by their co-authorship community', () => {
    const key = authorKey('Randall Balestriero');
    const own = graph.getNodeAttributes(key) as AuthorNode;
    const drawn = network.getNodeAttributes(key);
    expect([drawn.x, drawn.y]).toEqual([own.collabX, own.collabY]);
    expect(drawn.community).toBe(own.collabCommunity);
    const community = graph.getAttribute('collaboration').communities.find((c) => c.id === own.collabCommunity)!;
    expect(drawn.color).toBe(community.color);
  });

  it('sizes authors by paper count', () => {
    const size = (name: string) => network.getNodeAttribute(authorKey(name), 'size');
    expect(size('Florian Bordes')).toBeGreaterThan(size('Pascal Vincent') - 1e-9);
    expect(size('Pascal Vincent')).toBeGreaterThan(size('Mathilde Caron'));
  });

  it('leaves the knowledge graph untouched', () => {
    const before = sampleGraph().export();
    coauthorNetwork(graph);
    expect(graph.export()).toEqual(before);
  });

  it('falls back to the knowledge-graph positions when the file has no co-authorship layout', () => {
    const flat = graph.copy();
    flat.forEachNode((key, node) => {
      if (node.kind === 'author') flat.mergeNodeAttributes(key, { collabX: 0, collabY: 0 });
    });
    const key = authorKey('Florian Bordes');
    const drawn = coauthorNetwork(flat).getNodeAttributes(key);
    expect([drawn.x, drawn.y]).toEqual([graph.getNodeAttribute(key, 'x'), graph.getNodeAttribute(key, 'y')]);
  });
});
