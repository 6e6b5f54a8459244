/**
 * The graph file is written in chunks (a 100k-paper file is past V8's limit for one string): the chunks must
 * add up to exactly graphology's export, and a contract violation anywhere must still stop the build.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { graphFileChunks, graphFilePieces, parseGraphFile, serializeGraph, type AtlasGraph } from '../../../src/core/graphFile';
import { startAtlasFiles, writeGraphFiles } from '../../../src/core/graphFile/compact/node';
import { encodeUnsigned } from '../../../src/core/graphFile/compact/encode';
import { parseOaiPmh } from '../../../src/core/ingest';
import { runPipeline } from '../../../src/core/pipeline';
import { generateCorpus } from '../../../src/core/synthetic';

const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));

describe('graphFileChunks', () => {
  // 1,500 papers give several thousand nodes and edges: more than one chunk of each.
  const { graph } = runPipeline([generateCorpus({ papers: 1500, seed: 7 }).input], { layoutIterations: 2 });

  it('adds up to exactly JSON.stringify(graph.export()), in more than one chunk per list', () => {
    const chunks = [...graphFileChunks(graph)];
    expect(chunks.length).toBeGreaterThan(6);
    expect(chunks.join('')).toBe(JSON.stringify(graph.export()) + '\n');
    const reread = parseGraphFile(JSON.parse(serializeGraph(graph)));
    expect(reread.ok && reread.graph.order).toBe(graph.order);
  });

  it('names the node that breaks the contract', () => {
    const broken = graph.copy();
    const index = Math.floor(broken.order / 2);
    const victim = broken.nodes()[index];
    broken.setNodeAttribute(victim, 'x', Number.NaN);
    expect(() => [...graphFileChunks(broken)]).toThrow(new RegExp(`node ${index}: attributes\.x`));
  });

  it('names the edge that breaks the contract, also when its attributes object is shared', () => {
    const broken = graph.copy();
    const index = Math.floor(broken.size / 2);
    broken.setEdgeAttribute(broken.edges()[index], 'weight', -1);
    expect(() => [...graphFileChunks(broken)]).toThrow(new RegExp(`edge ${index}: attributes\.weight`));
    // Edges of the build share attributes objects: a bad one is reported at the first edge that has it.
    const shared = graph.copy();
    const bad = { kind: 'authored', weight: 0 } as never;
    const [, second, third] = shared.edges();
    shared.replaceEdgeAttributes(second, bad);
    shared.replaceEdgeAttributes(third, bad);
    expect(() => [...graphFileChunks(shared)]).toThrow(/edge 1: attributes\.weight/);
  });
});

describe('graph.json as the build writes it: the text entries of the compact files spliced in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-splice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = 0;
  /** What `writeGraphFiles` (the build's writer) puts in graph.json. */
  const written = (graph: AtlasGraph) => {
    const path = join(dir, `graph-${file++}.json`);
    writeGraphFiles(graph, path, { thread: false });
    return readFileSync(path, 'utf8');
  };

  /** Where the spliced file first differs from the export (with what each has there), or null: the files are megabytes. */
  const differenceFromExport = (graph: AtlasGraph, written: string) => {
    const exact = JSON.stringify(graph.export()) + '\n';
    if (written === exact) return null;
    let i = 0;
    while (written[i] === exact[i]) i++;
    return { at: i, written: written.slice(i - 60, i + 60), exported: exact.slice(i - 60, i + 60) };
  };

  it('writes exactly the export of a built real OAI-PMH page, every paper spliced', () => {
    const { graph } = runPipeline([parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)], { layoutIterations: 2 });
    const { nodeText } = encodeUnsigned(graph);
    const papers = graph.filterNodes((_key, node) => node.kind === 'paper').length;
    expect(papers).toBeGreaterThan(900);
    // Every paper's text-tier attributes come last, so every paper takes the spliced path.
    expect(Array.from(nodeText.from).filter((from) => from >= 0)).toHaveLength(papers);
    expect(differenceFromExport(graph, written(graph))).toBeNull();
  });

  it('serialises whole a node whose text is not its tail, or that has none', () => {
    const { graph } = runPipeline([generateCorpus({ papers: 300, seed: 3 }).input], { layoutIterations: 2 });
    const [first, second] = graph.filterNodes((_key, node) => node.kind === 'paper');
    const author = graph.findNode((_key, node) => node.kind === 'author')!; // no text at all
    graph.mergeNodeAttributes(first, { hasCode: true } as never); // updating keeps the order: still a tail
    graph.updateNodeAttributes(second, (attributes) => {
      const { year, ...rest } = attributes as Record<string, unknown>;
      return { ...rest, year } as never; // a structure attribute after the text
    });
    const { nodeText } = encodeUnsigned(graph);
    const index = (key: string) => graph.nodes().indexOf(key);
    expect(nodeText.from[index(first)]).toBeGreaterThan(0);
    expect(nodeText.from[index(second)]).toBe(-1);
    expect([nodeText.json[index(author)], nodeText.from[index(author)]]).toEqual(['null', -1]);
    expect(differenceFromExport(graph, written(graph))).toBeNull();
  });

  it('refuses text entries of another graph', () => {
    const { graph } = runPipeline([generateCorpus({ papers: 300, seed: 3 }).input], { layoutIterations: 2 });
    const atlas = startAtlasFiles(graph, join(dir, 'other.atlas'), { thread: false });
    graph.addNode('category:extra', { ...graph.getNodeAttributes(graph.filterNodes((_k, n) => n.kind === 'category')[0]) });
    expect(() => [...graphFilePieces(graph, { nodeChunks: atlas.nodeChunks })]).toThrow(/text entries of \d+ nodes for a graph of \d+/);
  });
});
