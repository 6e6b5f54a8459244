/**
 * Papers → TF-IDF vectors over title and abstract terms, pruned to each paper's heaviest terms and
 * L2-normalised, so a dot product is a cosine. Uses the communities' tokeniser (`phrases`, `termKey`):
 * the same words count as terms everywhere in the atlas.
 */
import { phrases, termKey } from '../communities/terms';
import type { LabelCorpus } from '../communities/labels';
import { Float64Arena, Int32Arena } from '../communities/arena';
import { TITLE_WEIGHT } from '../communities/vocabulary';
import type { PaperText, SparseVector } from './types';

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
export function paperVectors(papers: PaperText[], maxDocumentFrequency: number): Vectors {
  const { terms, display, counted } = countTerms(papers);
  return { terms, display, vectors: weighTerms(counted, terms, maxDocumentFrequency) };
}

/**
 * The same vectors from a corpus already read for labels (one tokenisation for both): its unigrams and their
 * counts, `papers` in the order wanted.
 */
export function corpusVectors(corpus: LabelCorpus, papers: string[], maxDocumentFrequency: number): Vectors {
  const { index, terms, display } = corpus.vocabulary.unigrams();
  const arena = new Int32Arena();
  const counted = papers.map((paper) => {
    const { ids, counts } = corpus.termsOf(paper);
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

/** Pass 1: term counts per paper (compact typed arrays: 100k papers hold millions of pairs), first use first. */
function countTerms(papers: PaperText[]): { terms: string[]; display: string[]; counted: TermCounts[] } {
  const terms: string[] = [];
  // Surface word → word index, so each spelling is folded (`termKey`) and hashed once per corpus, not per
  // use; per word its term id and its uses (to show a term as its commonest spelling).
  const wordIndex = new Map<string, number>();
  const termOfWord: number[] = [];
  const wordUses: number[] = [];
  const idOfKey = new Map<string, number>();
  const count: number[] = [];
  const lastPaper: number[] = [];
  const counted = papers.map(({ title, abstract }, paper) => {
    const used: number[] = [];
    const add = (text: string, times: number) => {
      for (const phrase of phrases(text)) {
        for (const word of phrase) {
          let w = wordIndex.get(word);
          if (w === undefined) {
            const key = termKey(word);
            let id = idOfKey.get(key);
            if (id === undefined) {
              id = terms.length;
              idOfKey.set(key, id);
              terms.push(key);
              count.push(0);
              lastPaper.push(-1);
            }
            w = termOfWord.length;
            wordIndex.set(word, w);
            termOfWord.push(id);
            wordUses.push(0);
          }
          wordUses[w]++;
          const id = termOfWord[w];
          if (lastPaper[id] !== paper) {
            lastPaper[id] = paper;
            count[id] = 0;
            used.push(id);
          }
          count[id] += times;
        }
      }
    };
    add(title, TITLE_WEIGHT);
    add(abstract, 1);
    return { ids: Int32Array.from(used), counts: Int32Array.from(used, (id) => count[id]) };
  });
  return { terms, display: displayForms(terms, wordIndex, termOfWord, wordUses), counted };
}

/** Pass 2: document frequencies, weights, the heaviest terms kept (ties by term text, through its rank), normalised. */
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
  const termArena = new Int32Arena();
  const weightArena = new Float64Arena();
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

/** Each term's most used spelling (ties: the shortest, then alphabetical), so a reader sees a word the papers wrote. */
function displayForms(terms: string[], wordIndex: Map<string, number>, termOfWord: number[], wordUses: number[]): string[] {
  const display = terms.slice();
  const best = new Array<number>(terms.length).fill(0);
  for (const [word, w] of wordIndex) {
    const id = termOfWord[w];
    const count = wordUses[w];
    const current = display[id];
    if (count > best[id] || (count === best[id] && (word.length < current.length || (word.length === current.length && word < current)))) {
      display[id] = word;
      best[id] = count;
    }
  }
  return display;
}
