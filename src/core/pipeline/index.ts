/**
 * The build phases in order: parsed inputs → graph → communities → labels → collaboration network (authors
 * only: own communities and layout) → layout → related papers (their reasons name the community) → style.
 * Work that needs only part of what comes before runs on the machine's second core, on worker threads
 * (src/core/threads), started as soon as its input is known and finished where its output is needed: the corpus
 * (titles and abstracts tokenised, with the related-papers vectors) from the merged papers on, the collaboration
 * network's communities and layout from the graph on, the layout's refining iterations from the communities on,
 * related-paper scores from the corpus on. Nothing computed meanwhile on this thread is read by them. Related papers are written last: their millions of small objects (100k papers ×
 * 8 entries with reasons) would otherwise be marked by every full collection of the phases in between.
 * Each phase is timed; one started early and finished later counts both parts, with onPhaseStart for each.
 */
import type { ParsedInput } from '../ingest/types';
import type { AtlasGraph } from '../graphFile';
import { buildGraph } from '../graph';
import { applyCommunityStyle, applySizes, detectCommunities, labelCommunities } from '../communities';
import { LabelCorpus } from '../communities/labels';
import { startCorpus } from '../communities/corpusThread';
import type { CorpusData } from '../communities/corpus';
import type { Pending } from '../threads';
import type { MergedPaper } from '../graph/mergePapers';
import { startLayout } from '../layout/thread';
import { startRelatedPapers } from '../similarity/thread';
import { defaultMaxDocumentFrequency } from '../similarity';
import { startCollaboration } from '../collaboration/thread';

export const PHASES = ['graph', 'communities', 'labels', 'collaboration', 'layout', 'related', 'style'] as const;
export type Phase = (typeof PHASES)[number];

export interface PipelineOptions {
  /** Seeds Louvain and the layout's start positions: same seed, same bytes. */
  seed?: number;
  /** ForceAtlas2 iterations; by default the layout picks a number suited to the graph's size. */
  layoutIterations?: number;
  onPhaseStart?: (phase: Phase) => void;
  onProgress?: (phase: Phase, done: number, total: number) => void;
}

export interface PipelineResult {
  graph: AtlasGraph;
  /** Milliseconds spent in each phase. */
  timings: Record<Phase, number>;
}

export const DEFAULT_SEED = 42;

export function runPipeline(inputs: ParsedInput[], options: PipelineOptions = {}): PipelineResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const timings = {} as Record<Phase, number>;
  const timed = <T>(phase: Phase, step: () => T): T => {
    options.onPhaseStart?.(phase);
    const start = performance.now();
    const result = step();
    timings[phase] = (timings[phase] ?? 0) + performance.now() - start;
    return result;
  };

  // The corpus needs only the papers' texts: it is read on the second thread while the graph is built, with
  // the related-papers vectors (weighed from it alone).
  let corpusRead: Pending<CorpusData> | undefined;
  const onMerged = (papers: MergedPaper[]) => {
    const texts = { titles: papers.map((p) => p.record.title), abstracts: papers.map((p) => p.record.abstract) };
    corpusRead = startCorpus({ ...texts, maxDocumentFrequency: defaultMaxDocumentFrequency(papers.length) });
  };
  const graph = timed('graph', () => buildGraph(inputs, { onMerged }));
  // The co-authorship network needs only the co-author edges: placed on the second thread from here on.
  const collaboration = timed('collaboration', () =>
    startCollaboration(graph, {
      seed,
      layoutIterations: options.layoutIterations,
      onProgress: (done, total) => options.onProgress?.('collaboration', done, total),
    }),
  );
  const { modularity } = timed('communities', () => detectCommunities(graph, { seed }));
  const layout = timed('layout', () =>
    startLayout(graph, { seed, iterations: options.layoutIterations, onProgress: (done, total) => options.onProgress?.('layout', done, total) }),
  );
  // Read once, used thrice: topic clusters and co-author communities are named by the same papers' terms, and
  // related papers are scored on them: on the second thread as soon as the corpus is here.
  const corpus = timed('labels', () => new LabelCorpus(graph, corpusRead?.result()));
  const related = timed('related', () => startRelatedPapers(graph, { corpus }));
  const communities = timed('labels', () => labelCommunities(graph, { corpus }));
  graph.mergeAttributes({ modularity, communities });
  timed('collaboration', () => collaboration.finish({ corpus }));
  timed('layout', () => layout.finish());
  timed('related', () => related.finish());
  timed('style', () => {
    applySizes(graph);
    applyCommunityStyle(graph, communities);
  });
  return { graph, timings };
}
