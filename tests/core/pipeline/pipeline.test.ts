import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../../src/core/ingest/listing';
import { runPipeline, PHASES } from '../../../src/core/pipeline';
import { parseGraphFile, serializeGraph } from '../../../src/core/graphFile';

const seedText = readFileSync(resolve(import.meta.dirname, '../../../data/seed-papers.txt'), 'utf8');
const build = (seed?: number) => runPipeline([parseListing(seedText, 'data/seed-papers.txt')], { seed });

describe('runPipeline on the seed listing', () => {
  const first = build();
  const bytes = serializeGraph(first.graph);

  it('is deterministic: two builds of the same input give the same bytes', () => {
    expect(serializeGraph(build().graph)).toBe(bytes);
  });

  it('depends on the seed (the seed really drives Louvain and the layout)', () => {
    expect(serializeGraph(build(7).graph)).not.toBe(bytes);
  });

  it('writes a file the app can load through the shared schema', () => {
    const parsed = parseGraphFile(JSON.parse(bytes));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.graph.order).toBe(140);
  });

  it('gives every node a community, a position, a size and its community colour', () => {
    const { graph } = first;
    const communities = graph.getAttribute('communities');
    const byId = new Map(communities.map((c) => [c.id, c]));
    const sizes = new Map<number, number>();
    const positions = new Set<string>();
    graph.forEachNode((node, a) => {
      expect(byId.has(a.community), node).toBe(true);
      expect(a.color).toBe(byId.get(a.community)!.color);
      sizes.set(a.community, (sizes.get(a.community) ?? 0) + 1);
      positions.add(`${a.x},${a.y}`);
    });
    for (const c of communities) expect(c.size).toBe(sizes.get(c.id));
    expect(positions.size).toBe(graph.order);
    expect(new Set(communities.map((c) => c.label)).size).toBe(communities.length);
    expect(graph.getAttribute('modularity')).toBeGreaterThan(0.5);
  });

  it('relates papers after communities exist: each reason\'s sameCommunity is what the file says', () => {
    const { graph } = first;
    let same = 0;
    let listed = 0;
    graph.forEachNode((_key, a) => {
      if (a.kind !== 'paper') return;
      for (const r of a.related) {
        listed++;
        expect(r.reasons.sameCommunity).toBe(a.community === graph.getNodeAttribute(r.key, 'community'));
        if (r.reasons.sameCommunity) same++;
      }
    });
    expect(listed).toBeGreaterThan(0);
    expect(same).toBeGreaterThan(0);
    expect(same).toBeLessThan(listed); // both answers occur: the flag is computed, not a constant
  });

  it('writes the collaboration network: every author in one of its communities', () => {
    const { graph } = first;
    const { communities, modularity } = graph.getAttribute('collaboration');
    expect(communities.length).toBeGreaterThan(1);
    expect(modularity).toBeGreaterThan(0);
    const sizes = new Map<number, number>();
    graph.forEachNode((_key, a) => {
      if (a.kind === 'author') sizes.set(a.collabCommunity, (sizes.get(a.collabCommunity) ?? 0) + 1);
    });
    expect(communities.map((c) => c.size)).toEqual(communities.map((c) => sizes.get(c.id)));
  });

  it('runs related papers after communities and labels', () => {
    expect(PHASES.indexOf('related')).toBeGreaterThan(PHASES.indexOf('communities'));
    expect(PHASES).toContain('collaboration');
  });

  it('times every phase', () => {
    expect(Object.keys(first.timings).sort()).toEqual([...PHASES].sort());
    for (const ms of Object.values(first.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
