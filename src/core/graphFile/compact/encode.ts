/**
 * Graph → compact parts (see types.ts for what goes where). Exact: decoding the structure and merging
 * labels, every text shard and the report gives back `graph.export()` value for value, in the same order.
 * Deterministic: same graph → same bytes.
 */
import { EDGE_KINDS, NODE_KINDS, type AtlasGraph, type NodeAttributes, type NodeKind } from '../index';
import { ByteWriter, fingerprint } from './bytes';
import { sharedInt32, sharedUint8 } from '../../threads/sharedArrays';
import { edgeTable, NO_CITING, OTHER_CITING, UNKNOWN_KIND } from '../../graph/edgeTable';
import { COMPACT_FORMAT_VERSION, STRUCTURE_MAGIC, type StructureHeader } from './schema';
import { MAX_COAUTHORS_PER_PAPER } from '../../graph/buildGraph';
import { overviewInputFromGraph, tallyOverview } from '../../overview';
import { DERIVED_LISTS, LABEL_NAME_ATTRIBUTE, LANDMARK_TEXT, coauthorPairs, textTierOf, type CompactParts } from './types';

/** Raw JSON per text shard before a new one starts: a panel fetches about this much (~150 KB gzipped). */
export const TEXT_SHARD_TARGET_CHARS = 512 * 1024;


type Attrs = Record<string, unknown>;

const isScaled = (value: number, scale: number) => {
  const scaled = Math.round(value * scale);
  return Number.isSafeInteger(scaled) && scaled / scale === value;
};

/** 100 when every value has at most two decimals (what the layout and style phases write), else 0 (float64). */
function chooseScale(values: number[]): number {
  return values.every((v) => isScaled(v, 100)) ? 100 : 0;
}

function writeNumbers(out: ByteWriter, values: number[], scale: number, delta: boolean): void {
  let previous = 0;
  for (const value of values) {
    if (scale === 0) out.float64(value);
    else {
      const scaled = Math.round(value * scale);
      out.zigzag(delta ? scaled - previous : scaled);
      previous = scaled;
    }
  }
}

/** Front coding: each string as (bytes shared with the previous one, the rest). */
function writeFrontCoded(out: ByteWriter, strings: string[]): void {
  let previous = '';
  for (const s of strings) {
    let shared = 0;
    const max = Math.min(s.length, previous.length);
    while (shared < max && s.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    // Never split a surrogate pair: the suffix must be valid UTF-16 on its own.
    if (shared > 0 && shared < s.length && (s.charCodeAt(shared) & 0xfc00) === 0xdc00) shared--;
    out.varint(shared);
    out.string(s.slice(shared));
    previous = s;
  }
}

const sameList = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

export interface EncodeOptions {
  /** Receives each structure column's bytes by name (for size breakdowns). */
  columns?: Record<string, Uint8Array>;
  /**
   * The content fingerprint that becomes the id (16 hex digits). The default runs anywhere; the build signs with
   * SHA-256 on its worker thread (node.ts `nativeFingerprint`): this one reads the text char by char.
   */
  fingerprint?: (parts: (Uint8Array | string)[]) => string;
}

/**
 * The id every part carries until it is signed: 16 hex digits like a real one, so a part's length and the
 * offsets in it do not change when `signAtlas` writes the real id in its place.
 */
export const UNSIGNED_ID = '0000000000000000';
/** Where the id sits in every part: the first `"id":"…"` (the structure header's first field, the JSON parts' second). */
export const UNSIGNED_ID_FIELD = `"id":"${UNSIGNED_ID}"`;

/**
 * A text shard in pieces: its JSON is `head + entries.join(',') + tail`. The build writes the pieces as UTF-8
 * into shared arrays that its signing thread reads (node.ts), and graph.json copies the entries from there:
 * joining ~300 MB of text at 100k papers on the graph's thread cost seconds of garbage collection.
 */
export interface TextShard {
  head: string;
  entries: string[];
  tail: string;
}

/**
 * Each node's text-tier attributes as the compact encoder serialised them for its text shards (compact/encode.ts),
 * `'null'` for a node without any; `from[i]`: the position of node i's first text-tier attribute when they are all
 * its last attributes (the build adds a paper's abstract, identifiers, sources and related papers last), else -1.
 */
export interface NodeTextJson {
  json: string[];
  from: Int32Array;
}

/**
 * Where the text entries go as they are serialised, instead of into `text` and `nodeText` (the build writes them
 * as UTF-8 at once, so ~300 MB of JSON strings at 100k papers never outlive the young generation: node.ts).
 */
export interface TextSink {
  /** Node `node`'s text entry (`{…}` or `null`), in node order. */
  entry(json: string, node: number): void;
  /** The entries since the last cut make a shard, nodes start…end-1: its JSON is `head + entries.join(',') + tail`. */
  cut(head: string, tail: string, start: number, end: number): void;
}

/**
 * The parts before signing (see `signAtlas`), text shards in pieces (none when a TextSink took them); and for
 * graph.json, each node's text entry (null when a TextSink took them) and where it starts among the node's
 * attributes (`textFrom`, see NodeTextJson), and whether every edge is `e<i>` with attributes
 * `{ kind, weight[, citing] }` (graphFile/edgeJson.ts).
 */
export type UnsignedParts = Omit<CompactParts, 'text'> & { text: TextShard[]; nodeText: NodeTextJson | null; textFrom: Int32Array; edgesCanonical: boolean };

const CANONICAL_EDGE_ATTRIBUTES = ['kind', 'weight', 'citing'];

export const joinShard = ({ head, entries, tail }: TextShard): string => head + entries.join(',') + tail;

export function encodeAtlas(graph: AtlasGraph, options: EncodeOptions = {}): CompactParts {
  return signAtlas(encodeUnsigned(graph, options), options.fingerprint ?? fingerprint);
}

/** Every part in fingerprint order: structure, labels, report, overview, text shards. */
export function partsInOrder(parts: CompactParts): (Uint8Array | string)[] {
  return [parts.structure, parts.labels, parts.report, parts.overview, ...parts.text];
}

/**
 * Names the parts by their content: the id is the fingerprint of every part as encoded (UNSIGNED_ID in its
 * place), written over UNSIGNED_ID in each. The build does the same on a worker thread (node.ts).
 */
export function signAtlas(unsigned: UnsignedParts, sign: (parts: (Uint8Array | string)[]) => string): CompactParts {
  if (!unsigned.nodeText) throw new Error('compact encoding: the text shards went to a TextSink');
  const parts = { ...unsigned, text: unsigned.text.map(joinShard) };
  const id = sign(partsInOrder(parts));
  const field = `"id":"${id}"`;
  const signed = (text: string) => {
    if (!text.includes(UNSIGNED_ID_FIELD)) throw new Error('compact encoding: a part carries no id to sign');
    return text.replace(UNSIGNED_ID_FIELD, field);
  };
  const structure = parts.structure.slice();
  const at = indexOfBytes(structure, new TextEncoder().encode(UNSIGNED_ID_FIELD));
  if (at < 0) throw new Error('compact encoding: structure.bin carries no id to sign');
  structure.set(new TextEncoder().encode(field), at);
  return {
    id, structure, labels: signed(parts.labels), report: signed(parts.report), overview: signed(parts.overview),
    text: parts.text.map(signed), manifest: { ...parts.manifest, id },
  };
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The parts with UNSIGNED_ID for their id (see `signAtlas`). */
export function encodeUnsigned(graph: AtlasGraph, options?: Pick<EncodeOptions, 'columns'>): UnsignedParts & { nodeText: NodeTextJson };
export function encodeUnsigned(graph: AtlasGraph, options: Pick<EncodeOptions, 'columns'> & { textSink: TextSink }): UnsignedParts;
export function encodeUnsigned(graph: AtlasGraph, options: Pick<EncodeOptions, 'columns'> & { textSink?: TextSink } = {}): UnsignedParts {
  const { columns } = options;
  // Not graph.export().options: export() copies every node and edge first.
  if (graph.type !== 'undirected' || graph.multi || graph.allowSelfLoops) throw new Error('compact encoding needs the graph file options: undirected, no multi-edges, no self-loops');
  const keys = graph.nodes();
  const nodes = keys.map((key) => graph.getNodeAttributes(key) as NodeAttributes & Attrs);
  const indexOf = new Map(keys.map((key, i) => [key, i]));

  // Per-kind attribute order (first node of each kind) and the text-tier attributes seen.
  const attributeOrder: Partial<Record<NodeKind, string[]>> = {};
  const textKinds = new Set<NodeKind>();
  const isText = textTierOf();
  for (const node of nodes) {
    if (!NODE_KINDS.includes(node.kind)) throw new Error(`compact encoding: unknown node kind ${String(node.kind)}`);
    attributeOrder[node.kind] ??= Object.keys(node);
    if (textKinds.has(node.kind)) continue;
    for (const attribute in node) {
      if (isText(node.kind, attribute)) {
        textKinds.add(node.kind);
        break;
      }
    }
  }

  // Paper lists that the edges reproduce in order need no bytes of their own. The edges as numbers: graph/edgeTable.ts.
  const table = edgeTable(graph);
  const derived: (Record<string, string[]> | undefined)[] = [];
  const derivedList = EDGE_KINDS.map((kind) => DERIVED_LISTS.find(([, listKind]) => listKind === kind)?.[0]);
  for (let e = 0; e < table.kind.length; e++) {
    const list = derivedList[table.kind[e]];
    if (!list) continue;
    const [s, t] = [table.source[e], table.target[e]];
    const [paper, other] = nodes[s].kind === 'paper' ? [s, t] : nodes[t].kind === 'paper' ? [t, s] : [-1, -1];
    if (paper < 0) continue;
    (derived[paper] ??= { authors: [], affiliations: [], topics: [] })[list].push(keys[other]);
  }

  const colors: string[] = [];
  const colorIndex = new Map<string, number>();
  const communityColor = new Map(graph.getAttribute('communities').map((c) => [c.id, c.color]));
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const landmarks: StructureHeader['landmarks'] = [];

  const cols = { keys: new ByteWriter(), kinds: new ByteWriter(), communities: new ByteWriter(), colors: new ByteWriter(), papers: new ByteWriter(), authors: new ByteWriter(), groups: new ByteWriter() };
  writeFrontCoded(cols.keys, keys);
  const positions = { x: [] as number[], y: [] as number[], size: [] as number[], collabX: [] as number[], collabY: [] as number[] };
  let previousYear = 0;
  nodes.forEach((node, i) => {
    cols.kinds.byte(NODE_KINDS.indexOf(node.kind));
    cols.communities.varint(node.community);
    if (communityColor.get(node.community) === node.color) cols.colors.varint(0);
    else {
      if (!colorIndex.has(node.color)) colorIndex.set(node.color, colors.push(node.color) - 1);
      cols.colors.varint(colorIndex.get(node.color)! + 1);
    }
    positions.x.push(node.x);
    positions.y.push(node.y);
    positions.size.push(node.size);
    if (node.kind === 'paper') {
      cols.papers.zigzag(node.year - previousYear);
      previousYear = node.year;
      if (node.category !== null && !categoryIndex.has(node.category)) categoryIndex.set(node.category, categories.push(node.category) - 1);
      cols.papers.varint(node.category === null ? 0 : categoryIndex.get(node.category)! + 1);
      const lists = derived[i] ?? { authors: [], affiliations: [], topics: [] };
      const fromEdges = DERIVED_LISTS.every(([list]) => sameList(node[list], lists[list]));
      cols.papers.byte((node.hasCode ? 1 : 0) | (node.authorsTruncated ? 2 : 0) | (fromEdges ? 4 : 0));
      if (!fromEdges) {
        for (const [list] of DERIVED_LISTS) {
          const members = node[list] as string[];
          cols.papers.varint(members.length);
          for (const member of members) {
            const index = indexOf.get(member);
            // A dangling key (schema-valid, pointing nowhere) keeps its text: index count + offset into an inline string.
            if (index === undefined) {
              cols.papers.varint(keys.length);
              cols.papers.string(member);
            } else cols.papers.varint(index);
          }
        }
      }
    } else if (node.kind === 'author') {
      cols.authors.varint(node.paperCount);
      cols.authors.varint(node.collabCommunity);
      positions.collabX.push(node.collabX);
      positions.collabY.push(node.collabY);
    } else {
      cols.groups.varint(node.paperCount);
      const text: Record<string, string> = {};
      for (const attribute of LANDMARK_TEXT[node.kind]!) text[attribute] = (node as Attrs)[attribute] as string;
      landmarks.push({ index: i, attributes: text });
    }
  });
  const positionScale = chooseScale([...positions.x, ...positions.y, ...positions.collabX, ...positions.collabY]);
  const sizeScale = chooseScale(positions.size);
  const numbers = new ByteWriter();
  writeNumbers(numbers, positions.x, positionScale, true);
  writeNumbers(numbers, positions.y, positionScale, true);
  writeNumbers(numbers, positions.size, sizeScale, false);
  writeNumbers(numbers, positions.collabX, positionScale, true);
  writeNumbers(numbers, positions.collabY, positionScale, true);

  // Edges, column by column: kind (+ which end is `citing`), source delta, target relative to source, weight,
  // read from the edge table. One pass over graphology checks each edge's key and attribute names; the co-author
  // edges are checked against those the build derives from author lists: when they are exactly those, only
  // their kind byte is stored.
  const edgeCount = graph.size;
  const edgeKinds = sharedUint8(edgeCount);
  const derivedPairs = coauthorPairs(nodes.filter((node) => node.kind === 'paper').map((node) => node.authors as string[]), MAX_COAUTHORS_PER_PAPER);
  const COAUTHOR = EDGE_KINDS.indexOf('coauthor');
  let coauthorsDerived = true;
  let coauthorCount = 0;
  let sequentialEdgeKeys = true;
  let e = 0;
  let canonicalAttributes = true; // as graph/edgeTable.ts reads them back: see graphFile/edgeJson.ts
  graph.forEachEdge((edge, edgeAttributes) => {
    let position = 0;
    for (const name in edgeAttributes) {
      if (name !== 'kind' && name !== 'weight' && name !== 'citing') throw new Error(`compact encoding: edge ${edge} has attribute "${name}", which the format does not carry`);
      if (name !== CANONICAL_EDGE_ATTRIBUTES[position++]) canonicalAttributes = false;
    }
    if (position < 2 || typeof edgeAttributes.weight !== 'number') canonicalAttributes = false;
    if (table.kind[e] === UNKNOWN_KIND) throw new Error(`compact encoding: edge ${edge} has unknown kind ${String(edgeAttributes.kind)}`);
    if (table.citing[e] === OTHER_CITING) throw new Error(`compact encoding: edge ${edge} names a citing paper that is neither of its ends`);
    if (edge !== `e${e}`) sequentialEdgeKeys = false;
    e++;
  });
  const { source: edgeSources, target: edgeTargets, weight: edgeWeights } = table;
  for (let i = 0; i < edgeCount; i++) {
    const kind = table.kind[i];
    edgeKinds[i] = kind | (table.citing[i] << 4);
    if (kind === COAUTHOR) {
      const pair = derivedPairs[coauthorCount++];
      if (!pair || pair.a !== keys[edgeSources[i]] || pair.b !== keys[edgeTargets[i]] || pair.weight !== edgeWeights[i] || table.citing[i] !== NO_CITING) coauthorsDerived = false;
    }
  }
  const coauthorCap = coauthorsDerived && coauthorCount === derivedPairs.length ? MAX_COAUTHORS_PER_PAPER : null;
  const edgeCols = { kinds: new ByteWriter(), sources: new ByteWriter(), targets: new ByteWriter(), weights: new ByteWriter(), keys: new ByteWriter() };
  const weights: number[] = [];
  let previousSource = 0;
  for (let i = 0; i < edgeCount; i++) {
    edgeCols.kinds.byte(edgeKinds[i]);
    if (coauthorCap !== null && (edgeKinds[i] & 15) === COAUTHOR) continue;
    edgeCols.sources.zigzag(edgeSources[i] - previousSource);
    edgeCols.targets.zigzag(edgeTargets[i] - edgeSources[i]);
    previousSource = edgeSources[i];
    weights.push(edgeWeights[i]);
  }
  const weightScale = weights.every((w) => Number.isSafeInteger(w) && w >= 0) ? 1 : 0;
  writeNumbers(edgeCols.weights, weights, weightScale, false);
  if (!sequentialEdgeKeys) writeFrontCoded(edgeCols.keys, graph.edges());

  // The columns back to back, copied once into a buffer of the right size: growing one and copying each column
  // out first allocated tens of MB more at 100k papers.
  const parts = [...Object.entries(cols), ['numbers', numbers] as const, ...Object.entries(edgeCols).map(([k, v]) => [`edge ${k}`, v] as const)];
  const bodyBytes = sharedUint8(parts.reduce((sum, [, part]) => sum + part.written().length, 0));
  let offset = 0;
  for (const [name, part] of parts) {
    const bytes = part.written();
    if (columns) columns[name] = bytes.slice();
    bodyBytes.set(bytes, offset);
    offset += bytes.length;
  }

  const { report, ...graphAttributes } = graph.getAttributes();
  const header: Omit<StructureHeader, 'id'> = {
    nodeCount: keys.length,
    edgeCount,
    attributeOrder,
    scales: { position: positionScale, size: sizeScale, weight: weightScale },
    colors,
    categories,
    landmarks,
    graph: graphAttributes,
    graphAttributeOrder: Object.keys(graph.getAttributes()),
    coauthorCap,
    sequentialEdgeKeys,
    textKinds: NODE_KINDS.filter((k) => textKinds.has(k)),
  };

  const labels = { label: [] as (string | null)[], name: [] as (string | null)[], aliases: {} as Record<string, string[]> };
  const textEntries: (Attrs | null)[] = [];
  const textFrom = sharedInt32(nodes.length).fill(-1);
  nodes.forEach((node, i) => {
    const nameAttribute = LABEL_NAME_ATTRIBUTE[node.kind];
    if (nameAttribute) {
      const name = (node as Attrs)[nameAttribute] as string;
      labels.label.push(node.label);
      labels.name.push(name === node.label ? null : name);
      if (node.kind === 'author' && !sameList(node.aliases, [node.name])) labels.aliases[i] = node.aliases;
    } else {
      labels.label.push(null);
      labels.name.push(null);
    }
    let text: Attrs | null = null;
    let position = 0;
    let tail = true; // every attribute after the first text-tier one is text-tier too
    for (const attribute in node) {
      if (isText(node.kind, attribute)) {
        if (!text) textFrom[i] = position;
        (text ??= {})[attribute] = (node as Attrs)[attribute];
      } else if (text) tail = false;
      position++;
    }
    if (!tail) textFrom[i] = -1;
    textEntries.push(text);
  });

  // Each entry serialised once (the text is most of the bytes: ~300 MB at 100k papers), kept or handed to the
  // sink; a shard, joined, is JSON.stringify({ format, id, start, end, nodes }) of its slice of entries.
  const id = UNSIGNED_ID;
  const entryJson: string[] = [];
  const text: TextShard[] = [];
  const sink: TextSink = options.textSink ?? { entry: (json) => void entryJson.push(json), cut: (head, tail, start, end) => void text.push({ head, entries: entryJson.slice(start, end), tail }) };
  const shards: { start: number; end: number }[] = [];
  let start = 0;
  let chars = 0;
  const cut = (end: number) => {
    if (end > start) {
      shards.push({ start, end });
      sink.cut(`{"format":"paper-atlas-text","id":"${id}","start":${start},"end":${end},"nodes":[`, ']}', start, end);
    }
    start = end;
    chars = 0;
  };
  textEntries.forEach((entry, i) => {
    const json = entry ? JSON.stringify(entry) : 'null';
    sink.entry(json, i);
    chars += json.length;
    if (chars >= TEXT_SHARD_TARGET_CHARS) cut(i + 1);
  });
  cut(textEntries.length);

  const structure = new ByteWriter(bodyBytes.length + (1 << 20)); // 1 MB for the header, grown if it needs more
  structure.bytes(new TextEncoder().encode(STRUCTURE_MAGIC));
  structure.byte(COMPACT_FORMAT_VERSION);
  structure.string(JSON.stringify({ id, ...header }));
  structure.bytes(bodyBytes);

  return {
    id,
    structure: structure.finish(),
    labels: JSON.stringify({ format: 'paper-atlas-labels', id, ...labels }),
    report: JSON.stringify({ format: 'paper-atlas-report', id, report }),
    overview: overviewPart(graph, id),
    text,
    nodeText: options.textSink ? null : { json: entryJson, from: textFrom },
    textFrom,
    edgesCanonical: sequentialEdgeKeys && canonicalAttributes,
    manifest: {
      format: 'paper-atlas-compact',
      version: COMPACT_FORMAT_VERSION,
      id,
      nodeCount: keys.length,
      edgeCount,
      structure: 'structure.bin',
      labels: 'labels.json.gz',
      report: 'report.json.gz',
      overview: 'overview.json.gz',
      text: shards.map((s, i) => ({ file: `text-${i}.json.gz`, start: s.start, end: s.end })),
    },
  };
}

/** The overview's tallies (src/core/overview), computed here once instead of from the structure in every browser. */
function overviewPart(graph: AtlasGraph, id: string): string {
  const input = overviewInputFromGraph(graph);
  const { nodeCount, bbox, years, communities, pairs } = tallyOverview(input);
  const listing = input.communities.map(({ id: community, label, color }) => ({ id: community, label, color }));
  return JSON.stringify({ format: 'paper-atlas-overview', id, nodeCount, bbox, years, communities, pairs: pairs.map((p) => [p.a, p.b, p.edges]), listing });
}
