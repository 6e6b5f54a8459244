/**
 * Papers → graph: one node per paper, person, category, topic and affiliation, with readable stable keys,
 * and edges `authored`, `in_category`, `in_topic`, `affiliated`, `member_of` (weight = papers), `coauthor`
 * (weight = joint papers) and `cites` (citations resolved inside the set).
 * Visual attributes get neutral placeholders here; the communities, layout and style phases fill them.
 */
import Graph from 'graphology';
import type { ParsedInput } from '../ingest/types';
import { GRAPH_FILE_VERSION, type AtlasGraph, type EdgeKind, type Report } from '../graphFile';
import { AuthorRegistry, categoryName, resolveAffiliation, slugify } from '../identity';
import { mergePapers, type MergedPaper } from './mergePapers';

/** Papers with more authors than this get no pairwise co-author edges (hyperauthorship would be quadratic). */
export const MAX_COAUTHORS_PER_PAPER = 50;

const PLACEHOLDER = { community: 0, x: 0, y: 0, size: 1, color: '#999999' } as const;
const COLLAB_PLACEHOLDER = { collabCommunity: 0, collabX: 0, collabY: 0 } as const;

export function buildGraph(inputs: ParsedInput[]): AtlasGraph {
  const papers = mergePapers(inputs);
  const report: Report = {
    inputs: inputs.map((i) => ({ file: i.file, format: i.format, records: i.records, accepted: i.papers.length, rejected: i.rejected.length })),
    rejected: inputs.flatMap((i) => i.rejected),
    duplicates: [],
    ambiguousAuthors: [],
  };
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ version: GRAPH_FILE_VERSION, modularity: 0, communities: [], collaboration: { modularity: 0, communities: [] }, report });

  // First pass: identities and paper counts, so every node is created complete.
  // Identities need every name and co-author set before any key is final (initials resolve against full names).
  const registry = new AuthorRegistry(MAX_COAUTHORS_PER_PAPER);
  for (const p of papers) registry.addPaper(p.record.authors, otherAuthorLists(p));
  report.ambiguousAuthors.push(...registry.ambiguous());
  const authorKeysInOrder = papers.map((p) => p.record.authors.map((name) => registry.keyOf(name)));
  const paperAuthorKeys = authorKeysInOrder.map(dedupe);
  const paperAffiliations = papers.map((p) => dedupeBy(p.record.affiliations.map(resolveAffiliation).filter((a) => a !== null), (a) => a.key));
  const paperTopics = papers.map((p) => dedupeBy(p.record.topics.map((t) => ({ ...t, key: `topic:${slugify(t.name, 80) || 'untitled'}` })), (t) => t.key));
  const paperCounts = new Map<string, number>();
  const tally = (key: string) => paperCounts.set(key, (paperCounts.get(key) ?? 0) + 1);
  papers.forEach((p, i) => {
    paperAuthorKeys[i].forEach(tally);
    paperAffiliations[i].forEach((a) => tally(a.key));
    paperTopics[i].forEach((t) => tally(t.key));
    if (p.record.category !== null) tally(`category:${p.record.category}`);
  });

  let edgeCount = 0;
  const link = (source: string, target: string, kind: EdgeKind, weight = 1) =>
    graph.addUndirectedEdgeWithKey(`e${edgeCount++}`, source, target, { kind, weight });
  const usedPaperKeys = new Set<string>();
  const coauthorWeights = new Map<string, number>();
  const memberWeights = new Map<string, number>();
  const paperKeys: string[] = [];

  papers.forEach((merged, index) => {
    const p = merged.record;
    const key = uniqueKey(`paper:${slugify(p.title, 80) || 'untitled'}-${p.date.slice(0, 4)}`, usedPaperKeys);
    paperKeys.push(key);
    merged.sources.slice(1).forEach((source, i) => {
      report.duplicates.push({ file: source.file, line: source.line, mergedInto: key, reason: merged.reasons[i] });
    });
    const authorKeys = paperAuthorKeys[index];
    const affiliations = paperAffiliations[index];
    graph.addNode(key, {
      kind: 'paper', label: p.title, ...PLACEHOLDER,
      title: p.title, authors: authorKeys, authorsTruncated: p.authorsTruncated, date: p.date,
      year: Number(p.date.slice(0, 4)), category: p.category, topics: paperTopics[index].map((t) => t.key), hasCode: p.hasCode,
      abstract: p.abstract, affiliations: affiliations.map((a) => a.key), doi: p.doi, arxivId: p.arxivId, venue: p.venue,
      sources: merged.sources.map((s) => `${s.file}:${s.line}`),
      related: [], // filled by the `related` phase
    });
    for (const authorKey of authorKeys) {
      if (!graph.hasNode(authorKey)) {
        const { name, aliases } = registry.resolve(authorKey);
        graph.addNode(authorKey, { kind: 'author', label: name, ...PLACEHOLDER, ...COLLAB_PLACEHOLDER, name, aliases, paperCount: paperCounts.get(authorKey)! });
      }
      link(authorKey, key, 'authored');
    }
    if (p.category !== null) {
      const categoryKey = `category:${p.category}`;
      if (!graph.hasNode(categoryKey)) {
        const name = categoryName(p.category);
        graph.addNode(categoryKey, { kind: 'category', label: name, ...PLACEHOLDER, name, code: p.category, paperCount: paperCounts.get(categoryKey)! });
      }
      link(key, categoryKey, 'in_category');
    }
    for (const topic of paperTopics[index]) {
      if (!graph.hasNode(topic.key)) {
        graph.addNode(topic.key, { kind: 'topic', label: topic.name, ...PLACEHOLDER, name: topic.name, scheme: topic.scheme, paperCount: paperCounts.get(topic.key)! });
      }
      link(key, topic.key, 'in_topic');
    }
    for (const aff of affiliations) {
      if (!graph.hasNode(aff.key)) {
        graph.addNode(aff.key, { kind: 'affiliation', label: aff.name, ...PLACEHOLDER, name: aff.name, slug: aff.slug, paperCount: paperCounts.get(aff.key)! });
      }
      link(key, aff.key, 'affiliated');
    }
    // Person → institution, when the source says who was where (the affiliation nodes exist: each is also the paper's).
    p.authorAffiliations.forEach((names, i) => {
      const authorKey = authorKeysInOrder[index][i];
      if (authorKey === undefined) return;
      for (const aff of names.map(resolveAffiliation)) {
        if (aff && graph.hasNode(aff.key)) memberWeights.set(`${authorKey}\n${aff.key}`, (memberWeights.get(`${authorKey}\n${aff.key}`) ?? 0) + 1);
      }
    });
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
  for (const [pair, weight] of memberWeights) {
    const [a, b] = pair.split('\n');
    link(a, b, 'member_of', weight);
  }
  linkCitations(graph, papers, paperKeys, link);
  return graph;
}

/**
 * `cites` edges between papers of the set: a reference resolves through any id the cited paper is known by
 * (source id, DOI, arXiv id) in any of its merged sources — OpenAlex may hold one work under two ids.
 * The graph is undirected, so the edge names the citing paper.
 */
function linkCitations(
  graph: AtlasGraph,
  papers: MergedPaper[],
  paperKeys: string[],
  link: (source: string, target: string, kind: EdgeKind, weight?: number) => string,
): void {
  const byId = new Map<string, string>();
  papers.forEach((p, i) => {
    for (const r of [p.record, ...p.sources]) for (const id of [r.sourceId, r.doi, r.arxivId]) if (id) byId.set(id.toLowerCase(), paperKeys[i]);
  });
  papers.forEach(({ record }, i) => {
    const citing = paperKeys[i];
    for (const ref of record.references) {
      const cited = byId.get(ref.toLowerCase());
      if (!cited || cited === citing || graph.hasEdge(citing, cited)) continue;
      const edge = link(citing, cited, 'cites');
      graph.setEdgeAttribute(edge, 'citing', citing);
    }
  });
}

/** Author lists of a merged paper's other sources, when they differ from the one kept: more spellings of the same people. */
function otherAuthorLists(merged: MergedPaper): string[][] {
  const kept = merged.record.authors.join('\n');
  const lists = merged.sources.map((s) => s.authors).filter((list) => list.join('\n') !== kept);
  return dedupeBy(lists, (list) => list.join('\n'));
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
