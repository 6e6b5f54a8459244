/**
 * structure.bin → checked arrays by node and edge index (`readStructure`), not yet a graph: what the overview
 * can be computed from, and what `graphSteps` (decode.ts) builds the graph from. Everything a graph needs is
 * resolved here — paper lists from the edges, the co-author edges from the author lists — and nearly all of it
 * is in typed arrays, so the app can run this in a web worker and move the result to the page almost for free.
 */
import { EDGE_KINDS, NODE_KINDS, type NodeKind } from '../schema';
import { ByteReader, CompactFormatError } from './bytes';
import { COMPACT_FORMAT_VERSION, STRUCTURE_MAGIC, StructureHeaderSchema, type StructureHeader } from './schema';
import { DERIVED_LISTS } from './types';

export type ListName = (typeof DERIVED_LISTS)[number][0];

/** Per paper (in node order) the node indices of one list, as offsets into one array: paper p's are members[offsets[p] … offsets[p+1]). */
export interface IndexLists {
  offsets: Int32Array;
  members: Int32Array;
}

export interface StructureData {
  header: StructureHeader;
  /** Node keys by index (the order of the graph file). */
  keys: string[];
  /** NODE_KINDS index by node. */
  kinds: Uint8Array;
  communities: Uint32Array;
  /** Index into `palette` by node. */
  colors: Uint32Array;
  palette: string[];
  x: Float64Array;
  y: Float64Array;
  sizes: Float64Array;
  /** A paper's year by node index; NaN for other kinds. */
  years: Float64Array;
  edgeKinds: Uint8Array;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** What only the graph build reads. */
  rest: {
    /** By paper, in node order: category (0 = none, else header.categories[c - 1]) and flags (1 hasCode, 2 authorsTruncated). */
    paperCategories: Uint32Array;
    paperFlags: Uint8Array;
    /** Paper lists the edges give (authors, affiliations, topics in edge order). */
    derived: Record<ListName, IndexLists>;
    /** Papers (by paper number) whose lists are stored as they are instead (rare: they differ from the edges). */
    explicit: Map<number, Record<ListName, string[]>>;
    /** By author, in node order. */
    authorPaperCounts: Uint32Array;
    collabCommunities: Uint32Array;
    collabX: Float64Array;
    collabY: Float64Array;
    /** paperCount of every other node (categories, affiliations, topics), in node order. */
    groupPaperCounts: Uint32Array;
    edgeKeys: string[] | null;
  };
}

export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
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

function readCounts(reader: ByteReader, count: number, what: string): Uint32Array {
  const values = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const value = reader.varint(what);
    if (value > 0xffffffff) throw new CompactFormatError(`structure.bin is corrupted: ${what} ${value} at byte ${reader.position} is out of range`);
    values[i] = value;
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

const KIND = Object.fromEntries(NODE_KINDS.map((kind, i) => [kind, i])) as Record<NodeKind, number>;

export function readStructure(bytes: Uint8Array): StructureData {
  const reader = new ByteReader(bytes, 'structure.bin');
  const header = readHeader(reader);
  const { nodeCount: n, edgeCount: m, scales } = header;

  const keys = readFrontCoded(reader, n, 'node key');
  const kinds = new Uint8Array(n);
  const kindCounts = new Array<number>(NODE_KINDS.length).fill(0);
  for (let i = 0; i < n; i++) kindCounts[(kinds[i] = reader.index(NODE_KINDS.length, 'node kind'))]++;
  const communities = readCounts(reader, n, 'community');
  // The palette: the file's own colours, then each listed community's (code 0 = "the colour of its community").
  const palette = [...header.colors, ...header.graph.communities.map((c) => c.color)];
  const communityColor = new Map(header.graph.communities.map((c, i) => [c.id, header.colors.length + i]));
  const colors = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const code = reader.index(header.colors.length + 1, 'colour');
    const color = code === 0 ? communityColor.get(communities[i]) : code - 1;
    if (color === undefined) throw new CompactFormatError(`structure.bin is corrupted: node ${keys[i]} takes the colour of community ${communities[i]}, which is not listed`);
    colors[i] = color;
  }

  const paperCount = kindCounts[KIND.paper];
  const paperYears = new Float64Array(paperCount);
  const paperCategories = new Uint32Array(paperCount);
  const paperFlags = new Uint8Array(paperCount);
  const explicitIndices = new Map<number, Record<ListName, (number | string)[]>>();
  let year = 0;
  for (let p = 0; p < paperCount; p++) {
    paperYears[p] = year += reader.zigzag('paper year');
    paperCategories[p] = reader.index(header.categories.length + 1, 'paper category');
    const flags = reader.byte('paper flags');
    paperFlags[p] = flags & 3;
    if (flags & 4) continue;
    const lists = {} as Record<ListName, (number | string)[]>;
    for (const [list] of DERIVED_LISTS) {
      lists[list] = Array.from({ length: reader.varint(`paper ${list}`) }, () => {
        const index = reader.index(n + 1, `paper ${list} member`);
        // A member the graph does not hold keeps its text.
        return index === n ? reader.string(`paper ${list} member`) : index;
      });
    }
    explicitIndices.set(p, lists);
  }
  const years = new Float64Array(n).fill(NaN);
  for (let i = 0, p = 0; i < n; i++) if (kinds[i] === KIND.paper) years[i] = paperYears[p++];
  const authorCount = kindCounts[KIND.author];
  const authorPaperCounts = new Uint32Array(authorCount);
  const collabCommunities = new Uint32Array(authorCount);
  for (let a = 0; a < authorCount; a++) {
    authorPaperCounts[a] = reader.varint('author paper count');
    collabCommunities[a] = reader.varint('author collaboration community');
  }
  const groupPaperCounts = readCounts(reader, n - paperCount - authorCount, 'paper count');
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
  // Co-author edges derived from author lists have no ends or weight of their own in the file (-1 until derived).
  const COAUTHOR = EDGE_KINDS.indexOf('coauthor');
  const derivedCoauthors = header.coauthorCap !== null;
  const sources = new Int32Array(m).fill(-1);
  const targets = new Int32Array(m).fill(-1);
  const weights = new Float64Array(m);
  const isStored = (e: number) => !derivedCoauthors || (edgeKinds[e] & 15) !== COAUTHOR;
  let storedCount = 0;
  for (let e = 0; e < m; e++) if (isStored(e)) storedCount++;
  // Indexed loops over typed arrays: a million edges at 100k papers.
  let source = 0;
  for (let e = 0; e < m; e++) if (isStored(e)) sources[e] = source += reader.zigzag('edge source');
  for (let e = 0; e < m; e++) {
    if (!isStored(e)) continue;
    targets[e] = sources[e] + reader.zigzag('edge target');
    if (sources[e] < 0 || targets[e] < 0 || sources[e] >= n || targets[e] >= n) throw new CompactFormatError(`structure.bin is corrupted: edge ${e} points past the ${n} nodes`);
  }
  const storedWeights = readNumbers(reader, storedCount, scales.weight, false, 'edge weight');
  for (let e = 0, i = 0; e < m; e++) if (isStored(e)) weights[e] = storedWeights[i++];
  const edgeKeys = header.sequentialEdgeKeys ? null : readFrontCoded(reader, m, 'edge key');
  if (!reader.atEnd) throw new CompactFormatError(`structure.bin is corrupted: ${bytes.length - reader.position} unexpected byte(s) after the last edge`);

  const derived = derivedLists(kinds, paperCount, edgeKinds, sources, targets);
  if (derivedCoauthors) deriveCoauthorEdges(header.coauthorCap!, keys, derived.authors, explicitIndices, edgeKinds, sources, targets, weights);
  const explicit = new Map<number, Record<ListName, string[]>>();
  for (const [p, lists] of explicitIndices) {
    const named = {} as Record<ListName, string[]>;
    for (const [list] of DERIVED_LISTS) named[list] = lists[list].map((member) => (typeof member === 'number' ? keys[member] : member));
    explicit.set(p, named);
  }
  return {
    header, keys, kinds, communities, colors, palette, x, y, sizes, years, edgeKinds, sources, targets, weights,
    rest: { paperCategories, paperFlags, derived, explicit, authorPaperCounts, collabCommunities, collabX, collabY, groupPaperCounts, edgeKeys },
  };
}

/** Paper lists (authors, affiliations, topics) from the edges whose ends the file stores, in edge order (what the encoder checked). */
function derivedLists(kinds: Uint8Array, paperCount: number, edgeKinds: Uint8Array, sources: Int32Array, targets: Int32Array): Record<ListName, IndexLists> {
  const n = kinds.length;
  const m = edgeKinds.length;
  // Paper number by node index.
  const paperOf = new Int32Array(n).fill(-1);
  for (let i = 0, p = 0; i < n; i++) if (kinds[i] === KIND.paper) paperOf[i] = p++;
  // Which list an edge kind feeds (-1: none); the edge's paper end and its other end, counted first, then filled.
  const listOfKind = EDGE_KINDS.map((kind) => DERIVED_LISTS.findIndex(([, edgeKind]) => edgeKind === kind));
  const offsets = DERIVED_LISTS.map(() => new Int32Array(paperCount + 1));
  const paperEnd = new Int32Array(m).fill(-1);
  for (let e = 0; e < m; e++) {
    const list = listOfKind[edgeKinds[e] & 15];
    if (list < 0 || sources[e] < 0) continue;
    const paper = paperOf[sources[e]] >= 0 ? sources[e] : paperOf[targets[e]] >= 0 ? targets[e] : -1;
    if (paper < 0) continue;
    paperEnd[e] = paper;
    offsets[list][paperOf[paper] + 1]++;
  }
  const result = {} as Record<ListName, IndexLists>;
  const members = offsets.map((counts) => {
    for (let p = 0; p < paperCount; p++) counts[p + 1] += counts[p];
    return new Int32Array(counts[paperCount]);
  });
  const filled = offsets.map((counts) => counts.slice(0, paperCount));
  for (let e = 0; e < m; e++) {
    const paper = paperEnd[e];
    if (paper < 0) continue;
    const list = listOfKind[edgeKinds[e] & 15];
    members[list][filled[list][paperOf[paper]]++] = paper === sources[e] ? targets[e] : sources[e];
  }
  DERIVED_LISTS.forEach(([list], i) => (result[list] = { offsets: offsets[i], members: members[i] }));
  return result;
}

/**
 * The build's co-author edges (types.ts `coauthorPairs`: every pair of a paper with at most `cap` authors,
 * smaller key first, in order of first joint paper, weight = joint papers) written into the edge slots the file
 * left empty — by node index, in a hash table of typed arrays: about a million pairs at 100k papers.
 */
function deriveCoauthorEdges(
  cap: number, keys: string[], derivedAuthors: IndexLists, explicit: Map<number, Record<ListName, (number | string)[]>>,
  edgeKinds: Uint8Array, sources: Int32Array, targets: Int32Array, weights: Float64Array,
): void {
  const COAUTHOR = EDGE_KINDS.indexOf('coauthor');
  let slots = 0;
  for (let e = 0; e < edgeKinds.length; e++) if ((edgeKinds[e] & 15) === COAUTHOR) slots++;
  // A valid file has exactly `slots` pairs: the table never needs to grow (more pairs is a corrupted file).
  let capacity = 16;
  while (capacity < slots * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const pairA = new Int32Array(slots);
  const pairB = new Int32Array(slots);
  const pairWeight = new Float64Array(slots);
  let pairs = 0;
  let tooMany = false;
  let missingAuthor = false;
  const authors: number[] = [];
  const paperCount = derivedAuthors.offsets.length - 1;
  for (let p = 0; p < paperCount && !tooMany; p++) {
    authors.length = 0;
    const listed = explicit.get(p);
    if (listed) {
      for (const author of listed.authors) authors.push(typeof author === 'number' ? author : -1);
    } else {
      for (let k = derivedAuthors.offsets[p]; k < derivedAuthors.offsets[p + 1]; k++) authors.push(derivedAuthors.members[k]);
    }
    if (authors.length > cap) continue;
    for (let i = 0; i < authors.length; i++) {
      for (let j = i + 1; j < authors.length; j++) {
        if (authors[i] < 0 || authors[j] < 0) {
          missingAuthor = true;
          continue;
        }
        const [a, b] = keys[authors[i]] < keys[authors[j]] ? [authors[i], authors[j]] : [authors[j], authors[i]];
        let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
        while (table[slot] >= 0 && (pairA[table[slot]] !== a || pairB[table[slot]] !== b)) slot = (slot + 1) & mask;
        if (table[slot] >= 0) pairWeight[table[slot]]++;
        else if (pairs === slots) tooMany = true;
        else {
          table[slot] = pairs;
          pairA[pairs] = a;
          pairB[pairs] = b;
          pairWeight[pairs++] = 1;
        }
      }
    }
  }
  if (tooMany || pairs !== slots) throw new CompactFormatError(`structure.bin is corrupted: ${slots} co-author edges listed, the author lists give ${tooMany ? 'more' : pairs}`);
  if (missingAuthor) throw new CompactFormatError('structure.bin is corrupted: a co-author edge names a missing author');
  for (let e = 0, next = 0; e < edgeKinds.length; e++) {
    if ((edgeKinds[e] & 15) !== COAUTHOR) continue;
    sources[e] = pairA[next];
    targets[e] = pairB[next];
    weights[e] = pairWeight[next++];
  }
}

/** The buffers behind every typed array of `data`, to move it between threads without copying. */
export function structureBuffers(data: StructureData): ArrayBuffer[] {
  const { rest } = data;
  const arrays: ArrayBufferView[] = [
    data.kinds, data.communities, data.colors, data.x, data.y, data.sizes, data.years, data.edgeKinds, data.sources, data.targets, data.weights,
    rest.paperCategories, rest.paperFlags, rest.authorPaperCounts, rest.collabCommunities, rest.collabX, rest.collabY, rest.groupPaperCounts,
    ...Object.values(rest.derived).flatMap((lists) => [lists.offsets, lists.members]),
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
