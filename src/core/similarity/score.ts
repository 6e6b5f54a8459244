/**
 * The scoring half of `relatedPapers`: for every paper, its k best candidates and the terms each shares with
 * it, over typed arrays only (plain data in and out), because the build runs it on a worker thread
 * (`thread.ts`) while the collaboration network and the layout run on the main thread: the scoring is the
 * costly part of related papers and needs nothing they change. Its output is in shared arrays
 * (threads/sharedArrays.ts), which reach the main thread without a copy.
 */
import { sharedFloat64, sharedInt32, sharedInt8 } from '../threads/sharedArrays';

export interface ScoreInput {
  n: number;
  k: number;
  /** Paper p's vector: `vectorStart[p]..vectorStart[p + 1]` in `vectorTerm`/`vectorWeight`, heaviest first. */
  vectorStart: Int32Array;
  vectorTerm: Int32Array;
  vectorWeight: Float64Array;
  /** Each term's position in key order: ties between shared terms are broken by key. */
  termRank: Int32Array;
  termCount: number;
  /** Papers by bonus-earning author (`authorStart`/`authorPaper`) and those authors by paper (`paperStart`/`paperAuthor`). */
  authorStart: Int32Array;
  authorPaper: Int32Array;
  paperStart: Int32Array;
  paperAuthor: Int32Array;
  /** Citations per paper (see `citationLinks`). */
  citationStart: Int32Array;
  citationOther: Int32Array;
  citationDirection: Int8Array;
  /** Each paper's position in key order: ties between candidates are broken by key. */
  rank: Int32Array;
  constants: { authorBonus: number; authorBonusCap: number; citationBonus: number; minScore: number; maxSharedTerms: number };
}

/** Slot `p * k + i` holds paper p's i-th best: -1 where it has fewer; terms `(p * k + i) * maxSharedTerms + j`. */
export interface ScoreOutput {
  paper: Int32Array;
  score: Float64Array;
  citation: Int8Array;
  terms: Int32Array;
}

export function scoreRelated(input: ScoreInput): ScoreOutput {
  const { n, k, vectorStart, vectorTerm, vectorWeight, termRank, authorStart, authorPaper, paperStart, paperAuthor, rank } = input;
  const { citationStart, citationOther, citationDirection } = input;
  const { authorBonus, authorBonusCap, citationBonus, minScore, maxSharedTerms } = input.constants;

  // The inverted index: term → (paper, weight) postings in compressed rows.
  const postingStart = new Int32Array(input.termCount + 1);
  for (let i = 0; i < vectorTerm.length; i++) postingStart[vectorTerm[i] + 1]++;
  for (let t = 0; t < input.termCount; t++) postingStart[t + 1] += postingStart[t];
  const fill = postingStart.slice(0, input.termCount);
  const postingPaper = new Int32Array(vectorTerm.length);
  const postingWeight = new Float64Array(vectorTerm.length);
  for (let p = 0; p < n; p++) {
    for (let i = vectorStart[p]; i < vectorStart[p + 1]; i++) {
      const at = fill[vectorTerm[i]]++;
      postingPaper[at] = p;
      postingWeight[at] = vectorWeight[i];
    }
  }

  const out: ScoreOutput = {
    paper: sharedInt32(n * k).fill(-1),
    score: sharedFloat64(n * k),
    citation: sharedInt8(n * k),
    terms: sharedInt32(n * k * maxSharedTerms).fill(-1),
  };
  // Dense accumulators reused for every paper (reset through `touched`): a Map per paper would spend more
  // time in the garbage collector than in the scoring.
  const cosine = new Float64Array(n);
  const shared = new Int32Array(n);
  const citation = new Int8Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const ownWeight = new Float64Array(input.termCount);
  const bestPaper = new Int32Array(k);
  const bestScore = new Float64Array(k);
  const sharedTerm: number[] = [];
  const sharedWeight: number[] = [];
  const order: number[] = [];

  for (let p = 0; p < n; p++) {
    let touchedCount = 0;
    for (let i = vectorStart[p]; i < vectorStart[p + 1]; i++) {
      const w = vectorWeight[i];
      const end = postingStart[vectorTerm[i] + 1];
      for (let j = postingStart[vectorTerm[i]]; j < end; j++) {
        const q = postingPaper[j];
        if (q === p) continue;
        if (stamp[q] !== p) (stamp[q] = p), (touched[touchedCount++] = q);
        cosine[q] += w * postingWeight[j];
      }
    }
    for (let a = paperStart[p]; a < paperStart[p + 1]; a++) {
      const author = paperAuthor[a];
      for (let j = authorStart[author]; j < authorStart[author + 1]; j++) {
        const q = authorPaper[j];
        if (q === p) continue;
        if (stamp[q] !== p) (stamp[q] = p), (touched[touchedCount++] = q);
        shared[q]++;
      }
    }
    for (let j = citationStart[p]; j < citationStart[p + 1]; j++) {
      const q = citationOther[j];
      if (stamp[q] !== p) (stamp[q] = p), (touched[touchedCount++] = q);
      citation[q] = citationDirection[j];
    }

    // The k best, score descending then key, kept sorted by insertion: k is 8, candidates hundreds.
    let kept = 0;
    for (let i = 0; i < touchedCount; i++) {
      const q = touched[i];
      const score = Math.round((cosine[q] + Math.min(authorBonusCap, authorBonus * shared[q]) + (citation[q] ? citationBonus : 0)) * 1000) / 1000;
      cosine[q] = 0;
      shared[q] = 0;
      if (score < minScore || k === 0) continue;
      const full = kept === k;
      if (full && !(score > bestScore[k - 1] || (score === bestScore[k - 1] && rank[q] < rank[bestPaper[k - 1]]))) continue;
      let at = full ? k - 1 : kept++;
      for (; at > 0 && (score > bestScore[at - 1] || (score === bestScore[at - 1] && rank[q] < rank[bestPaper[at - 1]])); at--) {
        bestPaper[at] = bestPaper[at - 1];
        bestScore[at] = bestScore[at - 1];
      }
      bestPaper[at] = q;
      bestScore[at] = score;
    }

    // The terms each kept paper shares with p, heaviest contribution to their cosine first, ties by key.
    for (let i = vectorStart[p]; i < vectorStart[p + 1]; i++) ownWeight[vectorTerm[i]] = vectorWeight[i];
    for (let b = 0; b < kept; b++) {
      const q = bestPaper[b];
      const slot = p * k + b;
      out.paper[slot] = q;
      out.score[slot] = bestScore[b];
      out.citation[slot] = citation[q];
      sharedTerm.length = sharedWeight.length = order.length = 0;
      for (let i = vectorStart[q]; i < vectorStart[q + 1]; i++) {
        const w = ownWeight[vectorTerm[i]];
        if (w > 0) order.push(sharedTerm.length), sharedTerm.push(vectorTerm[i]), sharedWeight.push(w * vectorWeight[i]);
      }
      order.sort((x, y) => sharedWeight[y] - sharedWeight[x] || termRank[sharedTerm[x]] - termRank[sharedTerm[y]]);
      for (let j = 0; j < Math.min(maxSharedTerms, order.length); j++) out.terms[slot * maxSharedTerms + j] = sharedTerm[order[j]];
    }
    for (let i = vectorStart[p]; i < vectorStart[p + 1]; i++) ownWeight[vectorTerm[i]] = 0;
    for (let i = 0; i < touchedCount; i++) citation[touched[i]] = 0;
  }
  return out;
}
