/**
 * Loads a graph from its compact files: the manifest, then the binary structure while the labels download
 * alongside; text shards come later through graphText.ts. A big graph's first frame is its overview
 * (src/core/overview), drawn from the small overview part before the structure is even unpacked.
 */
import { CompactFormatError, ManifestSchema, graphSteps, readOverviewPart, type CompactGraph, type Manifest, type StructureData } from '../../core/graphFile/compact/read';
import { buildOverview, overviewFromTallies, overviewInputFromStructure, type Overview } from '../../core/overview';
import { download, gunzip } from './bytes';
import { registerGraphText } from './graphText';
import { readStructureHere, readStructureInWorker } from './structureReader';
import { wantsOverview } from './overviewChoice';
import { mapDrawn } from '../graph/mapDrawn';
import type { GraphLoad } from './useGraphFile';

const BUILD_HINT = 'Rebuild it with `npm run build:graph`, or start the app with `npm start`.';

/** Builds the graph from the decoded structure, giving the page a turn between steps (hover stays live meanwhile). */
async function buildGraph(data: StructureData): Promise<CompactGraph> {
  const steps = graphSteps(data);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/**
 * The parts of one build: their URLs, and JSON parts fetched once each, unpacked and parsed when first asked for
 * (`downloadEarly` starts a download before anyone asks, once `after` resolves). A scope of its own: the graph
 * text keeps `fetchPart` for the page's lifetime, and nothing of the load (the structure's arrays) should stay with it.
 */
function compactParts(manifestUrl: URL, id: string, dir: string) {
  // Every part carries the build id in its URL: a rebuilt graph never mixes with cached parts of the old one.
  const partUrl = (file: string) => new URL(`${file}?v=${id}`, manifestUrl);
  const started = new Map<string, Promise<unknown>>();
  const downloaded = new Map<string, Promise<Uint8Array>>();
  const fetchPart = (file: string) => {
    let pending = started.get(file);
    if (!pending) {
      const bytes = downloaded.get(file) ?? download(partUrl(file), `${dir}/${file}`);
      downloaded.delete(file);
      pending = bytes.then(gunzip).then((raw) => JSON.parse(new TextDecoder().decode(raw)));
      pending.catch(() => started.delete(file));
      started.set(file, pending);
    }
    return pending;
  };
  const downloadEarly = (file: string, after: Promise<unknown>) => {
    const bytes = after.then(() => download(partUrl(file), `${dir}/${file}`));
    bytes.catch(() => downloaded.delete(file));
    downloaded.set(file, bytes);
  };
  return { partUrl, fetchPart, downloadEarly };
}

/** `fallback` loads graph.json instead when there are no compact files (manifest 404). */
export async function loadCompactGraph(manifestUrl: URL, fallback: () => Promise<GraphLoad>, signal?: AbortSignal): Promise<GraphLoad> {
  const dir = manifestUrl.pathname.split('/').slice(-2, -1)[0];
  const name = `${dir}/manifest.json`;
  let response: Response;
  try {
    response = await fetch(manifestUrl, { signal, cache: 'no-cache' });
  } catch (err) {
    return { status: 'failed', title: 'The graph file could not be fetched', message: `${name}: ${(err as Error).message}` };
  }
  // Single-page-app servers (vite preview among them) answer a missing file with index.html.
  if (response.status === 404 || (response.ok && response.headers.get('content-type')?.includes('text/html'))) return fallback();
  if (!response.ok) return { status: 'failed', title: 'The graph file could not be fetched', message: `${name}: HTTP ${response.status} ${response.statusText}` };
  let manifest: Manifest;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(await response.text()));
    if (!parsed.success) throw new Error(`does not match the schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    manifest = parsed.data;
  } catch (err) {
    return { status: 'failed', title: 'The graph file is malformed', message: `${name}: ${(err as Error).message}`, hint: BUILD_HINT };
  }

  const { partUrl, fetchPart, downloadEarly } = compactParts(manifestUrl, manifest.id, dir);
  performance.mark('atlas:manifest');
  const overviewWanted = wantsOverview(manifest.nodeCount);
  // The structure downloads from now on. Behind an overview it is read in a worker (the first frame needs no
  // part of it); a graph drawn whole needs it first, and a small one is read at once here.
  const readParts = overviewWanted ? readStructureInWorker : readStructureHere;
  const structure = readParts(partUrl(manifest.structure), `${dir}/${manifest.structure}`, signal);
  structure.catch(() => {}); // awaited in checkedStructure
  // Labels are merged once the graph is built. Their download is handled on this thread: behind an overview it
  // waits for the first frame.
  downloadEarly(manifest.labels, overviewWanted ? mapDrawn() : Promise.resolve());

  const fail = (err: unknown): GraphLoad => {
    if (signal?.aborted) return { status: 'loading' };
    const malformed = err instanceof CompactFormatError;
    return {
      status: 'failed',
      title: malformed ? 'The graph file is malformed' : 'The graph file could not be fetched',
      message: malformed ? `${dir}/${(err as Error).message}` : (err as Error).message,
      hint: BUILD_HINT,
    };
  };
  const checkedStructure = async (): Promise<StructureData> => {
    const data = await structure;
    if (data.header.id !== manifest.id) throw new CompactFormatError(`${manifest.structure} belongs to another build than manifest.json: rebuild the graph`);
    performance.mark('atlas:structure-read');
    return data;
  };
  const finish = async (data: StructureData | null, overview: Overview | null): Promise<GraphLoad> => {
    try {
      const state = await buildGraph(data ?? (await checkedStructure()));
      registerGraphText({ state, manifest, fetchPart });
      // For the view benchmark: when the graph was fetched, validated and built.
      performance.mark('atlas:graph-ready');
      return { status: 'ready', graph: state.graph, overview };
    } catch (err) {
      return fail(err);
    }
  };

  if (overviewWanted && manifest.overview) {
    // A big graph's first frame needs only the overview part (a few kB): the structure is read behind it.
    let overview: Overview;
    try {
      const { tallies, listing } = readOverviewPart(await fetchPart(manifest.overview), manifest.id);
      overview = overviewFromTallies(tallies, listing);
    } catch (err) {
      return fail(err);
    }
    performance.mark('atlas:overview-built');
    return { status: 'overview', overview, finish: () => finish(null, overview) };
  }

  let data: StructureData;
  try {
    data = await checkedStructure();
  } catch (err) {
    return fail(err);
  }
  if (!overviewWanted) return finish(data, null);
  // Compact files written before the overview part: the overview from the decoded arrays, before the graph is built.
  const overview = buildOverview(overviewInputFromStructure(data));
  performance.mark('atlas:overview-built');
  return { status: 'overview', overview, finish: () => finish(data, overview) };
}
