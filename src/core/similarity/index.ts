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
import type { AtlasGraph, PaperNode, RelatedPaper } from '../graphFile';
import type { RelatedOptions } from './types';
import { citationLinks, explainRelated, MAX_SHARED_TERMS } from './reasons';
import { bonusAuthors, keyRanks } from './utils';
import { scoreRelated, type ScoreInput, type ScoreOutput } from './score';
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

/** Writes `related` (best first, ties by key, with reasons) on every paper node. Run after communities: reasons name them. */
export function relatedPapers(graph: AtlasGraph, options: RelatedOptions = {}): void {
  const prepared = prepareRelated(graph, options);
  writeRelated(graph, prepared, scoreRelated(prepared.input));
}

export interface PreparedRelated {
  keys: string[];
  /** How each term id is shown (shared terms in the reasons). */
  display: string[];
  input: ScoreInput;
}

/** Everything the scoring reads, as typed arrays (`score.ts`), so it can run on another thread. */
export function prepareRelated(graph: AtlasGraph, options: RelatedOptions = {}): PreparedRelated {
  const keys: string[] = [];
  const authorLists: string[][] = [];
  graph.forEachNode((key, node) => {
    if (node.kind !== 'paper') return;
    keys.push(key);
    authorLists.push([...new Set(node.authors)]);
  });
  const n = keys.length;
  const maxDocumentFrequency = options.maxDocumentFrequency ?? defaultMaxDocumentFrequency(n);
  const corpus = options.corpus ?? new LabelCorpus(graph);
  const { display, vectorStart, vectorTerm, vectorWeight, termRank, termCount } = corpus.relatedVectors(keys, maxDocumentFrequency);
  const citations = citationLinks(graph, new Map(keys.map((key, p) => [key, p])), n);
  return {
    keys,
    display,
    input: {
      n,
      k: options.k ?? DEFAULT_RELATED,
      vectorStart,
      vectorTerm,
      vectorWeight,
      termRank,
      termCount,
      ...bonusAuthors(authorLists, MAX_AUTHOR_PAPERS),
      citationStart: citations.start,
      citationOther: citations.other,
      citationDirection: citations.direction,
      rank: keyRanks(keys),
      constants: { authorBonus: AUTHOR_BONUS, authorBonusCap: AUTHOR_BONUS_CAP, citationBonus: CITATION_BONUS, minScore: MIN_SCORE, maxSharedTerms: MAX_SHARED_TERMS },
    },
  };
}

/** The scores with their reasons, on the paper nodes. */
export function writeRelated(graph: AtlasGraph, { keys, display, input }: PreparedRelated, scores: ScoreOutput): void {
  const { k } = input;
  for (let p = 0; p < keys.length; p++) {
    const paper = graph.getNodeAttributes(keys[p]) as PaperNode;
    const related: RelatedPaper[] = [];
    for (let slot = p * k; slot < (p + 1) * k && scores.paper[slot] >= 0; slot++) {
      const other = keys[scores.paper[slot]];
      const terms: string[] = [];
      for (let j = slot * MAX_SHARED_TERMS; j < (slot + 1) * MAX_SHARED_TERMS && scores.terms[j] >= 0; j++) terms.push(display[scores.terms[j]]);
      related.push({ key: other, score: scores.score[slot], reasons: explainRelated(paper, graph.getNodeAttributes(other) as PaperNode, terms, scores.citation[slot]) });
    }
    graph.mergeNodeAttributes(keys[p], { related });
  }
}
