/**
 * "Related papers": for every paper, the k papers most like it — TF-IDF cosine of titles and
 * abstracts (see `paperVectors`), plus a bonus per shared author, since people connect related work,
 * plus a bonus for a citation between the two, the authors' own word that the work is related.
 * Each comes with its reasons (`explainRelated`): shared authors, shared terms, community, category, citation.
 *
 * Near-linear: candidates come from an inverted index (term → papers using it), from the authors'
 * paper lists and from citations, never from all pairs. Terms above the document-frequency cap are not
 * in the vectors and prolific names are skipped, so each paper visits at most TERMS_PER_PAPER · cap +
 * authors · MAX_AUTHOR_PAPERS candidates plus its citations, whatever the corpus size.
 */
import type { AtlasGraph, PaperNode } from '../graphFile';
import type { RelatedOptions } from './types';
import { citationLinks, explainRelated, sharedTerms } from './reasons';
import { invertedIndex, keyRanks, TopK } from './utils';
import { paperVectors } from './vectors';
import { LabelCorpus } from '../communities/labels';

export type { RelatedOptions, RelatedPaper, SparseVector } from './types';
export { paperVectors, TERMS_PER_PAPER, TITLE_WEIGHT } from './vectors';
export { MAX_SHARED_TERMS } from './reasons';

export const DEFAULT_RELATED = 8;
/**
 * Added per author two papers share, up to AUTHOR_BONUS_CAP. Text cosines of related abstracts run
 * about 0.1–0.3, so one shared author weighs like a fair share of a topic match: the same team's paper
 * on the topic comes before one that only shares words. Two shared authors reach MIN_SCORE alone:
 * two people writing together again is related work even when the abstracts share no vocabulary.
 */
export const AUTHOR_BONUS = 0.06;
export const AUTHOR_BONUS_CAP = 0.18;
/**
 * Added when one paper cites the other. Equal to MIN_SCORE, so a citation alone lists the cited (or
 * citing) paper, and among several citations the text decides the order; it weighs like two shared authors.
 */
export const CITATION_BONUS = 0.12;
/**
 * A name on more papers than this earns no bonus: it is a mega-collaboration or several people under
 * one name, and visiting all its pairs would be quadratic.
 */
export const MAX_AUTHOR_PAPERS = 100;
/**
 * Below this a pair is not listed. Shared names alone need two; one needs some shared vocabulary besides;
 * text alone needs a cosine of 0.12 — a few shared mid-frequency words are not enough (calibrated on the
 * 5k arXiv OAI-PMH pages).
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

const round = (score: number) => Math.round(score * 1000) / 1000;

/** Writes `related` (best first, ties by key, with reasons) on every paper node. Run after communities: reasons name them. */
export function relatedPapers(graph: AtlasGraph, options: RelatedOptions = {}): void {
  const keys: string[] = [];
  const authorLists: string[][] = [];
  graph.forEachNode((key, node) => {
    if (node.kind !== 'paper') return;
    keys.push(key);
    authorLists.push([...new Set(node.authors)]);
  });
  const n = keys.length;
  const k = options.k ?? DEFAULT_RELATED;
  const maxDocumentFrequency = options.maxDocumentFrequency ?? defaultMaxDocumentFrequency(n);
  const corpus = options.corpus ?? new LabelCorpus(graph);
  const { vectors, terms, display } = paperVectors(corpus, keys, maxDocumentFrequency);
  const postings = invertedIndex(vectors);
  const citations = citationLinks(graph, new Map(keys.map((key, p) => [key, p])), n);

  const papersByAuthor = new Map<string, number[]>();
  authorLists.forEach((authors, p) => authors.forEach((a) => (papersByAuthor.get(a) ?? papersByAuthor.set(a, []).get(a)!).push(p)));
  const coauthoredLists = authorLists.map((authors) =>
    authors.map((a) => papersByAuthor.get(a)!).filter((papers) => papers.length <= MAX_AUTHOR_PAPERS),
  );

  // Dense accumulators reused for every paper (reset through `touched`): at 100k papers a Map or an
  // object per candidate would spend more time in the garbage collector than in the scoring.
  const cosine = new Float64Array(n);
  const shared = new Int32Array(n);
  const citation = new Int8Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const ownWeight = new Float64Array(terms.length);
  const rank = keyRanks(keys);
  const best = new TopK(k, rank);
  for (let p = 0; p < n; p++) {
    let touchedCount = 0;
    const visit = (q: number) => {
      if (stamp[q] !== p) {
        stamp[q] = p;
        touched[touchedCount++] = q;
      }
    };
    const vector = vectors[p];
    for (let i = 0; i < vector.terms.length; i++) {
      const w = vector.weights[i];
      const end = postings.start[vector.terms[i] + 1];
      for (let j = postings.start[vector.terms[i]]; j < end; j++) {
        const q = postings.paper[j];
        if (q === p) continue;
        visit(q);
        cosine[q] += w * postings.weight[j];
      }
    }
    for (const papers of coauthoredLists[p]) {
      for (const q of papers) {
        if (q === p) continue;
        visit(q);
        shared[q]++;
      }
    }
    for (let j = citations.start[p]; j < citations.start[p + 1]; j++) {
      visit(citations.other[j]);
      citation[citations.other[j]] = citations.direction[j];
    }

    best.clear();
    for (let i = 0; i < touchedCount; i++) {
      const q = touched[i];
      const score = round(cosine[q] + Math.min(AUTHOR_BONUS_CAP, AUTHOR_BONUS * shared[q]) + (citation[q] ? CITATION_BONUS : 0));
      if (score >= MIN_SCORE) best.offer(q, score);
      cosine[q] = 0;
      shared[q] = 0;
    }

    // Reasons for the kept few only: shared terms through the paper's weights by term id, set and cleared here.
    for (let i = 0; i < vector.terms.length; i++) ownWeight[vector.terms[i]] = vector.weights[i];
    const paper = graph.getNodeAttributes(keys[p]) as PaperNode;
    const related = best.entries().map(({ paper: q, score }) => ({
      key: keys[q],
      score,
      reasons: explainRelated(paper, graph.getNodeAttributes(keys[q]) as PaperNode, sharedTerms(ownWeight, vectors[q], terms, display), citation[q]),
    }));
    for (let i = 0; i < vector.terms.length; i++) ownWeight[vector.terms[i]] = 0;
    for (let i = 0; i < touchedCount; i++) citation[touched[i]] = 0;
    graph.mergeNodeAttributes(keys[p], { related });
  }
}
