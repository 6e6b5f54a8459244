/**
 * Loads a graph from its compact files: the manifest, then the binary structure (the first frame needs
 * nothing else) while the labels download alongside; text shards come later through graphText.ts. A big
 * graph's overview (src/core/overview) is computed from the decoded arrays and drawn before the graph is built.
 */
import { CompactFormatError, ManifestSchema, graphSteps, isGzip, readStructure, type CompactGraph, type Manifest, type StructureData } from '../../core/graphFile/compact/read';
import { buildOverview, overviewInputFromStructure, type Overview } from '../../core/overview';
import { registerGraphText } from './graphText';
import { wantsOverview } from './overviewChoice';
import type { GraphLoad } from './useGraphFile';

const BUILD_HINT = 'Rebuild it with `npm run build:graph`, or start the app with `npm start`.';

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // Some servers send .gz files with Content-Encoding: gzip, and the browser has already unpacked them.
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The bytes as sent (gzipped): unpacking is left to whoever needs them, when they do. */
async function download(url: URL, label: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchBytes(url: URL, label: string, signal?: AbortSignal): Promise<Uint8Array> {
  return gunzip(await download(url, label, signal));
}

/** Builds the graph from the decoded structure, giving the page a turn between steps (hover stays live meanwhile). */
async function buildGraph(data: StructureData): Promise<CompactGraph> {
  const steps = graphSteps(data);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve));
  }
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

  // Every part carries the build id in its URL: a rebuilt graph never mixes with cached parts of the old one.
  const partUrl = (file: string) => new URL(`${file}?v=${manifest.id}`, manifestUrl);
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
  const structure = fetchBytes(partUrl(manifest.structure), `${dir}/${manifest.structure}`, signal);
  structure.catch(() => {}); // awaited below
  // Labels travel alongside the structure; they are unpacked and merged once the map is up (the
  // main thread's first job is the first frame: on a big graph, unpacking them is a second of work).
  const labels = download(partUrl(manifest.labels), `${dir}/${manifest.labels}`);
  labels.catch(() => downloaded.delete(manifest.labels));
  downloaded.set(manifest.labels, labels);

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
  const finish = async (data: StructureData, overview: Overview | null): Promise<GraphLoad> => {
    try {
      const state = await buildGraph(data);
      registerGraphText({ state, manifest, fetchPart });
      // For the view benchmark: when the graph was fetched, validated and built.
      performance.mark('atlas:graph-ready');
      return { status: 'ready', graph: state.graph, overview };
    } catch (err) {
      return fail(err);
    }
  };

  let data: StructureData;
  try {
    const bytes = await structure;
    performance.mark('atlas:structure-fetched');
    data = readStructure(bytes);
    if (data.header.id !== manifest.id) throw new CompactFormatError(`${manifest.structure} belongs to another build than manifest.json: rebuild the graph`);
  } catch (err) {
    return fail(err);
  }
  // A big graph: its overview straight from the decoded arrays, drawn before the graph is built.
  performance.mark('atlas:structure-read');
  const overview = wantsOverview(manifest.nodeCount) ? buildOverview(overviewInputFromStructure(data)) : null;
  if (overview) return { status: 'overview', overview, finish: () => finish(data, overview) };
  return finish(data, null);
}
