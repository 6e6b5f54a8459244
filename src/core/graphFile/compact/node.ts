/**
 * Node side of the compact files: write them next to graph.json (gzip, byte-stable), read them
 * back, and measure them. Not imported by the app (it uses node:fs and node:zlib).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { graphFilePieces, splicedNodeHead, type AtlasGraph, type GraphFileHelp, type NodeEntry, type NodeTextJson } from '../index';
import { edgeEntriesJson, type EdgeJsonOutput } from '../edgeJson';
import { edgeTable, type EdgeTable } from '../../graph/edgeTable';
import { encodeAtlas, encodeUnsigned, UNSIGNED_ID_FIELD, type TextShard } from './encode';
import { runHere, startModuleInThread } from '../../threads';
import { sharedInt32, sharedUint8 } from '../../threads/sharedArrays';
import { ManifestSchema, type Manifest } from './schema';
import type { CompactManifestData } from './types';

/**
 * gzip levels. The structure (the first view's download) at 6: on a 20k-paper build level 9 takes 3.7× as
 * long for 0.4% fewer bytes. Text shards (abstracts, related lists: ~300 MB of JSON at 100k papers) at 4:
 * level 6 takes 1.7× as long for 4% fewer bytes, and the shards load lazily, one panel at a time, while their
 * compression is the last step of a build.
 */
const LEVEL = 6;
const TEXT_LEVEL = 4;
const gzip = (data: Uint8Array | string, level = LEVEL) => gzipSync(data, { level });

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
export function writeAtlasFiles(graph: AtlasGraph, dir: string): WrittenAtlas {
  return startAtlasFiles(graph, dir, { thread: false }).finish();
}

export interface WrittenAtlas {
  id: string;
  manifest: CompactManifestData;
}

/** The compact files encoded and on their way to disk, and what graph.json can take from their encoding. */
export interface StartedAtlas extends Required<Pick<GraphFileHelp, 'nodeText' | 'nodeChunks'>> {
  /** Every edge is e<i> with { kind, weight[, citing] } (graphFile/edgeJson.ts). */
  edgesCanonical: boolean;
  /** Waits for the files and writes the manifest. */
  finish(): WrittenAtlas;
}

/**
 * `writeAtlasFiles` in two steps, for the build: encodes now, then signs (`nativeFingerprint` of every part),
 * compresses and writes the files on a worker thread, so the caller can write graph.json meanwhile; `finish()`
 * waits and writes the manifest. The files are those of `signAtlas(encodeUnsigned(graph), nativeFingerprint)`.
 *
 * The text shards (~300 MB of JSON at 100k papers) reach the worker as UTF-8 in shared arrays, not as strings:
 * copying a quarter of a million strings into the worker's heap took seconds. The compressed files are written
 * there too, not sent back.
 */
export function startAtlasFiles(graph: AtlasGraph, dir: string, options: { thread?: boolean } = {}): StartedAtlas {
  const parts = encodeUnsigned(graph);
  const { manifest } = parts;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [manifest.structure, manifest.labels, manifest.report, manifest.overview!, ...manifest.text.map((shard) => shard.file)].map((file) => join(dir, file));
  const text = shardBytes(parts.text, manifest.text, graph.order);
  const input: SignInput = { parts: [parts.structure, parts.labels, parts.report, parts.overview], text: text.shards, files, level: LEVEL, textLevel: TEXT_LEVEL };
  const signed = options.thread ?? true ? startModuleInThread<SignInput, { id: string }>(new URL(import.meta.url), 'signAndWrite', input) : runHere(signAndWrite, input);
  return {
    nodeText: parts.nodeText,
    nodeChunks: (entries, check) => nodeChunks(parts.nodeText, text, entries, check),
    edgesCanonical: parts.edgesCanonical,
    finish() {
      const { id } = signed.result();
      const signedManifest = { ...manifest, id };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(signedManifest, null, 1) + '\n');
      return { id, manifest: signedManifest };
    },
  };
}

/**
 * What the build writes: graph.json at `graphFile` and the compact files beside it (`atlasDirFor`). The compact
 * files are encoded first, then signed, compressed and written on a worker thread while graph.json is written
 * with synchronous writes (a stream would make a Buffer of each chunk, which V8 counts as external memory: see
 * threads/sharedArrays.ts). graph.json copies its papers' text from the shards' bytes, and its edges come from
 * another worker (graphFile/edgeJson.ts) when they are canonical. Returns graph.json's size in bytes.
 */
export function writeGraphFiles(graph: AtlasGraph, graphFile: string, options: { thread?: boolean } = {}): number {
  // The edge entries from the edge table, on the second core while this one encodes (used if the edges are canonical).
  const table = edgeTable(graph);
  const inThread = options.thread ?? graph.size >= EDGE_JSON_THREAD_FROM;
  const edgeJson = inThread ? startModuleInThread<EdgeTable, EdgeJsonOutput>(new URL('../edgeJson.ts', import.meta.url), 'edgeEntriesJson', table) : runHere(edgeEntriesJson, table);
  const atlas = startAtlasFiles(graph, atlasDirFor(graphFile), options);
  const fd = openSync(graphFile, 'w');
  let bytes = 0;
  try {
    const help: GraphFileHelp = { nodeText: atlas.nodeText, nodeChunks: atlas.nodeChunks, edgeJson: atlas.edgesCanonical ? () => edgeJson.result() : undefined };
    for (const piece of graphFilePieces(graph, help)) bytes += typeof piece === 'string' ? writeSync(fd, piece) : writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
  atlas.finish();
  return bytes;
}

/** Below this many edges their JSON takes less than starting a worker that loads the schema. */
export const EDGE_JSON_THREAD_FROM = 100_000;

/** The text shards in UTF-8, in shared arrays, and where each node's entry lies in them. */
interface ShardBytes {
  shards: Uint8Array[];
  /** Node i's entry (`{…}` or `null`) is `shards[shardOf[i]]` bytes `entryStart[i]..entryEnd[i]`. */
  shardOf: Int32Array;
  entryStart: Int32Array;
  entryEnd: Int32Array;
}

/**
 * Each shard's JSON (encode.ts `joinShard`) in UTF-8, written piece by piece into a shared array: no joined
 * string, no file; the signing thread reads them where they are, and graph.json copies the entries' bytes.
 * `Buffer.write`, not TextEncoder.encodeInto: twice as fast on abstracts with accents.
 */
function shardBytes(text: TextShard[], ranges: { start: number }[], nodeCount: number): ShardBytes {
  const [shardOf, entryStart, entryEnd] = [sharedInt32(nodeCount).fill(-1), sharedInt32(nodeCount), sharedInt32(nodeCount)];
  // One array for all shards, back to back, sized for the worst case (UTF-8 takes at most 3 bytes per UTF-16
  // unit): the kernel maps it lazily, so only the pages written are ever touched. One array a shard was ~1.5 MB
  // each, which malloc serves from its heap and zero-fills: a second touch of ~600 MB at 100k papers.
  let chars = 0;
  for (const { head, entries, tail } of text) {
    chars += head.length + tail.length + entries.length;
    for (const entry of entries) chars += entry.length;
  }
  const bytes = Buffer.from(sharedUint8(chars * 3).buffer);
  let length = 0;
  const shards = text.map(({ head, entries, tail }, shard) => {
    const start = length;
    length += bytes.write(head, length);
    entries.forEach((entry, j) => {
      if (j > 0) length += bytes.write(',', length);
      const node = ranges[shard].start + j;
      [shardOf[node], entryStart[node]] = [shard, length - start];
      length += bytes.write(entry, length);
      entryEnd[node] = length - start;
    });
    length += bytes.write(tail, length);
    return new Uint8Array(bytes.buffer, start, length - start);
  });
  return { shards, shardOf, entryStart, entryEnd };
}

/** Bytes a graph.json piece holds, about: big enough to keep write calls few. */
const NODE_CHUNK_BYTES = 1 << 20;

/**
 * graph.json's node entries as UTF-8 pieces, each node's text copied from the shards' bytes rather than encoded
 * again (graphFile/index.ts `splicedNodeHead`); the same bytes as the entries' JSON. Each piece is valid until
 * the next is asked for.
 */
function* nodeChunks(nodeText: NodeTextJson, text: ShardBytes, entries: Iterable<NodeEntry>, check: (entry: NodeEntry, where: string) => void): Generator<Uint8Array> {
  let buffer = Buffer.from(sharedUint8(NODE_CHUNK_BYTES * 2).buffer);
  let length = 0;
  const reserve = (bytes: number) => {
    if (length + bytes <= buffer.length) return;
    const grown = Buffer.from(sharedUint8(2 * (length + bytes)).buffer);
    buffer.copy(grown, 0, 0, length);
    buffer = grown;
  };
  const put = (json: string) => {
    reserve(json.length * 3);
    length += buffer.write(json, length);
  };
  let index = 0;
  for (const entry of entries) {
    check(entry, `node ${index}`);
    if (index > 0) put(',');
    const head = splicedNodeHead(entry, nodeText.json[index], nodeText.from[index]);
    if (head === null || text.shardOf[index] < 0) put(JSON.stringify(entry));
    else {
      put(head);
      const shard = text.shards[text.shardOf[index]];
      const [start, end] = [text.entryStart[index] + 1, text.entryEnd[index]]; // without the entry's `{`
      reserve(end - start + 1);
      buffer.set(shard.subarray(start, end), length);
      length += end - start;
      put('}');
    }
    index++;
    if (length >= NODE_CHUNK_BYTES) {
      yield buffer.subarray(0, length);
      length = 0;
    }
  }
  if (length) yield buffer.subarray(0, length);
}

interface SignInput {
  /** Structure, labels, report and overview, unsigned. */
  parts: (Uint8Array | string)[];
  /** The text shards in UTF-8, unsigned, in shared arrays. */
  text: Uint8Array[];
  /** Where each part goes, compressed, in the same order (text shards last). */
  files: string[];
  level: number;
  textLevel: number;
}

/**
 * Thread kernel (src/core/threads, by module): `nativeFingerprint` of all the parts written over each one's
 * unsigned id (encode.ts UNSIGNED_ID_FIELD), each gzipped at its level and written. The id is written into the
 * shards' shared bytes, in their head, while graph.json copies entries from further on in them.
 */
export function signAndWrite(input: SignInput): { id: string } {
  // Each part in UTF-8 once: hashing strings would encode them a second time. Shared arrays are signed in place.
  const parts: Buffer[] = input.parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)));
  for (const shard of input.text) parts.push(Buffer.from(shard.buffer, shard.byteOffset, shard.byteLength));
  const id = nativeFingerprint(parts);
  const unsigned = Buffer.from(UNSIGNED_ID_FIELD);
  parts.forEach((bytes, i) => {
    const at = bytes.indexOf(unsigned);
    if (at < 0) throw new Error(`${input.files[i]} carries no id to sign`);
    bytes.write(id, at + '"id":"'.length, 'latin1');
    writeFileSync(input.files[i], gzipSync(bytes, { level: i < input.parts.length ? input.level : input.textLevel }));
  });
  return { id };
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
  const size = (data: Uint8Array | string, level = LEVEL): PartSize => ({ raw: typeof data === 'string' ? Buffer.byteLength(data) : data.length, gzip: gzip(data, level).length });
  const structure = size(parts.structure);
  const labels = size(parts.labels);
  const shards = parts.text.map((shard) => size(shard, TEXT_LEVEL));
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
