/**
 * The corpus vocabulary: every title and abstract read once into unigram and bigram ids with counts, shared by
 * community labels, co-author group labels and the related-papers vectors (one tokenisation for all three).
 * Everything per term or per spelling is in typed arrays: at 100k papers there are millions of bigrams, and
 * per-term objects or Maps spent more time in the garbage collector than in the counting.
 */
import { PairTable } from './pairTable';
import { phrases, termKey } from './terms';

/** Titles state a paper's topic more densely than abstracts, so their words count twice. */
export const TITLE_WEIGHT = 2;

/** The terms of one paper (first use first) and how often it uses each (title words count TITLE_WEIGHT times). */
export interface PaperTerms {
  ids: Int32Array;
  counts: Int32Array;
}

/** A term's weight in a paper: 1 + ln(count), so a word said ten times is not ten topics. */
export const termWeight = (count: number) => 1 + Math.log(count);

function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export class Vocabulary {
  /** Folded key → unigram id. */
  private readonly unigramIds = new Map<string, number>();
  /** (first, second) unigram ids → bigram id. */
  private readonly bigramIds = new PairTable();
  /** Folded key of each unigram; null for a bigram, whose key is built from its words only when asked (`key`). */
  private readonly unigramKeys: (string | null)[] = [];
  /** A bigram's two unigram ids (-1 for unigrams): phrases are matched to words by id, not by splitting strings. */
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  /** Corpus-wide weight of each term (sum of `termWeight` over papers), and of all terms together. */
  weight = new Float64Array(1024);
  total = 0;

  /** Surface word (as written, lowercased) → spelling index; per spelling its unigram, weighted and plain uses. */
  private readonly spellingIds = new Map<string, number>();
  private readonly spellings: string[] = [];
  private spellingTerm = new Int32Array(1024);
  private spellingTimes = new Int32Array(1024);
  private spellingUses = new Int32Array(1024);
  /** Two adjacent spellings → pair index; per pair its bigram and weighted uses (how a bigram is written). */
  private readonly pairIds = new PairTable();
  private pairFirst = new Int32Array(1024);
  private pairSecond = new Int32Array(1024);
  private pairTerm = new Int32Array(1024);
  private pairTimes = new Int32Array(1024);
  private pairCount = 0;
  /** Per term, its spellings (unigrams) or spelling pairs (bigrams): built on the first `display` call. */
  private writtenAs: { start: Int32Array; index: Int32Array } | null = null;

  /** Per-paper counts by term id, reset after each paper through `touched`. */
  private paperCount = new Int32Array(1024);
  private touched = new Int32Array(1024);

  get size(): number {
    return this.unigramKeys.length;
  }

  key(id: number): string {
    return this.unigramKeys[id] ?? `${this.unigramKeys[this.first[id]]} ${this.unigramKeys[this.second[id]]}`;
  }

  isBigram(id: number): boolean {
    return this.first[id] >= 0;
  }

  /** The words of a term: itself, or a bigram's two unigram ids. */
  wordsOf(id: number): number[] {
    return this.first[id] < 0 ? [id] : [this.first[id], this.second[id]];
  }

  private newTerm(key: string | null, first: number, second: number): number {
    const id = this.unigramKeys.length;
    this.unigramKeys.push(key);
    this.first = grown(this.first, id + 1);
    this.second = grown(this.second, id + 1);
    this.weight = grown(this.weight, id + 1);
    this.paperCount = grown(this.paperCount, id + 1);
    this.first[id] = first;
    this.second[id] = second;
    return id;
  }

  private spelling(surface: string): number {
    let s = this.spellingIds.get(surface);
    if (s === undefined) {
      const key = termKey(surface);
      let id = this.unigramIds.get(key);
      if (id === undefined) {
        id = this.newTerm(key, -1, -1);
        this.unigramIds.set(key, id);
      }
      s = this.spellings.length;
      this.spellings.push(surface);
      this.spellingIds.set(surface, s);
      this.spellingTerm = grown(this.spellingTerm, s + 1);
      this.spellingTimes = grown(this.spellingTimes, s + 1);
      this.spellingUses = grown(this.spellingUses, s + 1);
      this.spellingTerm[s] = id;
      this.writtenAs = null;
    }
    return s;
  }

  private pair(a: number, b: number): number {
    let p = this.pairIds.get(a, b);
    if (p < 0) {
      const first = this.spellingTerm[a];
      const second = this.spellingTerm[b];
      let id = this.bigramIds.get(first, second);
      if (id < 0) {
        id = this.newTerm(null, first, second);
        this.bigramIds.set(first, second, id);
      }
      p = this.pairCount++;
      this.pairIds.set(a, b, p);
      this.pairFirst = grown(this.pairFirst, p + 1);
      this.pairSecond = grown(this.pairSecond, p + 1);
      this.pairTerm = grown(this.pairTerm, p + 1);
      this.pairTimes = grown(this.pairTimes, p + 1);
      [this.pairFirst[p], this.pairSecond[p], this.pairTerm[p]] = [a, b, id];
      this.writtenAs = null;
    }
    return p;
  }

  /** Reads one paper: its unigrams and bigrams (adjacent words of one phrase) with counts, added to the corpus. */
  read(title: string, abstract: string): PaperTerms {
    let touchedCount = 0;
    const count = (id: number, times: number) => {
      if (this.paperCount[id] === 0) {
        this.touched = grown(this.touched, touchedCount + 1);
        this.touched[touchedCount++] = id;
      }
      this.paperCount[id] += times;
    };
    const readText = (text: string, times: number) => {
      for (const phrase of phrases(text)) {
        let previous = -1;
        for (const surface of phrase) {
          const s = this.spelling(surface);
          this.spellingTimes[s] += times;
          this.spellingUses[s]++;
          count(this.spellingTerm[s], times);
          if (previous >= 0) {
            const p = this.pair(previous, s);
            this.pairTimes[p] += times;
            count(this.pairTerm[p], times);
          }
          previous = s;
        }
      }
    };
    readText(title, TITLE_WEIGHT);
    readText(abstract, 1);
    const terms: PaperTerms = { ids: this.touched.slice(0, touchedCount), counts: new Int32Array(touchedCount) };
    for (let i = 0; i < touchedCount; i++) {
      const id = terms.ids[i];
      const weight = termWeight(this.paperCount[id]);
      terms.counts[i] = this.paperCount[id];
      this.paperCount[id] = 0;
      this.weight[id] += weight;
      this.total += weight;
    }
    return terms;
  }

  /** Per term, its spellings (unigrams) or spelling pairs (bigrams), as offsets into one array (CSR). */
  private spellingsOf(id: number): Int32Array {
    if (!this.writtenAs) {
      const terms = this.size;
      const start = new Int32Array(terms + 1);
      for (let s = 0; s < this.spellings.length; s++) start[this.spellingTerm[s] + 1]++;
      for (let p = 0; p < this.pairCount; p++) start[this.pairTerm[p] + 1]++;
      for (let t = 0; t < terms; t++) start[t + 1] += start[t];
      const index = new Int32Array(start[terms]);
      const next = start.slice(0, terms);
      for (let s = 0; s < this.spellings.length; s++) index[next[this.spellingTerm[s]]++] = s;
      for (let p = 0; p < this.pairCount; p++) index[next[this.pairTerm[p]]++] = p;
      this.writtenAs = { start, index };
    }
    return this.writtenAs.index.subarray(this.writtenAs.start[id], this.writtenAs.start[id + 1]);
  }

  /**
   * The spelling most often written (title uses count twice): the folded key `representation` may mostly have
   * been written as a plural. Ties keep the folded key, then the alphabetically first: the same whatever order
   * papers came in.
   */
  display(id: number): string {
    const key = this.key(id);
    const bigram = this.isBigram(id);
    let best = key;
    let bestCount = -1;
    for (const index of this.spellingsOf(id)) {
      const text = bigram ? `${this.spellings[this.pairFirst[index]]} ${this.spellings[this.pairSecond[index]]}` : this.spellings[index];
      const count = bigram ? this.pairTimes[index] : this.spellingTimes[index];
      if (count > bestCount || (count === bestCount && best !== key && (text === key || text < best))) [best, bestCount] = [text, count];
    }
    return best;
  }

  /**
   * The unigram side, for the related-papers vectors: unigrams numbered densely in first-seen order (`index`:
   * term id → that number, -1 for bigrams), each with its key and its commonest spelling by plain uses (ties:
   * the shortest, then alphabetical).
   */
  unigrams(): { index: Int32Array; terms: string[]; display: string[] } {
    const index = new Int32Array(this.size).fill(-1);
    const terms: string[] = [];
    for (let id = 0; id < this.size; id++) {
      const key = this.unigramKeys[id];
      if (key === null) continue;
      index[id] = terms.length;
      terms.push(key);
    }
    const display = terms.slice();
    const best = new Int32Array(terms.length);
    this.spellings.forEach((word, s) => {
      const u = index[this.spellingTerm[s]];
      const uses = this.spellingUses[s];
      const current = display[u];
      if (uses > best[u] || (uses === best[u] && (word.length < current.length || (word.length === current.length && word < current)))) {
        display[u] = word;
        best[u] = uses;
      }
    });
    return { index, terms, display };
  }
}
