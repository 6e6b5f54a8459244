import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { AtlasGraph, EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/graphFile';
import { NODE_PROGRAMS } from './programs';
import { LABEL_FONT, drawAtlasHover, drawAtlasLabel } from './labels';
import type { GraphStyle } from './graphStyle';

export type AtlasSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Static renderer settings; everything that changes at run time goes through reducers. */
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
  // A few legible labels per screen region instead of a blanket of text: one label per
  // 110px cell, only for nodes drawn at least 7px wide, denser as one zooms in.
  labelDensity: 0.35,
  labelGridCellSize: 110,
  labelRenderedSizeThreshold: 7,
  zIndex: true,
  minCameraRatio: 0.03,
  maxCameraRatio: 4,
  stagePadding: 40,
  hideEdgesOnMove: false,
};

/** Edges past which they are hidden while the camera moves. */
const HIDE_EDGES_ON_MOVE_ABOVE = 50_000;

export type SigmaState = { sigma: AtlasSigma | null; error: string | null };

/**
 * Creates the one Sigma instance for a dataset in `containerRef` and kills it on cleanup
 * (StrictMode creates, kills and re-creates it; each instance holds three WebGL contexts).
 * Switching between the knowledge graph and the co-authorship network keeps that instance and
 * swaps its graph and reducers (`style` draws `style.graph`): no new WebGL contexts per switch.
 */
export function useSigma(dataset: AtlasGraph, style: GraphStyle, containerRef: RefObject<HTMLDivElement | null>): SigmaState {
  const [state, setState] = useState<SigmaState>({ sigma: null, error: null });
  // Sigma calls these stable reducers; they draw with whichever style is current.
  const styleRef = useRef(style);
  styleRef.current = style;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let sigma: AtlasSigma;
    try {
      sigma = new Sigma(styleRef.current.graph, container, {
        ...SETTINGS,
        // Big graphs pan and zoom fluidly only without their edges while moving (issue 7).
        hideEdgesOnMove: styleRef.current.graph.size > HIDE_EDGES_ON_MOVE_ABOVE,
        nodeReducer: (node, data) => styleRef.current.nodeReducer(node, data),
        edgeReducer: (edge, data) => styleRef.current.edgeReducer(edge, data),
      });
      // Sigma draws in its constructor: this is the first frame (read by the view benchmark).
      performance.mark('atlas:first-render');
    } catch (err) {
      // Without WebGL sigma fails while creating its contexts; leave no half-built canvases.
      container.replaceChildren();
      setState({ sigma: null, error: (err as Error).message });
      return;
    }
    setState({ sigma, error: null });
    return () => {
      sigma.kill();
      setState({ sigma: null, error: null });
    };
  }, [dataset, containerRef]);

  // Runs before the highlight controller's layout effects, so they repaint the graph now drawn.
  const { sigma } = state;
  useLayoutEffect(() => {
    if (!sigma || sigma.getGraph() === style.graph) return;
    // The other view's camera means nothing here: start from the whole new graph.
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    sigma.setGraph(style.graph);
  }, [sigma, style]);

  return state;
}
