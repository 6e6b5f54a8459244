/**
 * Papers → TF-IDF vectors over title and abstract terms, pruned to each paper's heaviest terms and
 * L2-normalised, so a dot product is a cosine. Read from the corpus the topic labels read (`LabelCorpus`):
 * every title and abstract is tokenised once, and the same words count as terms everywhere in the atlas.
 */
import { float64Arena, int32Arena } from '../communities/arena';
import { TITLE_WEIGHT, type PaperTerms, type Vocabulary } from '../communities/vocabulary';
import type { SparseVector } from './types';
import { flatVectors, keyRanks } from './utils';

export { TITLE_WEIGHT };
/** Terms kept per paper: its most distinctive words carry its topic; the tail is noise and cost. */
export const TERMS_PER_PAPER = 20;

export interface Vectors {
  /** Term text by id: the folded key (`representation`, `patch`). */
  terms: string[];
  /** How to show each term: its most used spelling in the corpus (`representations` if most papers write the plural). */
  display: string[];
  /** One vector per paper, in input order: unit length before pruning; empty when no term is shared. */
  vectors: SparseVector[];
}

/**
 * Weight of a term in a paper: (1 + ln tf) · ln(N / df), over the terms used by at most
 * `maxDocumentFrequency` papers (a word a large share of the corpus uses — `model`, `network` — is too
 * common to tell related work from unrelated, and its postings would make the index quadratic).
 * Each vector is normalised over all those terms, then pruned to its TERMS_PER_PAPER heaviest terms
 * that another paper also uses (a word of one paper relates it to nothing): a pruned dot product is
 * then a lower bound of the full cosine, and a paper whose distinctive words are its own alone keeps
 * a low score with everyone instead of being inflated by the few common words it has left.
 */
export function paperVectors(vocabulary: Vocabulary, papers: PaperTerms[], maxDocumentFrequency: number): Vectors {
  const { index, terms, display } = vocabulary.unigrams();
  const arena = int32Arena();
  const counted = papers.map(({ ids, counts }) => {
    let unigrams = 0;
    for (let i = 0; i < ids.length; i++) if (index[ids[i]] >= 0) unigrams++;
    const kept: TermCounts = { ids: arena.take(unigrams), counts: arena.take(unigrams) };
    for (let i = 0, j = 0; i < ids.length; i++) {
      if (index[ids[i]] < 0) continue;
      kept.ids[j] = index[ids[i]];
      kept.counts[j++] = counts[i];
    }
    return kept;
  });
  return { terms, display, vectors: weighTerms(counted, terms, maxDocumentFrequency) };
}

interface TermCounts {
  ids: Int32Array;
  counts: Int32Array;
}

/** Document frequencies, weights, the heaviest terms kept (ties by term text, through its rank), normalised. */
function weighTerms(counted: TermCounts[], terms: string[], maxDocumentFrequency: number): SparseVector[] {
  const n = counted.length;
  const df = new Int32Array(terms.length);
  for (const { ids } of counted) for (let i = 0; i < ids.length; i++) df[ids[i]]++;
  const termRank = new Int32Array(terms.length);
  terms
    .map((_, id) => id)
    .sort((a, b) => (terms[a] < terms[b] ? -1 : 1))
    .forEach((id, rank) => (termRank[id] = rank));
  const weight = new Float64Array(terms.length); // of the paper at hand; only its own terms are read
  const termArena = int32Arena();
  const weightArena = float64Arena();
  return counted.map(({ ids, counts }) => {
    const kept: number[] = [];
    let squares = 0;
    for (let i = 0; i < ids.length; i++) {
      const d = df[ids[i]];
      if (d > maxDocumentFrequency) continue;
      const w = (1 + Math.log(counts[i])) * Math.log(n / d);
      squares += w * w;
      if (d < 2 || w === 0) continue;
      kept.push(ids[i]);
      weight[ids[i]] = w;
    }
    kept.sort((a, b) => weight[b] - weight[a] || termRank[a] - termRank[b]);
    kept.length = Math.min(kept.length, TERMS_PER_PAPER);
    const norm = Math.sqrt(squares);
    const vector = { terms: termArena.take(kept.length), weights: weightArena.take(kept.length) };
    kept.forEach((id, i) => ((vector.terms[i] = id), (vector.weights[i] = weight[id] / norm)));
    return vector;
  });
}

/** The vectors as the scoring reads them (score.ts): compressed rows, each term's rank in key order, and how terms are shown. */
export interface FlatVectors {
  maxDocumentFrequency: number;
  vectorStart: Int32Array;
  vectorTerm: Int32Array;
  vectorWeight: Float64Array;
  termRank: Int32Array;
  termCount: number;
  display: string[];
}

export function flatPaperVectors(vocabulary: Vocabulary, papers: PaperTerms[], maxDocumentFrequency: number): FlatVectors {
  const { vectors, terms, display } = paperVectors(vocabulary, papers, maxDocumentFrequency);
  return { maxDocumentFrequency, ...flatVectors(vectors), termRank: keyRanks(terms), termCount: terms.length, display };
}
