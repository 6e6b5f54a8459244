import { useEffect, useLayoutEffect, useRef } from 'react';
import type { AtlasSigma } from './useSigma';
import type { ColorMode, GraphStyle, StyleChange } from './graphStyle';

/** What the map should show besides the graph itself. */
export interface HighlightState {
  hidden: ReadonlySet<string>;
  selected: string | null;
  /** Nodes of the highlighted topic, or null. */
  group: ReadonlySet<string> | null;
  colorMode: ColorMode;
}

/**
 * Controller: keeps sigma's picture in step with the filters (hidden nodes), the selection, the
 * highlighted topic, the colour mode and the hovered node. Hover never goes through React state: the event handler updates the style
 * and repaints only the items whose look changed, without re-indexing.
 *
 * The style is updated in layout effects, which run before `useSigma` creates the renderer and before
 * `useDrawnGraph` switches to another graph: the first frame of either already shows the filters, the
 * selection and the highlighted community (no second, redundant frame).
 */
export function useGraphHighlight(sigma: AtlasSigma | null, style: GraphStyle, { hidden, selected, group, colorMode }: HighlightState): void {
  const hovered = useRef<string | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    if (!sigma) return;
    const sync = () => repaintStyle(sigma, style, style.setFocus(hovered.current ?? selectedRef.current, selectedRef.current));
    const onEnter = ({ node }: { node: string }) => {
      hovered.current = node;
      sigma.getContainer().style.cursor = 'pointer';
      sync();
    };
    // Going straight from one node to the next, sigma emits leave then enter: repaint after
    // both (a microtask), so only the two neighbourhoods change instead of everything twice.
    const onLeave = () => {
      hovered.current = null;
      sigma.getContainer().style.cursor = '';
      queueMicrotask(sync);
    };
    // sigma 3.0.3 forgets the hovered node when the pointer leaves the canvas without first
    // leaving the node: its hover box would stay drawn. Forget it here.
    const onLeaveStage = () => {
      (sigma as unknown as { hoveredNode: string | null }).hoveredNode = null;
    };
    sigma.on('enterNode', onEnter);
    sigma.on('leaveNode', onLeave);
    sigma.on('leaveStage', onLeaveStage);
    return () => {
      sigma.off('enterNode', onEnter);
      sigma.off('leaveNode', onLeave);
      sigma.off('leaveStage', onLeaveStage);
    };
  }, [sigma, style]);

  useLayoutEffect(() => {
    const change = style.setFocus(hovered.current ?? selected, selected);
    if (sigma) repaintStyle(sigma, style, change);
  }, [sigma, style, selected]);

  useLayoutEffect(() => {
    const change = style.setGroup(group);
    if (sigma) repaintStyle(sigma, style, change);
  }, [sigma, style, group]);

  useLayoutEffect(() => {
    const change = style.setColorMode(colorMode);
    if (sigma) repaintStyle(sigma, style, change);
  }, [sigma, style, colorMode]);

  useLayoutEffect(() => {
    // Hidden nodes change the label grid and picking: a full refresh (no layout is re-run).
    if (style.setHidden(hidden) && sigma && sigma.getGraph() === style.graph) sigma.refresh();
  }, [sigma, style, hidden]);
}

function repaintStyle(sigma: AtlasSigma, style: GraphStyle, change: StyleChange): void {
  // A style whose graph is not drawn yet is drawn whole when it is (useDrawnGraph runs after this).
  if (change === false || sigma.getGraph() !== style.graph) return;
  sigma.refresh({ partialGraph: change ?? style.everything, skipIndexation: true });
}
