/**
 * The two decode stages the overview relies on (src/core/graphFile/compact/decode.ts): `readStructure` gives the
 * arrays the overview is computed from before any graph exists, and `graphSteps` then builds the graph in steps
 * (the app yields to the page between them) — the same graph as `decodeStructure` in one go.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeStructure, encodeAtlas, graphFromStructure, graphSteps, readStructure, structureBuffers } from '../../../src/core/graphFile/compact';
import { generateCorpus } from '../../../src/core/synthetic';
import { NODE_KINDS } from '../../../src/core/graphFile';
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
      expect([data.x[i], data.y[i], data.sizes[i], data.communities[i], NODE_KINDS[data.kinds[i]], data.palette[data.colors[i]]]).toEqual([node.x, node.y, node.size, node.community, node.kind, node.color]);
      expect(data.years[i]).toEqual(node.kind === 'paper' ? node.year : NaN);
    });
    // Every edge points at the right nodes with its weight, the co-author edges the file derives from author lists too.
    expect(data.header.coauthorCap).not.toBeNull();
    graph.edges().forEach((edge, e) => {
      expect([keys[data.sources[e]], keys[data.targets[e]]]).toEqual([graph.source(edge), graph.target(edge)]);
      expect(data.weights[e]).toBe(graph.getEdgeAttribute(edge, 'weight'));
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

  it('moves between threads as the worker sends it: typed arrays transferred, the same graph built from the copy', () => {
    const data = readStructure(structure);
    const buffers = structureBuffers(data);
    const moved = structuredClone(data, { transfer: buffers });
    // Transferred, not copied: the sender's arrays are emptied.
    expect(data.sources.length).toBe(0);
    expect(JSON.stringify(graphFromStructure(moved).graph.export())).toBe(JSON.stringify(decodeStructure(structure).graph.export()));
  });

  it('derives paper lists and co-author edges exactly on a synthetic corpus', () => {
    const synthetic = runPipeline([generateCorpus({ papers: 600 }).input]).graph;
    const data = readStructure(encodeAtlas(synthetic).structure);
    expect(data.header.coauthorCap).not.toBeNull();
    const keys = synthetic.nodes();
    synthetic.edges().forEach((edge, e) => {
      expect([keys[data.sources[e]], keys[data.targets[e]], data.weights[e]]).toEqual([synthetic.source(edge), synthetic.target(edge), synthetic.getEdgeAttribute(edge, 'weight')]);
    });
    const built = graphFromStructure(data).graph;
    synthetic.forEachNode((key, node) => {
      if (node.kind !== 'paper') return;
      const decoded = built.getNodeAttributes(key) as typeof node;
      expect([decoded.authors, decoded.affiliations, decoded.topics]).toEqual([node.authors, node.affiliations, node.topics]);
    });
  });
});
