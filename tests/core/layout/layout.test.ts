import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { detectCommunities } from '../../../src/core/communities';
import { defaultIterations, layoutGraph, layoutSettings, placeByCommunity } from '../../../src/core/layout';
import { loadNetscience } from '../../helpers/gml';

const ITERATIONS = 100; // enough to settle netscience from community start positions, quick in tests

const positions = (graph: Graph) => graph.mapNodes((_n, a) => [a.x as number, a.y as number]);

/** Mean distance between nodes of the same community and between nodes of different ones (all pairs). */
function communitySpread(graph: Graph): { within: number; between: number } {
  const nodes = graph.mapNodes((_n, a) => a);
  let within = 0;
  let withinPairs = 0;
  let between = 0;
  let betweenPairs = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const d = Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
      if (nodes[i].community === nodes[j].community) [within, withinPairs] = [within + d, withinPairs + 1];
      else [between, betweenPairs] = [between + d, betweenPairs + 1];
    }
  }
  return { within: within / withinPairs, between: between / betweenPairs };
}

function laidOutNetscience(seed: number): Graph {
  const graph = loadNetscience();
  detectCommunities(graph, { seed: 42 });
  layoutGraph(graph, { seed, iterations: ITERATIONS });
  return graph;
}

describe('layoutGraph on netscience', () => {
  const graph = laidOutNetscience(42);

  it('writes finite coordinates rounded to 2 decimals on every node', () => {
    for (const [x, y] of positions(graph)) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.round(x * 100) / 100).toBe(x);
      expect(Math.round(y * 100) / 100).toBe(y);
    }
  });

  it('never puts two nodes on the same spot', () => {
    const spots = new Set(positions(graph).map(([x, y]) => `${x},${y}`));
    expect(spots.size).toBe(graph.order);
  });

  it('draws communities as clusters: members far closer to each other than to other communities', () => {
    const { within, between } = communitySpread(graph);
    expect(within).toBeLessThan(0.3 * between);
  });

  it('is deterministic for a seed; another seed gives another drawing', () => {
    expect(positions(laidOutNetscience(42))).toEqual(positions(graph));
    expect(positions(laidOutNetscience(7))).not.toEqual(positions(graph));
  });
});

describe('layoutGraph', () => {
  it('separates clusters by itself when nodes carry no community yet', () => {
    // buildGraph gives every node community 0: start positions are one disc, so clusters come from FA2.
    const graph = loadNetscience();
    graph.forEachNode((node) => graph.setNodeAttribute(node, 'community', 0));
    layoutGraph(graph, { seed: 1, iterations: ITERATIONS });
    detectCommunities(graph, { seed: 42 });
    const { within, between } = communitySpread(graph);
    expect(within).toBeLessThan(0.5 * between);
  });

  it('reports progress in chunks, and chunking changes nothing: same result as one uninterrupted FA2 run', () => {
    const reports: [number, number][] = [];
    const chunked = loadNetscience();
    detectCommunities(chunked, { seed: 42 });
    layoutGraph(chunked, { seed: 3, iterations: 23, onProgress: (done, total) => reports.push([done, total]) });
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)).toEqual([23, 23]);
    for (let i = 1; i < reports.length; i++) expect(reports[i][0]).toBeGreaterThan(reports[i - 1][0]);

    // graphology's own one-shot layout from the same start positions.
    const oneShot = loadNetscience();
    detectCommunities(oneShot, { seed: 42 });
    placeByCommunity(oneShot, 3);
    forceAtlas2.assign(oneShot, { iterations: 23, getEdgeWeight: 'weight', settings: layoutSettings(oneShot.order) });
    const expected = positions(oneShot);
    positions(chunked).forEach(([x, y], i) => {
      expect(Math.abs(x - expected[i][0])).toBeLessThanOrEqual(0.011);
      expect(Math.abs(y - expected[i][1])).toBeLessThanOrEqual(0.011);
    });
  });

  it('spends fewer iterations on bigger graphs', () => {
    expect(defaultIterations(1_589)).toBeGreaterThan(defaultIterations(100_000));
    expect(defaultIterations(100_000)).toBeGreaterThanOrEqual(defaultIterations(300_000));
    expect(defaultIterations(300_000)).toBeGreaterThan(0);
  });

  it('handles an empty graph and a lone node', () => {
    const graph = new Graph({ type: 'undirected' });
    layoutGraph(graph);
    graph.addNode('author:alone', { kind: 'author', community: 0 });
    layoutGraph(graph);
    const { x, y } = graph.getNodeAttributes('author:alone');
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
