export type { Community } from '../graphFile/schema';

export interface DetectOptions {
  /** Seeds Louvain's node visiting order; same seed + same graph → same communities. */
  seed?: number;
  /** Modularity resolution: above 1 gives more, smaller communities. */
  resolution?: number;
}

export interface DetectResult {
  modularity: number;
  count: number;
}

export interface LabelOptions {
  /** How many terms make a label (3 by default; up to 4 when labels would clash). */
  terms?: number;
}
