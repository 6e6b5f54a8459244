/**
 * The two decode stages the overview relies on (src/core/graphFile/compact/decode.ts): `readStructure` gives the
 * arrays the overview is computed from before any graph exists, and `graphSteps` then builds the graph in steps
 * (the app yields to the page between them) — the same graph as `decodeStructure` in one go.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeStructure, encodeAtlas, graphSteps, readStructure } from '../../../src/core/graphFile/compact';
import { parseListing } from '../../../src/core/ingest/listing';
import { runPipeline } from '../../../src/core/pipeline';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const graph = runPipeline([parseListing(readFileSync(path.join(ROOT, 'data/seed-papers.txt'), 'utf8'), 'data/seed-papers.txt')]).graph;
const structure = encodeAtlas(graph).structure;

describe('compact structure in two stages', () => {
  it('readStructure: positions, sizes, communities and paper years by node index, edges by index', () => {
    const data = readStructure(structure);
    const keys = graph.nodes();
    expect(data.keys).toEqual(keys);
    keys.forEach((key, i) => {
      const node = graph.getNodeAttributes(key);
      expect([data.x[i], data.y[i], data.sizes[i], data.communities[i], data.kinds[i]]).toEqual([node.x, node.y, node.size, node.community, node.kind]);
      expect(data.years[i]).toEqual(node.kind === 'paper' ? node.year : NaN);
    });
    // Every edge whose ends the file stores points at the right nodes (co-author ends come with the graph).
    graph.edges().forEach((edge, e) => {
      if (data.sources[e] < 0) return expect(graph.getEdgeAttribute(edge, 'kind')).toBe('coauthor');
      expect([keys[data.sources[e]], keys[data.targets[e]]].sort()).toEqual([graph.source(edge), graph.target(edge)].sort());
    });
  });

  it('graphSteps, yielding every few items, builds exactly what decodeStructure does', () => {
    const steps = graphSteps(readStructure(structure), 25);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan((graph.order + graph.size) / 25 - 2);
    // Before the labels part: titles are placeholders, so compare the exports, not schema-checked files.
    expect(JSON.stringify(step.value.graph.export())).toBe(JSON.stringify(decodeStructure(structure).graph.export()));
  });
});
