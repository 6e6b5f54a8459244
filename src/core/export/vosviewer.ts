/**
 * VOSviewer JSON, the format VOSviewer Online opens (and VOSviewer 1.6.16+ on the desktop). Structure as
 * documented at https://app.vosviewer.com/docs/file-types/json-file-type/ (source:
 * github.com/neesjanvaneck/VOSviewer-Online-Docs, docs/file-types/json-file-type.md):
 *   { network: { items: [{id, label, description, url, x, y, cluster, weights, scores}],
 *                links: [{source_id, target_id, strength}], clusters: [{cluster, label}] },
 *     config: { terminology, color_schemes: { cluster_colors: [{cluster, color}] }, parameters },
 *     info: { title, description } }
 * Clusters are integers 1–1000 and weights non-negative. We number items 1…n (integer ids, like VOSviewer's
 * own files) and clusters 1…k in the graph's community order; past 1000 communities the rest get no cluster.
 */
import type { ExportNetwork, ExportNode } from './types';

const MAX_CLUSTERS = 1000;

export interface VosItem {
  id: number;
  label: string;
  description: string;
  url?: string;
  x: number;
  y: number;
  cluster?: number;
  weights: Record<string, number>;
  scores: Record<string, number>;
}

export interface VosviewerJson {
  network: {
    items: VosItem[];
    links: { source_id: number; target_id: number; strength: number }[];
    clusters: { cluster: number; label: string }[];
  };
  config: {
    terminology: Record<'item' | 'items' | 'link' | 'links' | 'cluster' | 'clusters' | 'link_strength' | 'total_link_strength', string>;
    color_schemes: { cluster_colors: { cluster: number; color: string }[] };
    parameters: { largest_component: boolean };
  };
  info: { title: string; description: string };
}

/** Descriptions may contain HTML in VOSviewer: our text is escaped, our markup is only <b> and <br>. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function describe(node: ExportNode): string {
  const rows: [string, string | number | boolean | undefined][] = [
    ['Kind', node.kind],
    ['Community', node.communityLabel],
    ['Year', node.attributes.year],
    ['Category', node.attributes.category],
    ['Authors', node.attributes.authors],
    ['Venue', node.attributes.venue],
    ['Papers', node.kind === 'paper' ? undefined : node.attributes.paperCount],
  ];
  return rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<b>${k}:</b> ${html(String(v))}`).join('<br>');
}

function urlOf(node: ExportNode): string | undefined {
  const { doi, arxivId } = node.attributes;
  if (typeof arxivId === 'string') return `https://arxiv.org/abs/${arxivId}`;
  if (typeof doi === 'string') return `https://doi.org/${doi}`;
  return undefined;
}

export function buildVosviewer(network: ExportNetwork): VosviewerJson {
  const clustered = network.communities.slice(0, MAX_CLUSTERS).map((c, i) => ({ ...c, cluster: i + 1 }));
  const clusterOf = new Map(clustered.map((c) => [c.id, c.cluster]));
  const idOf = new Map(network.nodes.map((n, i) => [n.key, i + 1]));
  const links = new Map<string, number>();
  const strength = new Map<string, number>();
  for (const e of network.edges) {
    for (const end of [e.source, e.target]) {
      links.set(end, (links.get(end) ?? 0) + 1);
      strength.set(end, (strength.get(end) ?? 0) + e.weight);
    }
  }
  const collaboration = network.view === 'collaboration';

  const items = network.nodes.map((node): VosItem => {
    const year = node.kind === 'paper' ? node.attributes.year : node.attributes.meanYear;
    const item: VosItem = {
      id: idOf.get(node.key)!,
      label: node.label,
      description: describe(node),
      x: node.x,
      y: node.y,
      weights: {
        Links: links.get(node.key) ?? 0,
        'Total link strength': strength.get(node.key) ?? 0,
        Papers: node.kind === 'paper' ? 1 : Number(node.attributes.paperCount ?? 0),
      },
      // VOSviewer's overlay visualization colours items by a score; publication year is the classic one.
      scores: typeof year === 'number' ? { 'Avg. pub. year': year } : {},
    };
    const url = urlOf(node);
    if (url) item.url = url;
    const cluster = clusterOf.get(node.community);
    if (cluster !== undefined) item.cluster = cluster;
    return item;
  });

  return {
    network: {
      items,
      links: network.edges.map((e) => ({ source_id: idOf.get(e.source)!, target_id: idOf.get(e.target)!, strength: e.weight })),
      clusters: clustered.map(({ cluster, label }) => ({ cluster, label })),
    },
    config: {
      terminology: collaboration
        ? { item: 'author', items: 'authors', link: 'co-authorship link', links: 'co-authorship links', cluster: 'community', clusters: 'communities', link_strength: 'Joint papers', total_link_strength: 'Total joint papers' }
        : { item: 'node', items: 'nodes', link: 'link', links: 'links', cluster: 'community', clusters: 'communities', link_strength: 'Link strength', total_link_strength: 'Total link strength' },
      color_schemes: { cluster_colors: clustered.map(({ cluster, color }) => ({ cluster, color })) },
      // Keep every component: a filtered map is often several islands, and all of them are what the user saw.
      parameters: { largest_component: false },
    },
    info: {
      title: `Paper Atlas — ${collaboration ? 'co-authorship network' : 'full graph'}`,
      description: `${items.length} ${collaboration ? 'authors' : 'nodes'} and ${network.edges.length} links exported from Paper Atlas.`,
    },
  };
}

export function writeVosviewer(network: ExportNetwork): string {
  return JSON.stringify(buildVosviewer(network), null, 1) + '\n';
}
