import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { layoutQuality } from '../../../src/core/layout';

/** A path of `n` nodes drawn on a line, one unit per hop; `community` splits it into two halves. */
function path(n: number, spacing: (i: number) => number): Graph {
  const graph = new Graph({ type: 'undirected' });
  let x = 0;
  for (let i = 0; i < n; i++) {
    x += i === 0 ? 0 : spacing(i);
    graph.addNode(`n${i}`, { x, y: 0, community: i < n / 2 ? 0 : 1 });
    if (i > 0) graph.addEdge(`n${i - 1}`, `n${i}`, { weight: 1 });
  }
  return graph;
}

describe('layoutQuality', () => {
  it('gives zero stress when drawn distances are hop distances, at any scale', () => {
    expect(layoutQuality(path(200, () => 1)).stress).toBeCloseTo(0, 9);
    expect(layoutQuality(path(200, () => 37)).stress).toBeCloseTo(0, 9);
  });

  it('scores a drawing that ignores graph distance worse', () => {
    // The same path with nodes scattered along the line in a fixed shuffled order.
    const jumbled = path(200, () => 1);
    jumbled.updateEachNodeAttributes((node, a) => ({ ...a, x: (Number(node.slice(1)) * 73) % 200 }));
    expect(layoutQuality(jumbled).stress).toBeGreaterThan(0.3);
  });

  it('measures edges against random pairs and communities against each other', () => {
    const straight = layoutQuality(path(200, () => 1));
    // Mean edge 1, mean random pair ≈ 200/3: short edges. Same-half pairs ≈ 100/3, across halves ≈ 100.
    expect(straight.edgeLength).toBeGreaterThan(0.01);
    expect(straight.edgeLength).toBeLessThan(0.03);
    expect(straight.cohesion).toBeGreaterThan(0.25);
    expect(straight.cohesion).toBeLessThan(0.45);
    // Pull the halves apart: same-community pairs stay, different-community pairs grow.
    const apart = layoutQuality(path(200, (i) => (i === 100 ? 1000 : 1)));
    expect(apart.cohesion).toBeLessThan(0.1);
  });

  it('is deterministic for a seed', () => {
    const graph = path(300, (i) => 1 + (i % 7));
    expect(layoutQuality(graph, { seed: 3 })).toEqual(layoutQuality(graph, { seed: 3 }));
  });
});
