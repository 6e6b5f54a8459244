import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import type { AtlasSigma } from './useSigma';

/** How close to get to a node with no visible neighbour. */
const LONE_NODE_RATIO = 0.3;
/** Room around a neighbourhood so its outer nodes and their labels are not on the edge. */
const MARGIN = 1.35;
const MIN_RATIO = 0.05;
const DURATION_MS = 600;

/** Camera moves last `ms`, or no time at all for people who asked their system for less motion. */
export function motionDuration(ms: number): number {
  // 1 ms, not 0: sigma divides by the duration; its first frame then jumps straight to the end.
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 1 : ms;
}

/** Glide the camera to a node and its visible neighbours, so the selection is seen in context. */
export function flyToNode(sigma: AtlasSigma, node: string): void {
  const camera = sigma.getCamera();
  const shown = (n: string) => {
    const data = sigma.getNodeDisplayData(n);
    return data !== undefined && !data.hidden;
  };
  // Not drawn in this view (a paper, in the co-authorship network): leave the camera be.
  const data = sigma.getGraph().hasNode(node) ? sigma.getNodeDisplayData(node) : undefined;
  if (!data) return;
  const neighbours = sigma.getGraph().filterNeighbors(node, shown);
  if (neighbours.length === 0) {
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, LONE_NODE_RATIO) }, { duration: motionDuration(DURATION_MS) });
    return;
  }
  const fit = getCameraStateToFitViewportToNodes(sigma as unknown as Parameters<typeof getCameraStateToFitViewportToNodes>[0], [node, ...neighbours]);
  void camera.animate({ ...fit, ratio: Math.min(Math.max(fit.ratio * MARGIN, MIN_RATIO), 1) }, { duration: motionDuration(DURATION_MS) });
}

/** Frame a set of nodes (a topic), those the filters leave on the map; nothing to frame, no move. */
export function fitToNodes(sigma: AtlasSigma, nodes: Iterable<string>): void {
  const shown = [...nodes].filter((n) => {
    const data = sigma.getNodeDisplayData(n);
    return data !== undefined && !data.hidden;
  });
  if (shown.length === 0) return;
  const camera = sigma.getCamera();
  if (shown.length === 1) {
    const data = sigma.getNodeDisplayData(shown[0])!;
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, LONE_NODE_RATIO) }, { duration: motionDuration(DURATION_MS) });
    return;
  }
  const fit = getCameraStateToFitViewportToNodes(sigma as unknown as Parameters<typeof getCameraStateToFitViewportToNodes>[0], shown);
  void camera.animate({ ...fit, ratio: Math.min(Math.max(fit.ratio * MARGIN, MIN_RATIO), 1) }, { duration: motionDuration(DURATION_MS) });
}
