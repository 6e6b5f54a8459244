import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/graphFile';
import { NODE_PROGRAMS } from './programs';
import { LABEL_FONT, drawAtlasHover, drawAtlasLabel } from './labels';
import type { DrawSettings, GraphStyle } from './graphStyle';
import { signalMapDrawn } from './mapDrawn';

export type AtlasSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The coordinate frame a drawn graph is fitted into; null: its own extent. */
export type Frame = { x: [number, number]; y: [number, number] } | null;

/** Static renderer settings; what depends on the drawn graph comes from `style.settings`, the rest through reducers. */
const SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
  nodeProgramClasses: NODE_PROGRAMS,
  defaultNodeType: 'circle',
  defaultEdgeColor: '#d3d7de',
  defaultDrawNodeLabel: drawAtlasLabel,
  defaultDrawNodeHover: drawAtlasHover,
  labelFont: LABEL_FONT,
  labelSize: 13,
  labelWeight: '500',
  labelColor: { color: '#1f2328' },
  zIndex: true,
  minCameraRatio: 0.03,
  maxCameraRatio: 4,
  stagePadding: 40,
};

export type SigmaState = { sigma: AtlasSigma | null; error: string | null };

/** The style whose graph each sigma draws: its reducers must never see another graph's nodes and edges. */
const drawnStyles = new WeakMap<AtlasSigma, { style: GraphStyle }>();

/**
 * Creates the one Sigma instance of the map in `containerRef` and kills it on unmount (StrictMode creates,
 * kills and re-creates it; each instance holds three WebGL contexts). Whatever is drawn later — the overview,
 * the knowledge graph, the co-authorship network — swaps that instance's graph, settings and reducers
 * (`style` draws `style.graph`): no new WebGL contexts per switch. Graphs drawn in the same `frame` (the
 * overview and the knowledge graph) keep the camera across a switch, so a zoomed-in place stays in place.
 */
export function useSigma(style: GraphStyle, frame: Frame, containerRef: RefObject<HTMLDivElement | null>): SigmaState {
  const [state, setState] = useState<SigmaState>({ sigma: null, error: null });
  const styleRef = useRef(style);
  styleRef.current = style;
  const frameRef = useRef(frame);
  frameRef.current = frame;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let sigma: AtlasSigma;
    // Sigma calls these stable reducers; they draw with the style of the graph drawn (see useDrawnGraph).
    const drawn = { style: styleRef.current };
    try {
      sigma = new Sigma(drawn.style.graph, container, {
        ...SETTINGS,
        ...drawn.style.settings,
        nodeReducer: (node, data) => drawn.style.nodeReducer(node, data),
        edgeReducer: (edge, data) => drawn.style.edgeReducer(edge, data),
      });
      drawnStyles.set(sigma, drawn);
      if (frameRef.current) {
        // Same task as the constructor's frame: the browser only ever shows this one.
        sigma.setCustomBBox(frameRef.current);
        sigma.refresh();
      }
      // This is the first frame (read by the view benchmark).
      performance.mark('atlas:first-render');
      signalMapDrawn();
    } catch (err) {
      // Without WebGL sigma fails while creating its contexts; leave no half-built canvases.
      container.replaceChildren();
      signalMapDrawn();
      setState({ sigma: null, error: (err as Error).message });
      return;
    }
    setState({ sigma, error: null });
    return () => {
      sigma.kill();
      setState({ sigma: null, error: null });
    };
  }, [containerRef]);

  return state;
}

/**
 * Controller: makes sigma draw `style.graph`. Call it after the highlight controller (useGraphHighlight): its
 * layout effects then bring the new style up to date first, and the switch draws the graph once, as it should
 * look — at 100k papers every extra full repaint is seconds of work.
 */
export function useDrawnGraph(sigma: AtlasSigma | null, style: GraphStyle, frame: Frame): void {
  const drawnFrame = useRef(frame);
  useLayoutEffect(() => {
    if (!sigma || sigma.getGraph() === style.graph) return;
    // Another coordinate frame means the old camera means nothing here: start from the whole new graph.
    if (!frame || frame !== drawnFrame.current) sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    drawnFrame.current = frame;
    sigma.setCustomBBox(frame);
    // Each settings change re-indexes the graph drawn at that moment (with its own style): make it while
    // the smaller one is drawn.
    const growing = style.graph.order > sigma.getGraph().order;
    if (growing) applySettings(sigma, style.settings);
    drawnStyles.get(sigma)!.style = style;
    sigma.setGraph(style.graph);
    if (!growing) applySettings(sigma, style.settings);
  }, [sigma, style, frame]);
}

function applySettings(sigma: AtlasSigma, settings: DrawSettings): void {
  const current = sigma.getSettings();
  if ((Object.keys(settings) as (keyof DrawSettings)[]).some((key) => current[key] !== settings[key])) sigma.setSettings(settings);
}
