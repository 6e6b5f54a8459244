/**
 * graph.json's edge entries written from the edge table (src/core/graph/edgeTable.ts) instead of from graphology:
 * a thread kernel (src/core/threads, by module), so the build writes the million edges of a 100k-paper graph on
 * its second core while the first encodes the compact files. The text is exactly what JSON.stringify gives for
 * the edges of a graph whose edge keys are `e0`, `e1`, … and whose edge attributes are `{ kind, weight }` or
 * `{ kind, weight, citing }` in that order (`citing` naming one end): the build's graphs; the caller checks that
 * (compact encoder: `edgesCanonical`). Each entry is checked against the graph file schema here.
 */
import { EDGE_KINDS, EdgeAttributesSchema } from './schema';
import { ByteWriter } from './compact/bytes';
import { CITING_SOURCE, NO_CITING, type EdgeTable } from '../graph/edgeTable';

export interface EdgeJsonOutput {
  /** The entries, comma-separated, in UTF-8 (no brackets). */
  bytes: Uint8Array;
  /** Index of the first edge that breaks the schema, or -1. */
  invalid: number;
}

const CHUNK_CHARS = 1 << 18;

export function edgeEntriesJson(table: EdgeTable): EdgeJsonOutput {
  const { nodes, source, target, kind, weight, citing } = table;
  const keyJson: (string | undefined)[] = new Array(nodes.length);
  const quoted = (node: number) => (keyJson[node] ??= JSON.stringify(nodes[node]));
  // Attributes without `citing` repeat: their JSON (and their check) once per kind and weight.
  const plain = EDGE_KINDS.map(() => new Map<number, string | null>());
  const out = new ByteWriter(Math.max(1024, source.length * 96));
  let parts: string[] = [];
  let chars = 0;
  const flush = () => {
    out.text((out.written().length > 0 ? ',' : '') + parts.join(','));
    parts = [];
    chars = 0;
  };
  for (let e = 0; e < source.length; e++) {
    const edgeKind = EDGE_KINDS[kind[e]];
    const w = weight[e];
    let attributes: string | null | undefined;
    if (citing[e] === NO_CITING) {
      const byWeight = plain[kind[e]];
      attributes = byWeight?.get(w);
      if (attributes === undefined) {
        const valid = edgeKind !== undefined && EdgeAttributesSchema.safeParse({ kind: edgeKind, weight: w }).success;
        attributes = valid ? JSON.stringify({ kind: edgeKind, weight: w }) : null;
        byWeight?.set(w, attributes);
      }
    } else {
      const citingNode = citing[e] === CITING_SOURCE ? source[e] : target[e];
      const valid = EdgeAttributesSchema.safeParse({ kind: edgeKind, weight: w, citing: nodes[citingNode] }).success;
      attributes = valid ? `{"kind":${JSON.stringify(edgeKind)},"weight":${JSON.stringify(w)},"citing":${quoted(citingNode)}}` : null;
    }
    if (attributes === null) return { bytes: new Uint8Array(0), invalid: e };
    const json = `{"key":"e${e}","source":${quoted(source[e])},"target":${quoted(target[e])},"attributes":${attributes}}`;
    parts.push(json);
    chars += json.length;
    if (chars >= CHUNK_CHARS) flush();
  }
  if (parts.length) flush();
  return { bytes: out.written(), invalid: -1 };
}
