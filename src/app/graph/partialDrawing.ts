/**
 * A big graph's highlighted group (a community opened from the overview, a topic) drawn with its neighbourhood
 * only: the group's nodes, their neighbours and every edge that touches the group. sigma's work grows with every
 * item it holds, hidden or not — the full graph at 100k papers is ~1M edges, 10+ s in software WebGL — while the
 * group view shows only the group's own edges anyway (everything else faded): here about a tenth of the items.
 * The whole graph is drawn again when the group is cleared, or when the selection leaves the group.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { groupNeighbourhood } from '../../core/overview';
import { fitToNodes } from './camera';
import { createGraphStyle, type GraphStyle } from './graphStyle';
import type { AtlasSigma, Frame } from './useSigma';

/** The graph each partial drawing was cut from. */
const cutFrom = new WeakMap<AtlasGraph, AtlasGraph>();

/** The whole graph behind what sigma draws (itself when it is drawn whole). */
export const wholeGraphOf = (drawn: AtlasGraph): AtlasGraph => cutFrom.get(drawn) ?? drawn;

/** `groupNeighbourhood` (src/core/overview), remembering which graph it was cut from. */
function cutNeighbourhood(graph: AtlasGraph, group: ReadonlySet<string>): AtlasGraph {
  const part = groupNeighbourhood(graph, group);
  cutFrom.set(part, graph);
  return part;
}

/**
 * The style to draw: `style` itself, or — on a graph drawn in the overview's frame (a big graph), with a group
 * highlighted and nothing selected outside it — the same look over the group's neighbourhood. While the whole
 * graph is drawn it stays drawn for a group too: repainting it costs less than drawing it again later.
 */
export function usePartialStyle(style: GraphStyle, group: ReadonlySet<string> | null, selected: string | null, frame: Frame): GraphStyle {
  const lastDrawn = useRef<GraphStyle | null>(null);
  const wanted = frame !== null && group !== null && !style.options.overview && !style.options.coauthorNetwork && lastDrawn.current !== style && (selected === null || group.has(selected));
  const part = useMemo(() => (wanted ? createGraphStyle(cutNeighbourhood(style.graph, group!), style.options) : null), [wanted, style, group]);
  const drawn = part ?? style;
  lastDrawn.current = drawn;
  return drawn;
}

/**
 * Frames a group drawn in part right after another one was: whoever chose it (the topics panel) framed its
 * members while they were not drawn yet, which moves nothing. The first part after the overview or the whole
 * graph was framed by whoever opened it.
 */
export function useFrameNextPart(sigma: AtlasSigma | null, drawn: GraphStyle, group: ReadonlySet<string> | null): void {
  const lastPart = useRef<GraphStyle | null>(null);
  useEffect(() => {
    if (!sigma) return;
    const isPart = cutFrom.has(drawn.graph);
    if (isPart && lastPart.current && lastPart.current !== drawn && group) fitToNodes(sigma, group);
    lastPart.current = isPart ? drawn : null;
  }, [sigma, drawn, group]);
}
