/**
 * Papers → graph: one node per paper, person, category, topic and affiliation, with readable stable keys,
 * and edges `authored`, `in_category`, `in_topic`, `affiliated`, `member_of` (weight = papers), `coauthor`
 * (weight = joint papers) and `cites` (citations resolved inside the set).
 * Visual attributes get neutral placeholders here; the communities, layout and style phases fill them.
 */
import Graph from 'graphology';
import type { ParsedInput } from '../ingest/types';
import { GRAPH_FILE_VERSION, type AtlasGraph, type EdgeAttributes, type EdgeKind, type NodeAttributes, type Report } from '../graphFile';
import { AuthorRegistry, categoryName, resolveAffiliation, slugify } from '../identity';
import { mergePapers, type MergedPaper } from './mergePapers';
import { EdgeRecorder, recordEdges } from './edgeTable';
import { hashedNeighbours } from './hashedNeighbours';

/** Papers with more authors than this get no pairwise co-author edges (hyperauthorship would be quadratic). */
export const MAX_COAUTHORS_PER_PAPER = 50;

const PLACEHOLDER = { community: 0, x: 0, y: 0, size: 1, color: '#999999' } as const;
const COLLAB_PLACEHOLDER = { collabCommunity: 0, collabX: 0, collabY: 0 } as const;

export interface BuildOptions {
  /** Called with the merged papers, in the order their nodes will be added, before the graph is built. */
  onMerged?: (papers: MergedPaper[]) => void;
}

export function buildGraph(inputs: ParsedInput[], options: BuildOptions = {}): AtlasGraph {
  const papers = mergePapers(inputs);
  options.onMerged?.(papers);
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
  for (const ambiguous of registry.ambiguous()) report.ambiguousAuthors.push(ambiguous); // no spread: a 1M-item spread overflows the stack
  const authorKeysInOrder = papers.map((p) => p.record.authors.map((name) => registry.keyOf(name)));
  const paperAuthorKeys = authorKeysInOrder.map(dedupe);
  // Institutions and topics repeat across papers: resolve each distinct name once (both functions are pure).
  const affiliationOf = memoize(resolveAffiliation);
  const topicKeyOf = memoize((name: string) => `topic:${slugify(name, 80) || 'untitled'}`);
  const paperAffiliations = papers.map((p) => dedupeBy(p.record.affiliations.map(affiliationOf).filter((a) => a !== null), (a) => a.key));
  const paperTopics = papers.map((p) => dedupeBy(p.record.topics.map((t) => ({ ...t, key: topicKeyOf(t.name) })), (t) => t.key));
  const paperCounts = new Map<string, number>();
  const tally = (key: string) => paperCounts.set(key, (paperCounts.get(key) ?? 0) + 1);
  // Dense author numbers, so a co-author pair is one number rather than a concatenated string (millions at 1M papers).
  const authorNumbers = new Map<string, number>();
  papers.forEach((p, i) => {
    for (const authorKey of paperAuthorKeys[i]) {
      tally(authorKey);
      if (!authorNumbers.has(authorKey)) authorNumbers.set(authorKey, authorNumbers.size);
    }
    for (const a of paperAffiliations[i]) tally(a.key);
    for (const t of paperTopics[i]) tally(t.key);
    if (p.record.category !== null) tally(`category:${p.record.category}`);
  });
  const pairBase = authorNumbers.size;
  if (pairBase ** 2 > Number.MAX_SAFE_INTEGER) throw new Error(`buildGraph: ${pairBase} authors are too many for numeric co-author pairs`);
  const authorByNumber = [...authorNumbers.keys()];

  let edgeCount = 0;
  // Every node and edge is also numbered as it is added: the graph's edge table (edgeTable.ts) for later phases.
  const nodeIndex = new Map<string, number>();
  const addNode = (key: string, attributes: NodeAttributes) => {
    graph.addNode(key, attributes);
    hashedNeighbours(graph, key);
    nodeIndex.set(key, nodeIndex.size);
  };
  const edges = new EdgeRecorder(1 << 16);
  const addEdge = (source: string, target: string, attributes: EdgeAttributes) => {
    const key = graph.addUndirectedEdgeWithKey(`e${edgeCount++}`, source, target, attributes);
    edges.add(nodeIndex.get(source)!, nodeIndex.get(target)!, attributes, source, target);
    return key;
  };
  // Edges of one kind and weight share one frozen attributes object: a million fewer objects for the collector
  // to copy and mark at 100k papers. The build never changes an edge's attributes; a write to a shared one throws.
  const sharedAttributes = new Map<EdgeKind, Map<number, EdgeAttributes>>();
  const attributesOf = (kind: EdgeKind, weight: number) => {
    let ofKind = sharedAttributes.get(kind);
    if (!ofKind) sharedAttributes.set(kind, (ofKind = new Map()));
    let attributes = ofKind.get(weight);
    if (!attributes) ofKind.set(weight, (attributes = Object.freeze({ kind, weight })));
    return attributes;
  };
  const link = (source: string, target: string, kind: EdgeKind, weight = 1) => addEdge(source, target, attributesOf(kind, weight));
  /** Co-author pair (smaller key first) → joint papers; the pair is lo·pairBase + hi in author numbers. */
  const coauthorWeights = new Map<number, number>();
  const memberWeights = new Map<string, number>();
  const paperKeys: string[] = [];
  const pairNumbers: number[] = [];

  papers.forEach((merged, index) => {
    const p = merged.record;
    // Only paper keys start with `paper:`, so the graph itself tells which are taken.
    const key = uniqueKey(`paper:${slugify(p.title, 80) || 'untitled'}-${p.date.slice(0, 4)}`, (k) => graph.hasNode(k));
    paperKeys.push(key);
    for (let i = 1; i < merged.sources.length; i++) {
      const source = merged.sources[i];
      report.duplicates.push({ file: source.file, line: source.line, mergedInto: key, reason: merged.reasons[i - 1] });
    }
    const authorKeys = paperAuthorKeys[index];
    const affiliations = paperAffiliations[index];
    // What a panel reads (the compact files' text tier) last: graph.json then splices in the JSON the text
    // shards already hold for it (graphFile/index.ts splicedNodeHead).
    addNode(key, {
      kind: 'paper', label: p.title, ...PLACEHOLDER,
      title: p.title, authors: authorKeys, authorsTruncated: p.authorsTruncated,
      year: Number(p.date.slice(0, 4)), category: p.category, topics: paperTopics[index].map((t) => t.key), hasCode: p.hasCode,
      affiliations: affiliations.map((a) => a.key),
      date: p.date, abstract: p.abstract, doi: p.doi, arxivId: p.arxivId, venue: p.venue,
      sources: merged.sources.map((s) => `${s.file}:${s.line}`),
      related: [], // filled by the `related` phase
    });
    for (const authorKey of authorKeys) {
      if (!graph.hasNode(authorKey)) {
        const { name, aliases } = registry.resolve(authorKey);
        addNode(authorKey, { kind: 'author', label: name, ...PLACEHOLDER, ...COLLAB_PLACEHOLDER, name, aliases, paperCount: paperCounts.get(authorKey)! });
      }
      link(authorKey, key, 'authored');
    }
    if (p.category !== null) {
      const categoryKey = `category:${p.category}`;
      if (!graph.hasNode(categoryKey)) {
        const name = categoryName(p.category);
        addNode(categoryKey, { kind: 'category', label: name, ...PLACEHOLDER, name, code: p.category, paperCount: paperCounts.get(categoryKey)! });
      }
      link(key, categoryKey, 'in_category');
    }
    for (const topic of paperTopics[index]) {
      if (!graph.hasNode(topic.key)) {
        addNode(topic.key, { kind: 'topic', label: topic.name, ...PLACEHOLDER, name: topic.name, scheme: topic.scheme, paperCount: paperCounts.get(topic.key)! });
      }
      link(key, topic.key, 'in_topic');
    }
    for (const aff of affiliations) {
      if (!graph.hasNode(aff.key)) {
        addNode(aff.key, { kind: 'affiliation', label: aff.name, ...PLACEHOLDER, name: aff.name, slug: aff.slug, paperCount: paperCounts.get(aff.key)! });
      }
      link(key, aff.key, 'affiliated');
    }
    // Person → institution, when the source says who was where (the affiliation nodes exist: each is also the paper's).
    p.authorAffiliations.forEach((names, i) => {
      const authorKey = authorKeysInOrder[index][i];
      if (authorKey === undefined) return;
      for (const name of names) {
        const aff = affiliationOf(name);
        if (!aff || !graph.hasNode(aff.key)) continue;
        const pair = `${authorKey}\n${aff.key}`;
        memberWeights.set(pair, (memberWeights.get(pair) ?? 0) + 1);
      }
    });
    if (authorKeys.length <= MAX_COAUTHORS_PER_PAPER) {
      pairNumbers.length = 0;
      for (const authorKey of authorKeys) pairNumbers.push(authorNumbers.get(authorKey)!);
      for (let i = 0; i < authorKeys.length; i++) {
        for (let j = i + 1; j < authorKeys.length; j++) {
          const pair = authorKeys[i] < authorKeys[j] ? pairNumbers[i] * pairBase + pairNumbers[j] : pairNumbers[j] * pairBase + pairNumbers[i];
          coauthorWeights.set(pair, (coauthorWeights.get(pair) ?? 0) + 1);
        }
      }
    }
  });
  // Map iteration follows first co-authorship, so edge order (and the file) is stable for the same input.
  for (const [pair, weight] of coauthorWeights) {
    const hi = pair % pairBase; // exact on integers below 2^53, unlike a floating division
    link(authorByNumber[(pair - hi) / pairBase], authorByNumber[hi], 'coauthor', weight);
  }
  for (const [pair, weight] of memberWeights) {
    const [a, b] = pair.split('\n');
    link(a, b, 'member_of', weight);
  }
  linkCitations(graph, papers, paperKeys, addEdge);
  recordEdges(graph, edges);
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
  addEdge: (source: string, target: string, attributes: EdgeAttributes) => string,
): void {
  const byId = new Map<string, string>();
  const index = (id: string | null, paperKey: string) => {
    if (id) byId.set(id.toLowerCase(), paperKey);
  };
  papers.forEach((p, i) => {
    for (const r of [p.record, ...p.sources]) {
      index(r.sourceId, paperKeys[i]);
      index(r.doi, paperKeys[i]);
      index(r.arxivId, paperKeys[i]);
    }
  });
  papers.forEach(({ record }, i) => {
    const citing = paperKeys[i];
    for (const ref of record.references) {
      const cited = byId.get(ref.toLowerCase());
      if (!cited || cited === citing || graph.hasEdge(citing, cited)) continue;
      addEdge(citing, cited, { kind: 'cites', weight: 1, citing });
    }
  });
}

/** Author lists of a merged paper's other sources, when they differ from the one kept: more spellings of the same people. */
function otherAuthorLists(merged: MergedPaper): string[][] {
  const kept = merged.record.authors.join('\n');
  const lists = merged.sources.map((s) => s.authors).filter((list) => list.join('\n') !== kept);
  return dedupeBy(lists, (list) => list.join('\n'));
}

/** The items without repeats; the same array when there are none (the usual case). */
function dedupe<T>(items: T[]): T[] {
  if (items.length < 2) return items;
  const unique = new Set(items);
  return unique.size === items.length ? items : [...unique];
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) cache.set(key, (value = compute(key)));
    return value as T;
  };
}

function dedupeBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(keyOf(item)) && seen.add(keyOf(item)));
}

function uniqueKey(base: string, taken: (key: string) => boolean): string {
  let key = base;
  for (let n = 2; taken(key); n++) key = `${base}-${n}`;
  return key;
}
