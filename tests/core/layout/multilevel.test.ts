import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph';
import { detectCommunities } from '../../../src/core/communities';
import { createRng } from '../../../src/core/communities/rng';
import { chooseMethod, layoutGraph, layoutQuality, MULTILEVEL_FROM } from '../../../src/core/layout';
import { generateCorpus } from '../../../src/core/synthetic';
import { loadNetscience } from '../../helpers/gml';

const positions = (graph: Graph) => graph.mapNodes((_n, a) => [a.x as number, a.y as number]);

function corpusGraph(papers: number): Graph {
  const graph = buildGraph([generateCorpus({ papers, seed: 3 }).input]) as unknown as Graph;
  detectCommunities(graph, { seed: 42 });
  return graph;
}

function laidOut(graph: Graph, seed: number, iterations = 20): Graph {
  const copy = graph.copy();
  layoutGraph(copy, { seed, method: 'multilevel', iterations });
  return copy;
}

const base = corpusGraph(1500);
const drawn = laidOut(base, 42);

describe('multilevel layout', () => {
  it('places every node at a finite, distinct, rounded spot', () => {
    const spots = new Set<string>();
    for (const [x, y] of positions(drawn)) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.round(x * 100) / 100).toBe(x);
      spots.add(`${x},${y}`);
    }
    expect(spots.size).toBe(drawn.order);
  });

  it('is deterministic for a seed, byte for byte; another seed gives another drawing', () => {
    expect(JSON.stringify(positions(laidOut(base, 42)))).toBe(JSON.stringify(positions(drawn)));
    expect(positions(laidOut(base, 7))).not.toEqual(positions(drawn));
  });

  it('draws communities as separate clusters with short edges, far better than random positions', () => {
    const random = base.copy();
    const rng = createRng(9);
    random.updateEachNodeAttributes((_n, a) => ({ ...a, x: rng() * 1000, y: rng() * 1000 }));
    const chance = layoutQuality(random);
    const quality = layoutQuality(drawn);
    expect(chance.cohesion).toBeGreaterThan(0.9); // random positions ignore communities…
    expect(quality.cohesion).toBeLessThan(0.5 * chance.cohesion); // …the layout groups them
    expect(quality.edgeLength).toBeLessThan(0.5 * chance.edgeLength);
    expect(quality.stress).toBeLessThan(chance.stress);
  });

  it('refining iterations keep edges short (they pull linked nodes together from the scattered start)', () => {
    expect(layoutQuality(laidOut(base, 42, 20)).edgeLength).toBeLessThan(layoutQuality(laidOut(base, 42, 0)).edgeLength);
  });

  it('reports progress up to the number of refining iterations', () => {
    const reports: number[] = [];
    layoutGraph(base.copy(), { seed: 1, method: 'multilevel', iterations: 12, onProgress: (done, total) => reports.push(done / total) });
    expect(reports.at(-1)).toBe(1);
  });

  it('copes with nodes without communities, a single community and a lone node', () => {
    const flat = loadNetscience();
    flat.forEachNode((node) => flat.setNodeAttribute(node, 'community', 0));
    layoutGraph(flat, { seed: 1, method: 'multilevel', iterations: 5 });
    expect(positions(flat).every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    const lone = new Graph({ type: 'undirected' });
    lone.addNode('author:alone', { kind: 'author' });
    layoutGraph(lone, { method: 'multilevel' });
    expect(Number.isFinite(lone.getNodeAttribute('author:alone', 'x'))).toBe(true);
  });

  it('is what `auto` picks for big graphs; small ones keep plain ForceAtlas2', () => {
    expect(chooseMethod(MULTILEVEL_FROM)).toBe('multilevel');
    expect(chooseMethod(MULTILEVEL_FROM - 1)).toBe('forceAtlas2');
    expect(chooseMethod(100, 'multilevel')).toBe('multilevel');
    expect(chooseMethod(1e6, 'forceAtlas2')).toBe('forceAtlas2');
  });
});
