import { useEffect, useState } from 'react';
import { parseGraphFile, type AtlasGraph } from '../../core/graphFile';
import { buildOverview, overviewInputFromGraph, type Overview } from '../../core/overview';
import { mapDrawn } from '../graph/mapDrawn';
import { loadCompactGraph } from './compactGraph';
import { graphFileBeside, isCompactManifest } from './graphSource';
import { wantsOverview } from './overviewChoice';

export type GraphLoad =
  | { status: 'loading' }
  /** `overview`: the level-of-detail overview to show first (big graphs), or null. */
  | { status: 'ready'; graph: AtlasGraph; overview: Overview | null }
  /** A big graph's overview, drawn while `finish` builds the graph itself. */
  | { status: 'overview'; overview: Overview; finish(): Promise<GraphLoad> }
  | { status: 'failed'; title: string; message: string; hint?: string };

const BUILD_HINT = 'Build it with `npm run build:graph`, or start the app with `npm start`, which builds it when missing.';

/** Fetches and validates the graph file; every way it can fail becomes a readable message. */
export async function loadGraphFile(url: URL, signal?: AbortSignal): Promise<GraphLoad> {
  if (isCompactManifest(url)) return loadCompactGraph(url, () => loadGraphFile(graphFileBeside(url), signal), signal);
  const name = url.pathname.split('/').pop() || url.pathname;
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (err) {
    return { status: 'failed', title: 'The graph file could not be fetched', message: `${name}: ${(err as Error).message}` };
  }
  if (response.status === 404) {
    return { status: 'failed', title: 'No graph file yet', message: `${name} was not found on the server (HTTP 404).`, hint: BUILD_HINT };
  }
  if (!response.ok) {
    return { status: 'failed', title: 'The graph file could not be fetched', message: `${name}: HTTP ${response.status} ${response.statusText}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch (err) {
    return { status: 'failed', title: 'The graph file is not valid JSON', message: `${name}: ${(err as Error).message}`, hint: BUILD_HINT };
  }
  const parsed = parseGraphFile(json);
  if (!parsed.ok) return { status: 'failed', title: 'The graph file is malformed', message: `${name}: ${parsed.error}`, hint: BUILD_HINT };
  // For the view benchmark: when the graph was fetched and validated, before any drawing.
  performance.mark('atlas:graph-ready');
  const graph = parsed.graph;
  return { status: 'ready', graph, overview: wantsOverview(graph.order) ? buildOverview(overviewInputFromGraph(graph)) : null };
}

/** Resolves after the browser has shown the next frame (a task after the next animation frame). */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export function useGraphFile(url: URL): GraphLoad {
  const [load, setLoad] = useState<GraphLoad>({ status: 'loading' });
  const href = url.href;
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    const apply = (result: GraphLoad) => {
      if (controller.signal.aborted) return;
      setLoad(result);
      // The overview goes on screen first; the graph is built once it is there.
      if (result.status === 'overview') {
        void mapDrawn()
          .then(afterNextPaint)
          .then(() => {
            if (!controller.signal.aborted) void result.finish().then(apply);
          });
      }
    };
    void loadGraphFile(new URL(href), controller.signal).then(apply);
    return () => controller.abort();
  }, [href]);
  return load;
}
