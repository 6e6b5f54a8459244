/** The same behaviours over the real built graph, when `npm run build:graph` has written it. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeNode } from '../../../src/core/details';
import { computeVisibility, defaultFilters, graphFacets } from '../../../src/core/filters';
import { parseGraphFile, type AtlasGraph } from '../../../src/core/graphFile';
import { buildSearchIndex, searchNodes } from '../../../src/core/search';

const GRAPH_PATH = new URL('../../../public/graph.json', import.meta.url);

describe.skipIf(!existsSync(GRAPH_PATH))('over public/graph.json', () => {
  const loadGraph = (): AtlasGraph => {
    const parsed = parseGraphFile(JSON.parse(readFileSync(GRAPH_PATH, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.graph;
  };

  it('finds every author by their full name, and by each other spelling', () => {
    const graph = loadGraph();
    const index = buildSearchIndex(graph);
    graph.forEachNode((key, node) => {
      if (node.kind !== 'author') return;
      for (const spelling of node.aliases) {
        const authors = searchNodes(index, spelling, { limitPerKind: 3 }).find((g) => g.kind === 'author');
        expect(authors?.hits.map((h) => h.key), spelling).toContain(key);
      }
    });
  });

  it('describes every node, with as many papers as the file counts', () => {
    const graph = loadGraph();
    graph.forEachNode((key, node) => {
      const details = describeNode(graph, key);
      expect(details?.kind).toBe(node.kind);
      if (details && details.kind !== 'paper' && node.kind !== 'paper') expect(details.paperCount, key).toBe(node.paperCount);
    });
  });

  it('shows everything by default and exactly the papers of a year range', () => {
    const graph = loadGraph();
    expect(computeVisibility(graph, defaultFilters()).hidden.size).toBe(0);
    const [first, last] = graphFacets(graph).years!;
    const middle = Math.floor((first + last) / 2);
    const { counts } = computeVisibility(graph, { ...defaultFilters(), years: [first, middle] });
    const inRange = graph.filterNodes((_k, n) => n.kind === 'paper' && n.year <= middle).length;
    expect(counts.paper.visible).toBe(inRange);
  });
});
