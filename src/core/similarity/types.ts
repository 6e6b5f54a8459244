import type { LabelCorpus } from '../communities/labels';

export type { RelatedPaper } from '../graphFile/schema';

export interface RelatedOptions {
  /** Related papers kept per paper (default 8). */
  k?: number;
  /**
   * Terms used by more papers than this are left out of the vectors (default: 1% of the papers, between
   * 50 and 200; see `defaultMaxDocumentFrequency`). Exposed so tests can exercise the cap on a small corpus.
   */
  maxDocumentFrequency?: number;
  /** The corpus already read for labels (the pipeline passes it); read from the graph's papers when absent. */
  corpus?: LabelCorpus;
}

/** A paper's text as a sparse vector (unit length before pruning): term ids, heaviest first (ties by term), and weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}
