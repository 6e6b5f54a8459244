/**
 * Node side of the compact files: write them next to graph.json (gzip, byte-stable), read them
 * back, and measure them. Not imported by the app (it uses node:fs and node:zlib).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { graphFilePieces, splicedNodeHead, type AtlasGraph, type GraphFileHelp, type NodeEntry } from '../index';
import { edgeEntriesJson, type EdgeJsonOutput } from '../edgeJson';
import { edgeTable, type EdgeTable } from '../../graph/edgeTable';
import { encodeAtlas, encodeUnsigned, UNSIGNED_ID, UNSIGNED_ID_FIELD, type TextSink } from './encode';
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
export interface StartedAtlas extends Required<Pick<GraphFileHelp, 'nodeChunks'>> {
  /** Every edge is e<i> with { kind, weight[, citing] } (graphFile/edgeJson.ts). */
  edgesCanonical: boolean;
  /** Waits for the files and writes the manifest. */
  finish(): WrittenAtlas;
}

/**
 * `writeAtlasFiles` in two steps, for the build: encodes now, then signs (`nativeFingerprint` of every part),
 * compresses and writes the files on a worker thread, so the caller can write graph.json meanwhile; `finish()`
 * compresses the text shards still unclaimed alongside the worker (at 100k papers it waited 1–2 s for it alone),
 * then writes the manifest. The files are those of `signAtlas(encodeUnsigned(graph), nativeFingerprint)`.
 *
 * The text shards (~300 MB of JSON at 100k papers) reach the worker as UTF-8 in shared arrays, not as strings:
 * copying a quarter of a million strings into the worker's heap took seconds. The compressed files are written
 * there too, not sent back.
 */
export function startAtlasFiles(graph: AtlasGraph, dir: string, options: { thread?: boolean } = {}): StartedAtlas {
  const shardWriter = new ShardBytesWriter(graph.order);
  const parts = encodeUnsigned(graph, { textSink: shardWriter });
  const text = shardWriter.written();
  const { manifest } = parts;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = partFiles(manifest, dir);
  const input = signInput([parts.structure, parts.labels, parts.report, parts.overview], text.shards, files);
  const signed = options.thread ?? true ? startModuleInThread<SignInput, { id: string }>(new URL(import.meta.url), 'signAndWrite', input) : runHere(signAndWrite, input);
  return {
    nodeChunks: (entries, check) => {
      if (graph.order !== parts.textFrom.length) throw new Error(`graph file: text entries of ${parts.textFrom.length} nodes for a graph of ${graph.order}`);
      return nodeChunks(parts.textFrom, text, entries, check);
    },
    edgesCanonical: parts.edgesCanonical,
    finish() {
      // The shards left when graph.json is written are shared out between this thread and the signing one.
      const published = publishedId(input);
      if (published !== null) writeClaimedShards(input, published);
      const { id } = signed.result();
      const signedManifest = { ...manifest, id };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(signedManifest, null, 1) + '\n');
      return { id, manifest: signedManifest };
    },
  };
}

/** Where each part goes: structure, labels, report, overview, then the text shards (SignInput's order). */
export function partFiles(manifest: CompactManifestData, dir: string): string[] {
  return [manifest.structure, manifest.labels, manifest.report, manifest.overview!, ...manifest.text.map((shard) => shard.file)].map((file) => join(dir, file));
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
    const help: GraphFileHelp = { nodeChunks: atlas.nodeChunks, edgeJson: atlas.edgesCanonical ? () => edgeJson.result() : undefined };
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
export interface ShardBytes {
  shards: Uint8Array[];
  /** Node i's entry (`{…}` or `null`) is `shards[shardOf[i]]` bytes `entryStart[i]..entryEnd[i]`. */
  shardOf: Int32Array;
  entryStart: Int32Array;
  entryEnd: Int32Array;
}

/** Bytes of shared array the shards are written into at a time; a shard that does not fit moves to the next. */
const SHARD_ARRAY_BYTES = 64 << 20;
/** Room kept after each entry: a comma and a shard's tail (`]}`). */
const TAIL_ROOM = 16;

/**
 * Each shard's JSON (encode.ts `joinShard`) in UTF-8, written entry by entry as the encoder serialises them
 * (a TextSink), into shared arrays: no string outlives the young generation, no joined string, no file; the
 * signing thread reads the shards where they are, and graph.json copies the entries' bytes. A shard's head
 * names its last node, so room for the longest head is left before its entries and the head is written, flush
 * with them, when the shard is cut. `Buffer.write`, not TextEncoder.encodeInto: twice as fast on abstracts with
 * accents. The arrays are mapped lazily, so the room never written costs no memory.
 */
export class ShardBytesWriter implements TextSink {
  private readonly shards: Uint8Array[] = [];
  private readonly shardOf: Int32Array;
  private readonly entryStart: Int32Array;
  private readonly entryEnd: Int32Array;
  private bytes: Buffer = Buffer.alloc(0);
  private length = 0;
  /** Where the open shard's entries start (its head room ends). */
  private entriesAt = 0;
  private readonly headRoom: number;

  /** `arrayBytes`: the size of each shared array (smaller in tests, to move shards between arrays). */
  constructor(nodeCount: number, private readonly arrayBytes = SHARD_ARRAY_BYTES) {
    [this.shardOf, this.entryStart, this.entryEnd] = [sharedInt32(nodeCount).fill(-1), sharedInt32(nodeCount), sharedInt32(nodeCount)];
    this.headRoom = `{"format":"paper-atlas-text","id":"${UNSIGNED_ID}","start":${nodeCount},"end":${nodeCount},"nodes":[`.length;
    this.open(0);
  }

  /** Starts a shard, in a new array when fewer than `room` bytes are left in this one. */
  private open(room: number): void {
    if (this.length + this.headRoom + room > this.bytes.length) {
      this.bytes = Buffer.from(sharedUint8(Math.max(this.arrayBytes, 2 * (this.headRoom + room))).buffer);
      this.length = 0;
    }
    this.length += this.headRoom;
    this.entriesAt = this.length;
  }

  entry(json: string, node: number): void {
    const room = json.length * 3 + TAIL_ROOM; // UTF-8 takes at most 3 bytes per UTF-16 unit; a comma, and the tail after
    if (this.length + room > this.bytes.length) {
      // Move the open shard's entries to a new array: a shard is one run of bytes.
      const [from, to] = [this.entriesAt, this.length];
      const previous = this.bytes;
      this.open(to - from + room);
      previous.copy(this.bytes, this.length, from, to);
      this.length += to - from;
      const shift = this.entriesAt - from;
      for (let i = node - 1; i >= 0 && this.shardOf[i] === -2; i--) [this.entryStart[i], this.entryEnd[i]] = [this.entryStart[i] + shift, this.entryEnd[i] + shift];
    }
    if (this.length > this.entriesAt) this.length += this.bytes.write(',', this.length, 'latin1');
    this.shardOf[node] = -2; // in the open shard
    this.entryStart[node] = this.length;
    this.length += this.bytes.write(json, this.length);
    // Buffer.write stops silently where the array ends: with the room kept, an entry never gets near it.
    if (this.length > this.bytes.length - TAIL_ROOM / 2) throw new Error(`text shards: node ${node}'s entry overran its array`);
    this.entryEnd[node] = this.length;
  }

  cut(head: string, tail: string, start: number, end: number): void {
    const headAt = this.entriesAt - head.length;
    this.bytes.write(head, headAt, 'latin1');
    this.length += this.bytes.write(tail, this.length, 'latin1');
    for (let node = start; node < end; node++) {
      this.shardOf[node] = this.shards.length;
      this.entryStart[node] -= headAt;
      this.entryEnd[node] -= headAt;
    }
    this.shards.push(new Uint8Array(this.bytes.buffer, headAt, this.length - headAt));
    this.open(0);
  }

  /** The shards cut so far. */
  written(): ShardBytes {
    return { shards: this.shards, shardOf: this.shardOf, entryStart: this.entryStart, entryEnd: this.entryEnd };
  }
}

/** Bytes a graph.json piece holds, about: big enough to keep write calls few. */
const NODE_CHUNK_BYTES = 1 << 20;

/**
 * graph.json's node entries as UTF-8 pieces, each node's text copied from the shards' bytes rather than encoded
 * again (graphFile/index.ts `splicedNodeHead`); the same bytes as the entries' JSON. Each piece is valid until
 * the next is asked for.
 */
function* nodeChunks(textFrom: Int32Array, text: ShardBytes, entries: Iterable<NodeEntry>, check: (entry: NodeEntry, where: string) => void): Generator<Uint8Array> {
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
    const empty = text.entryEnd[index] - text.entryStart[index] <= 2; // `{}` (a `null` entry has from -1)
    const head = text.shardOf[index] < 0 ? null : splicedNodeHead(entry, empty, textFrom[index]);
    if (head === null) put(JSON.stringify(entry));
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

export interface SignInput {
  /** Structure, labels, report and overview, unsigned. */
  parts: (Uint8Array | string)[];
  /** The text shards in UTF-8, unsigned, in shared arrays. */
  text: Uint8Array[];
  /** Where each part goes, compressed, in the same order (text shards last). */
  files: string[];
  level: number;
  textLevel: number;
  /**
   * Shared with the caller: [text shards claimed so far, 1 once the id is in `id`]. The caller, done with
   * graph.json, compresses shards too (`writeClaimedShards`): whoever claims a shard writes it.
   */
  progress: Int32Array;
  /** The id, in ASCII, once `progress[1]` is 1. */
  id: Uint8Array;
}

const CLAIMED = 0;
const ID_READY = 1;
const UNSIGNED_BYTES = Buffer.from(UNSIGNED_ID_FIELD);

/** The inputs of `signAndWrite`, with nothing claimed and no id yet. */
export function signInput(parts: (Uint8Array | string)[], text: Uint8Array[], files: string[]): SignInput {
  return { parts, text, files, level: LEVEL, textLevel: TEXT_LEVEL, progress: sharedInt32(2), id: sharedUint8(UNSIGNED_ID.length) };
}

/** The id once the signing thread has published it, else null (never waited for: a thread that failed before would leave nothing to wait on). */
export function publishedId(input: SignInput): string | null {
  return Atomics.load(input.progress, ID_READY) === 1 ? Buffer.from(input.id).toString('latin1') : null;
}

/** Writes one part, gzipped, with the id over its unsigned one (in place: a shard's shared bytes are signed where they are). */
function writeSigned(bytes: Buffer, id: string, file: string, level: number): void {
  const at = bytes.indexOf(UNSIGNED_BYTES);
  if (at < 0) throw new Error(`${file} carries no id to sign`);
  bytes.write(id, at + '"id":"'.length, 'latin1');
  writeFileSync(file, gzipSync(bytes, { level }));
}

/** Claims text shards one at a time and writes them until none is left; returns how many this thread wrote. */
export function writeClaimedShards(input: SignInput, id: string): number {
  let written = 0;
  for (let shard = Atomics.add(input.progress, CLAIMED, 1); shard < input.text.length; shard = Atomics.add(input.progress, CLAIMED, 1), written++) {
    writeSigned(shardBytesOf(input.text[shard]), id, input.files[input.parts.length + shard], input.textLevel);
  }
  return written;
}

/**
 * Thread kernel (src/core/threads, by module): `nativeFingerprint` of all the parts written over each one's
 * unsigned id (encode.ts UNSIGNED_ID_FIELD), each gzipped at its level and written. The id is written into the
 * shards' shared bytes, in their head, while graph.json copies entries from further on in them.
 */
export function signAndWrite(input: SignInput): { id: string } {
  const id = signParts(input);
  writeParts(input, id);
  return { id };
}

/** The id of all the parts (`nativeFingerprint`), published to the caller through `input`. */
export function signParts(input: SignInput): string {
  const id = nativeFingerprint([...input.parts.map(utf8), ...input.text.map(shardBytesOf)]);
  Buffer.from(input.id.buffer, input.id.byteOffset, input.id.byteLength).write(id, 'latin1');
  Atomics.store(input.progress, ID_READY, 1);
  return id;
}

/** Writes the parts besides the text shards, then text shards as long as some are left to claim. */
export function writeParts(input: SignInput, id: string): void {
  input.parts.forEach((part, i) => writeSigned(utf8(part), id, input.files[i], input.level));
  writeClaimedShards(input, id);
}

/** A part's UTF-8 bytes, a copy (the caller keeps its structure). */
function utf8(part: Uint8Array | string): Buffer {
  return typeof part === 'string' ? Buffer.from(part) : Buffer.from(part);
}

/** A text shard's own bytes: shards are signed in place, in their shared arrays. */
function shardBytesOf(shard: Uint8Array): Buffer {
  return Buffer.from(shard.buffer, shard.byteOffset, shard.byteLength);
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
