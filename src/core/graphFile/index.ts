import Graph from 'graphology';
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

/** Serializes a built graph after checking it against the contract; throws on violation (a build bug). */
export function serializeGraph(graph: AtlasGraph): string {
  const exported = graph.export();
  const parsed = GraphFileSchema.safeParse(exported);
  if (!parsed.success) throw new Error(`built graph violates the graph file schema: ${describeIssues(parsed.error.issues)}`);
  return JSON.stringify(exported) + '\n';
}
