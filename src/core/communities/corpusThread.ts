/**
 * The corpus read on a second thread (Node only), for the build: `startCorpus` hands the papers' texts to a
 * worker as soon as the papers are merged, and the graph is built meanwhile; `new LabelCorpus(graph,
 * pending.result())` then costs a lookup table, not the tokenising. Same texts in the same order, same corpus.
 */
import { runHere, startModuleInThread, type Pending } from '../threads';
import { readCorpus, type CorpusData, type PaperTexts } from './corpus';

/** Below this many papers reading takes less than starting a worker that loads the tokeniser (about half a second). */
export const THREAD_FROM_PAPERS = 5_000;

export function startCorpus(texts: PaperTexts & { maxDocumentFrequency?: number }, options: { thread?: boolean } = {}): Pending<CorpusData> {
  const inThread = options.thread ?? texts.titles.length >= THREAD_FROM_PAPERS;
  return inThread ? startModuleInThread(new URL('./corpus.ts', import.meta.url), 'readCorpus', texts) : runHere(readCorpus, texts);
}
