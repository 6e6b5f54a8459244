import Graph from 'graphology';
import type { z } from 'zod';
import { GraphFileSchema, type GraphAttributes, type NodeAttributes, type EdgeAttributes, type GraphFile } from './schema';

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
/** Items per yielded chunk: big enough to keep write calls few, small enough to stay far from V8's string limit. */
const CHUNK_ITEMS = 2000;

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
  const exported = graph.export();
  checked(HeadSchema, { options: exported.options, attributes: exported.attributes }, 'the graph attributes');
  yield `{"options":${JSON.stringify(exported.options)},"attributes":${JSON.stringify(exported.attributes)},"nodes":[`;
  const items = <T>(list: T[], schema: z.ZodType, what: string) =>
    (function* () {
      for (let start = 0; start < list.length; start += CHUNK_ITEMS) {
        const part = list.slice(start, start + CHUNK_ITEMS);
        part.forEach((item, i) => checked(schema, item, `${what} ${start + i}`));
        yield (start > 0 ? ',' : '') + part.map((item) => JSON.stringify(item)).join(',');
      }
    })();
  yield* items(exported.nodes, NodeEntrySchema, 'node');
  yield '],"edges":[';
  yield* items(exported.edges, EdgeEntrySchema, 'edge');
  yield ']}\n';
}

/** Serializes a built graph after checking it against the contract; throws on violation (a build bug). */
export function serializeGraph(graph: AtlasGraph): string {
  return [...graphFileChunks(graph)].join('');
}
