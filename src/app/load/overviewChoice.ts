/**
 * When the map opens on the level-of-detail overview (communities as nodes, src/core/overview) instead of
 * every node: above this many nodes the full graph is slow to build and draw and unreadable as a whole.
 * `?overview=1` / `?overview=0` in the page URL force it on or off (tests, and people who want one or the other).
 */
export const OVERVIEW_ABOVE_NODES = 20_000;

export function wantsOverview(nodeCount: number, search: string = window.location.search): boolean {
  const forced = new URLSearchParams(search).get('overview');
  if (forced === '1' || forced === 'true') return true;
  if (forced === '0' || forced === 'false') return false;
  return nodeCount > OVERVIEW_ABOVE_NODES;
}
