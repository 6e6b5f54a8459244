/**
 * Related papers with their scoring on a second thread (Node only): `startRelatedPapers` prepares the typed
 * inputs and starts the scoring in a worker; the build goes on with other phases on the main thread, and
 * `finish()` waits for the scores (see src/core/threads) and writes them with their reasons: the same bytes
 * as `relatedPapers`.
 */
import { runHere, startModuleInThread } from '../threads';
import type { AtlasGraph } from '../graphFile';
import type { RelatedOptions } from './types';
import { prepareRelated, writeRelated } from './index';
import { scoreRelated, type ScoreInput, type ScoreOutput } from './score';

/** Below this many papers the scoring takes less than starting a thread (tens of milliseconds). */
export const THREAD_FROM_PAPERS = 5_000;

export interface PendingRelated {
  /** Waits for the scores and writes `related` on every paper node. */
  finish(): void;
}

export function startRelatedPapers(graph: AtlasGraph, options: RelatedOptions & { thread?: boolean } = {}): PendingRelated {
  const prepared = prepareRelated(graph, options);
  const inThread = options.thread ?? prepared.input.n >= THREAD_FROM_PAPERS;
  const scores = inThread ? startModuleInThread<ScoreInput, ScoreOutput>(new URL('./score.ts', import.meta.url), 'scoreRelated', prepared.input) : runHere(scoreRelated, prepared.input);
  return { finish: () => writeRelated(graph, prepared, scores.result()) };
}
