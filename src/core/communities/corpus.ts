/**
 * The corpus every label and related-paper score is read from: each paper's title and abstract tokenised once
 * (`Vocabulary`). At 100k papers reading it takes seconds and needs nothing but the texts, so the build reads it
 * on a worker thread while the graph is built (`startCorpus`, corpusThread.ts): `readCorpus` is that thread's
 * kernel, and its output — the vocabulary's query side and every paper's terms in three flat arrays — is what
 * `LabelCorpus` is made of, on whichever thread it was read.
 */
import type { AbstractGraph } from 'graphology-types';
import { Vocabulary, type PaperTerms, type VocabularyData } from './vocabulary';
import { flatPaperVectors, type FlatVectors } from '../similarity/vectors';
import { sharedInt32 } from '../threads/sharedArrays';

/** Papers' texts in graph order (the order their nodes were added): the i-th title goes with the i-th abstract. */
export interface PaperTexts {
  titles: string[];
  abstracts: string[];
}

export interface CorpusData {
  vocabulary: VocabularyData;
  /** Paper i's terms are ids[start[i]..start[i+1]) with their counts (see PaperTerms). */
  start: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  /** Every paper's related-papers vector (src/core/similarity/vectors.ts), when asked for with `maxDocumentFrequency`. */
  vectors?: FlatVectors;
}

/**
 * Reads every paper, in order; with `maxDocumentFrequency`, also weighs the related-papers vectors, which
 * need nothing but the corpus. A thread kernel (src/core/threads): plain data in, plain data and typed arrays out.
 */
export function readCorpus(texts: PaperTexts & { maxDocumentFrequency?: number }): CorpusData {
  const vocabulary = new Vocabulary();
  const papers = texts.titles.map((title, i) => vocabulary.read(title, texts.abstracts[i]));
  const vectors = texts.maxDocumentFrequency === undefined ? undefined : flatPaperVectors(vocabulary, papers, texts.maxDocumentFrequency);
  const start = sharedInt32(papers.length + 1);
  papers.forEach((terms, i) => (start[i + 1] = start[i] + terms.ids.length));
  const ids = sharedInt32(start[papers.length]);
  const counts = sharedInt32(start[papers.length]);
  papers.forEach((terms, i) => {
    ids.set(terms.ids, start[i]);
    counts.set(terms.counts, start[i]);
  });
  return { vocabulary: vocabulary.data(), start, ids, counts, vectors };
}

/** The graph's papers' texts, in node order: what `readCorpus` reads. */
export function paperTexts(graph: AbstractGraph): PaperTexts {
  const texts: PaperTexts = { titles: [], abstracts: [] };
  graph.forEachNode((_key, attributes) => {
    if (attributes.kind !== 'paper') return;
    texts.titles.push(attributes.title ?? '');
    texts.abstracts.push(attributes.abstract ?? '');
  });
  return texts;
}

/** Every paper's label terms, read once: the corpus communities are contrasted with. */
export class LabelCorpus {
  readonly vocabulary: Vocabulary;
  private readonly position = new Map<string, number>();
  private readonly read: CorpusData;

  /** Reads the graph's papers, or takes `read`: `readCorpus` of the same papers' texts (`paperTexts`), read elsewhere. */
  constructor(graph: AbstractGraph, read?: CorpusData) {
    graph.forEachNode((key, attributes) => {
      if (attributes.kind === 'paper') this.position.set(key, this.position.size);
    });
    this.read = read ?? readCorpus(paperTexts(graph));
    if (this.read.start.length !== this.position.size + 1) {
      throw new Error(`the corpus was read from ${this.read.start.length - 1} papers, but the graph has ${this.position.size}`);
    }
    this.vocabulary = Vocabulary.fromData(this.read.vocabulary);
  }

  /**
   * The related-papers vectors of `papers` (see flatPaperVectors): weighed when the corpus was read if that
   * was asked for with the same cap and these are the corpus's papers in its order, else now.
   */
  relatedVectors(papers: string[], maxDocumentFrequency: number): FlatVectors {
    const { vectors } = this.read;
    const same = vectors?.maxDocumentFrequency === maxDocumentFrequency && papers.length === this.position.size && papers.every((paper, i) => this.position.get(paper) === i);
    return same ? vectors! : flatPaperVectors(this.vocabulary, papers.map((paper) => this.termsOf(paper)), maxDocumentFrequency);
  }

  termsOf(paper: string): PaperTerms {
    const i = this.position.get(paper);
    if (i === undefined) throw new Error(`${paper} is not a paper of the corpus`);
    const { start, ids, counts } = this.read;
    return { ids: ids.subarray(start[i], start[i + 1]), counts: counts.subarray(start[i], start[i + 1]) };
  }
}
