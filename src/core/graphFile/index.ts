import Graph from 'graphology';
import type { z } from 'zod';
import { GraphFileSchema, type GraphAttributes, type NodeAttributes, type EdgeAttributes, type GraphFile } from './schema';
import type { EdgeJsonOutput } from './edgeJson';

export * from './schema';

/** The graph as the app and the build hold it in memory. */
export type AtlasGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export type GraphFileResult = { ok: true; graph: AtlasGraph; file: GraphFile } | { ok: false; error: string };

/** Human-readable list of the first schema violations, with the JSON path of each. */
function describeIssues(issues: { path: PropertyKey[]; message: string }[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return shown.join('; ') + more;
}

/** Validates parsed JSON against the graph file contract and restores the graphology graph. */
export function parseGraphFile(json: unknown): GraphFileResult {
  const parsed = GraphFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `graph file does not match the schema: ${describeIssues(parsed.error.issues)}` };
  const file = parsed.data;
  const keys = new Set<string>();
  for (const n of file.nodes) keys.add(n.key);
  if (keys.size !== file.nodes.length) return { ok: false, error: 'graph file has duplicate node keys' };
  for (const e of file.edges) {
    if (!keys.has(e.source) || !keys.has(e.target)) {
      return { ok: false, error: `edge ${e.key} points to a missing node (${keys.has(e.source) ? e.target : e.source})` };
    }
  }
  try {
    return { ok: true, graph: Graph.from(file) as AtlasGraph, file };
  } catch (err) {
    return { ok: false, error: `graph file cannot be loaded: ${(err as Error).message}` };
  }
}

const NodeEntrySchema = GraphFileSchema.shape.nodes.element;
const EdgeEntrySchema = GraphFileSchema.shape.edges.element;
const HeadSchema = GraphFileSchema.pick({ options: true, attributes: true });
/**
 * Characters per yielded chunk, about: big enough to keep write calls few, small enough that the chunk being
 * built stays a small share of V8's young generation (a few MB alive at every scavenge would be copied and
 * promoted each time: at 100k papers that made writing the file several times slower).
 */
const CHUNK_CHARS = 1 << 18;

function checked(schema: z.ZodType, value: unknown, where: string): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`built graph violates the graph file schema at ${where}: ${describeIssues(parsed.error.issues)}`);
}

/**
 * The graph file as a sequence of string chunks, each node and edge checked against the contract on the way
 * (throws on violation: a build bug). Concatenated, the chunks are exactly `JSON.stringify(graph.export())` plus
 * a newline; written one by one, a file of any size is produced — a 100k-paper graph with abstracts is past
 * V8's ~512 MB limit for one string.
 */
export function* graphFileChunks(graph: AtlasGraph): Generator<string> {
  yield* graphFilePieces(graph, {}) as Generator<string>;
}

/** A node as graph.json holds it. */
export interface NodeEntry {
  key: string;
  attributes?: object;
}

/** What the build hands the graph file writer besides the graph: work it already did or does elsewhere. */
export interface GraphFileHelp {
  /**
   * Writes the node entries itself, comma-separated, each checked with `check` (named `node <index>`) first:
   * the build writes them as bytes (compact/node.ts).
   */
  nodeChunks?: (entries: Iterable<NodeEntry>, check: (entry: NodeEntry, where: string) => void) => Iterable<Uint8Array>;
  /** The edge entries, serialised from the edge table on another thread (edgeJson.ts), for a graph whose edges are canonical. */
  edgeJson?: () => EdgeJsonOutput;
}

/** `graphFileChunks` with help: the edge entries may come as one piece of UTF-8 bytes. */
export function* graphFilePieces(graph: AtlasGraph, help: GraphFileHelp): Generator<string | Uint8Array> {
  // Written as graph.export() would give it, read entry by entry: export() copies every node's and edge's
  // attributes first, a million objects at 100k papers for nothing.
  const head = { options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }, attributes: graph.getAttributes() };
  checked(HeadSchema, head, 'the graph attributes');
  yield `{"options":${JSON.stringify(head.options)},"attributes":${JSON.stringify(head.attributes)},"nodes":[`;
  const mixed = graph.type === 'mixed';
  const nodes = (function* () {
    for (const { node, attributes } of graph.nodeEntries()) yield hasAny(attributes) ? { key: node, attributes } : { key: node };
  })();
  const edges = (function* () {
    for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
      const entry: Record<string, unknown> = { key: edge, source, target };
      if (hasAny(attributes)) entry.attributes = attributes;
      if (mixed && undirected) entry.undirected = true;
      yield entry;
    }
  })();
  const checkNode = (entry: NodeEntry, where: string) => checked(NodeEntrySchema, entry, where);
  if (help.nodeChunks) yield* help.nodeChunks(nodes, checkNode);
  else yield* checkedChunks(nodes, checkNode, 'node');
  yield '],"edges":[';
  // graphology gives every edge key and end as a string, so an edge entry is valid exactly when its attributes
  // are: an attributes object many edges share (the build shares one per kind and weight) is checked once.
  const validAttributes = new WeakSet<object>();
  const checkEdge = (entry: { attributes?: object; [field: string]: unknown }, where: string) => {
    if (entry.attributes && validAttributes.has(entry.attributes)) return;
    checked(EdgeEntrySchema, entry, where);
    if (entry.attributes) validAttributes.add(entry.attributes);
  };
  if (help.edgeJson) {
    const { bytes, invalid } = help.edgeJson();
    if (invalid >= 0) {
      const edge = graph.edges()[invalid];
      checkEdge({ key: edge, source: graph.source(edge), target: graph.target(edge), attributes: graph.getEdgeAttributes(edge) }, `edge ${invalid}`);
      throw new Error(`built graph violates the graph file schema at edge ${invalid}`);
    }
    if (bytes.length) yield bytes;
  } else yield* checkedChunks(edges, checkEdge, 'edge');
  yield ']}\n';
}

function hasAny(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/**
 * Entries as comma-separated JSON in chunks of about CHUNK_CHARS, each entry checked. A chunk is joined from
 * its entries' strings, not grown by `+=`: that builds a rope of thousands of pieces, which writing must
 * flatten first (ten times the cost of writing it, measured on a 20k-paper graph).
 */
function* checkedChunks<T>(entries: Iterable<T>, check: (entry: T, where: string) => void, what: string): Generator<string> {
  let parts: string[] = [];
  let chars = 0;
  let index = 0;
  for (const entry of entries) {
    check(entry, `${what} ${index}`);
    const json = JSON.stringify(entry);
    parts.push(index++ > 0 && parts.length === 0 ? `,${json}` : json);
    chars += json.length;
    if (chars >= CHUNK_CHARS) {
      yield parts.join(',');
      parts = [];
      chars = 0;
    }
  }
  if (parts.length) yield parts.join(',');
}

/**
 * What comes before a node entry's text when it is spliced in (`{"key":…,"attributes":{…,`): then the text
 * entry without its opening brace and one closing brace follow, the same string JSON.stringify gives
 * (`{"a":1,"b":2}` is `{"a":1` + `,` + `"b":2}`): the build copies the text from the compact text shards
 * (compact/node.ts). `from`: see NodeTextJson (compact/encode.ts). Null when the node's text cannot be spliced.
 */
export function splicedNodeHead(entry: NodeEntry, emptyText: boolean, from: number): string | null {
  if (from < 0 || !entry.attributes || emptyText) return null;
  const attributes = entry.attributes as Record<string, unknown>;
  const head: Record<string, unknown> = {};
  let position = 0;
  for (const name in attributes) {
    if (position++ === from) break;
    head[name] = attributes[name];
  }
  const headJson = JSON.stringify(head);
  return `{"key":${JSON.stringify(entry.key)},"attributes":${headJson === '{}' ? '{' : `${headJson.slice(0, -1)},`}`;
}

/** Serializes a built graph after checking it against the contract; throws on violation (a build bug). */
export function serializeGraph(graph: AtlasGraph): string {
  return [...graphFileChunks(graph)].join('');
}
