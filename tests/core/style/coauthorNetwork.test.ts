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

describe('coauthorNetwork at corpus scale', () => {
  it('derives the view of 200k authors (no argument-spreading limit), sizing the most prolific largest', async () => {
    const { default: Graph } = await import('graphology');
    const graph = new Graph({ type: 'undirected' });
    graph.replaceAttributes({ collaboration: { modularity: 0, communities: [] } });
    const author = (i: number) => ({
      kind: 'author', label: `A${i}`, name: `A${i}`, aliases: [`A${i}`], paperCount: i === 7 ? 50 : 1 + (i % 3),
      community: 0, x: i, y: 0, size: 1, color: '#999999', collabCommunity: 0, collabX: i % 1000, collabY: Math.floor(i / 1000),
    });
    for (let i = 0; i < 200_000; i++) graph.addNode(`author:a${i}`, author(i));
    const network = coauthorNetwork(graph as never);
    expect(network.order).toBe(200_000);
    const sizes = network.mapNodes((_key, node) => node.size);
    expect(network.getNodeAttribute('author:a7', 'size')).toBe(Math.max(...sizes.slice(0, 1000)));
  });
});
