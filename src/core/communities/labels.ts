import type { AbstractGraph, Attributes } from 'graphology-types';
import { communityColor } from './colors';
import { communityFacts } from './facts';
import { phrases, termKey } from './terms';
import type { Community, LabelOptions } from './types';

/** Titles state a paper's topic more densely than abstracts, so their words count twice. */
const TITLE_WEIGHT = 2;
const SEPARATOR = ' · ';
/** Candidate terms kept per community beyond `terms`, to make a label distinct when two would clash. */
const SPARE_TERMS = 3;

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
  /** Raw occurrences per term, and per spelling that differs from its folded key (`representations`). */
  readonly occurrences: number[] = [];
  readonly spellings = new Map<string, number>();

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

  /** The spelling most often seen: the folded key `representation` may have been written as a plural. */
  display(id: number): string {
    const key = this.keys[id];
    const variants = key
      .split(' ')
      .reduce<string[]>((acc, word) => acc.flatMap((head) => spellingsOf(word).map((s) => (head ? `${head} ${s}` : s))), [''])
      .filter((variant) => variant !== key);
    let best = key;
    let bestCount = this.occurrences[id] - variants.reduce((sum, v) => sum + (this.spellings.get(v) ?? 0), 0);
    for (const variant of variants) {
      const count = this.spellings.get(variant) ?? 0;
      if (count > bestCount) [best, bestCount] = [variant, count];
    }
    return best;
  }
}

/** The spellings that `termKey` folds onto a key. */
function spellingsOf(key: string): string[] {
  return key.endsWith('y') ? [key, `${key}s`, `${key.slice(0, -1)}ies`] : [key, `${key}s`];
}

/** Counts a paper's unigrams and bigrams (adjacent words of one phrase) into the vocabulary. */
function readPaper(vocabulary: Vocabulary, title: string, abstract: string): PaperTerms {
  const counts = new Map<number, number>();
  const add = (surface: string, key: string, times: number) => {
    const id = vocabulary.id(key);
    counts.set(id, (counts.get(id) ?? 0) + times);
    vocabulary.occurrences[id] += times;
    if (surface !== key) vocabulary.spellings.set(surface, (vocabulary.spellings.get(surface) ?? 0) + times);
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
 * p_c · ln(p_c / p), the term's share of the community's KL divergence from the corpus.
 * Frequent-everywhere words score near 0; frequent-here-rare-elsewhere words win.
 * Returns keys best first, skipping terms that share a word with a better one (`mri` then `mri reconstruction`).
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

  const chosen: number[] = [];
  const usedWords = new Set<string>();
  for (const { id } of scored) {
    const words = vocabulary.keys[id].split(' ');
    if (words.some((word) => usedWords.has(word))) continue;
    chosen.push(id);
    for (const word of words) usedWords.add(word);
    if (chosen.length === wanted) break;
  }
  return chosen;
}

/** What to call a node in a label: a category by its code (`cs.LG`), anything else by its name. */
function memberName(key: string, attributes: Attributes): string {
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

/**
 * Names every community (as set by `detectCommunities`) by the most distinctive terms of its papers'
 * titles and abstracts against the whole corpus (class-based, TF-IDF-like: each community's term
 * weights are contrasted with the corpus', see `distinctiveTerms`). A community without papers
 * (or without usable text) is named by its most connected members. Labels are distinct: a clash is
 * resolved with more terms, then member names.
 */
export function labelCommunities(graph: AbstractGraph, options: LabelOptions = {}): Community[] {
  const { terms = 3 } = options;
  const members: string[][] = [];
  const papers: PaperTerms[][] = [];
  const vocabulary = new Vocabulary();

  graph.forEachNode((node, attributes) => {
    const id = attributes.community;
    if (!Number.isInteger(id) || id < 0) throw new Error(`node ${node} has no community: run detectCommunities first`);
    (members[id] ??= []).push(node);
    papers[id] ??= [];
    if (attributes.kind === 'paper') papers[id].push(readPaper(vocabulary, attributes.title ?? '', attributes.abstract ?? ''));
  });

  const used = new Set<string>();
  const communities: Community[] = [];
  const facts = communityFacts(graph, members.length);
  for (let id = 0; id < members.length; id++) {
    if (!members[id]) throw new Error(`community ids must be 0..k-1: ${id} has no node`);
    const textTerms = distinctiveTerms(vocabulary, papers[id], terms + SPARE_TERMS).map((t) => vocabulary.display(t));
    // Member names are only worked out when needed: most communities are named by their text alone.
    const names = () => mostConnected(graph, members[id], terms + SPARE_TERMS);
    const base = textTerms.length ? textTerms : names();
    const first = textTerms.length ? terms : 2;
    let label = base.slice(0, first).join(SEPARATOR);
    for (let n = first + 1; used.has(label) && n <= base.length; n++) label = base.slice(0, n).join(SEPARATOR);
    if (used.has(label) && textTerms.length) {
      const extra = names();
      for (let n = 1; used.has(label) && n <= extra.length; n++) label = [...base.slice(0, terms), ...extra.slice(0, n)].join(SEPARATOR);
    }
    // Last resort for look-alike communities (e.g. two lone authors with the same name).
    for (let n = 2; used.has(label); n++) label = `${base.slice(0, first).join(SEPARATOR)} (${n})`;
    used.add(label);
    communities.push({ id, label, size: members[id].length, color: communityColor(id), terms: label.split(SEPARATOR), ...facts[id] });
  }
  return communities;
}
