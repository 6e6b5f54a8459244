import { useMemo } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { coauthorNetwork } from '../../core/style/coauthorNetwork';
import { yearColoring, type YearColoring } from '../../core/style/yearColors';
import type { Network } from '../../core/urlState';
import { createGraphStyle, type GraphStyle } from '../graph/graphStyle';
import { useLabelsLoaded } from '../load/graphText';

/** What the dataset yields on demand, each computed at most once per loaded graph. */
interface Derived {
  coauthor(): AtlasGraph;
  years(): YearColoring;
}

function lazily<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

/**
 * The drawn graph and its style, derived one way: dataset → network (the knowledge graph itself,
 * or its co-authorship projection, built the first time it is shown) → style (reducers) → sigma.
 */
export function useMapView(graph: AtlasGraph, network: Network): { drawn: AtlasGraph; style: GraphStyle; years: () => YearColoring } {
  // The projection copies author names: on compact loads, derive it again once they have arrived (load/graphText.ts).
  const labelsLoaded = useLabelsLoaded(graph);
  const derived = useMemo<Derived>(() => ({ coauthor: lazily(() => coauthorNetwork(graph)), years: lazily(() => yearColoring(graph)) }), [graph, labelsLoaded]);
  const drawn = network === 'coauthor' ? derived.coauthor() : graph;
  const style = useMemo(
    () => createGraphStyle(drawn, { coauthorNetwork: drawn !== graph, yearColors: () => derived.years().colors }),
    [drawn, graph, derived],
  );
  return { drawn, style, years: derived.years };
}
