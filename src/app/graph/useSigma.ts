import { useEffect, useState, type RefObject } from 'react';
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

export type SigmaState = { sigma: AtlasSigma | null; error: string | null };

/**
 * Creates the one Sigma instance for a graph in `containerRef` and kills it on cleanup
 * (StrictMode creates, kills and re-creates it; each instance holds three WebGL contexts).
 */
export function useSigma(graph: AtlasGraph, style: GraphStyle, containerRef: RefObject<HTMLDivElement | null>): SigmaState {
  const [state, setState] = useState<SigmaState>({ sigma: null, error: null });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let sigma: AtlasSigma;
    try {
      sigma = new Sigma(graph, container, { ...SETTINGS, nodeReducer: style.nodeReducer, edgeReducer: style.edgeReducer });
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
  }, [graph, style, containerRef]);

  return state;
}
