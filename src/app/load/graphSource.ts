/**
 * Which graph file to open: `graph.json` next to the app, or another file of the same origin
 * named by `?graph=` (e.g. `?graph=graphs/big.json`). Anything that would leave the origin is
 * refused, so a crafted link cannot make the app fetch from elsewhere.
 */
export const DEFAULT_GRAPH_FILE = 'graph.json';

export function graphUrlFromLocation(location: Location): URL {
  const base = new URL(import.meta.env.BASE_URL, location.href);
  const requested = new URLSearchParams(location.search).get('graph');
  if (requested) {
    const url = new URL(requested, base);
    if (url.origin === location.origin) return url;
  }
  return new URL(DEFAULT_GRAPH_FILE, base);
}
