import type { AbstractGraph, Attributes } from 'graphology-types';
import { communityColor } from './colors';
import { communityFacts } from './facts';
import { termWeight, Vocabulary, type PaperTerms } from './vocabulary';
import { LabelCorpus } from './corpus';
import { sharedFloat64, sharedInt32 } from '../threads/sharedArrays';

export { LabelCorpus } from './corpus';
import type { Community, LabelOptions } from './types';

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

/**
 * Per-term scratch space reused across groups: dense arrays beat a Map per group by far at 100k papers.
 * Shared typed arrays: zeroed for free, and not counted by the collector (threads/sharedArrays.ts).
 */
class TermScratch {
  weight = sharedFloat64(0);
  papers = sharedInt32(0);
  touched = sharedInt32(0);
  fit(size: number): void {
    if (this.weight.length >= size) return;
    this.weight = sharedFloat64(size);
    this.papers = sharedInt32(size);
    this.touched = sharedInt32(size);
  }
}

/** `termWeight` of the counts a term mostly has in a paper, computed once instead of tens of millions of times. */
const SMALL_COUNT_WEIGHTS = Float64Array.from({ length: 64 }, (_v, count) => termWeight(count));
const weightOfCount = (count: number) => (count < 64 ? SMALL_COUNT_WEIGHTS[count] : termWeight(count));

interface Scored {
  id: number;
  score: number;
}

/** Terms a community's label may draw on before it must go deeper. */
const HEAD_TERMS = 256;

/**
 * `terms` in `order`, sorting only as far as they are read: the best HEAD_TERMS first (found by their scores
 * alone, natively), the rest only if the reader gets past them. A big community scores tens of thousands of
 * terms and its label reads a handful; sorting them all took seconds at 100k papers.
 */
function* bestFirst(terms: Scored[], order: (a: Scored, b: Scored) => number): Generator<Scored> {
  if (terms.length <= HEAD_TERMS) {
    yield* terms.sort(order);
    return;
  }
  const scores = Float64Array.from(terms, (t) => t.score).sort();
  const threshold = scores[scores.length - HEAD_TERMS];
  // Every term scoring at least the threshold: HEAD_TERMS or more (ties), each better than any term left out.
  const head = terms.filter((t) => t.score >= threshold).sort(order);
  yield* head;
  yield* terms.filter((t) => t.score < threshold).sort(order);
}

/**
 * Ranks a community's terms by how much more they weigh in it than in the whole corpus:
 * p_c · ln(p_c / p), the term's share of the community's KL divergence from the corpus (a class-based
 * TF-IDF: frequent-everywhere words score near 0, frequent-here-rare-elsewhere words win).
 * Returns ids best first; a word gives way to its phrase when the phrase carries most of it
 * (PHRASE_SHARE), and terms sharing a word with a better one are skipped (`mri` then `mri reconstruction`).
 */
function distinctiveTerms(vocabulary: Vocabulary, papers: PaperTerms[], wanted: number, scratch = new TermScratch()): number[] {
  scratch.fit(vocabulary.size);
  const { weight: weightHere, papers: termPapers, touched } = scratch;
  let touchedCount = 0;
  let total = 0;
  for (const paper of papers) {
    for (let i = 0; i < paper.ids.length; i++) {
      const id = paper.ids[i];
      if (termPapers[id] === 0) touched[touchedCount++] = id;
      const w = weightOfCount(paper.counts[i]);
      weightHere[id] += w;
      termPapers[id]++;
      total += w;
    }
  }
  // Score this group's terms straight from the scratch; the weights stay there until the label is chosen
  // (phrases are matched by them), then the scratch is reset for the next group.
  // In a community of several papers, a term only one of them uses describes that paper, not the community.
  const minPapers = papers.length >= 3 ? 2 : 1;
  const scored: Scored[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const id = touched[i];
    const count = termPapers[id];
    termPapers[id] = 0;
    if (count < minPapers) continue;
    const here = weightHere[id] / total;
    const everywhere = vocabulary.weight[id] / vocabulary.total;
    const score = here * Math.log(here / everywhere);
    if (score > 0) scored.push({ id, score });
  }
  const chosen = chooseTerms(vocabulary, scored, weightHere, wanted);
  for (let i = 0; i < touchedCount; i++) weightHere[touched[i]] = 0;
  return chosen;
}

/** The best `wanted` of the scored terms, a word given way to its phrase (see distinctiveTerms); `weight` by term id. */
function chooseTerms(vocabulary: Vocabulary, scored: Scored[], weight: Float64Array, wanted: number): number[] {
  const byScore = (a: Scored, b: Scored) => b.score - a.score || (vocabulary.key(a.id) < vocabulary.key(b.id) ? -1 : 1);
  const phrasesOf = new Map<number, Scored[]>(); // word id → distinctive phrases using it (sorted when first asked)
  for (const term of scored) {
    if (vocabulary.first[term.id] < 0) continue;
    for (const word of vocabulary.wordsOf(term.id)) (phrasesOf.get(word) ?? phrasesOf.set(word, []).get(word)!).push(term);
  }
  const sortedPhrases = new Set<number>();
  const phrasesUsing = (word: number) => {
    const phrases = phrasesOf.get(word);
    if (phrases && !sortedPhrases.has(word)) {
      phrases.sort(byScore);
      sortedPhrases.add(word);
    }
    return phrases;
  };
  const chosen: number[] = [];
  const usedWords = new Set<number>();
  for (const { id } of bestFirst(scored, byScore)) {
    const phrase = vocabulary.first[id] >= 0 ? undefined : phrasesUsing(id)?.find((p) => weight[p.id] >= PHRASE_SHARE * weight[id])?.id;
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
    // Tried in order, built as tried: members' names (a pass over their edges) only when every term option clashes.
    function* options(): Generator<string[]> {
      yield head;
      if (text.length > wanted) {
        if (wanted < MAX_TERMS) yield text.slice(0, MAX_TERMS);
        for (const spare of text.slice(Math.max(wanted, MAX_TERMS))) yield [...head.slice(0, MAX_TERMS - 1), spare];
      }
      if (text.length) for (const name of group.names(SPARE_TERMS)) yield [...head.slice(0, MAX_TERMS - 1), name];
    }
    let terms = head;
    for (const option of options()) {
      if (used.has(option.join(SEPARATOR))) continue;
      terms = option;
      break;
    }
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
