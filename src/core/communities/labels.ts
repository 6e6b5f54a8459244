import type { AbstractGraph, Attributes } from 'graphology-types';
import { communityColor } from './colors';
import { communityFacts } from './facts';
import { phrases, termKey } from './terms';
import type { Community, LabelOptions } from './types';

/** Titles state a paper's topic more densely than abstracts, so their words count twice. */
const TITLE_WEIGHT = 2;
export const SEPARATOR = ' · ';
/** A label has this many terms, and up to MAX_TERMS when a shorter one would clash with another's. */
export const DEFAULT_TERMS = 3;
export const MAX_TERMS = 4;
/** Candidate terms kept per community beyond `terms`, to make a label distinct when two would clash. */
const SPARE_TERMS = 3;
/**
 * A word is shown as the two-word phrase it is part of (`masked` as `masked image`) when the phrase
 * carries at least this share of the word's weight in the community: the phrase then says what the
 * word is about, and it is what the papers mostly write.
 */
export const PHRASE_SHARE = 0.5;

/** The terms of one paper with their weight: 1 + ln(count), so a word said ten times is not ten topics. */
interface PaperTerms {
  ids: Int32Array;
  weights: Float64Array;
}

/** Unigram ids stay below this, so a bigram's two ids pack into one exact number (2^22 · 2^22 < 2^53). */
const MAX_UNIGRAMS = 2 ** 22;

class Vocabulary {
  readonly ids = new Map<string, number>();
  /** Bigram → id by its two unigram ids packed in one number: no string is built for a bigram already seen. */
  private readonly bigramIds = new Map<number, number>();
  /** Surface word → [unigram id, folded key], so each distinct spelling is folded once. */
  private readonly words = new Map<string, [number, string]>();
  /** Folded key of each unigram; null for a bigram, whose key is built from its words only when asked (`key`). */
  private readonly unigramKeys: (string | null)[] = [];
  /** A bigram's two unigram ids (-1 for unigrams): phrases are matched to words by id, not by splitting strings. */
  readonly first: number[] = [];
  readonly second: number[] = [];
  /** Corpus-wide weight of each term, and of all terms together. */
  readonly weight: number[] = [];
  total = 0;
  /** Raw occurrences per term, and per term the spellings that differ from its folded key, with their counts. */
  readonly occurrences: number[] = [];
  readonly variants = new Map<number, Map<string, number>>();

  get size(): number {
    return this.unigramKeys.length;
  }

  key(id: number): string {
    return this.unigramKeys[id] ?? `${this.unigramKeys[this.first[id]]} ${this.unigramKeys[this.second[id]]}`;
  }

  /** The words of a term: itself, or a bigram's two unigram ids. */
  wordsOf(id: number): number[] {
    return this.first[id] < 0 ? [id] : [this.first[id], this.second[id]];
  }

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.newTerm(key, -1, -1);
      this.ids.set(key, id);
    }
    return id;
  }

  /** A surface word's unigram id and folded key. */
  word(surface: string): [number, string] {
    let entry = this.words.get(surface);
    if (!entry) {
      const key = termKey(surface);
      entry = [this.id(key), key];
      if (entry[0] >= MAX_UNIGRAMS) throw new Error(`vocabulary too large: over ${MAX_UNIGRAMS} distinct words`);
      this.words.set(surface, entry);
    }
    return entry;
  }

  bigram(first: number, second: number): number {
    const packed = first * MAX_UNIGRAMS + second;
    let id = this.bigramIds.get(packed);
    if (id === undefined) {
      id = this.newTerm(null, first, second);
      this.bigramIds.set(packed, id);
    }
    return id;
  }

  private newTerm(key: string | null, first: number, second: number): number {
    const id = this.unigramKeys.length;
    this.unigramKeys.push(key);
    this.first.push(first);
    this.second.push(second);
    this.weight.push(0);
    this.occurrences.push(0);
    return id;
  }

  /** The spelling most often seen: the folded key `representation` may mostly have been written as a plural. */
  display(id: number): string {
    const variants = this.variants.get(id);
    const key = this.key(id);
    if (!variants) return key;
    let best = key;
    let bestCount = this.occurrences[id];
    for (const count of variants.values()) bestCount -= count;
    // Ties keep the folded key, then the alphabetically first variant: the same whatever order papers came in.
    for (const [variant, count] of variants) {
      if (count > bestCount || (count === bestCount && best !== key && variant < best)) [best, bestCount] = [variant, count];
    }
    return best;
  }
}

/** Counts a paper's unigrams and bigrams (adjacent words of one phrase) into the vocabulary. */
function readPaper(vocabulary: Vocabulary, title: string, abstract: string): PaperTerms {
  const counts = new Map<number, number>();
  const add = (id: number, times: number, surface: () => string | null) => {
    counts.set(id, (counts.get(id) ?? 0) + times);
    vocabulary.occurrences[id] += times;
    const spelled = surface();
    if (spelled !== null) {
      const variants = vocabulary.variants.get(id) ?? vocabulary.variants.set(id, new Map()).get(id)!;
      variants.set(spelled, (variants.get(spelled) ?? 0) + times);
    }
  };
  const addText = (text: string, times: number) => {
    for (const phrase of phrases(text)) {
      let previous: [number, string] | null = null;
      for (let i = 0; i < phrase.length; i++) {
        const word = vocabulary.word(phrase[i]);
        const [id, key] = word;
        add(id, times, () => (phrase[i] !== key ? phrase[i] : null));
        if (previous) {
          const [prevId, prevKey] = previous;
          // The bigram's spelling is only built when it differs from its folded key.
          add(vocabulary.bigram(prevId, id), times, () => (phrase[i - 1] !== prevKey || phrase[i] !== key ? `${phrase[i - 1]} ${phrase[i]}` : null));
        }
        previous = word;
      }
    }
  };
  addText(title, TITLE_WEIGHT);
  addText(abstract, 1);
  // Typed arrays: 100k papers hold tens of millions of (term, weight) pairs until every community is named.
  const terms: PaperTerms = { ids: new Int32Array(counts.size), weights: new Float64Array(counts.size) };
  let i = 0;
  for (const [id, count] of counts) {
    const weight = 1 + Math.log(count);
    terms.ids[i] = id;
    terms.weights[i++] = weight;
    vocabulary.weight[id] += weight;
    vocabulary.total += weight;
  }
  return terms;
}

/**
 * Ranks a community's terms by how much more they weigh in it than in the whole corpus:
 * p_c · ln(p_c / p), the term's share of the community's KL divergence from the corpus (a class-based
 * TF-IDF: frequent-everywhere words score near 0, frequent-here-rare-elsewhere words win).
 * Returns ids best first; a word gives way to its phrase when the phrase carries most of it
 * (PHRASE_SHARE), and terms sharing a word with a better one are skipped (`mri` then `mri reconstruction`).
 */
/** Per-term scratch space reused across groups: dense arrays beat a Map per group by far at 100k papers. */
class TermScratch {
  weight = new Float64Array(0);
  papers = new Int32Array(0);
  touched = new Int32Array(0);
  fit(size: number): void {
    if (this.weight.length >= size) return;
    this.weight = new Float64Array(size);
    this.papers = new Int32Array(size);
    this.touched = new Int32Array(size);
  }
}

function distinctiveTerms(vocabulary: Vocabulary, papers: PaperTerms[], wanted: number, scratch = new TermScratch()): number[] {
  scratch.fit(vocabulary.size);
  const { weight: termWeight, papers: termPapers, touched } = scratch;
  let touchedCount = 0;
  let total = 0;
  for (const paper of papers) {
    for (let i = 0; i < paper.ids.length; i++) {
      const id = paper.ids[i];
      if (termPapers[id] === 0) touched[touchedCount++] = id;
      termWeight[id] += paper.weights[i];
      termPapers[id]++;
      total += paper.weights[i];
    }
  }
  // Score this group's terms straight from the scratch, resetting it for the next group; only the terms that
  // score keep their weight (phrases are matched among them).
  // In a community of several papers, a term only one of them uses describes that paper, not the community.
  const minPapers = papers.length >= 3 ? 2 : 1;
  const weight = new Map<number, number>();
  const scored: { id: number; score: number }[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const id = touched[i];
    const w = termWeight[id];
    const count = termPapers[id];
    termWeight[id] = 0;
    termPapers[id] = 0;
    if (count < minPapers) continue;
    const here = w / total;
    const everywhere = vocabulary.weight[id] / vocabulary.total;
    const score = here * Math.log(here / everywhere);
    if (score > 0) {
      scored.push({ id, score });
      weight.set(id, w);
    }
  }
  scored.sort((a, b) => b.score - a.score || (vocabulary.key(a.id) < vocabulary.key(b.id) ? -1 : 1));

  const phrasesOf = new Map<number, number[]>(); // word id → distinctive phrases using it, best first
  for (const { id } of scored) {
    if (vocabulary.first[id] < 0) continue;
    for (const word of vocabulary.wordsOf(id)) (phrasesOf.get(word) ?? phrasesOf.set(word, []).get(word)!).push(id);
  }
  const chosen: number[] = [];
  const usedWords = new Set<number>();
  for (const { id } of scored) {
    const phrase = vocabulary.first[id] >= 0 ? undefined : phrasesOf.get(id)?.find((p) => weight.get(p)! >= PHRASE_SHARE * weight.get(id)!);
    const pick = phrase ?? id;
    const words = vocabulary.wordsOf(pick);
    if (words.some((word) => usedWords.has(word))) continue;
    chosen.push(pick);
    for (const word of words) usedWords.add(word);
    if (chosen.length === wanted) break;
  }
  return chosen;
}

/** What to call a node in a label: a category by its code (`cs.LG`), anything else by its name. */
export function memberName(key: string, attributes: Attributes): string {
  if (attributes.kind === 'category' && attributes.code) return attributes.code;
  return attributes.name || attributes.title || key;
}

/** Members by weighted degree, most connected first (ties: smallest key), for labelling by names. */
function mostConnected(graph: AbstractGraph, members: string[], wanted: number): string[] {
  const strength = (node: string) => graph.reduceEdges(node, (sum, _edge, attributes) => sum + (attributes.weight ?? 1), 0);
  return members
    .map((node) => ({ node, strength: strength(node) }))
    .sort((a, b) => b.strength - a.strength || (a.node < b.node ? -1 : 1))
    .slice(0, wanted)
    .map(({ node }) => memberName(node, graph.getNodeAttributes(node)));
}

/** Every paper's label terms, read once: the corpus communities are contrasted with. */
export class LabelCorpus {
  readonly vocabulary = new Vocabulary();
  private readonly papers = new Map<string, PaperTerms>();

  constructor(graph: AbstractGraph) {
    graph.forEachNode((key, attributes) => {
      if (attributes.kind === 'paper') this.papers.set(key, readPaper(this.vocabulary, attributes.title ?? '', attributes.abstract ?? ''));
    });
  }

  termsOf(paper: string): PaperTerms {
    const terms = this.papers.get(paper);
    if (!terms) throw new Error(`${paper} is not a paper of the corpus`);
    return terms;
  }
}

/** A group to name: its papers (node keys), and its members' names for when its papers say nothing. */
export interface LabelGroup {
  papers: string[];
  names: (wanted: number) => string[];
}

export interface GroupLabel {
  label: string;
  terms: string[];
}

/**
 * Names groups of papers by their most distinctive terms against the whole corpus: DEFAULT_TERMS of them,
 * MAX_TERMS or a spare term, then a member's name when labels would clash, and a `(n)` suffix as the last
 * resort (two groups with the very same papers). A group without usable text is named by two members.
 */
export function nameGroups(corpus: LabelCorpus, groups: LabelGroup[], options: LabelOptions = {}): GroupLabel[] {
  const { terms: wanted = DEFAULT_TERMS } = options;
  const { vocabulary } = corpus;
  const used = new Set<string>();
  const scratch = new TermScratch();
  return groups.map((group) => {
    const ids = distinctiveTerms(vocabulary, group.papers.map((p) => corpus.termsOf(p)), Math.max(wanted, MAX_TERMS) + SPARE_TERMS, scratch);
    const text = ids.map((id) => vocabulary.display(id));
    const head = text.length ? text.slice(0, wanted) : group.names(2);
    const options: string[][] = [head];
    if (text.length > wanted) {
      if (wanted < MAX_TERMS) options.push(text.slice(0, MAX_TERMS));
      for (const spare of text.slice(Math.max(wanted, MAX_TERMS))) options.push([...head.slice(0, MAX_TERMS - 1), spare]);
    }
    if (text.length) for (const name of group.names(SPARE_TERMS)) options.push([...head.slice(0, MAX_TERMS - 1), name]);
    const terms = options.find((o) => !used.has(o.join(SEPARATOR))) ?? head;
    let label = terms.join(SEPARATOR);
    for (let n = 2; used.has(label); n++) label = `${terms.join(SEPARATOR)} (${n})`;
    used.add(label);
    return { label, terms };
  });
}

/**
 * Names every community (as set by `detectCommunities`) by the most distinctive terms of its papers'
 * titles and abstracts (see `nameGroups`); a community without papers by its most connected members.
 * Adds each community's facts (papers, top authors, subjects, years) and colour. Pass `corpus` to reuse
 * one already read from this graph's papers (the collaboration network labels by the same corpus).
 */
export function labelCommunities(graph: AbstractGraph, options: LabelOptions & { corpus?: LabelCorpus } = {}): Community[] {
  const members: string[][] = [];
  const papers: string[][] = [];
  graph.forEachNode((node, attributes) => {
    const id = attributes.community;
    if (!Number.isInteger(id) || id < 0) throw new Error(`node ${node} has no community: run detectCommunities first`);
    (members[id] ??= []).push(node);
    papers[id] ??= [];
    if (attributes.kind === 'paper') papers[id].push(node);
  });
  for (let id = 0; id < members.length; id++) if (!members[id]) throw new Error(`community ids must be 0..k-1: ${id} has no node`);

  const corpus = options.corpus ?? new LabelCorpus(graph);
  const labels = nameGroups(corpus, members.map((nodes, id) => ({ papers: papers[id], names: (n) => mostConnected(graph, nodes, n) })), options);
  const facts = communityFacts(graph, members.length);
  return labels.map(({ label, terms }, id) => ({ id, label, size: members[id].length, color: communityColor(id), terms, ...facts[id] }));
}
