/** The typed arrays `relatedPapers` hands to its scoring (`score.ts`). */
import type { SparseVector } from './types';
import { sharedFloat64, sharedInt32 } from '../threads/sharedArrays';

/** Each key's position in sorted order, so ties compare two integers instead of two strings. */
export function keyRanks(keys: string[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = sharedInt32(keys.length);
  order.forEach((paper, position) => (rank[paper] = position));
  return rank;
}

/** Vectors in compressed rows: paper p's terms and weights are `vectorStart[p]..vectorStart[p + 1]`. */
export function flatVectors(vectors: SparseVector[]) {
  const vectorStart = sharedInt32(vectors.length + 1);
  vectors.forEach((v, p) => (vectorStart[p + 1] = vectorStart[p] + v.terms.length));
  const vectorTerm = sharedInt32(vectorStart[vectors.length]);
  const vectorWeight = sharedFloat64(vectorStart[vectors.length]);
  vectors.forEach((v, p) => (vectorTerm.set(v.terms, vectorStart[p]), vectorWeight.set(v.weights, vectorStart[p])));
  return { vectorStart, vectorTerm, vectorWeight };
}

/**
 * The authors who earn a shared-author bonus (on at most `maxPapers` papers, see MAX_AUTHOR_PAPERS) in
 * compressed rows both ways: each one's papers (`authorStart`/`authorPaper`, in paper order) and each
 * paper's such authors (`paperStart`/`paperAuthor`, in its author order). `authorLists` hold no repeats.
 */
export function bonusAuthors(authorLists: string[][], maxPapers: number) {
  const papersByAuthor = new Map<string, number[]>();
  authorLists.forEach((authors, p) => authors.forEach((a) => (papersByAuthor.get(a) ?? papersByAuthor.set(a, []).get(a)!).push(p)));
  const index = new Map<string, number>();
  const authorStart = [0];
  const authorPaper: number[] = [];
  for (const [author, papers] of papersByAuthor) {
    if (papers.length > maxPapers) continue;
    index.set(author, index.size);
    authorPaper.push(...papers);
    authorStart.push(authorPaper.length);
  }
  const paperStart = [0];
  const paperAuthor: number[] = [];
  for (const authors of authorLists) {
    for (const a of authors) if (index.has(a)) paperAuthor.push(index.get(a)!);
    paperStart.push(paperAuthor.length);
  }
  return {
    authorStart: Int32Array.from(authorStart),
    authorPaper: Int32Array.from(authorPaper),
    paperStart: Int32Array.from(paperStart),
    paperAuthor: Int32Array.from(paperAuthor),
  };
}
