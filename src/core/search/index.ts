/**
 * Find-a-node search over every paper, author, category and affiliation. The MiniSearch index is
 * built once per graph and stores nothing but terms; each keystroke is one index lookup plus a
 * linear pass over its hits, and only the hits shown are looked up in the graph.
 */
import MiniSearch from 'minisearch';
import type { AtlasGraph, NodeAttributes, NodeKind } from '../graphFile';
import type { IndexedNode, SearchGroup, SearchHit, SearchIndex, SearchOptions } from './types';
import { compareLabels, exactForm, exactNames, hitDetail, hitLabel, normalizeTerm } from './utils';

export type { SearchGroup, SearchHit, SearchIndex, SearchOptions } from './types';
export { normalizeTerm } from './utils';

/** Order of the groups in the results panel: people are what users look for most. */
export const SEARCH_KIND_ORDER: readonly NodeKind[] = ['author', 'paper', 'category', 'topic', 'affiliation'];
const DEFAULT_LIMIT_PER_KIND = 8;

function toDocument(key: string, node: NodeAttributes): IndexedNode {
  switch (node.kind) {
    case 'paper':
      return { id: key, name: node.title };
    case 'author': {
      const others = node.aliases.filter((a) => a !== node.name);
      return { id: key, name: node.name, aliases: others.length > 0 ? others.join(' ') : undefined };
    }
    case 'category':
      return { id: key, name: node.name, code: node.code };
    case 'affiliation':
      return { id: key, name: node.name, code: node.slug };
    case 'topic':
      return { id: key, name: node.name };
  }
}

export function buildSearchIndex(graph: AtlasGraph): SearchIndex {
  const engine = new MiniSearch<IndexedNode>({
    fields: ['name', 'aliases', 'code'],
    storeFields: [],
    processTerm: (term) => normalizeTerm(term) || null,
    searchOptions: {
      // Names count most; other spellings and codes are exact identifiers but secondary.
      boost: { name: 3, aliases: 2, code: 2 },
      // A one-letter prefix would expand to most of the index on every first keystroke.
      prefix: (term) => term.length >= 2,
      // Typos only on words long enough for one to be a typo, not a different short word.
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'AND',
    },
  });
  graph.forEachNode((key, node) => engine.add(toDocument(key, node)));
  return { engine, graph };
}

/** Node keys are `<kind>:…` (the schema guarantees it), so the kind needs no stored field. */
const kindOf = (key: string) => key.slice(0, key.indexOf(':')) as NodeKind;

interface Candidate {
  key: string;
  score: number;
  exact: boolean;
}

function isExact(node: NodeAttributes, query: string): boolean {
  // Most hits differ in length from the query: skip folding their names.
  return exactNames(node).some((name) => Math.abs(name.length - query.length) <= 3 && exactForm(name) === query);
}

/**
 * The best `limit` hits of one kind. Candidates arrive sorted by score, so beyond the exact matches
 * only the hits tied with the last kept one need a look.
 */
function topHits(graph: AtlasGraph, candidates: Candidate[], limit: number): SearchHit[] {
  const kept = candidates.filter((c) => c.exact);
  let lastScore = Infinity;
  for (const candidate of candidates) {
    if (candidate.exact) continue;
    if (kept.length >= limit && candidate.score < lastScore) break;
    kept.push(candidate);
    lastScore = candidate.score;
  }
  const hits = kept.map(({ key, score, exact }) => {
    const node = graph.getNodeAttributes(key);
    return { exact, hit: { key, kind: node.kind, label: hitLabel(node), detail: hitDetail(graph, node), score } };
  });
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || b.hit.score - a.hit.score || compareLabels(a.hit.label, b.hit.label));
  return hits.slice(0, limit).map((h) => h.hit);
}

/** Grouped hits for a query, groups in `SEARCH_KIND_ORDER`, empty groups dropped. */
export function searchNodes(index: SearchIndex, query: string, options: SearchOptions = {}): SearchGroup[] {
  if (query.trim() === '') return [];
  const limit = Math.max(1, options.limitPerKind ?? DEFAULT_LIMIT_PER_KIND);
  const { engine, graph } = index;
  let results = engine.search(query);
  // AND-ish: when no node matches every word (often a typo beyond reach), fall back to any word.
  if (results.length === 0 && /\s/.test(query.trim())) results = engine.search(query, { combineWith: 'OR' });

  const wanted = exactForm(query);
  const byKind = new Map<NodeKind, Candidate[]>(SEARCH_KIND_ORDER.map((k) => [k, []]));
  for (const { id, score } of results) {
    const key = String(id);
    byKind.get(kindOf(key))?.push({ key, score, exact: isExact(graph.getNodeAttributes(key), wanted) });
  }
  const groups: SearchGroup[] = [];
  for (const kind of SEARCH_KIND_ORDER) {
    const candidates = byKind.get(kind)!;
    if (candidates.length > 0) groups.push({ kind, hits: topHits(graph, candidates, limit), total: candidates.length });
  }
  return groups;
}
