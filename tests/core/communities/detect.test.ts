import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { createRng, detectCommunities } from '../../../src/core/communities';
import { improvableNodes, loadNetscience } from '../../helpers/gml';

const communitiesOf = (graph: Graph) => Object.fromEntries(graph.mapNodes((node, attributes) => [node, attributes.community]));

describe('createRng', () => {
  it('repeats its sequence for a seed, differs across seeds, stays in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, createRng(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const values = draw(7);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(values.length);
    // Roughly uniform: each tenth of [0, 1) gets about a tenth of the draws.
    const deciles = new Array(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]++;
    expect(Math.min(...deciles)).toBeGreaterThan(60);
  });
});

describe('detectCommunities on netscience', () => {
  const graph = loadNetscience();
  const result = detectCommunities(graph, { seed: 42 });

  it('gives every node an integer community, ids 0..k-1 ordered by decreasing size', () => {
    const sizes = new Array(result.count).fill(0);
    const smallestKey: string[] = [];
    graph.forEachNode((node, { community }) => {
      expect(Number.isInteger(community)).toBe(true);
      expect(community).toBeGreaterThanOrEqual(0);
      expect(community).toBeLessThan(result.count);
      sizes[community]++;
      if (smallestKey[community] === undefined || node < smallestKey[community]) smallestKey[community] = node;
    });
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(graph.order);
    for (let id = 1; id < sizes.length; id++) {
      expect(sizes[id]).toBeLessThanOrEqual(sizes[id - 1]);
      // netscience has many equal-size communities (pairs, triangles): ties go to the smallest key.
      if (sizes[id] === sizes[id - 1]) expect(smallestKey[id] > smallestKey[id - 1]).toBe(true);
    }
  });

  it('finds the strong community structure of a co-authorship network', () => {
    // 1,589 authors in many small components: Newman reports Q ≈ 0.95 for this network.
    expect(result.modularity).toBeGreaterThan(0.9);
    expect(result.count).toBeGreaterThan(300);
  });

  it('leaves no author who would raise modularity by switching to a neighbouring community', () => {
    // Plain Louvain leaves such nodes behind after merging communities on coarse levels (here at γ = 2).
    for (const resolution of [1, 2]) {
      const copy = loadNetscience();
      detectCommunities(copy, { seed: 42, resolution });
      expect(improvableNodes(copy, resolution), `resolution ${resolution}`).toEqual([]);
    }
  });

  it('is deterministic for a seed, and the seed is really used', () => {
    const partitions = [1, 2, 3, 4, 5].map((seed) => {
      const copy = loadNetscience();
      detectCommunities(copy, { seed });
      return JSON.stringify(communitiesOf(copy));
    });
    const again = loadNetscience();
    detectCommunities(again, { seed: 3 });
    expect(JSON.stringify(communitiesOf(again))).toBe(partitions[2]);
    expect(new Set(partitions).size).toBeGreaterThan(1);
  });

  it('splits finer with a higher resolution', () => {
    const coarse = detectCommunities(loadNetscience(), { seed: 42, resolution: 0.5 });
    const fine = detectCommunities(loadNetscience(), { seed: 42, resolution: 2 });
    expect(fine.count).toBeGreaterThan(coarse.count);
  });
});

describe('detectCommunities on degenerate graphs', () => {
  it('handles an empty graph', () => {
    expect(detectCommunities(new Graph({ type: 'undirected' }))).toEqual({ modularity: 0, count: 0 });
  });

  it('puts each node of an edgeless graph in its own community, numbered by key', () => {
    const graph = new Graph({ type: 'undirected' });
    for (const key of ['author:c', 'author:a', 'author:b']) graph.addNode(key, { kind: 'author' });
    expect(detectCommunities(graph)).toEqual({ modularity: 0, count: 3 });
    expect(communitiesOf(graph)).toEqual({ 'author:a': 0, 'author:b': 1, 'author:c': 2 });
  });
});
