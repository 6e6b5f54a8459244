/**
 * Which graph to open: the compact files the build writes next to `graph.json` (`graph.atlas/`, see
 * src/core/graphFile/compact), or another file of the same origin named by `?graph=`: a graph file
 * (`?graph=graphs/big.json`, loaded whole) or compact files (`?graph=graphs/big.atlas/`). Anything that
 * would leave the origin is refused, so a crafted link cannot make the app fetch from elsewhere.
 */
export const DEFAULT_GRAPH_FILE = 'graph.json';
/** Loaded by default; when it is missing (a graph built before compact files existed), graph.json is. */
export const DEFAULT_COMPACT_MANIFEST = 'graph.atlas/manifest.json';

export function graphUrlFromLocation(location: Location): URL {
  const base = new URL(import.meta.env.BASE_URL, location.href);
  const requested = new URLSearchParams(location.search).get('graph');
  if (requested) {
    const url = new URL(requested, base);
    if (/\.atlas\/?$/.test(url.pathname)) url.pathname = url.pathname.replace(/\/?$/, '/manifest.json');
    if (url.origin === location.origin) return url;
  }
  return new URL(DEFAULT_COMPACT_MANIFEST, base);
}

/** A manifest URL means compact files. */
export const isCompactManifest = (url: URL) => url.pathname.endsWith('.atlas/manifest.json');

/** `…/name.atlas/manifest.json` → `…/name.json`: the whole graph file written beside the compact files. */
export function graphFileBeside(manifest: URL): URL {
  const dir = manifest.pathname.slice(0, -'/manifest.json'.length);
  return new URL(`${dir.replace(/\.atlas$/, '')}.json`, manifest);
}
