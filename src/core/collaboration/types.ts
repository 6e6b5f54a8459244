import type { LabelCorpus } from '../communities/labels';

export type { Collaboration } from '../graphFile/schema';

export interface CollaborationOptions {
  /** Seeds Louvain and the layout: same seed, same bytes. */
  seed?: number;
  /** ForceAtlas2 iterations for the co-authorship layout; by default the layout picks one for its size. */
  layoutIterations?: number;
  onProgress?: (done: number, total: number) => void;
  /** The papers' label terms, if already read (the labels phase reads the same corpus). */
  corpus?: LabelCorpus;
}
