/**
 * "Related papers": for every paper, the k papers most like it — TF-IDF cosine of titles and
 * abstracts (see `paperVectors`) plus a bonus per shared author, since people connect related work.
 *
 * Near-linear: candidates come from an inverted index (term → papers using it) and from the authors'
 * paper lists, never from all pairs. Terms above the document-frequency cap are not in the vectors and
 * prolific names are skipped, so each paper visits at most TERMS_PER_PAPER · cap + authors · MAX_AUTHOR_PAPERS
 * candidates, whatever the corpus size.
 */
import type { AtlasGraph, PaperNode, RelatedReasons } from '../graphFile';
import type { PaperText, RelatedOptions } from './types';
import { invertedIndex, keyRanks, TopK } from './utils';
import { paperVectors } from './vectors';

export type { RelatedOptions, RelatedPaper, SparseVector, PaperText } from './types';
export { paperVectors, TERMS_PER_PAPER, TITLE_WEIGHT } from './vectors';

export const DEFAULT_RELATED = 5;
/**
 * Added per author two papers share, up to AUTHOR_BONUS_CAP. Text cosines of related abstracts run
 * about 0.1–0.3, so one shared author weighs like a fair share of a topic match: the same team's paper
 * on the topic comes before one that only shares words.
 */
export const AUTHOR_BONUS = 0.05;
export const AUTHOR_BONUS_CAP = 0.15;
/**
 * A name on more papers than this earns no bonus: it is a mega-collaboration or several people under
 * one name, and visiting all its pairs would be quadratic.
 */
export const MAX_AUTHOR_PAPERS = 100;
/**
 * Below this a pair is not listed. Shared names alone need three (the same team); one or two need some
 * shared vocabulary besides; text alone needs a cosine of 0.12 — a few shared mid-frequency words are
 * not enough (calibrated on the 5k arXiv OAI-PMH pages, where 97% of papers then get related papers).
 */
export const MIN_SCORE = 0.12;

/**
 * Default document-frequency cap: 1% of the corpus, at least 50 (in a small corpus 1% is one or two
 * papers) and at most 200. The ceiling is what keeps the phase linear: a term's postings are visited
 * once per paper using it, df² in all, so a cap growing with the corpus would make it quadratic
 * (20× the papers, 400× the work). Past 20k papers, terms in more than 200 of them are left out.
 */
export const MAX_DOCUMENT_FREQUENCY_CEILING = 200;
export function defaultMaxDocumentFrequency(papers: number): number {
  return Math.min(MAX_DOCUMENT_FREQUENCY_CEILING, Math.max(50, Math.ceil(papers / 100)));
}

/** Why two papers are related, from what the graph knows of both. */
function explainRelated(graph: AtlasGraph, a: string, b: string): RelatedReasons {
  const pa = graph.getNodeAttributes(a) as PaperNode;
  const pb = graph.getNodeAttributes(b) as PaperNode;
  const edge = graph.edge(a, b);
  const citing = edge !== undefined && graph.getEdgeAttribute(edge, 'kind') === 'cites' ? graph.getEdgeAttribute(edge, 'citing') : undefined;
  return {
    sharedAuthors: pa.authors.filter((author) => pb.authors.includes(author)),
    sharedTerms: [],
    sameCommunity: pa.community === pb.community,
    sameCategory: pa.category !== null && pa.category === pb.category,
    citation: citing === a ? 'cites' : citing === b ? 'cited-by' : null,
  };
}

const round = (score: number) => Math.round(score * 1000) / 1000;

/** Writes `related` (best first, ties by key) on every paper node of the graph. */
export function relatedPapers(graph: AtlasGraph, options: RelatedOptions = {}): void {
  const keys: string[] = [];
  const texts: PaperText[] = [];
  const authorLists: string[][] = [];
  graph.forEachNode((key, node) => {
    if (node.kind !== 'paper') return;
    keys.push(key);
    texts.push({ title: node.title, abstract: node.abstract });
    authorLists.push([...new Set(node.authors)]);
  });
  const n = keys.length;
  const k = options.k ?? DEFAULT_RELATED;
  const { vectors } = paperVectors(texts, options.maxDocumentFrequency ?? defaultMaxDocumentFrequency(n));
  const postings = invertedIndex(vectors);

  const papersByAuthor = new Map<string, number[]>();
  authorLists.forEach((authors, p) => authors.forEach((a) => (papersByAuthor.get(a) ?? papersByAuthor.set(a, []).get(a)!).push(p)));
  const coauthoredLists = authorLists.map((authors) =>
    authors.map((a) => papersByAuthor.get(a)!).filter((papers) => papers.length <= MAX_AUTHOR_PAPERS),
  );

  // Dense accumulators reused for every paper (reset through `touched`): at 100k papers a Map or an
  // object per candidate would spend more time in the garbage collector than in the scoring.
  const cosine = new Float64Array(n);
  const shared = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const rank = keyRanks(keys);
  const best = new TopK(k, rank);
  for (let p = 0; p < n; p++) {
    let touchedCount = 0;
    const { terms, weights } = vectors[p];
    for (let i = 0; i < terms.length; i++) {
      const w = weights[i];
      const end = postings.start[terms[i] + 1];
      for (let j = postings.start[terms[i]]; j < end; j++) {
        const q = postings.paper[j];
        if (q === p) continue;
        if (stamp[q] !== p) {
          stamp[q] = p;
          touched[touchedCount++] = q;
        }
        cosine[q] += w * postings.weight[j];
      }
    }
    for (const papers of coauthoredLists[p]) {
      for (const q of papers) {
        if (q === p) continue;
        if (stamp[q] !== p) {
          stamp[q] = p;
          touched[touchedCount++] = q;
        }
        shared[q]++;
      }
    }

    best.clear();
    for (let i = 0; i < touchedCount; i++) {
      const q = touched[i];
      const score = round(cosine[q] + Math.min(AUTHOR_BONUS_CAP, AUTHOR_BONUS * shared[q]));
      if (score >= MIN_SCORE) best.offer(q, score);
      cosine[q] = 0;
      shared[q] = 0;
    }
    graph.mergeNodeAttributes(keys[p], { related: best.entries(keys).map((r) => ({ ...r, reasons: explainRelated(graph, keys[p], r.key) })) });
  }
}
