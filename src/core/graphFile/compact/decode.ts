/**
 * Compact parts → the graph. `decodeStructure` gives a graph sigma, the legend and the filters can use at
 * once: every node has every attribute of its kind, those of the later parts holding typed placeholders
 * ('' titles, empty abstracts and related lists, the year as date) until `mergeLabels`, `mergeTextShard`
 * and `mergeReport` fill them in place. Every part is checked (zod for JSON, bounds for bytes) and a bad
 * one throws a `CompactFormatError` saying which part and what is wrong. It runs in two stages the app can
 * pull apart: `readStructure` (bytes → checked arrays, enough for the overview) and `graphSteps` (arrays → graph).
 */
import Graph from 'graphology';
import { EDGE_KINDS, NODE_KINDS, NodeAttributesSchema, type AtlasGraph, type EdgeAttributes, type NodeKind, type Report } from '../index';
import { ByteReader, CompactFormatError } from './bytes';
import { COMPACT_FORMAT_VERSION, LabelsPartSchema, ReportPartSchema, STRUCTURE_MAGIC, StructureHeaderSchema, TextShardSchema, type StructureHeader } from './schema';
import { DERIVED_LISTS, LABEL_NAME_ATTRIBUTE, TEXT_PLACEHOLDERS, coauthorPairs, isLabelAttribute, isStructureAttribute } from './types';

type Attrs = Record<string, unknown>;

export interface CompactGraph {
  graph: AtlasGraph;
  header: StructureHeader;
  /** Node keys by index (the order of the graph file). */
  keys: string[];
  labelsMerged: boolean;
  /** Start indices of the text shards merged so far. */
  shardsMerged: Set<number>;
  reportMerged: boolean;
}

const EMPTY_REPORT: Report = { inputs: [], rejected: [], duplicates: [], ambiguousAuthors: [] };

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

function readNumbers(reader: ByteReader, count: number, scale: number, delta: boolean, what: string): Float64Array {
  const values = new Float64Array(count);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    if (scale === 0) values[i] = reader.float64(what);
    else {
      const scaled = delta ? previous + reader.zigzag(what) : reader.zigzag(what);
      previous = scaled;
      values[i] = scaled / scale;
    }
  }
  return values;
}

function readFrontCoded(reader: ByteReader, count: number, what: string): string[] {
  const strings: string[] = new Array(count);
  let previous = '';
  for (let i = 0; i < count; i++) {
    const shared = reader.varint(what);
    if (shared > previous.length) throw new CompactFormatError(`structure.bin is corrupted: ${what} ${i} shares ${shared} characters with a shorter one`);
    previous = strings[i] = previous.slice(0, shared) + reader.string(what);
  }
  return strings;
}

function readHeader(reader: ByteReader): StructureHeader {
  const magic = String.fromCharCode(...reader.bytes(4, 'the file signature'));
  if (magic !== STRUCTURE_MAGIC) throw new CompactFormatError('structure.bin is not a Paper Atlas structure file (wrong signature)');
  const version = reader.byte('the format version');
  if (version !== COMPACT_FORMAT_VERSION) throw new CompactFormatError(`structure.bin has format version ${version}; this app reads version ${COMPACT_FORMAT_VERSION}`);
  let json: unknown;
  try {
    json = JSON.parse(reader.string('the header'));
  } catch (err) {
    if (err instanceof CompactFormatError) throw err;
    throw new CompactFormatError(`structure.bin header is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = StructureHeaderSchema.safeParse(json);
  if (!parsed.success) throw new CompactFormatError(`structure.bin header does not match the schema: ${describeIssues(parsed.error.issues)}`);
  // Validated; the raw object keeps any graph attribute the schema does not name.
  return { ...parsed.data, graph: (json as StructureHeader).graph };
}

type PaperFacts = { year: number; category: string | null; hasCode: boolean; authorsTruncated: boolean; lists: Record<string, string[]> | null };

/**
 * Everything structure.bin holds, as arrays by node and edge index, checked but not yet a graph: what the
 * map's overview (src/core/overview) reads before the graph is built. Edges whose ends are derived (the
 * build's co-author edges) have source and target -1 here; building the graph fills them in.
 */
export interface StructureData {
  header: StructureHeader;
  keys: string[];
  kinds: NodeKind[];
  communities: Uint32Array;
  colors: string[];
  x: Float64Array;
  y: Float64Array;
  sizes: Float64Array;
  /** Paper facts in node order (the i-th paper node), and years by node index (NaN for other kinds). */
  papers: PaperFacts[];
  years: Float64Array;
  edgeKinds: Uint8Array;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Private to the graph build. */
  rest: {
    authors: { paperCount: number; collabCommunity: number }[];
    groups: number[];
    collabX: Float64Array;
    collabY: Float64Array;
    edgeKeys: string[] | null;
    /** Indices of the edges whose ends the file stores. */
    stored: Int32Array;
  };
}

export function readStructure(bytes: Uint8Array): StructureData {
  const reader = new ByteReader(bytes, 'structure.bin');
  const header = readHeader(reader);
  const { nodeCount: n, edgeCount: m, scales } = header;

  const keys = readFrontCoded(reader, n, 'node key');
  const kinds: NodeKind[] = new Array(n);
  for (let i = 0; i < n; i++) kinds[i] = NODE_KINDS[reader.index(NODE_KINDS.length, 'node kind')];
  const communities = new Uint32Array(n);
  for (let i = 0; i < n; i++) communities[i] = reader.varint('community');
  const colorOf = new Map(header.graph.communities.map((c) => [c.id, c.color]));
  const colors: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const code = reader.index(header.colors.length + 1, 'colour');
    const color = code === 0 ? colorOf.get(communities[i]) : header.colors[code - 1];
    if (color === undefined) throw new CompactFormatError(`structure.bin is corrupted: node ${keys[i]} takes the colour of community ${communities[i]}, which is not listed`);
    colors[i] = color;
  }

  const count = (kind: NodeKind) => kinds.reduce((sum, k) => sum + (k === kind ? 1 : 0), 0);
  const papers: PaperFacts[] = [];
  let year = 0;
  for (let p = count('paper'); p > 0; p--) {
    year += reader.zigzag('paper year');
    const category = reader.index(header.categories.length + 1, 'paper category');
    const flags = reader.byte('paper flags');
    let lists: Record<string, string[]> | null = null;
    if (!(flags & 4)) {
      lists = {};
      for (const [list] of DERIVED_LISTS) {
        lists[list] = Array.from({ length: reader.varint(`paper ${list}`) }, () => {
          const index = reader.index(n + 1, `paper ${list} member`);
          return index === n ? reader.string(`paper ${list} member`) : keys[index];
        });
      }
    }
    papers.push({ year, category: category === 0 ? null : header.categories[category - 1], hasCode: !!(flags & 1), authorsTruncated: !!(flags & 2), lists });
  }
  const years = new Float64Array(n).fill(NaN);
  for (let i = 0, p = 0; i < n; i++) if (kinds[i] === 'paper') years[i] = papers[p++].year;
  const authorCount = count('author');
  const authors = Array.from({ length: authorCount }, () => ({ paperCount: reader.varint('author paper count'), collabCommunity: reader.varint('author collaboration community') }));
  const groups = Array.from({ length: n - papers.length - authorCount }, () => reader.varint('paper count'));
  const x = readNumbers(reader, n, scales.position, true, 'x');
  const y = readNumbers(reader, n, scales.position, true, 'y');
  const sizes = readNumbers(reader, n, scales.size, false, 'size');
  const collabX = readNumbers(reader, authorCount, scales.position, true, 'collabX');
  const collabY = readNumbers(reader, authorCount, scales.position, true, 'collabY');

  const edgeKinds = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    edgeKinds[e] = reader.byte('edge kind');
    if ((edgeKinds[e] & 15) >= EDGE_KINDS.length || edgeKinds[e] >> 4 > 2) throw new CompactFormatError(`structure.bin is corrupted: edge ${e} has an unknown kind`);
  }
  // Co-author edges derived from author lists have no ends or weight of their own in the file.
  const COAUTHOR = EDGE_KINDS.indexOf('coauthor');
  let storedCount = 0;
  const storedAll = new Int32Array(m);
  for (let e = 0; e < m; e++) if (header.coauthorCap === null || (edgeKinds[e] & 15) !== COAUTHOR) storedAll[storedCount++] = e;
  const stored = storedAll.subarray(0, storedCount);
  const sources = new Int32Array(m).fill(-1);
  const targets = new Int32Array(m).fill(-1);
  let source = 0;
  // Indexed loops over typed arrays: a million edges at 100k papers.
  for (let i = 0; i < stored.length; i++) sources[stored[i]] = source += reader.zigzag('edge source');
  for (let i = 0; i < stored.length; i++) targets[stored[i]] = sources[stored[i]] + reader.zigzag('edge target');
  for (let i = 0; i < stored.length; i++) {
    const e = stored[i];
    if (sources[e] < 0 || targets[e] < 0 || sources[e] >= n || targets[e] >= n) throw new CompactFormatError(`structure.bin is corrupted: edge ${e} points past the ${n} nodes`);
  }
  const storedWeights = readNumbers(reader, stored.length, scales.weight, false, 'edge weight');
  const weights = new Float64Array(m);
  for (let i = 0; i < stored.length; i++) weights[stored[i]] = storedWeights[i];
  const edgeKeys = header.sequentialEdgeKeys ? null : readFrontCoded(reader, m, 'edge key');
  if (!reader.atEnd) throw new CompactFormatError(`structure.bin is corrupted: ${bytes.length - reader.position} unexpected byte(s) after the last edge`);

  return {
    header, keys, kinds, communities, colors, x, y, sizes, papers, years, edgeKinds, sources, targets, weights,
    rest: { authors, groups, collabX, collabY, edgeKeys, stored },
  };
}

/** Paper lists (authors, affiliations, topics) from the edges, in edge order (what the encoder checked). */
function derivedLists({ keys, kinds, edgeKinds, sources, targets, rest: { stored } }: StructureData): Map<number, Record<string, string[]>> {
  const listOfEdgeKind = EDGE_KINDS.map((kind) => DERIVED_LISTS.find((entry) => entry[1] === kind)?.[0]);
  const derived = new Map<number, Record<string, string[]>>();
  for (const e of stored) {
    const list = listOfEdgeKind[edgeKinds[e] & 15];
    if (!list) continue;
    const sourceIsPaper = kinds[sources[e]] === 'paper';
    if (!sourceIsPaper && kinds[targets[e]] !== 'paper') continue;
    const paper = sourceIsPaper ? sources[e] : targets[e];
    const other = sourceIsPaper ? targets[e] : sources[e];
    let lists = derived.get(paper);
    if (!lists) derived.set(paper, (lists = { authors: [], affiliations: [], topics: [] }));
    lists[list].push(keys[other]);
  }
  return derived;
}

/** Items added to the graph between two yields of `graphSteps`. */
const STEP_ITEMS = 50_000;

/**
 * Builds the graph from `readStructure`'s arrays, yielding every `stepItems` nodes or edges so a page can
 * keep drawing and answering the pointer meanwhile (a 100k-paper graph is about a million `addEdge` calls).
 * Run it to its end in one go with `graphFromStructure`.
 */
export function* graphSteps(data: StructureData, stepItems = STEP_ITEMS): Generator<void, CompactGraph> {
  const { header, keys, kinds, communities, colors, x, y, sizes, papers, edgeKinds, sources, targets, weights } = data;
  const { authors, groups, collabX, collabY, edgeKeys, stored } = data.rest;
  const n = keys.length;
  const m = edgeKinds.length;
  const derived = derivedLists(data);
  const landmarkText = new Map(header.landmarks.map((l) => [l.index, l.attributes]));
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const graphAttributes: Attrs = {};
  for (const name of header.graphAttributeOrder) graphAttributes[name] = name === 'report' ? EMPTY_REPORT : (header.graph as Attrs)[name];
  graph.replaceAttributes(graphAttributes as never);

  let paperAt = 0;
  let authorAt = 0;
  let groupAt = 0;
  try {
    for (let i = 0; i < n; i++) {
      if (i % stepItems === stepItems - 1) yield;
      const kind = kinds[i];
      const values: Attrs = { kind, community: communities[i], x: x[i], y: y[i], size: sizes[i], color: colors[i] };
      if (kind === 'paper') {
        const p = papers[paperAt++];
        const lists = p.lists ?? derived.get(i) ?? { authors: [], affiliations: [], topics: [] };
        Object.assign(values, { year: p.year, category: p.category, hasCode: p.hasCode, authorsTruncated: p.authorsTruncated, ...lists, date: String(p.year) });
      } else if (kind === 'author') {
        Object.assign(values, authors[authorAt], { collabX: collabX[authorAt], collabY: collabY[authorAt] });
        authorAt++;
      } else {
        const text = landmarkText.get(i);
        if (!text) throw new CompactFormatError(`structure.bin is corrupted: ${kind} ${keys[i]} has no name in the header`);
        Object.assign(values, text, { paperCount: groups[groupAt++] });
      }
      const order = header.attributeOrder[kind];
      if (!order) throw new CompactFormatError(`structure.bin header lists no attributes for ${kind} nodes`);
      const attributes: Attrs = {};
      for (const name of order) {
        if (name in values) attributes[name] = values[name];
        else if (isLabelAttribute(kind, name)) attributes[name] = name === 'aliases' ? [] : '';
        else if (!isStructureAttribute(kind, name)) {
          // A fresh empty array per node (never shared); strings and nulls as they are.
          const placeholder = TEXT_PLACEHOLDERS[name];
          attributes[name] = Array.isArray(placeholder) ? [] : placeholder;
        }
      }
      graph.addNode(keys[i], attributes as never);
    }
    if (header.coauthorCap !== null) {
      yield;
      const indexOf = new Map(keys.map((key, i) => [key, i]));
      const authorLists: string[][] = [];
      graph.forEachNode((_key, node) => {
        if (node.kind === 'paper') authorLists.push(node.authors);
      });
      const pairs = coauthorPairs(authorLists, header.coauthorCap);
      const slots = m - stored.length;
      if (pairs.length !== slots) throw new CompactFormatError(`structure.bin is corrupted: ${slots} co-author edges listed, the author lists give ${pairs.length}`);
      let next = 0;
      for (let e = 0; e < m; e++) {
        if (sources[e] >= 0) continue;
        const pair = pairs[next++];
        const a = indexOf.get(pair.a);
        const b = indexOf.get(pair.b);
        if (a === undefined || b === undefined) throw new CompactFormatError('structure.bin is corrupted: a co-author edge names a missing author');
        sources[e] = a;
        targets[e] = b;
        weights[e] = pair.weight;
      }
      yield;
    }
    for (let e = 0; e < m; e++) {
      if (e % stepItems === stepItems - 1) yield;
      const attributes: Attrs = { kind: EDGE_KINDS[edgeKinds[e] & 15], weight: weights[e] };
      const citing = edgeKinds[e] >> 4;
      if (citing) attributes.citing = keys[citing === 1 ? sources[e] : targets[e]];
      graph.addUndirectedEdgeWithKey(edgeKeys ? edgeKeys[e] : `e${e}`, keys[sources[e]], keys[targets[e]], attributes as EdgeAttributes);
    }
  } catch (err) {
    if (err instanceof CompactFormatError) throw err;
    throw new CompactFormatError(`structure.bin is corrupted: ${(err as Error).message}`);
  }
  return { graph, header, keys, labelsMerged: false, shardsMerged: new Set(), reportMerged: false };
}

/** `graphSteps` run to its end. */
export function graphFromStructure(data: StructureData): CompactGraph {
  const steps = graphSteps(data, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export function decodeStructure(bytes: Uint8Array): CompactGraph {
  return graphFromStructure(readStructure(bytes));
}

function checkPart<T extends { id: string }>(state: CompactGraph, name: string, schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CompactFormatError(`${name} does not match the schema: ${describeIssues(parsed.error.issues)}`);
  if (parsed.data.id !== state.header.id) throw new CompactFormatError(`${name} belongs to another build (${parsed.data.id}, the structure is ${state.header.id}): rebuild the graph`);
  return parsed.data;
}

/** Titles, names and spellings: map labels and search. One graph event, so sigma redraws once. */
export function mergeLabels(state: CompactGraph, json: unknown): void {
  const part = checkPart(state, 'labels part', LabelsPartSchema, json);
  const n = state.keys.length;
  if (part.label.length !== n || part.name.length !== n) throw new CompactFormatError(`labels part lists ${part.label.length} labels for ${n} nodes`);
  const attrs = state.keys.map((key) => state.graph.getNodeAttributes(key) as Attrs & { kind: NodeKind });
  attrs.forEach((node, i) => {
    if (LABEL_NAME_ATTRIBUTE[node.kind] && part.label[i] === null) throw new CompactFormatError(`labels part has no label for ${state.keys[i]}`);
  });
  let i = 0;
  state.graph.updateEachNodeAttributes(
    (_key, node) => {
      const nameAttribute = LABEL_NAME_ATTRIBUTE[node.kind];
      if (nameAttribute) {
        const label = part.label[i]!;
        const name = part.name[i] ?? label;
        node.label = label;
        (node as Attrs)[nameAttribute] = name;
        if (node.kind === 'author') node.aliases = part.aliases[i] ?? [name];
      }
      i++;
      return node;
    },
    { attributes: ['label', 'title', 'name', 'aliases'] as never },
  );
  state.labelsMerged = true;
}

/**
 * Abstracts, related papers and the rest of one index range, written into the node objects in place:
 * nothing on the map changes, so no graph event (and no sigma re-index) is needed.
 */
export function mergeTextShard(state: CompactGraph, json: unknown): void {
  const shard = checkPart(state, 'text shard', TextShardSchema, json);
  const name = `text shard ${shard.start}–${shard.end}`;
  if (shard.end > state.keys.length || shard.end - shard.start !== shard.nodes.length) throw new CompactFormatError(`${name} does not fit the ${state.keys.length} nodes`);
  if (state.shardsMerged.has(shard.start)) return;
  shard.nodes.forEach((text, offset) => {
    if (!text) return;
    const key = state.keys[shard.start + offset];
    const node = state.graph.getNodeAttributes(key) as Attrs;
    const merged = { ...node, ...text };
    const parsed = NodeAttributesSchema.safeParse(merged);
    const issues = parsed.success ? [] : parsed.error.issues.filter((issue) => String(issue.path[0]) in text);
    if (issues.length) throw new CompactFormatError(`${name}: node ${key}: ${describeIssues(issues)}`);
    Object.assign(node, text);
  });
  state.shardsMerged.add(shard.start);
}

export function mergeReport(state: CompactGraph, json: unknown): void {
  const part = checkPart(state, 'report part', ReportPartSchema, json);
  state.graph.setAttribute('report', (json as { report: Report }).report ?? part.report);
  state.reportMerged = true;
}
