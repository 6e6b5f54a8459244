/**
 * The corpus vocabulary: every title and abstract read once into unigram and bigram ids with counts, shared by
 * community labels, co-author group labels and the related-papers vectors (one tokenisation for all three).
 * At 100k papers there are millions of bigrams: per-term data is in typed arrays (no object per term), bigram
 * lookups in a pair hash table, and papers' term lists in arenas. The typed arrays are shared ones
 * (threads/sharedArrays.ts), which V8 does not count as external memory (plain ones allocated by the hundred
 * megabytes made it run full collections of the whole graph's heap), and the query side is handed over in them
 * as they are (`data`, `fromData`): the build reads on a worker thread.
 */
import { int32Arena } from './arena';
import { sharedFloat64, sharedInt32 } from '../threads/sharedArrays';
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

/** `array`, or a shared copy with room for `size` (doubling). */
function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const length = Math.max(size, array.length * 2);
  const next = (array instanceof Float64Array ? sharedFloat64(length) : sharedInt32(length)) as T;
  next.set(array);
  return next;
}

/**
 * A vocabulary once every paper is read: what its queries use, without the lookup tables that reading needs,
 * in typed arrays, so it crosses to another thread fast (the build reads the corpus on a worker thread;
 * deserialising the plain arrays of 2M terms took over a second).
 */
export interface VocabularyData {
  /** The unigrams' keys, in id order (a term is a unigram when its `first` is -1). */
  unigramKeys: string[];
  first: Int32Array;
  second: Int32Array;
  weight: Float64Array;
  total: number;
  times: Int32Array;
  spellings: string[];
  spellingTerm: Int32Array;
  spellingTimes: Int32Array;
  spellingUses: Int32Array;
  spellingIsKey: Int32Array;
  variantFirst: Int32Array;
  variantSecond: Int32Array;
  variantTerm: Int32Array;
  variantTimes: Int32Array;
}

export class Vocabulary {
  /** Set on a vocabulary rebuilt from `VocabularyData`: it answers queries but reads no more papers. */
  private readOnly = false;
  /** Folded key → unigram id. */
  private readonly unigramIds = new Map<string, number>();
  /** (first, second) unigram ids → bigram id. */
  private readonly bigramIds = new PairTable();
  /** Folded key of each unigram; null for a bigram, whose key is built from its words only when asked (`key`). */
  private readonly unigramKeys: (string | null)[] = [];
  /**
   * A bigram's two unigram ids (-1 for unigrams): phrases are matched to words by id, not by splitting strings.
   * Per-term arrays have room for more terms than `size` while reading.
   */
  first = sharedInt32(1024);
  second = sharedInt32(1024);
  /** Corpus-wide weight of each term (sum of `termWeight` over papers), and of all terms together. */
  weight = sharedFloat64(1024);
  total = 0;
  /** Uses of each term, title uses counted TITLE_WEIGHT times: how often it is written, in any spelling. */
  private times = sharedInt32(1024);

  /** Surface word (lowercased, as written) → spelling index; per spelling its unigram, uses, and whether it is the key. */
  private readonly spellingIds = new Map<string, number>();
  private readonly spellings: string[] = [];
  private spellingTerm = sharedInt32(1024);
  private spellingTimes = sharedInt32(1024);
  private spellingUses = sharedInt32(1024);
  private spellingIsKey = sharedInt32(1024);
  /** Two adjacent spellings, not both keys → variant index; per variant its bigram and uses (how a bigram is written). */
  private readonly variantIds = new PairTable();
  private variantCount = 0;
  private variantFirst = sharedInt32(1024);
  private variantSecond = sharedInt32(1024);
  private variantTerm = sharedInt32(1024);
  private variantTimes = sharedInt32(1024);
  /** Per term, its spellings that differ from its key (unigrams: spelling indices; bigrams: variant indices), CSR. */
  private writtenAs: { start: Int32Array; index: Int32Array } | null = null;

  /** Per-paper counts by term id, reset after each paper through `touched`; the papers' lists, carved from an arena. */
  private paperCount = sharedInt32(1024);
  private touched = new Int32Array(1024);
  private readonly arena = int32Arena();

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
    if (id === this.first.length) {
      [this.first, this.second, this.times, this.paperCount] = [this.first, this.second, this.times, this.paperCount].map((array) => grown(array, id + 1));
      this.weight = grown(this.weight, id + 1);
    }
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
      if (s === this.spellingTerm.length) {
        this.spellingTerm = grown(this.spellingTerm, s + 1);
        this.spellingTimes = grown(this.spellingTimes, s + 1);
        this.spellingUses = grown(this.spellingUses, s + 1);
        this.spellingIsKey = grown(this.spellingIsKey, s + 1);
      }
      this.spellingTerm[s] = id;
      this.spellingIsKey[s] = surface === key ? 1 : 0;
      this.writtenAs = null;
    }
    return s;
  }

  private bigram(first: number, second: number): number {
    let id = this.bigramIds.get(first, second);
    if (id < 0) {
      id = this.newTerm(null, first, second);
      this.bigramIds.set(first, second, id);
    }
    return id;
  }

  /** Counts a bigram written with spellings `a b` that are not both its words' keys (`masked images`). */
  private variant(a: number, b: number, id: number, times: number): void {
    let v = this.variantIds.get(a, b);
    if (v < 0) {
      v = this.variantCount++;
      this.variantIds.set(a, b, v);
      if (v === this.variantTerm.length) {
        [this.variantFirst, this.variantSecond, this.variantTerm, this.variantTimes] = [this.variantFirst, this.variantSecond, this.variantTerm, this.variantTimes].map((array) => grown(array, v + 1));
      }
      this.variantFirst[v] = a;
      this.variantSecond[v] = b;
      this.variantTerm[v] = id;
      this.writtenAs = null;
    }
    this.variantTimes[v] += times;
  }

  /** The query side (see VocabularyData), in shared arrays (a thread hands them over without a copy); the vocabulary should read no more papers after. */
  data(): VocabularyData {
    const [terms, spellings, variants] = [this.size, this.spellings.length, this.variantCount];
    return {
      unigramKeys: this.unigramKeys.filter((key) => key !== null), first: this.first.subarray(0, terms), second: this.second.subarray(0, terms),
      weight: this.weight.subarray(0, terms), total: this.total, times: this.times.subarray(0, terms),
      spellings: this.spellings, spellingTerm: this.spellingTerm.subarray(0, spellings), spellingTimes: this.spellingTimes.subarray(0, spellings),
      spellingUses: this.spellingUses.subarray(0, spellings), spellingIsKey: this.spellingIsKey.subarray(0, spellings),
      variantFirst: this.variantFirst.subarray(0, variants), variantSecond: this.variantSecond.subarray(0, variants),
      variantTerm: this.variantTerm.subarray(0, variants), variantTimes: this.variantTimes.subarray(0, variants),
    };
  }

  /** A vocabulary that answers every query as the one `data` came from did (on its typed arrays); `read` throws. */
  static fromData(data: VocabularyData): Vocabulary {
    const vocabulary = new Vocabulary();
    const { unigramKeys: keys, ...columns } = data;
    const unigramKeys = new Array<string | null>(data.first.length).fill(null);
    for (let id = 0, unigram = 0; id < data.first.length; id++) if (data.first[id] < 0) unigramKeys[id] = keys[unigram++];
    Object.assign(vocabulary, { unigramKeys, variantCount: data.variantTerm.length, ...columns });
    vocabulary.readOnly = true;
    return vocabulary;
  }

  /** Reads one paper: its unigrams and bigrams (adjacent words of one phrase) with counts, added to the corpus. */
  read(title: string, abstract: string): PaperTerms {
    if (this.readOnly) throw new Error('this vocabulary was read elsewhere (Vocabulary.fromData): it reads no more papers');
    let touchedCount = 0;
    const count = (id: number, times: number) => {
      this.times[id] += times;
      if (this.paperCount[id] === 0) {
        if (touchedCount === this.touched.length) this.touched = grown(this.touched, touchedCount + 1);
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
          const id = this.spellingTerm[s];
          count(id, times);
          if (previous >= 0) {
            const pair = this.bigram(this.spellingTerm[previous], id);
            count(pair, times);
            if (!this.spellingIsKey[previous] || !this.spellingIsKey[s]) this.variant(previous, s, pair, times);
          }
          previous = s;
        }
      }
    };
    readText(title, TITLE_WEIGHT);
    readText(abstract, 1);
    const terms: PaperTerms = { ids: this.arena.take(touchedCount), counts: this.arena.take(touchedCount) };
    for (let i = 0; i < touchedCount; i++) {
      const id = this.touched[i];
      const weight = termWeight(this.paperCount[id]);
      terms.ids[i] = id;
      terms.counts[i] = this.paperCount[id];
      this.paperCount[id] = 0;
      this.weight[id] += weight;
      this.total += weight;
    }
    return terms;
  }

  /** A term's spellings that differ from its key: spelling indices of a unigram, variant indices of a bigram. */
  private variantsOf(id: number): Int32Array {
    if (!this.writtenAs) {
      const terms = this.size;
      const start = new Int32Array(terms + 1);
      for (let s = 0; s < this.spellings.length; s++) if (!this.spellingIsKey[s]) start[this.spellingTerm[s] + 1]++;
      for (let v = 0; v < this.variantCount; v++) start[this.variantTerm[v] + 1]++;
      for (let t = 0; t < terms; t++) start[t + 1] += start[t];
      const index = new Int32Array(start[terms]);
      const next = start.slice(0, terms);
      for (let s = 0; s < this.spellings.length; s++) if (!this.spellingIsKey[s]) index[next[this.spellingTerm[s]]++] = s;
      for (let v = 0; v < this.variantCount; v++) index[next[this.variantTerm[v]]++] = v;
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
    const variants = this.variantsOf(id);
    const text = (i: number) => (bigram ? `${this.spellings[this.variantFirst[i]]} ${this.spellings[this.variantSecond[i]]}` : this.spellings[i]);
    const uses = (i: number) => (bigram ? this.variantTimes[i] : this.spellingTimes[i]);
    let best = key;
    let bestCount = this.times[id];
    for (const i of variants) bestCount -= uses(i);
    for (const i of variants) {
      const count = uses(i);
      if (count > bestCount || (count === bestCount && best !== key && text(i) < best)) [best, bestCount] = [text(i), count];
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
