/** Why two papers are related, as data the paper panel renders: what they share, and any citation between them. */
import type { AtlasGraph, PaperNode, RelatedReasons } from '../graphFile';

/**
 * Shared terms listed per related paper (heaviest contribution to the cosine first, see score.ts): enough to
 * say what the two have in common, short enough to read.
 */
export const MAX_SHARED_TERMS = 5;

/** Citation between two papers as the related list says it: `cites` from the paper's side, `cited-by` from the cited's. */
export const CITES = 1;
export const CITED_BY = 2;

/**
 * Per paper index, the papers it cites and is cited by (`cites` edges, whose `citing` attribute names the
 * citing side), as flat lists: `other[i]` with `direction[i]` (CITES or CITED_BY), `start[p]..start[p+1]`.
 */
export function citationLinks(graph: AtlasGraph, indexOf: Map<string, number>, n: number) {
  const pairs: [number, number, number][] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.kind !== 'cites') return;
    const a = indexOf.get(source);
    const b = indexOf.get(target);
    if (a === undefined || b === undefined) return;
    const [citing, cited] = attributes.citing === target ? [b, a] : [a, b];
    pairs.push([citing, cited, CITES], [cited, citing, CITED_BY]);
  });
  const start = new Int32Array(n + 1);
  for (const [p] of pairs) start[p + 1]++;
  for (let p = 0; p < n; p++) start[p + 1] += start[p];
  const fill = start.slice(0, n);
  const other = new Int32Array(pairs.length);
  const direction = new Int8Array(pairs.length);
  for (const [p, q, d] of pairs) {
    other[fill[p]] = q;
    direction[fill[p]++] = d;
  }
  return { start, other, direction };
}

/** Everything the graph knows that two papers share; `citation` from the first paper's side. */
export function explainRelated(paper: PaperNode, other: PaperNode, terms: string[], citation: number): RelatedReasons {
  return {
    sharedAuthors: paper.authors.filter((author) => other.authors.includes(author)),
    sharedTerms: terms,
    sameCommunity: paper.community === other.community,
    sameCategory: paper.category !== null && paper.category === other.category,
    citation: citation === CITES ? 'cites' : citation === CITED_BY ? 'cited-by' : null,
  };
}
