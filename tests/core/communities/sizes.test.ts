import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { applySizes } from '../../../src/core/communities';
import { loadNetscience } from '../../helpers/gml';

/** A small atlas: one category, one affiliation, authors with 1..16 papers, papers with 1..3 authors. */
function atlas(): Graph {
  const graph = new Graph({ type: 'undirected' });
  graph.addNode('category:cs.LG', { kind: 'category', name: 'Machine Learning', code: 'cs.LG', paperCount: 20 });
  graph.addNode('affiliation:mila', { kind: 'affiliation', name: 'Mila', paperCount: 2 });
  for (const count of [1, 2, 4, 16]) graph.addNode(`author:${count}`, { kind: 'author', name: `Author ${count}`, paperCount: count });
  for (const [paper, authors] of [['p1', [1]], ['p2', [1, 2]], ['p3', [1, 2, 4]]] as const) {
    graph.addNode(`paper:${paper}`, { kind: 'paper', title: paper });
    graph.addEdge(`paper:${paper}`, 'category:cs.LG', { kind: 'in_category', weight: 1 });
    for (const author of authors) graph.addEdge(`paper:${paper}`, `author:${author}`, { kind: 'authored', weight: 1 });
  }
  return graph;
}

describe('applySizes', () => {
  const graph = atlas();
  applySizes(graph);
  const size = (node: string) => graph.getNodeAttribute(node, 'size') as number;

  it('grows authors with their paper count, but less than linearly', () => {
    const sizes = [1, 2, 4, 16].map((n) => size(`author:${n}`));
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]);
    // 16× the papers must not mean 16× the radius: the sqrt keeps prolific authors from swamping the view.
    expect(sizes[3] / sizes[0]).toBeLessThan(4);
  });

  it('grows papers with their degree', () => {
    expect(size('paper:p3')).toBeGreaterThan(size('paper:p2'));
    expect(size('paper:p2')).toBeGreaterThan(size('paper:p1'));
  });

  it('draws categories and affiliations larger than ordinary papers and authors', () => {
    expect(size('category:cs.LG')).toBeGreaterThan(size('paper:p3'));
    expect(size('affiliation:mila')).toBeGreaterThan(size('author:1'));
  });

  it('keeps every size in a readable range', () => {
    graph.forEachNode((_node, { size }) => {
      expect(size).toBeGreaterThanOrEqual(3);
      expect(size).toBeLessThanOrEqual(18);
    });
  });

  it('sizes a large real graph by degree, finite and in range, its hub largest', () => {
    // Netscience nodes treated as papers, which are sized by degree (1 to 34 co-authors there).
    const netscience = loadNetscience();
    netscience.forEachNode((node) => netscience.mergeNodeAttributes(node, { kind: 'paper' }));
    applySizes(netscience);
    const sizes = netscience.mapNodes((_n, a) => a.size as number);
    expect(sizes.every((s) => Number.isFinite(s) && s >= 3 && s <= 18)).toBe(true);
    const hub = netscience.nodes().reduce((best, node) => (netscience.degree(node) > netscience.degree(best) ? node : best));
    expect(netscience.getNodeAttribute(hub, 'size')).toBe(Math.max(...sizes));
  });
});
