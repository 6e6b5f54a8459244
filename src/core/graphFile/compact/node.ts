/**
 * Node side of the compact files: write them next to graph.json (gzip, byte-stable), read them
 * back, and measure them. Not imported by the app (it uses node:fs and node:zlib).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AtlasGraph } from '../index';
import { encodeAtlas } from './encode';
import { runHere, startInThread } from '../../threads';
import { ManifestSchema, type Manifest } from './schema';
import type { CompactParts } from './types';

const gzip = (data: Uint8Array | string, level = 9) => gzipSync(data, { level });
/**
 * Text shards (abstracts, related lists: ~300 MB of JSON at 100k papers) are compressed at level 4: measured
 * on a 20k-paper build's shards, level 6 takes 1.7× as long for 4% fewer bytes (level 9 another 1.6× for 0.6%),
 * and the shards load lazily, one panel at a time, while their compression is the last step of a build.
 */
const TEXT_LEVEL = 4;

/** The id of files written here: SHA-256 of every part's bytes (strings as UTF-8), natively, in 16 hex digits. */
export function nativeFingerprint(parts: (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
}

/** `public/graph.json` → `public/graph.atlas`. */
export function atlasDirFor(graphFile: string): string {
  return join(dirname(graphFile), `${basename(graphFile).replace(/\.json$/i, '')}.atlas`);
}

/** Writes manifest.json, structure.bin, labels, report and text shards into `dir`, replacing what was there. */
export function writeAtlasFiles(graph: AtlasGraph, dir: string): CompactParts {
  return startAtlasFiles(graph, dir, { thread: false }).finish();
}

/**
 * `writeAtlasFiles` in two steps, for the build: encodes now and compresses on a worker thread (gzip of
 * ~300 MB of text at 100k papers, seconds), so the caller can write graph.json meanwhile; `finish()` waits
 * and writes the files. The worker's Buffers count against its own small heap, not the graph's.
 */
export function startAtlasFiles(graph: AtlasGraph, dir: string, options: { thread?: boolean } = {}): { finish(): CompactParts } {
  const parts = encodeAtlas(graph, { fingerprint: nativeFingerprint });
  const { manifest } = parts;
  const jobs = [
    { file: manifest.structure, data: parts.structure as Uint8Array | string, level: 9 },
    { file: manifest.labels, data: parts.labels, level: 9 },
    { file: manifest.report, data: parts.report, level: 9 },
    ...(manifest.overview ? [{ file: manifest.overview, data: parts.overview, level: 9 }] : []),
    ...manifest.text.map((shard, i) => ({ file: shard.file, data: parts.text[i], level: TEXT_LEVEL })),
  ];
  const input = { jobs: jobs.map(({ data, level }) => ({ data, level })) };
  const compressed = (options.thread ?? true ? startInThread : runHere)(gzipAll, input);
  return {
    finish() {
      const { files } = compressed.result();
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      jobs.forEach((job, i) => writeFileSync(join(dir, job.file), files[i]));
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
      return parts;
    },
  };
}

/** Thread kernel (src/core/threads): each job gzipped at its level. Takes zlib itself: it runs from its own source. */
function gzipAll(input: { jobs: { data: Uint8Array | string; level: number }[] }): { files: Uint8Array[] } {
  const { gzipSync } = process.getBuiltinModule('node:zlib');
  return { files: input.jobs.map(({ data, level }) => gzipSync(data, { level })) };
}

export interface AtlasFiles {
  manifest: Manifest;
  structure: Uint8Array;
  labels: unknown;
  report: unknown;
  /** null when the files predate the overview part. */
  overview: unknown;
  text: unknown[];
  /** File name → bytes on disk. */
  sizes: Record<string, number>;
}

/** Reads a written atlas directory back (tests, tools). */
export function readAtlasFiles(dir: string): AtlasFiles {
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const raw = (file: string) => gunzipSync(readFileSync(join(dir, file)));
  const json = (file: string) => JSON.parse(raw(file).toString('utf8'));
  const sizes = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).length]));
  return {
    manifest,
    structure: new Uint8Array(raw(manifest.structure)),
    labels: json(manifest.labels),
    report: json(manifest.report),
    overview: manifest.overview ? json(manifest.overview) : null,
    text: manifest.text.map((t) => json(t.file)),
    sizes,
  };
}

export interface PartSize {
  raw: number;
  gzip: number;
}

export interface CompactSizes {
  nodes: number;
  edges: number;
  structure: PartSize;
  labels: PartSize;
  report: PartSize;
  overview: PartSize;
  /** All text shards together, and how many. */
  text: PartSize & { shards: number; largestGzip: number };
  /** graph.json for comparison (null when it exceeds what one JavaScript string can hold). */
  graphJson: PartSize | null;
  /** Gzipped bytes per node: the first view (structure) and structure + labels. */
  bytesPerNode: { structure: number; structureAndLabels: number; graphJson: number | null };
}

function stringifyOrNull(graph: AtlasGraph): string | null {
  try {
    return JSON.stringify(graph.export()) + '\n';
  } catch (err) {
    if (err instanceof RangeError) return null; // past V8's ~512 MB string limit
    throw err;
  }
}

/** Raw and gzipped size of every part, for the benchmark and the README. */
export function compactSizes(graph: AtlasGraph, graphJson: string | null = stringifyOrNull(graph)): CompactSizes {
  const parts = encodeAtlas(graph);
  const size = (data: Uint8Array | string): PartSize => ({ raw: typeof data === 'string' ? Buffer.byteLength(data) : data.length, gzip: gzip(data).length });
  const structure = size(parts.structure);
  const labels = size(parts.labels);
  const shards = parts.text.map(size);
  const json = graphJson === null ? null : size(graphJson);
  const n = Math.max(1, graph.order);
  return {
    nodes: graph.order,
    edges: graph.size,
    structure,
    labels,
    report: size(parts.report),
    overview: size(parts.overview),
    text: { raw: shards.reduce((s, p) => s + p.raw, 0), gzip: shards.reduce((s, p) => s + p.gzip, 0), shards: shards.length, largestGzip: Math.max(0, ...shards.map((p) => p.gzip)) },
    graphJson: json,
    bytesPerNode: { structure: structure.gzip / n, structureAndLabels: (structure.gzip + labels.gzip) / n, graphJson: json && json.gzip / n },
  };
}
