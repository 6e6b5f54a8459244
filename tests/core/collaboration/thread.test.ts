/**
 * The build places the collaboration network (its communities and layout) on a worker thread, from the
 * co-author edges as arrays, while the knowledge graph's communities and labels are computed. What lands on
 * the author nodes and in the graph's `collaboration` attribute must be exactly what `collaborationNetwork`
 * writes on this thread, on the seed listing and on a real arXiv OAI-PMH page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collaborationNetwork } from '../../../src/core/collaboration';
import { startCollaboration } from '../../../src/core/collaboration/thread';
import { buildGraph } from '../../../src/core/graph';
import type { AtlasGraph } from '../../../src/core/graphFile';
import { parseOaiPmh } from '../../../src/core/ingest';
import { parseListing } from '../../../src/core/ingest/listing';
import type { ParsedInput } from '../../../src/core/ingest/types';

const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));

const authorPlaces = (graph: AtlasGraph) =>
  graph.filterNodes((_key, node) => node.kind === 'author').map((key) => {
    const { collabCommunity, collabX, collabY } = graph.getNodeAttributes(key) as { collabCommunity: number; collabX: number; collabY: number };
    return [key, collabCommunity, collabX, collabY];
  });

describe('the collaboration network placed on a worker thread', () => {
  for (const [name, input] of [
    ['the seed listing', () => parseListing(readFileSync(SEED, 'utf8'), 'data/seed-papers.txt')],
    ['a real OAI-PMH page (1,000 papers)', () => parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)],
  ] as [string, () => ParsedInput][]) {
    it(`writes what collaborationNetwork writes on ${name}, and nothing before finish()`, () => {
      const here = buildGraph([input()]);
      collaborationNetwork(here, { seed: 7 });
      const threaded = buildGraph([input()]);
      const before = authorPlaces(threaded);
      const pending = startCollaboration(threaded, { seed: 7, thread: true });
      expect(authorPlaces(threaded)).toEqual(before);
      pending.finish();

      const places = authorPlaces(threaded);
      expect(places).toEqual(authorPlaces(here));
      expect(threaded.getAttribute('collaboration')).toEqual(here.getAttribute('collaboration'));
      // A real network: several communities, and authors spread out, not on one point.
      expect(threaded.getAttribute('collaboration').communities.length).toBeGreaterThan(3);
      expect(new Set(places.map(([, , x, y]) => `${x},${y}`)).size).toBe(places.length);
    });
  }
});
