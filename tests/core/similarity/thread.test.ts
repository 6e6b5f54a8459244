/**
 * The build scores related papers on a second thread (`startRelatedPapers`), from the scoring function's own
 * source: what lands on the paper nodes must be exactly what the same-thread `relatedPapers` writes — lists,
 * scores and reasons — on the seed and on a real arXiv OAI-PMH page, whatever runs the code (here vitest).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../../src/core/communities';
import { buildGraph } from '../../../src/core/graph';
import type { AtlasGraph, PaperNode } from '../../../src/core/graphFile';
import { parseOaiPmh } from '../../../src/core/ingest';
import { parseListing } from '../../../src/core/ingest/listing';
import type { ParsedInput } from '../../../src/core/ingest/types';
import { relatedPapers } from '../../../src/core/similarity';
import { startRelatedPapers } from '../../../src/core/similarity/thread';

const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));

function graphOf(input: ParsedInput): AtlasGraph {
  const graph = buildGraph([input]);
  detectCommunities(graph);
  return graph;
}
const relatedOf = (graph: AtlasGraph) =>
  new Map(graph.filterNodes((_k, node) => node.kind === 'paper').map((key) => [key, (graph.getNodeAttributes(key) as PaperNode).related]));

describe('related papers scored on a worker thread', () => {
  for (const [name, input] of [
    ['the seed listing', () => parseListing(readFileSync(SEED, 'utf8'), 'data/seed-papers.txt')],
    ['a real OAI-PMH page (1,000 papers)', () => parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)],
  ] as const) {
    it(`writes the same lists, scores and reasons as the same-thread scoring on ${name}`, () => {
      const inline = graphOf(input());
      relatedPapers(inline);
      const threaded = graphOf(input());
      const pending = startRelatedPapers(threaded, { thread: true });
      // Nothing is written until finish(): the main thread is free for other phases meanwhile.
      expect([...relatedOf(threaded).values()].every((list) => list === undefined || list.length === 0)).toBe(true);
      pending.finish();
      const lists = relatedOf(threaded);
      expect([...lists.values()].filter((list) => list.length > 0).length).toBeGreaterThan(lists.size / 2);
      expect(lists).toEqual(relatedOf(inline));
    });
  }
});
