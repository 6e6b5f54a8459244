/**
 * graph.json's edge entries written from the edge table (src/core/graph/edgeTable.ts) instead of from graphology:
 * a thread kernel (src/core/threads, by module), so the build writes the million edges of a 100k-paper graph on
 * its second core while the first encodes the compact files. The text is exactly what JSON.stringify gives for
 * the edges of a graph whose edge keys are `e0`, `e1`, … and whose edge attributes are `{ kind, weight }` or
 * `{ kind, weight, citing }` in that order (`citing` naming one end): the build's graphs; the caller checks that
 * (compact encoder: `edgesCanonical`). Each entry is checked against the graph file schema here.
 */
import { EDGE_KINDS, EdgeAttributesSchema } from './schema';
import { sharedUint8 } from '../threads/sharedArrays';
import { CITING_SOURCE, NO_CITING, type EdgeTable } from '../graph/edgeTable';

export interface EdgeJsonOutput {
  /** The entries, comma-separated, in UTF-8 (no brackets). */
  bytes: Uint8Array;
  /** Index of the first edge that breaks the schema, or -1. */
  invalid: number;
}

/** An entry's characters besides its ends' keys and `citing`: `{"key":"e…","source":,"target":,"attributes":{"kind":…,"weight":…}}` and a comma, with room to spare. */
const ENTRY_CHARS = 192;

export function edgeEntriesJson(table: EdgeTable): EdgeJsonOutput {
  const { nodes, source, target, kind, weight, citing } = table;
  const keyJson = nodes.map((key) => JSON.stringify(key));
  // Attributes without `citing` repeat: their JSON (and their check) once per kind and weight. The schema checks
  // each field on its own, so a `cites` edge is valid when its kind and weight are and its citing key is.
  const plain = EDGE_KINDS.map(() => new Map<number, string | null>());
  const plainJson = (e: number): string | null => {
    const byWeight = plain[kind[e]];
    let json = byWeight?.get(weight[e]);
    if (json === undefined) {
      const edgeKind = EDGE_KINDS[kind[e]];
      json = edgeKind !== undefined && EdgeAttributesSchema.safeParse({ kind: edgeKind, weight: weight[e] }).success ? JSON.stringify({ kind: edgeKind, weight: weight[e] }) : null;
      byWeight?.set(weight[e], json);
    }
    return json ?? null;
  };
  const citingValid = new Int8Array(nodes.length); // 0 not checked yet, 1 valid, -1 not
  // UTF-8 of at most 3 bytes a UTF-16 unit, in one shared array the kernel maps lazily: room for the worst case
  // costs address space only, and the entries are written where they end up (no growing, no copies).
  let capacity = 0;
  for (let e = 0; e < source.length; e++) {
    capacity += ENTRY_CHARS + keyJson[source[e]].length + keyJson[target[e]].length;
    if (citing[e] !== NO_CITING) capacity += Math.max(keyJson[source[e]].length, keyJson[target[e]].length);
  }
  const out = Buffer.from(sharedUint8(capacity * 3).buffer);
  let length = 0;
  for (let e = 0; e < source.length; e++) {
    let attributes = plainJson(e);
    if (attributes !== null && citing[e] !== NO_CITING) {
      const citingNode = citing[e] === CITING_SOURCE ? source[e] : target[e];
      if (citingValid[citingNode] === 0) citingValid[citingNode] = EdgeAttributesSchema.shape.citing.safeParse(nodes[citingNode]).success ? 1 : -1;
      attributes = citingValid[citingNode] > 0 ? `${attributes.slice(0, -1)},"citing":${keyJson[citingNode]}}` : null;
    }
    if (attributes === null) return { bytes: new Uint8Array(0), invalid: e };
    length += out.write(`${e > 0 ? ',' : ''}{"key":"e${e}","source":${keyJson[source[e]]},"target":${keyJson[target[e]]},"attributes":${attributes}}`, length);
  }
  return { bytes: new Uint8Array(out.buffer, 0, length), invalid: -1 };
}
