/**
 * Papers → graph: one node per paper, person, category and affiliation, with readable stable keys,
 * and edges `authored`, `in_category`, `affiliated` and `coauthor` (weight = joint papers).
 * Visual attributes get neutral placeholders here; the communities, layout and style phases fill them.
 */
import Graph from 'graphology';
import type { ParsedInput } from '../ingest/types';
import { GRAPH_FILE_VERSION, type AtlasGraph, type EdgeKind, type Report } from '../graphFile';
import { AuthorRegistry, categoryName, resolveAffiliation, slugify } from '../identity';
import { describeDuplicate, mergePapers } from './mergePapers';

/** Papers with more authors than this get no pairwise co-author edges (hyperauthorship would be quadratic). */
export const MAX_COAUTHORS_PER_PAPER = 50;

const PLACEHOLDER = { community: 0, x: 0, y: 0, size: 1, color: '#999999' } as const;

export function buildGraph(inputs: ParsedInput[]): AtlasGraph {
  const papers = mergePapers(inputs);
  const report: Report = {
    inputs: inputs.map((i) => ({ file: i.file, format: i.format, records: i.records, accepted: i.papers.length, rejected: i.rejected.length })),
    rejected: inputs.flatMap((i) => i.rejected),
    duplicates: [],
  };
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ version: GRAPH_FILE_VERSION, modularity: 0, communities: [], report });

  // First pass: identities and paper counts, so every node is created complete.
  const registry = new AuthorRegistry();
  const paperAuthorKeys = papers.map((p) => dedupe(p.record.authors.map((name) => registry.add(name))));
  const paperAffiliations = papers.map((p) => dedupeBy(p.record.affiliations.map(resolveAffiliation).filter((a) => a !== null), (a) => a.key));
  const paperCounts = new Map<string, number>();
  const tally = (key: string) => paperCounts.set(key, (paperCounts.get(key) ?? 0) + 1);
  papers.forEach((p, i) => {
    paperAuthorKeys[i].forEach(tally);
    paperAffiliations[i].forEach((a) => tally(a.key));
    tally(`category:${p.record.category}`);
  });

  let edgeCount = 0;
  const link = (source: string, target: string, kind: EdgeKind, weight = 1) =>
    graph.addUndirectedEdgeWithKey(`e${edgeCount++}`, source, target, { kind, weight });
  const usedPaperKeys = new Set<string>();
  const coauthorWeights = new Map<string, number>();

  papers.forEach((merged, index) => {
    const p = merged.record;
    const key = uniqueKey(`paper:${slugify(p.title, 80) || 'untitled'}-${p.date.slice(0, 4)}`, usedPaperKeys);
    for (const source of merged.sources.slice(1)) {
      report.duplicates.push({ file: source.file, line: source.line, mergedInto: key, reason: describeDuplicate(merged.sources[0], source) });
    }
    const authorKeys = paperAuthorKeys[index];
    const affiliations = paperAffiliations[index];
    graph.addNode(key, {
      kind: 'paper', label: p.title, ...PLACEHOLDER,
      title: p.title, authors: authorKeys, authorsTruncated: p.authorsTruncated, date: p.date,
      year: Number(p.date.slice(0, 4)), category: p.category, hasCode: p.hasCode, abstract: p.abstract, affiliations: affiliations.map((a) => a.key),
      related: [], // filled by the `related` phase
    });
    for (const authorKey of authorKeys) {
      if (!graph.hasNode(authorKey)) {
        const { name, aliases } = registry.resolve(authorKey);
        graph.addNode(authorKey, { kind: 'author', label: name, ...PLACEHOLDER, name, aliases, paperCount: paperCounts.get(authorKey)! });
      }
      link(authorKey, key, 'authored');
    }
    const categoryKey = `category:${p.category}`;
    if (!graph.hasNode(categoryKey)) {
      const name = categoryName(p.category);
      graph.addNode(categoryKey, { kind: 'category', label: name, ...PLACEHOLDER, name, code: p.category, paperCount: paperCounts.get(categoryKey)! });
    }
    link(key, categoryKey, 'in_category');
    for (const aff of affiliations) {
      if (!graph.hasNode(aff.key)) {
        graph.addNode(aff.key, { kind: 'affiliation', label: aff.name, ...PLACEHOLDER, name: aff.name, slug: aff.slug, paperCount: paperCounts.get(aff.key)! });
      }
      link(key, aff.key, 'affiliated');
    }
    if (authorKeys.length <= MAX_COAUTHORS_PER_PAPER) {
      for (let i = 0; i < authorKeys.length; i++) {
        for (let j = i + 1; j < authorKeys.length; j++) {
          const pair = authorKeys[i] < authorKeys[j] ? `${authorKeys[i]}\n${authorKeys[j]}` : `${authorKeys[j]}\n${authorKeys[i]}`;
          coauthorWeights.set(pair, (coauthorWeights.get(pair) ?? 0) + 1);
        }
      }
    }
  });
  // Map iteration follows first co-authorship, so edge order (and the file) is stable for the same input.
  for (const [pair, weight] of coauthorWeights) {
    const [a, b] = pair.split('\n');
    link(a, b, 'coauthor', weight);
  }
  return graph;
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function dedupeBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(keyOf(item)) && seen.add(keyOf(item)));
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  used.add(key);
  return key;
}
