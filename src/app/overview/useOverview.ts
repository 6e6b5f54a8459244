import { useMemo } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import type { Visibility } from '../../core/filters';
import type { Overview } from '../../core/overview';
import type { Network } from '../../core/urlState';
import type { ColorMode, GraphStyle } from '../graph/graphStyle';
import type { HighlightState } from '../graph/useGraphHighlight';
import type { AtlasSigma, Frame } from '../graph/useSigma';
import { createOverviewStyle, hiddenCommunities } from './overviewStyle';
import { useMapLevel, type MapLevelControl } from './useMapLevel';

interface OverviewOptions {
  overview: Overview | null;
  network: Network;
  complete: boolean;
  selected: string | null;
  sigma: AtlasSigma | null;
  graph: AtlasGraph;
  visibility: Visibility;
  colorMode: ColorMode;
  onOpen(id: number): void;
  onBack(): void;
}

export interface OverviewMap extends MapLevelControl {
  /** The knowledge graph has an overview (a big graph, or `?overview=1`). */
  available: boolean;
  /** What to draw while `level` is 'overview'. */
  style: GraphStyle | null;
  highlight: HighlightState;
  /** The frame the overview and the knowledge graph share (one camera for both), or null. */
  frame: Frame;
}

/** The overview's part of the map: its level of detail, its style, and the filters as it shows them. */
export function useOverview({ overview, network, colorMode, visibility, ...level }: OverviewOptions): OverviewMap {
  const available = overview !== null && network === 'knowledge';
  const control = useMapLevel({ available, ...level });
  const style = useMemo(() => overview && createOverviewStyle(overview), [overview]);
  // A community stays on the overview while the filters leave it a visible node.
  const hidden = useMemo(() => (overview ? hiddenCommunities(overview, visibility) : new Set<string>()), [overview, visibility]);
  const highlight = useMemo(() => ({ hidden, selected: null, group: null, colorMode }), [hidden, colorMode]);
  return { ...control, available, style, highlight, frame: available ? overview.bbox : null };
}
