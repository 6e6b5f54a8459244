/** The data structures behind `relatedPapers`: an inverted index, key ranks and a running top-k. */
import type { SparseVector } from './types';

/** Each key's position in sorted order, so ties compare two integers instead of two strings. */
export function keyRanks(keys: string[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = new Int32Array(keys.length);
  order.forEach((paper, position) => (rank[paper] = position));
  return rank;
}

/** The k best (score desc, then key) of a stream of candidates, in small sorted arrays: k is 8, candidates hundreds. */
export class TopK {
  private readonly papers: number[] = [];
  private readonly scores: number[] = [];
  constructor(
    private readonly k: number,
    private readonly rank: Int32Array,
  ) {}

  /** Whether (paper, score) ranks before the kept entry at `i`. */
  private before(paper: number, score: number, i: number): boolean {
    return score > this.scores[i] || (score === this.scores[i] && this.rank[paper] < this.rank[this.papers[i]]);
  }

  clear(): void {
    this.papers.length = 0;
    this.scores.length = 0;
  }

  offer(paper: number, score: number): void {
    const full = this.papers.length === this.k;
    if (this.k === 0 || (full && !this.before(paper, score, this.k - 1))) return;
    let at = full ? this.k - 1 : this.papers.length;
    for (; at > 0 && this.before(paper, score, at - 1); at--) {
      this.papers[at] = this.papers[at - 1];
      this.scores[at] = this.scores[at - 1];
    }
    this.papers[at] = paper;
    this.scores[at] = score;
  }

  entries(): { paper: number; score: number }[] {
    return this.papers.map((paper, i) => ({ paper, score: this.scores[i] }));
  }
}

/** Term → (paper, weight) postings in compressed rows: `start[t]..start[t + 1]` are term t's. */
export function invertedIndex(vectors: SparseVector[]) {
  let termCount = 0;
  let total = 0;
  for (const v of vectors) {
    for (const t of v.terms) termCount = Math.max(termCount, t + 1);
    total += v.terms.length;
  }
  const start = new Int32Array(termCount + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, termCount);
  const paper = new Int32Array(total);
  const weight = new Float64Array(total);
  vectors.forEach((v, p) => {
    for (let i = 0; i < v.terms.length; i++) {
      const at = fill[v.terms[i]]++;
      paper[at] = p;
      weight[at] = v.weights[i];
    }
  });
  return { start, paper, weight };
}
