/**
 * The level-of-detail overview (src/core/overview) on graphs built by the real pipeline (the bundled seed and a
 * seeded synthetic corpus) and on the hand-made sample graph: one node per community where its members are,
 * links from citations and authorship only, each community's strongest few kept, the same answer from the
 * graph, from the decoded compact structure and from the overview part the build writes; and an opened
 * community's neighbourhood, the part of a big graph the map draws for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { AtlasGraph } from '../../../src/core/graphFile';
import { CompactFormatError, encodeAtlas, readOverviewPart, readStructure } from '../../../src/core/graphFile/compact';
import { parseListing } from '../../../src/core/ingest/listing';
import { runPipeline } from '../../../src/core/pipeline';
import { generateCorpus } from '../../../src/core/synthetic';
import {
  LINK_EDGE_KINDS, buildOverview, communityKey, communityOfKey, groupNeighbourhood, overviewFromTallies, overviewInputFromGraph, overviewInputFromStructure, tallyOverview, type Overview,
} from '../../../src/core/overview';
import { MAX_COMMUNITY_SIZE, MIN_COMMUNITY_SIZE } from '../../../src/core/overview/utils';
import { sampleGraph } from '../../helpers/sampleGraph';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let seed: AtlasGraph | undefined;
const seedGraph = () => (seed ??= runPipeline([parseListing(readFileSync(path.join(ROOT, 'data/seed-papers.txt'), 'utf8'), 'data/seed-papers.txt')]).graph);
let synthetic: AtlasGraph | undefined;
const syntheticGraph = () => (synthetic ??= runPipeline([generateCorpus({ papers: 600 }).input]).graph);

/** Edges of the link kinds between each pair of communities, counted the plain way. */
function crossEdges(graph: AtlasGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachEdge((_e, attributes, _s, _t, source, target) => {
    if (!LINK_EDGE_KINDS.includes(attributes.kind) || source.community === target.community) return;
    const [a, b] = [source.community, target.community].sort((x, y) => x - y);
    counts.set(`${a}-${b}`, (counts.get(`${a}-${b}`) ?? 0) + 1);
  });
  return counts;
}

function expectFaithful(graph: AtlasGraph, overview: Overview) {
  const members = new Map<number, string[]>();
  graph.forEachNode((key, node) => void members.set(node.community, [...(members.get(node.community) ?? []), key]));
  // One node per community, by id, with its label and colour.
  expect(overview.communities.map((c) => c.id)).toEqual([...members.keys()].sort((a, b) => a - b));
  expect(overview.communities.reduce((sum, c) => sum + c.members, 0)).toBe(graph.order);
  const listed = new Map(graph.getAttribute('communities').map((c) => [c.id, c]));
  for (const c of overview.communities) {
    const keys = members.get(c.id)!;
    expect(c.members).toBe(keys.length);
    expect(c.key).toBe(communityKey(c.id));
    expect(c.label).toBe(listed.get(c.id)!.label);
    expect(c.color).toBe(listed.get(c.id)!.color);
    // Where its members are: their centroid weighted by size, inside their bounding box.
    const weight = keys.reduce((sum, k) => sum + graph.getNodeAttribute(k, 'size'), 0);
    expect(c.x).toBeCloseTo(keys.reduce((sum, k) => sum + graph.getNodeAttribute(k, 'size') * graph.getNodeAttribute(k, 'x'), 0) / weight, 6);
    expect(c.y).toBeCloseTo(keys.reduce((sum, k) => sum + graph.getNodeAttribute(k, 'size') * graph.getNodeAttribute(k, 'y'), 0) / weight, 6);
    const papers = keys.filter((k) => graph.getNodeAttribute(k, 'kind') === 'paper');
    expect(c.papers).toBe(papers.length);
    expect(c.size).toBeGreaterThanOrEqual(MIN_COMMUNITY_SIZE);
    expect(c.size).toBeLessThanOrEqual(MAX_COMMUNITY_SIZE);
  }
  // Bigger communities are drawn bigger; the biggest at the maximum.
  const bySize = [...overview.communities].sort((a, b) => a.members - b.members);
  for (let i = 1; i < bySize.length; i++) expect(bySize[i].size).toBeGreaterThanOrEqual(bySize[i - 1].size);
  expect(bySize.at(-1)!.size).toBe(MAX_COMMUNITY_SIZE);

  // Links: between two different communities, counting their citation and authorship edges.
  const cross = crossEdges(graph);
  for (const link of overview.links) {
    expect(link.source).toBeLessThan(link.target);
    expect(link.edges).toBe(cross.get(`${link.source}-${link.target}`));
    expect(link.strength).toBeGreaterThan(0);
    expect(link.strength).toBeLessThanOrEqual(1);
  }
  if (overview.links.length) expect(Math.max(...overview.links.map((l) => l.strength))).toBe(1);
  expect(new Set(overview.links.map((l) => l.key)).size).toBe(overview.links.length);
}

describe('buildOverview on the seed built by the real pipeline', () => {
  const graph = seedGraph();
  const overview = buildOverview(overviewInputFromGraph(graph));

  it('draws every community once, where and as big as its members are, with its label and colour', () => {
    expect(overview.communities.length).toBe(graph.getAttribute('communities').length);
    expect(overview.nodeCount).toBe(graph.order);
    expectFaithful(graph, overview);
  });

  it('frames the full graph: the overview and the full map share one camera', () => {
    const xs = graph.mapNodes((_k, n) => n.x);
    const ys = graph.mapNodes((_k, n) => n.y);
    expect(overview.bbox).toEqual({ x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] });
  });

  it('mean paper year per community, and the year span of all papers', () => {
    const all = graph.filterNodes((_k, n) => n.kind === 'paper').map((k) => (graph.getNodeAttributes(k) as { year: number }).year);
    expect(overview.years).toEqual([Math.min(...all), Math.max(...all)]);
    for (const c of overview.communities) {
      const years = graph.filterNodes((_k, n) => n.community === c.id && n.kind === 'paper').map((k) => (graph.getNodeAttributes(k) as { year: number }).year);
      expect(c.meanYear).toBeCloseTo(years.reduce((a, b) => a + b, 0) / years.length, 9);
    }
  });

  it('is the same computed from the decoded compact structure, before any graph exists', () => {
    const fromStructure = buildOverview(overviewInputFromStructure(readStructure(encodeAtlas(graph).structure)));
    expect(fromStructure).toEqual(overview);
  });

  it('is the same drawn from the overview part the build writes (what a big graph\'s first frame needs)', () => {
    const parts = encodeAtlas(graph);
    const { tallies, listing } = readOverviewPart(JSON.parse(parts.overview), parts.id);
    expect(overviewFromTallies(tallies, listing)).toEqual(overview);
    expect(tallies).toEqual(tallyOverview(overviewInputFromGraph(graph)));
    // Small: one entry per community and per related pair.
    expect(parts.overview.length).toBeLessThan(200 * (tallies.communities.length + tallies.pairs.length) + 1000);
  });

  it('an overview part of another build or of the wrong shape is a CompactFormatError', () => {
    const parts = encodeAtlas(graph);
    expect(() => readOverviewPart(JSON.parse(parts.overview), '0123456789abcdef')).toThrow(/another build/);
    const broken = { ...JSON.parse(parts.overview), pairs: [[1, 2]] };
    expect(() => readOverviewPart(broken, parts.id)).toThrow(CompactFormatError);
    expect(() => readOverviewPart(broken, parts.id)).toThrow(/overview part does not match the schema: pairs/);
  });
});

describe('groupNeighbourhood: an opened community as a big graph draws it', () => {
  const graph = seedGraph();
  const id = buildOverview(overviewInputFromGraph(graph)).communities.sort((a, b) => b.members - a.members)[0].id;
  const group = new Set(graph.filterNodes((_k, n) => n.community === id));
  const part = groupNeighbourhood(graph, group);

  it('holds the group, its neighbours and every edge touching the group, once, nothing else', () => {
    const expectedNodes = new Set(group);
    for (const node of group) graph.forEachNeighbor(node, (n) => void expectedNodes.add(n));
    expect(part.nodes()).toEqual(graph.nodes().filter((n) => expectedNodes.has(n)));
    const touching = graph.filterEdges((_e, _a, source, target) => group.has(source) || group.has(target));
    expect(part.edges().sort()).toEqual(touching.sort());
    expect(part.order).toBeLessThan(graph.order);
    for (const edge of part.edges()) {
      expect([part.source(edge), part.target(edge)]).toEqual([graph.source(edge), graph.target(edge)]);
      expect(part.getEdgeAttributes(edge)).toBe(graph.getEdgeAttributes(edge));
    }
  });

  it('shares the graph\'s attribute objects: text merged into the graph later shows in the part', () => {
    const node = [...group][0];
    expect(part.getNodeAttributes(node)).toBe(graph.getNodeAttributes(node));
    expect(part.getAttribute('communities')).toEqual(graph.getAttribute('communities'));
  });

  it('ignores keys the graph does not hold', () => {
    expect(groupNeighbourhood(graph, new Set(['nope'])).order).toBe(0);
  });
});

describe('buildOverview on a synthetic corpus built by the real pipeline', () => {
  const graph = syntheticGraph();
  const overview = buildOverview(overviewInputFromGraph(graph));

  it('is faithful and readable: few links per community, each among the strongest of one of its ends', () => {
    expect(overview.communities.length).toBeGreaterThan(5);
    expectFaithful(graph, overview);
    const cross = crossEdges(graph);
    // Fewer links than community pairs related at all, and no community in more than a handful unless others chose it.
    expect(overview.links.length).toBeLessThan(cross.size);
    const volume = new Map<number, number>();
    graph.forEachEdge((_e, a, _s, _t, source, target) => {
      if (!LINK_EDGE_KINDS.includes(a.kind)) return;
      for (const c of [source.community, target.community]) volume.set(c, (volume.get(c) ?? 0) + 1);
    });
    const affinity = (a: number, b: number) => (cross.get(`${Math.min(a, b)}-${Math.max(a, b)}`) ?? 0) / Math.sqrt(volume.get(a)! * volume.get(b)!);
    const ids = overview.communities.map((c) => c.id);
    const topOf = (id: number) => ids.filter((o) => o !== id && affinity(id, o) > 0).sort((a, b) => affinity(id, b) - affinity(id, a) || a - b).slice(0, 3);
    for (const link of overview.links) expect(topOf(link.source).includes(link.target) || topOf(link.target).includes(link.source)).toBe(true);
    // Every community related to another keeps its strongest link.
    for (const id of ids) {
      const [best] = topOf(id);
      if (best === undefined) continue;
      expect(overview.links.some((l) => (l.source === id && l.target === best) || (l.target === id && l.source === best))).toBe(true);
    }
  });

  it('keeps fewer links when asked, and the same overview from the compact structure', () => {
    const one = buildOverview(overviewInputFromGraph(graph), { linksPerCommunity: 1 });
    expect(one.links.length).toBeLessThan(overview.links.length);
    expect(one.links.length).toBeLessThanOrEqual(one.communities.length);
    expect(buildOverview(overviewInputFromStructure(readStructure(encodeAtlas(graph).structure)))).toEqual(overview);
  });

  it('is deterministic: the same graph with its edges in another order gives the same overview', () => {
    const reversed = new Graph({ type: 'undirected' }) as AtlasGraph;
    reversed.replaceAttributes(graph.getAttributes());
    graph.forEachNode((key, attributes) => void reversed.addNode(key, attributes));
    for (const key of [...graph.edges()].reverse()) reversed.addEdgeWithKey(key, graph.source(key), graph.target(key), graph.getEdgeAttributes(key));
    expect(buildOverview(overviewInputFromGraph(reversed))).toEqual(overview);
  });
});

describe('buildOverview on the hand-made sample graph', () => {
  it('links communities through citations and authorship, never through a shared category or affiliation', () => {
    const graph = sampleGraph();
    const overview = buildOverview(overviewInputFromGraph(graph));
    expectFaithful(graph, overview);
    // Only hubs relate two communities: no link.
    const hubsOnly = graph.copy() as AtlasGraph;
    hubsOnly.forEachEdge((edge, a) => {
      if (LINK_EDGE_KINDS.includes(a.kind)) hubsOnly.dropEdge(edge);
    });
    expect(buildOverview(overviewInputFromGraph(hubsOnly)).links).toEqual([]);
  });

  it('names communities by overview key', () => {
    expect(communityOfKey(communityKey(12))).toBe(12);
    expect(communityOfKey('paper:community:1')).toBeNull();
    expect(communityOfKey('community:x')).toBeNull();
  });
});
