/**
 * The compact graph files (src/core/graphFile/compact): the structure alone draws the map, and structure +
 * labels + every text shard + report give back exactly what graph.json holds — on the bundled seed and on
 * real arXiv OAI-PMH data, both through the real build pipeline.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { GraphFileSchema, serializeGraph, type AtlasGraph, type PaperNode } from '../../../src/core/graphFile';
import { CompactFormatError, decodeStructure, encodeAtlas, mergeLabels, mergeReport, mergeTextShard, type CompactParts } from '../../../src/core/graphFile/compact';
import { readInputs } from '../../../src/core/ingest';
import { parseListing } from '../../../src/core/ingest/listing';
import { runPipeline } from '../../../src/core/pipeline';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OAI_PAGE = path.resolve(ROOT, '../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml');
const oaiAvailable = existsSync(OAI_PAGE);
if (!oaiAvailable) console.warn(`compact OAI-PMH round trip skipped: real data set not found at ${OAI_PAGE}`);

let seed: AtlasGraph | undefined;
const seedGraph = () => (seed ??= runPipeline([parseListing(readFileSync(path.join(ROOT, 'data/seed-papers.txt'), 'utf8'), 'data/seed-papers.txt')]).graph);

/** Decodes every part the way the app does (JSON text parsed), in the order the app merges them. */
function decodeAll(parts: CompactParts) {
  const state = decodeStructure(parts.structure);
  mergeLabels(state, JSON.parse(parts.labels));
  for (const shard of parts.text) mergeTextShard(state, JSON.parse(shard));
  mergeReport(state, JSON.parse(parts.report));
  return state;
}

function expectExactRoundTrip(graph: AtlasGraph) {
  const parts = encodeAtlas(graph);
  const restored = decodeAll(parts).graph;
  // Byte for byte what the build writes as graph.json, and valid against its contract.
  expect(serializeGraph(restored)).toBe(serializeGraph(graph));
  expect(GraphFileSchema.safeParse(restored.export()).success).toBe(true);
  return parts;
}

describe('compact graph files on the seed built by the real pipeline', () => {
  it('decode → merge labels, every text shard and the report → exactly graph.json', () => {
    const parts = expectExactRoundTrip(seedGraph());
    expect(parts.manifest.nodeCount).toBe(seedGraph().order);
    expect(parts.manifest.text.at(-1)!.end).toBe(seedGraph().order);
    // The build's co-author edges are rebuilt from the author lists, not stored.
    expect(decodeStructure(parts.structure).header.coauthorCap).toBe(50);
  });

  it('the structure alone carries what the map, legend and filters read; text waits for its part', () => {
    const graph = seedGraph();
    const state = decodeStructure(encodeAtlas(graph).structure);
    expect(state.graph.order).toBe(graph.order);
    expect(state.graph.edges()).toEqual(graph.edges());
    expect(state.graph.getAttribute('communities')).toEqual(graph.getAttribute('communities'));
    graph.forEachNode((key, original) => {
      const decoded = state.graph.getNodeAttributes(key);
      for (const attribute of ['kind', 'x', 'y', 'size', 'color', 'community'] as const) expect(decoded[attribute]).toEqual(original[attribute]);
      if (original.kind === 'paper' && decoded.kind === 'paper') {
        expect([decoded.year, decoded.category, decoded.authors, decoded.affiliations, decoded.topics]).toEqual([original.year, original.category, original.authors, original.affiliations, original.topics]);
        // Until the labels and text parts arrive: typed placeholders, never undefined.
        expect([decoded.title, decoded.abstract, decoded.related]).toEqual(['', '', []]);
      }
      if (original.kind === 'category') expect(decoded).toEqual(original);
    });
  });

  it('a text shard fills in only its own nodes', () => {
    const graph = seedGraph();
    const parts = encodeAtlas(graph);
    const state = decodeStructure(parts.structure);
    mergeLabels(state, JSON.parse(parts.labels));
    const papers = graph.filterNodes((_k, a) => a.kind === 'paper' && a.abstract !== '');
    const paperAt = (g: AtlasGraph, key: string) => g.getNodeAttributes(key) as PaperNode;
    expect(paperAt(state.graph, papers[0]).abstract).toBe('');
    expect(paperAt(state.graph, papers[0]).title).toBe(paperAt(graph, papers[0]).title);
    mergeTextShard(state, JSON.parse(parts.text[0]));
    const { start, end } = parts.manifest.text[0];
    state.keys.forEach((key, i) => {
      const attributes = state.graph.getNodeAttributes(key);
      if (attributes.kind !== 'paper') return;
      expect(attributes.abstract).toBe(i >= start && i < end ? paperAt(graph, key).abstract : '');
    });
  });

  it('same graph → same bytes', () => {
    const a = encodeAtlas(seedGraph());
    const b = encodeAtlas(Graph.from(seedGraph().export()) as AtlasGraph);
    expect(Buffer.from(b.structure).equals(Buffer.from(a.structure))).toBe(true);
    expect([b.labels, b.report, b.text, b.manifest]).toEqual([a.labels, a.report, a.text, a.manifest]);
  });

  it('graphs off the usual grid round-trip too: float positions and weights, other edge keys, author lists unlike the edges', () => {
    const graph = Graph.from(seedGraph().export()) as AtlasGraph;
    const [first, second] = graph.nodes();
    graph.setNodeAttribute(first, 'x', Math.PI);
    graph.setNodeAttribute(second, 'size', 1 / 3);
    const edge = graph.edges()[0];
    graph.setEdgeAttribute(edge, 'weight', 0.125);
    // A co-author weight the author lists do not give: the co-author edges are then stored, not derived.
    graph.setEdgeAttribute(graph.findEdge((_e, a) => a.kind === 'coauthor')!, 'weight', 7);
    const paper = graph.findNode((_k, a) => a.kind === 'paper' && a.authors.length > 1)!;
    const attributes = graph.getNodeAttributes(paper) as PaperNode;
    graph.mergeNodeAttributes(paper, { authors: [...attributes.authors].reverse(), affiliations: ['affiliation:nowhere-in-this-graph'] } as Partial<PaperNode>);
    const renamed = Graph.from({ ...graph.export(), edges: graph.export().edges.map((e) => ({ ...e, key: `edge-${e.key}` })) }) as AtlasGraph;
    expectExactRoundTrip(renamed);
    const header = decodeStructure(encodeAtlas(renamed).structure).header;
    expect(header.scales).toEqual({ position: 0, size: 0, weight: 0 });
    expect(header.sequentialEdgeKeys).toBe(false);
    expect(header.coauthorCap).toBeNull();
  });
});

describe('a damaged part is a clear error, never a crash', () => {
  const parts = () => encodeAtlas(seedGraph());

  it('every truncation of structure.bin throws a CompactFormatError', () => {
    const { structure } = parts();
    for (let length = 0; length < structure.length; length += Math.max(1, Math.floor(structure.length / 400))) {
      expect(() => decodeStructure(structure.subarray(0, length)), `cut at ${length}`).toThrow(CompactFormatError);
    }
    expect(() => decodeStructure(structure.subarray(0, structure.length - 1))).toThrow(/truncated|corrupted/);
  });

  it('flipped bytes decode or throw a CompactFormatError, nothing else', () => {
    const { structure } = parts();
    let rejected = 0;
    for (let i = 0; i < 600; i++) {
      const damaged = structure.slice();
      const at = (i * 7919) % damaged.length;
      damaged[at] ^= 1 + (i % 255);
      try {
        decodeStructure(damaged);
      } catch (err) {
        expect(err, `byte ${at}: ${(err as Error).message}`).toBeInstanceOf(CompactFormatError);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('names what is wrong: signature, parts of another build, a bad attribute in a shard', () => {
    const { structure, labels, text } = parts();
    const notOurs = structure.slice();
    notOurs[0] = 0x58;
    expect(() => decodeStructure(notOurs)).toThrow('not a Paper Atlas structure file');
    const state = decodeStructure(structure);
    expect(() => mergeLabels(state, { ...JSON.parse(labels), id: '0123456789abcdef' })).toThrow(/another build/);
    expect(() => mergeLabels(state, { ...JSON.parse(labels), label: [] })).toThrow(/labels for/);
    const shard = JSON.parse(text[0]);
    const index = shard.nodes.findIndex((n: Record<string, unknown> | null) => n && 'abstract' in n);
    shard.nodes[index].abstract = 42;
    expect(() => mergeTextShard(state, shard)).toThrow(new RegExp(`node ${state.keys[shard.start + index]}: abstract`));
    expect(() => mergeTextShard(state, { format: 'paper-atlas-text' })).toThrow(/does not match the schema/);
  });
});

describe.skipIf(!oaiAvailable)('compact graph files on real arXiv OAI-PMH data (page 1, 1000 records)', () => {
  it('round-trips exactly and the structure stays small', { timeout: 600_000 }, async () => {
    const read = await readInputs([OAI_PAGE]);
    // Few layout iterations: positions only need to be real layout output, not a finished picture.
    const { graph } = runPipeline(read.inputs, { layoutIterations: 20 });
    const parts = expectExactRoundTrip(graph);
    // The first view is a fraction of graph.json (abstracts and related lists are most of it).
    expect(parts.structure.length).toBeLessThan(serializeGraph(graph).length / 10);
    expect(parts.manifest.text.length).toBeGreaterThan(1);
  });
});
