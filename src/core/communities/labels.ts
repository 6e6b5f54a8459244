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

class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  /** Corpus-wide weight of each term, and of all terms together. */
  readonly weight: number[] = [];
  total = 0;
  /** Raw occurrences per term, and per term the spellings that differ from its folded key, with their counts. */
  readonly occurrences: number[] = [];
  readonly variants = new Map<number, Map<string, number>>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.weight.push(0);
      this.occurrences.push(0);
    }
    return id;
  }

  /** The spelling most often seen: the folded key `representation` may mostly have been written as a plural. */
  display(id: number): string {
    const variants = this.variants.get(id);
    if (!variants) return this.keys[id];
    let best = this.keys[id];
    let bestCount = this.occurrences[id];
    for (const count of variants.values()) bestCount -= count;
    // Ties keep the folded key, then the alphabetically first variant: the same whatever order papers came in.
    for (const [variant, count] of variants) {
      if (count > bestCount || (count === bestCount && best !== this.keys[id] && variant < best)) [best, bestCount] = [variant, count];
    }
    return best;
  }
}

/** Counts a paper's unigrams and bigrams (adjacent words of one phrase) into the vocabulary. */
function readPaper(vocabulary: Vocabulary, title: string, abstract: string): PaperTerms {
  const counts = new Map<number, number>();
  const add = (surface: string, key: string, times: number) => {
    const id = vocabulary.id(key);
    counts.set(id, (counts.get(id) ?? 0) + times);
    vocabulary.occurrences[id] += times;
    if (surface !== key) {
      const variants = vocabulary.variants.get(id) ?? vocabulary.variants.set(id, new Map()).get(id)!;
      variants.set(surface, (variants.get(surface) ?? 0) + times);
    }
  };
  const addText = (text: string, times: number) => {
    for (const phrase of phrases(text)) {
      const keys = phrase.map(termKey);
      for (let i = 0; i < phrase.length; i++) {
        add(phrase[i], keys[i], times);
        if (i > 0) add(`${phrase[i - 1]} ${phrase[i]}`, `${keys[i - 1]} ${keys[i]}`, times);
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
function distinctiveTerms(vocabulary: Vocabulary, papers: PaperTerms[], wanted: number): number[] {
  const weight = new Map<number, number>();
  const paperCount = new Map<number, number>();
  let total = 0;
  for (const paper of papers) {
    for (let i = 0; i < paper.ids.length; i++) {
      const id = paper.ids[i];
      weight.set(id, (weight.get(id) ?? 0) + paper.weights[i]);
      paperCount.set(id, (paperCount.get(id) ?? 0) + 1);
      total += paper.weights[i];
    }
  }
  // In a community of several papers, a term only one of them uses describes that paper, not the community.
  const minPapers = papers.length >= 3 ? 2 : 1;
  const scored: { id: number; score: number }[] = [];
  for (const [id, w] of weight) {
    if (paperCount.get(id)! < minPapers) continue;
    const here = w / total;
    const everywhere = vocabulary.weight[id] / vocabulary.total;
    const score = here * Math.log(here / everywhere);
    if (score > 0) scored.push({ id, score });
  }
  scored.sort((a, b) => b.score - a.score || (vocabulary.keys[a.id] < vocabulary.keys[b.id] ? -1 : 1));

  const phrasesOf = new Map<string, number[]>(); // word → distinctive phrases using it, best first
  for (const { id } of scored) {
    const words = vocabulary.keys[id].split(' ');
    if (words.length > 1) for (const word of words) (phrasesOf.get(word) ?? phrasesOf.set(word, []).get(word)!).push(id);
  }
  const chosen: number[] = [];
  const usedWords = new Set<string>();
  for (const { id } of scored) {
    const key = vocabulary.keys[id];
    const phrase = key.includes(' ') ? undefined : phrasesOf.get(key)?.find((p) => weight.get(p)! >= PHRASE_SHARE * weight.get(id)!);
    const pick = phrase ?? id;
    const words = vocabulary.keys[pick].split(' ');
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
  return groups.map((group) => {
    const ids = distinctiveTerms(vocabulary, group.papers.map((p) => corpus.termsOf(p)), Math.max(wanted, MAX_TERMS) + SPARE_TERMS);
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
