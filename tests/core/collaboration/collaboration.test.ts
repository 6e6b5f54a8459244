/**
 * The co-authorship network on the real seed listing: authors only, their own communities (people who
 * write together land together), their own layout, and communities described by their papers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coauthorProjection, collaborationNetwork, PACKED_TEAM_MAX, RING_SPACING, SOLO_LABEL } from '../../../src/core/collaboration';
import { communityColor, phrases, termKey } from '../../../src/core/communities';
import { buildGraph } from '../../../src/core/graph';
import type { AtlasGraph, AuthorNode, PaperNode } from '../../../src/core/graphFile';
import { parseListing } from '../../../src/core/ingest/listing';
import { withoutExtras, type ParsedInput, type PaperRecord } from '../../../src/core/ingest/types';

const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
const seedInput = (): ParsedInput => parseListing(readFileSync(SEED, 'utf8'), 'data/seed-papers.txt');

const paper = (line: number, title: string, authors: string[], abstract = ''): PaperRecord => ({
  file: 'extra.txt', line, title, authors, authorsTruncated: false, date: '2024-01-01', category: 'cs.LG', hasCode: false,
  abstract, affiliations: [], ...withoutExtras(),
});
// Two sole authors: no collaboration to cluster by.
const soloPapers = [
  paper(1, 'Overwintering Honeybee Colonies', ['Ada Beekeeper'], 'Hive losses and varroa mites in alpine apiaries.'),
  paper(2, 'Sourdough Starter Microbiomes', ['Bo Baker'], 'Lactic acid bacteria in sourdough starters.'),
];
const withSolo = (): ParsedInput => {
  const input = seedInput();
  return { ...input, papers: [...input.papers, ...soloPapers], records: input.records + soloPapers.length };
};

function build(input: ParsedInput, seed?: number): AtlasGraph {
  const graph = buildGraph([input]);
  collaborationNetwork(graph, { seed, layoutIterations: 50 });
  return graph;
}

const authorsOf = (graph: AtlasGraph) =>
  graph.filterNodes((_k, n) => n.kind === 'author').map((key) => [key, graph.getNodeAttributes(key) as AuthorNode] as const);
/** Component number of every node of `graph` (breadth-first), to check communities against. */
function componentOf(graph: { forEachNode: AtlasGraph['forEachNode']; neighbors: AtlasGraph['neighbors'] }): Map<string, number> {
  const component = new Map<string, number>();
  graph.forEachNode((start) => {
    if (component.has(start)) return;
    const id = component.size;
    const queue = [start];
    component.set(start, id);
    while (queue.length) for (const next of graph.neighbors(queue.pop()!)) if (!component.has(next)) queue.push(next), component.set(next, id);
  });
  return component;
}
const author = (graph: AtlasGraph, key: string) => graph.getNodeAttributes(key) as AuthorNode;
const slugOf = (name: string) => `author:${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;

describe('collaborationNetwork on the seed listing (plus two sole authors)', () => {
  const graph = build(withSolo());
  const { communities, modularity } = graph.getAttribute('collaboration');
  const authors = authorsOf(graph);
  const { network } = coauthorProjection(graph);
  const solo = communities.find((c) => c.label === SOLO_LABEL)!;

  it('gives every author a community of the network and a distinct, finite position', () => {
    const positions = new Set<string>();
    for (const [key, a] of authors) {
      expect(a.collabCommunity, key).toBeLessThan(communities.length);
      expect(Number.isFinite(a.collabX) && Number.isFinite(a.collabY)).toBe(true);
      positions.add(`${a.collabX},${a.collabY}`);
    }
    expect(positions.size).toBe(authors.length);
    expect(communities.map((c) => c.id)).toEqual(communities.map((_c, i) => i));
    for (const c of communities) {
      expect(c.size).toBe(authors.filter(([, a]) => a.collabCommunity === c.id).length);
      expect(c.color).toBe(communityColor(c.id));
    }
  });

  it('puts people who write together in one community, and never joins people with no path between them', () => {
    const together = (...names: string[]) => new Set(names.map((n) => author(graph, slugOf(n)).collabCommunity)).size === 1;
    expect(together('Vitoria Barin-Pacela', 'Kartik Ahuja', 'Simon Lacoste-Julien')).toBe(true);
    expect(together('Martin Klissarov', 'Mikael Henaff')).toBe(true);
    expect(together('Mahmoud Assran', 'Ishan Misra')).toBe(true);
    const component = componentOf(network as unknown as AtlasGraph);
    const componentsOfCommunity = new Map<number, Set<number>>();
    for (const [key, c] of component) {
      const id = author(graph, key).collabCommunity;
      (componentsOfCommunity.get(id) ?? componentsOfCommunity.set(id, new Set()).get(id)!).add(c);
    }
    expect(componentsOfCommunity.size).toBeGreaterThan(1);
    for (const components of componentsOfCommunity.values()) expect(components.size).toBe(1);
  });

  it('reports the modularity of its partition of the co-author graph (computed here from the definition)', () => {
    let m = 0;
    const inside = new Map<number, number>();
    const degree = new Map<number, number>();
    network.forEachEdge((_e, { weight }, s, t) => {
      m += weight;
      const [cs, ct] = [s, t].map((a) => author(graph, a).collabCommunity);
      if (cs === ct) inside.set(cs, (inside.get(cs) ?? 0) + weight);
      degree.set(cs, (degree.get(cs) ?? 0) + weight);
      degree.set(ct, (degree.get(ct) ?? 0) + weight);
    });
    const q = [...degree].reduce((sum, [c, d]) => sum + (inside.get(c) ?? 0) / m - (d / (2 * m)) ** 2, 0);
    expect(modularity).toBeCloseTo(q, 9);
    expect(modularity).toBeGreaterThan(0.5);
  });

  it('groups the authors without co-authors into one last community, on a ring around the network', () => {
    expect(solo.id).toBe(communities.length - 1);
    expect(solo.size).toBe(2);
    expect(solo.paperCount).toBe(2);
    const centre = network.reduceNodes((sum, a) => [sum[0] + author(graph, a).collabX / network.order, sum[1] + author(graph, a).collabY / network.order], [0, 0]);
    const distance = (a: AuthorNode) => Math.hypot(a.collabX - centre[0], a.collabY - centre[1]);
    const reach = Math.max(...authors.filter(([key]) => network.hasNode(key)).map(([, a]) => distance(a)));
    for (const name of ['Ada Beekeeper', 'Bo Baker']) {
      const author = graph.getNodeAttributes(slugOf(name)) as AuthorNode;
      expect(author.collabCommunity).toBe(solo.id);
      expect(distance(author)).toBeGreaterThan(reach);
    }
  });

  it('keeps each small team together: its members within a few spacings of each other', () => {
    const component = componentOf(network as unknown as AtlasGraph);
    const teams = new Map<number, string[]>();
    for (const [key, c] of component) (teams.get(c) ?? teams.set(c, []).get(c)!).push(key);
    const small = [...teams.values()].filter((team) => team.length <= PACKED_TEAM_MAX);
    expect(small.length).toBeGreaterThan(0);
    for (const team of small) {
      for (const a of team) {
        for (const b of team) {
          const [p, q] = [author(graph, a), author(graph, b)];
          expect(Math.hypot(p.collabX - q.collabX, p.collabY - q.collabY)).toBeLessThanOrEqual(RING_SPACING * Math.sqrt(team.length) + 0.1);
        }
      }
    }
  });

  it('describes each community by its authors\' papers: count, years, top authors by papers, distinctive terms', () => {
    for (const c of communities) {
      const members = authors.filter(([, a]) => a.collabCommunity === c.id);
      const papers = new Set(members.flatMap(([key]) => graph.neighbors(key).filter((n) => graph.getNodeAttribute(n, 'kind') === 'paper')));
      expect(c.paperCount).toBe(papers.size);
      const years = [...papers].map((p) => (graph.getNodeAttributes(p) as PaperNode).year);
      expect(c.years).toEqual([Math.min(...years), Math.max(...years)]);
      const mostPapers = Math.max(...members.map(([, a]) => a.paperCount));
      expect(c.topAuthors.every((key) => members.some(([k]) => k === key))).toBe(true);
      expect((graph.getNodeAttributes(c.topAuthors[0]) as AuthorNode).paperCount).toBe(mostPapers);
      if (c === solo) continue;
      expect(c.label).toBe(c.terms.join(' · '));
      const words = new Set([...papers].flatMap((p) => {
        const node = graph.getNodeAttributes(p) as PaperNode;
        return phrases(`${node.title}. ${node.abstract}`).flat().map(termKey);
      }));
      for (const term of c.terms) for (const word of term.split(' ')) expect(words, `${word} of "${c.label}"`).toContain(termKey(word));
    }
    expect(new Set(communities.map((c) => c.label)).size).toBe(communities.length);
  });

  it('leaves the knowledge graph\'s own communities and positions alone', () => {
    const before = buildGraph([withSolo()]);
    for (const [key, a] of authors) {
      const b = before.getNodeAttributes(key);
      expect([a.community, a.x, a.y]).toEqual([b.community, b.x, b.y]);
    }
    expect(graph.order).toBe(before.order);
  });

  it('is deterministic for a seed, and the seed is used', () => {
    const again = build(withSolo());
    const fingerprint = (g: AtlasGraph) => JSON.stringify([authorsOf(g), g.getAttribute('collaboration')]);
    expect(fingerprint(again)).toBe(fingerprint(graph));
    expect(fingerprint(build(withSolo(), 7))).not.toBe(fingerprint(graph));
  });
});

describe('collaborationNetwork edge cases', () => {
  it('writes an empty network for a graph without co-authors: everyone in the one solo community', () => {
    const graph = buildGraph([{ file: 'solo.txt', format: 'listing', records: 2, papers: soloPapers, rejected: [] }]);
    const { communities, modularity } = collaborationNetwork(graph);
    expect(modularity).toBe(0);
    expect(communities.map((c) => [c.label, c.size])).toEqual([[SOLO_LABEL, 2]]);
    expect(graph.getAttribute('collaboration').communities).toEqual(communities);
  });
});

describe('extent (where the packed teams and the solo ring go)', () => {
  it('measures the reach of 300k positions (no argument-spreading limit)', async () => {
    const { extent } = await import('../../../src/core/collaboration/utils');
    const positions = Array.from({ length: 300_000 }, (_, i): [number, number] => [i % 2 === 0 ? -10 : 10, 0]);
    positions.push([0, 40]);
    const { x, y, reach } = extent(positions);
    expect(x).toBeCloseTo(0, 6);
    expect(reach).toBeCloseTo(Math.hypot(x, 40 - y), 6);
  });
});
