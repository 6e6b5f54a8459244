/**
 * The build writes graph.json's edges from the edge table on a worker thread (edgeJson.ts), and its papers'
 * text as the bytes of the compact text shards (compact/node.ts). The file must stay exactly
 * JSON.stringify(graph.export()), the schema must still stop a bad edge, and a graph whose edges or nodes do not
 * fit (other attribute order, other keys) must be written the plain way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { edgeTable } from '../../../src/core/graph/edgeTable';
import type { AtlasGraph } from '../../../src/core/graphFile';
import { encodeUnsigned } from '../../../src/core/graphFile/compact/encode';
import { writeGraphFiles } from '../../../src/core/graphFile/compact/node';
import { edgeEntriesJson } from '../../../src/core/graphFile/edgeJson';
import { readInputs } from '../../../src/core/ingest';
import { runPipeline } from '../../../src/core/pipeline';

const OPENALEX = fileURLToPath(new URL('../../../../shared/datasets/openalex-works-biodiversity', import.meta.url));
const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'atlas-edge-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const built = async (path: string) => runPipeline((await readInputs([path])).inputs, { layoutIterations: 2 }).graph;
const edgesOfExport = (graph: AtlasGraph) => JSON.stringify(graph.export().edges).slice(1, -1);
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice());
let file = 0;
const written = (graph: AtlasGraph, thread: boolean) => {
  const path = join(dir, `graph-${file++}.json`);
  writeGraphFiles(graph, path, { thread });
  return readFileSync(path, 'utf8');
};

describe('edge entries from the edge table', () => {
  for (const [name, path] of [
    ['real OpenAlex works (with citations)', OPENALEX],
    ['a real arXiv OAI-PMH page', OAI_PAGE],
  ]) {
    it(`are exactly the export's edges on ${name}, and the build's graph file is exactly its export`, async () => {
      const graph = await built(path);
      expect(encodeUnsigned(graph).edgesCanonical).toBe(true);
      expect(utf8(edgeEntriesJson(edgeTable(graph)).bytes)).toBe(edgesOfExport(graph));
      const exact = JSON.stringify(graph.export()) + '\n';
      expect(written(graph, true) === exact).toBe(true);
      expect(written(graph, false) === exact).toBe(true);
    });
  }

  it('name the first edge that breaks the schema, and the build stops there', async () => {
    const graph = (await built(OPENALEX)).copy() as AtlasGraph;
    const index = Math.floor(graph.size / 3);
    graph.setEdgeAttribute(graph.edges()[index], 'weight', 0);
    expect(edgeEntriesJson(edgeTable(graph)).invalid).toBe(index);
    expect(() => written(graph, false)).toThrow(new RegExp(`edge ${index}: attributes\\.weight`));
  });

  it('name a citation whose citing end is not a paper, and the build stops there', async () => {
    const graph = (await built(OPENALEX)).copy() as AtlasGraph;
    const authored = graph.findEdge((_edge, attributes) => attributes.kind === 'authored')!;
    const author = graph.extremities(authored).find((node) => node.startsWith('author:'))!;
    const index = graph.edges().indexOf(authored);
    graph.replaceEdgeAttributes(authored, { kind: 'cites', weight: 1, citing: author });
    expect(edgeEntriesJson(edgeTable(graph)).invalid).toBe(index);
    expect(() => written(graph, false)).toThrow(new RegExp(`edge ${index}: attributes\\.citing`));
  });

  it('leave a paper whose text is not its last attributes to be written whole: the file is still the export', async () => {
    const graph = (await built(OAI_PAGE)).copy() as AtlasGraph;
    const paper = graph.filterNodes((_key, node) => node.kind === 'paper')[7];
    graph.updateNodeAttributes(paper, (attributes) => {
      const { year, ...rest } = attributes as Record<string, unknown>;
      return { ...rest, year } as never;
    });
    expect(written(graph, false) === JSON.stringify(graph.export()) + '\n').toBe(true);
  });

  it('are not used when an edge has its attributes in another order: the file is still the export', async () => {
    const graph = (await built(OPENALEX)).copy() as AtlasGraph;
    const edge = graph.edges()[5];
    const { kind, weight } = graph.getEdgeAttributes(edge);
    graph.replaceEdgeAttributes(edge, { weight, kind } as never);
    expect(encodeUnsigned(graph).edgesCanonical).toBe(false);
    expect(written(graph, false) === JSON.stringify(graph.export()) + '\n').toBe(true);
  });
});
