import { useCallback, useEffect, useState } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { topicMembers } from '../../core/topics';
import { fitToNodes, motionDuration } from '../graph/camera';
import { wholeGraphOf } from '../graph/partialDrawing';
import type { AtlasSigma } from '../graph/useSigma';

/** The map's level of detail: communities as nodes, or every node. */
export type MapLevel = 'overview' | 'graph';

/** Zoomed in this far (camera ratio) on the overview, the map shows every node of that place instead. */
export const ZOOM_IN_RATIO = 0.2;

interface MapLevelOptions {
  /** Whether this dataset has an overview to show (big graphs, or `?overview=1`). */
  available: boolean;
  /** Whether the full graph is built: before, only the overview can be drawn. */
  complete: boolean;
  selected: string | null;
  sigma: AtlasSigma | null;
  /** The knowledge graph, drawn at the `graph` level. */
  graph: AtlasGraph;
  /** A community was opened: highlight it (the topic highlight fades the others and skips their edges). */
  onOpen(id: number): void;
  /** Back to the overview: clear what only the full graph shows (selection, highlighted community). */
  onBack(): void;
}

export interface MapLevelControl {
  level: MapLevel;
  /** Something was asked of the full graph before it was built; it opens when the graph is. */
  waiting: boolean;
  openCommunity(id: number): void;
  showAll(): void;
  backToOverview(): void;
}

/**
 * Controller of the level of detail. The overview comes first; a click on a community opens the full graph
 * fitted to it (the others faded), zooming in past ZOOM_IN_RATIO opens it where the camera is, and a
 * selection (search, link, panel) always shows the full graph. `backToOverview` returns.
 */
export function useMapLevel({ available, complete, selected, sigma, graph, onOpen, onBack }: MapLevelOptions): MapLevelControl {
  const [chosen, setChosen] = useState<MapLevel>('overview');
  // What was asked before the graph was built: a community id, or 'all'.
  const [pending, setPending] = useState<number | 'all' | null>(null);
  const [fitTo, setFitTo] = useState<number | null>(null);
  const level: MapLevel = !available || (complete && (selected !== null || chosen === 'graph')) ? 'graph' : 'overview';

  // A selection is shown in the full graph, and the map stays there once it is cleared.
  useEffect(() => {
    if (selected !== null) setChosen('graph');
  }, [selected]);

  const open = useCallback(
    (what: number | 'all') => {
      if (!complete) return setPending(what);
      setPending(null);
      setChosen('graph');
      if (what !== 'all') {
        onOpen(what);
        setFitTo(what);
      }
    },
    [complete, onOpen],
  );
  useEffect(() => {
    if (complete && pending !== null) open(pending);
  }, [complete, pending, open]);

  // Frame the opened community once sigma draws the graph, whole or in part (GraphView's layout effects ran before this).
  useEffect(() => {
    if (!sigma || fitTo === null || level !== 'graph' || wholeGraphOf(sigma.getGraph()) !== graph) return;
    fitToNodes(sigma, topicMembers(graph, fitTo));
    setFitTo(null);
  }, [sigma, fitTo, level, graph]);

  // Zooming far into the overview shows the full graph at that place (same camera frame, see useSigma).
  useEffect(() => {
    if (!sigma || level !== 'overview' || !complete) return;
    const camera = sigma.getCamera();
    // Only where a zoom comes to rest: animations (a reset back from the full graph) pass through small ratios.
    const onUpdated = () => {
      if (!camera.isAnimated() && camera.ratio < ZOOM_IN_RATIO) open('all');
    };
    camera.on('updated', onUpdated);
    return () => void camera.off('updated', onUpdated);
  }, [sigma, level, complete, open]);

  const backToOverview = useCallback(() => {
    setPending(null);
    setChosen('overview');
    onBack();
    void sigma?.getCamera().animatedReset({ duration: motionDuration(400) });
  }, [sigma, onBack]);

  return {
    level,
    waiting: pending !== null,
    openCommunity: useCallback((id: number) => open(id), [open]),
    showAll: useCallback(() => open('all'), [open]),
    backToOverview,
  };
}
