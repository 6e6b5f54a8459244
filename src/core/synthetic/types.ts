import type { ParsedInput } from '../ingest/types';

export interface SyntheticOptions {
  /** Number of papers (all distinct: no two share a title and date). */
  papers: number;
  seed?: number;
  /** Topical communities; default grows with the square root of the corpus (≈ 1.5·√papers, at least 4). */
  topics?: number;
  /** Words per abstract, drawn uniformly from this range (0,0: empty abstracts, to save memory at 1M papers). */
  abstractWords?: [number, number];
  /** Mean number of in-corpus references per paper (power-law, preferential: old popular papers get cited). */
  meanReferences?: number;
  /** Share of a paper's author slots and abstract words drawn from another topic: the ties between communities. */
  crossTopic?: number;
}

export interface SyntheticCorpus {
  input: ParsedInput;
  /** The planted topic of each paper, parallel to `input.papers`: the ground truth communities should recover. */
  topicOf: Int32Array;
  topicCount: number;
}
