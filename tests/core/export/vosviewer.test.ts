/**
 * VOSviewer JSON export, checked against a schema of the format as VOSviewer Online documents it
 * (https://app.vosviewer.com/docs/file-types/json-file-type/) and against the graph it came from.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportGraph } from '../../../src/core/export';
import { computeVisibility, defaultFilters } from '../../../src/core/filters';
import { seedAtlasGraph, trickyGraph } from './graphs';

const id = z.number().int().positive();
const cluster = z.number().int().min(1).max(1000);
const VosviewerSchema = z.strictObject({
  network: z.strictObject({
    items: z.array(
      z.strictObject({
        id,
        label: z.string(),
        description: z.string().optional(),
        url: z.url().optional(),
        x: z.number().finite(),
        y: z.number().finite(),
        cluster: cluster.optional(),
        weights: z.record(z.string(), z.number().nonnegative()),
        scores: z.record(z.string(), z.number().finite()),
      }),
    ),
    links: z.array(z.strictObject({ source_id: id, target_id: id, strength: z.number().nonnegative() })),
    clusters: z.array(z.strictObject({ cluster, label: z.string().min(1) })),
  }),
  config: z.strictObject({
    terminology: z.strictObject({
      item: z.string(), items: z.string(), link: z.string(), links: z.string(),
      cluster: z.string(), clusters: z.string(), link_strength: z.string(), total_link_strength: z.string(),
    }),
    color_schemes: z.strictObject({ cluster_colors: z.array(z.strictObject({ cluster, color: z.string().regex(/^#[0-9a-f]{6}$/i) })) }),
    parameters: z.strictObject({ largest_component: z.boolean() }),
  }),
  info: z.strictObject({ title: z.string(), description: z.string() }),
});
type Vos = z.infer<typeof VosviewerSchema>;

const read = (text: string): Vos => VosviewerSchema.parse(JSON.parse(text));

describe('VOSviewer JSON export', () => {
  it('matches the VOSviewer JSON format: integer ids 1…n, links between existing items, clusters from 1 with labels and colours', () => {
    const graph = seedAtlasGraph();
    const vos = read(exportGraph(graph, 'vosviewer'));
    const { items, links, clusters } = vos.network;
    expect(items.map((i) => i.id)).toEqual(items.map((_, i) => i + 1));
    expect(items.length).toBe(graph.order);
    expect(links.length).toBe(graph.size);
    const ids = new Set(items.map((i) => i.id));
    for (const link of links) expect(ids.has(link.source_id) && ids.has(link.target_id)).toBe(true);
    expect(clusters.map((c) => c.cluster)).toEqual(clusters.map((_, i) => i + 1));
    expect(vos.config.color_schemes.cluster_colors.map((c) => c.cluster)).toEqual(clusters.map((c) => c.cluster));
  });

  it('keeps labels, positions, communities (as cluster labels and colours) and link strengths', () => {
    const graph = seedAtlasGraph();
    const vos = read(exportGraph(graph, 'vosviewer'));
    const communities = new Map(graph.getAttribute('communities').map((c) => [c.id, c]));
    const clusterLabel = new Map(vos.network.clusters.map((c) => [c.cluster, c.label]));
    const clusterColor = new Map(vos.config.color_schemes.cluster_colors.map((c) => [c.cluster, c.color]));
    const keys = graph.nodes();
    vos.network.items.forEach((item, i) => {
      const node = graph.getNodeAttributes(keys[i]);
      expect(item).toMatchObject({ label: node.label, x: node.x, y: node.y });
      expect(clusterLabel.get(item.cluster!)).toBe(communities.get(node.community)!.label);
      expect(clusterColor.get(item.cluster!)).toBe(node.color);
      if (node.kind === 'paper') expect(item.scores['Avg. pub. year']).toBe(node.year);
      else expect(item.weights.Papers).toBe(node.paperCount);
      expect(item.weights.Links).toBe(graph.degree(keys[i]));
    });
    const strengths = vos.network.links.map((l) => `${keys[l.source_id - 1]}|${keys[l.target_id - 1]}|${l.strength}`);
    expect(new Set(strengths)).toEqual(new Set(graph.mapEdges((_e, a, s, t) => `${s}|${t}|${a.weight}`)));
  });

  it('escapes text in the HTML descriptions and links papers to arXiv or their DOI', () => {
    const graph = trickyGraph();
    const vos = read(exportGraph(graph, 'vosviewer'));
    const tricky = vos.network.items.find((i) => i.label.startsWith('Commas'))!;
    expect(tricky.description).toContain('Zoë &quot;Z&quot; O\'Brien, Jr.');
    expect(tricky.description).not.toContain('<b>markup');
    const [first, second] = graph.filterNodes((_k, a) => a.kind === 'paper');
    graph.mergeNodeAttributes(first, { arxivId: '2204.07141', doi: '10.48550/arxiv.2204.07141' });
    graph.mergeNodeAttributes(second, { doi: '10.1000/xyz' });
    const linked = read(exportGraph(graph, 'vosviewer')).network.items;
    expect(linked.find((i) => i.label === graph.getNodeAttribute(first, 'label'))!.url).toBe('https://arxiv.org/abs/2204.07141');
    expect(linked.find((i) => i.label === graph.getNodeAttribute(second, 'label'))!.url).toBe('https://doi.org/10.1000/xyz');
    expect(linked.filter((i) => i.url !== undefined)).toHaveLength(2);
  });

  it('collaboration view under a filter: visible authors and their co-authorship links, co-authorship clusters and terminology', () => {
    const graph = trickyGraph();
    const { hidden } = computeVisibility(graph, { ...defaultFilters(), years: [2023, 2025] });
    const visible = new Set(graph.filterNodes((key) => !hidden.has(key)));
    const vos = read(exportGraph(graph, 'vosviewer', { view: 'collaboration', visible }));
    const authors = [...visible].filter((k) => graph.getNodeAttribute(k, 'kind') === 'author');
    expect(vos.network.items.map((i) => i.label).sort()).toEqual(authors.map((k) => graph.getNodeAttribute(k, 'label')).sort());
    expect(vos.network.links.length).toBe(graph.filterEdges((_e, a, s, t) => a.kind === 'coauthor' && visible.has(s) && visible.has(t)).length);
    expect(vos.network.clusters.map((c) => c.label).sort()).toEqual(graph.getAttribute('collaboration').communities.map((c) => c.label).sort());
    expect(vos.config.terminology).toMatchObject({ item: 'author', items: 'authors', link_strength: 'Joint papers' });
    for (const item of vos.network.items) expect(item.x).toBeGreaterThanOrEqual(1000);
  });
});
