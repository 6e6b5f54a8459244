/**
 * Node side of the compact files: write them next to graph.json (gzip level 9, byte-stable), read them
 * back, and measure them. Not imported by the app (it uses node:fs and node:zlib).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AtlasGraph } from '../index';
import { encodeAtlas } from './encode';
import { ManifestSchema, type Manifest } from './schema';
import type { CompactParts } from './types';

const gzip = (data: Uint8Array | string) => gzipSync(data, { level: 9 });

/** `public/graph.json` → `public/graph.atlas`. */
export function atlasDirFor(graphFile: string): string {
  return join(dirname(graphFile), `${basename(graphFile).replace(/\.json$/i, '')}.atlas`);
}

/** Writes manifest.json, structure.bin, labels, report and text shards into `dir`, replacing what was there. */
export function writeAtlasFiles(graph: AtlasGraph, dir: string): CompactParts {
  const parts = encodeAtlas(graph);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { manifest } = parts;
  writeFileSync(join(dir, manifest.structure), gzip(parts.structure));
  writeFileSync(join(dir, manifest.labels), gzip(parts.labels));
  writeFileSync(join(dir, manifest.report), gzip(parts.report));
  manifest.text.forEach((shard, i) => writeFileSync(join(dir, shard.file), gzip(parts.text[i])));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return parts;
}

export interface AtlasFiles {
  manifest: Manifest;
  structure: Uint8Array;
  labels: unknown;
  report: unknown;
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
    text: { raw: shards.reduce((s, p) => s + p.raw, 0), gzip: shards.reduce((s, p) => s + p.gzip, 0), shards: shards.length, largestGzip: Math.max(0, ...shards.map((p) => p.gzip)) },
    graphJson: json,
    bytesPerNode: { structure: structure.gzip / n, structureAndLabels: (structure.gzip + labels.gzip) / n, graphJson: json && json.gzip / n },
  };
}
