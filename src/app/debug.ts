/**
 * `window.__atlas`, for the browser tests and the view benchmark only: exposed when the page URL
 * has `?debug`, never otherwise. Gives the sigma instance (to find where a node is drawn and to
 * listen to renders) and when the first frame was drawn.
 */
import type { AtlasGraph } from '../core/graphFile';
import type { AtlasSigma } from './graph/useSigma';

export interface AtlasDebugHooks {
  sigma: AtlasSigma;
  graph: AtlasGraph;
  /** When sigma first drew the map (ms since navigation start): a big graph's overview, else the graph. */
  firstRenderAt: number;
  /** When the whole graph was loaded and built (ms since navigation start); after the first frame for a big graph. */
  graphReadyAt: number;
  /** Viewport (CSS pixel, page) position of a node's centre, or null when it is not drawn. */
  nodePosition(node: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __atlas?: AtlasDebugHooks;
  }
}

export function exposeDebugHooks(sigma: AtlasSigma, graph: AtlasGraph): () => void {
  if (!new URLSearchParams(window.location.search).has('debug')) return () => {};
  window.__atlas = {
    sigma,
    graph,
    firstRenderAt: performance.getEntriesByName('atlas:first-render').at(-1)?.startTime ?? performance.now(),
    graphReadyAt: performance.getEntriesByName('atlas:graph-ready').at(-1)?.startTime ?? performance.now(),
    nodePosition(node) {
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden) return null;
      const point = sigma.framedGraphToViewport(data);
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
  };
  return () => {
    if (window.__atlas?.sigma === sigma) delete window.__atlas;
  };
}
