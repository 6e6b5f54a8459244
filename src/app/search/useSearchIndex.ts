import { useEffect, useState } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { buildSearchIndex, type SearchIndex } from '../../core/search';
import { useLabelsLoaded } from '../load/graphText';

/** The search index takes a moment on big graphs: build it once the map is on screen, not before. */
export function useSearchIndexAfterFirstPaint(graph: AtlasGraph): SearchIndex | null {
  const [index, setIndex] = useState<{ graph: AtlasGraph; index: SearchIndex } | null>(null);
  // Compact loads merge titles and names just after the first frame (load/graphText.ts): index them then.
  const labelsLoaded = useLabelsLoaded(graph);
  useEffect(() => {
    if (!labelsLoaded) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setIndex({ graph, index: buildSearchIndex(graph) }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [graph, labelsLoaded]);
  return index?.graph === graph ? index.index : null;
}
