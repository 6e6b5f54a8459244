/**
 * The build phases in order: parsed inputs → graph → related papers → communities → labels → layout → style.
 * Each phase is a separate step so a slow one (layout, at scale) can be swapped or skipped, and each is timed.
 */
import type { ParsedInput } from '../ingest/types';
import type { AtlasGraph } from '../graphFile';
import { buildGraph } from '../graph';
import { applyCommunityStyle, applySizes, detectCommunities, labelCommunities } from '../communities';
import { layoutGraph } from '../layout';
import { relatedPapers } from '../similarity';

export const PHASES = ['graph', 'related', 'communities', 'labels', 'layout', 'style'] as const;
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
    timings[phase] = performance.now() - start;
    return result;
  };

  const graph = timed('graph', () => buildGraph(inputs));
  timed('related', () => relatedPapers(graph));
  const { modularity } = timed('communities', () => detectCommunities(graph, { seed }));
  const communities = timed('labels', () => labelCommunities(graph));
  graph.mergeAttributes({ modularity, communities });
  timed('layout', () =>
    layoutGraph(graph, { seed, iterations: options.layoutIterations, onProgress: (done, total) => options.onProgress?.('layout', done, total) }),
  );
  timed('style', () => {
    applySizes(graph);
    applyCommunityStyle(graph, communities);
  });
  return { graph, timings };
}
