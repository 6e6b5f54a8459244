/**
 * Tables of what the map shows, so a reader can check the picture against the records.
 * RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break in double
 * quotes (quotes doubled). UTF-8 with a byte-order mark: without it Excel reads the file as the
 * system code page and mangles accents (`Kügelgen`); LibreOffice, pandas and R skip the mark.
 *
 * papers.csv — key, title, authors (names in order, `; `-separated, `et al.` when the source cut the
 *   list), year, category (arXiv code), community_id, community (its label), doi, arxiv_id.
 *   Full view: the visible papers. Collaboration view: the papers of the visible authors (the papers
 *   behind the co-authorship links on screen).
 * authors.csv — key, name, papers (all the author's papers in the graph), papers_shown (of those, how
 *   many are in papers.csv for the same view and filters), coauthors (distinct co-authors in the graph),
 *   coauthor_names (most joint papers first, then by name in code-point order), community_id, community (the view's community label).
 *   The visible authors.
 */
import type { AtlasGraph, PaperNode } from '../graphFile';
import type { ExportScope } from './types';
import { joinNames, nameOf, resolveScope, viewCommunities } from './subgraph';

const BOM = '\uFEFF';

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: string[], rows: (string | number | boolean | null)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function communityLabels(graph: AtlasGraph, view: 'full' | 'collaboration'): (id: number) => string {
  const labels = new Map(viewCommunities(graph, view).map((c) => [c.id, c.label]));
  return (id) => labels.get(id) ?? `community ${id}`;
}

/** Papers in scope: visible paper nodes, or in the collaboration view the papers of visible authors. */
export function scopedPapers(graph: AtlasGraph, scope: ExportScope = {}): [string, PaperNode][] {
  const { view, includes } = resolveScope(scope);
  const papers: [string, PaperNode][] = [];
  graph.forEachNode((key, node) => {
    if (node.kind !== 'paper') return;
    const inScope =
      view === 'full'
        ? includes(key, node)
        : node.authors.some((a) => graph.hasNode(a) && includes(a, graph.getNodeAttributes(a)));
    if (inScope) papers.push([key, node]);
  });
  return papers;
}

export function papersCsv(graph: AtlasGraph, scope: ExportScope = {}): string {
  const label = communityLabels(graph, 'full');
  const rows = scopedPapers(graph, scope).map(([key, p]) => [
    key,
    p.title,
    joinNames(graph, p.authors) + (p.authorsTruncated ? '; et al.' : ''),
    p.year,
    p.category,
    p.community,
    label(p.community),
    p.doi,
    p.arxivId,
  ]);
  return csvTable(['key', 'title', 'authors', 'year', 'category', 'community_id', 'community', 'doi', 'arxiv_id'], rows);
}

export function authorsCsv(graph: AtlasGraph, scope: ExportScope = {}): string {
  const { view, includes } = resolveScope(scope);
  const label = communityLabels(graph, view);
  const shown = new Map<string, number>();
  for (const [, paper] of scopedPapers(graph, scope)) for (const a of paper.authors) shown.set(a, (shown.get(a) ?? 0) + 1);

  const rows: (string | number | null)[][] = [];
  graph.forEachNode((key, node) => {
    if (node.kind !== 'author' || !includes(key, node)) return;
    const coauthors: [string, number][] = [];
    graph.forEachEdge(key, (_edge, edge, source, target) => {
      if (edge.kind === 'coauthor') coauthors.push([source === key ? target : source, edge.weight]);
    });
    const names = coauthors
      .map(([k, weight]) => [nameOf(graph, k), weight] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([name]) => name);
    const community = view === 'collaboration' ? node.collabCommunity : node.community;
    rows.push([key, node.name, node.paperCount, shown.get(key) ?? 0, coauthors.length, names.join('; '), community, label(community)]);
  });
  return csvTable(['key', 'name', 'papers', 'papers_shown', 'coauthors', 'coauthor_names', 'community_id', 'community'], rows);
}
