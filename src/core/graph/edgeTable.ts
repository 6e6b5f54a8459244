/**
 * The graph's edges as columns of numbers: each edge's ends as node indices (graph order), its kind, weight and
 * citing end, in edge order. Communities, layout, overview and the compact encoder each read every edge; through
 * graphology that is a callback and two key lookups per edge, over a second at 1M edges each time. The build
 * fills the table as it adds the edges (`recordEdges`); any other graph gets one made on first use. Either is
 * forgotten as soon as the graph's nodes, edges or edge attributes change.
 */
import type { AbstractGraph } from 'graphology-types';
import { EDGE_KINDS } from '../graphFile/schema';
import { sharedFloat64, sharedInt32, sharedUint8 } from '../threads/sharedArrays';

export interface EdgeTable {
  /** Node keys in graph order; `source`/`target` index them. */
  nodes: string[];
  source: Int32Array;
  target: Int32Array;
  /** EDGE_KINDS index, or UNKNOWN_KIND. */
  kind: Uint8Array;
  /** `weight`, 1 when absent. */
  weight: Float64Array;
  /** Which end a `cites` edge's `citing` attribute names: NO_CITING, CITING_SOURCE or CITING_TARGET (or OTHER_CITING). */
  citing: Uint8Array;
}

export const UNKNOWN_KIND = 255;
export const NO_CITING = 0;
export const CITING_SOURCE = 1;
export const CITING_TARGET = 2;
/** A `citing` attribute naming neither end. */
export const OTHER_CITING = 3;

const tables = new WeakMap<AbstractGraph, EdgeTable>();
const watched = new WeakSet<AbstractGraph>();
const CHANGES = ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared', 'edgeAttributesUpdated', 'eachEdgeAttributesUpdated'];

function remember(graph: AbstractGraph, table: EdgeTable): EdgeTable {
  if (!watched.has(graph)) {
    watched.add(graph);
    for (const change of CHANGES) graph.on(change as 'nodeAdded', () => tables.delete(graph));
  }
  tables.set(graph, table);
  return table;
}

const kindIndex = new Map<unknown, number>(EDGE_KINDS.map((kind, i) => [kind, i]));

/** The graph's edge table: the one the build recorded, or one read now (and kept until the graph changes). */
export function edgeTable(graph: AbstractGraph): EdgeTable {
  const known = tables.get(graph);
  if (known) return known;
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i], i);
  const recorder = new EdgeRecorder(graph.size);
  graph.forEachEdge((_edge, attributes, source, target) => recorder.add(index.get(source)!, index.get(target)!, attributes, source, target));
  return remember(graph, recorder.table(nodes));
}

/** Fills a table edge by edge, in the order the edges are added. */
export class EdgeRecorder {
  private source: Int32Array;
  private target: Int32Array;
  private kind: Uint8Array;
  private weight: Float64Array;
  private citing: Uint8Array;
  private count = 0;

  constructor(capacity = 1024) {
    [this.source, this.target, this.kind, this.weight, this.citing] = [sharedInt32(capacity), sharedInt32(capacity), sharedUint8(capacity), sharedFloat64(capacity), sharedUint8(capacity)];
  }

  add(source: number, target: number, attributes: { kind?: unknown; weight?: unknown; citing?: unknown }, sourceKey: string, targetKey: string): void {
    if (this.count === this.source.length) this.grow();
    const at = this.count++;
    this.source[at] = source;
    this.target[at] = target;
    this.kind[at] = kindIndex.get(attributes.kind) ?? UNKNOWN_KIND;
    this.weight[at] = typeof attributes.weight === 'number' ? attributes.weight : 1;
    const citing = attributes.citing;
    this.citing[at] = citing === undefined ? NO_CITING : citing === sourceKey ? CITING_SOURCE : citing === targetKey ? CITING_TARGET : OTHER_CITING;
  }

  get size(): number {
    return this.count;
  }

  table(nodes: string[]): EdgeTable {
    const n = this.count;
    return { nodes, source: this.source.subarray(0, n), target: this.target.subarray(0, n), kind: this.kind.subarray(0, n), weight: this.weight.subarray(0, n), citing: this.citing.subarray(0, n) };
  }

  private grow(): void {
    const size = this.source.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(array: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.source = grown(this.source, sharedInt32);
    this.target = grown(this.target, sharedInt32);
    this.kind = grown(this.kind, sharedUint8);
    this.weight = grown(this.weight, sharedFloat64);
    this.citing = grown(this.citing, sharedUint8);
  }
}

/** For the build: the table of a graph whose edges were recorded as they were added, nodes in graph order. */
export function recordEdges(graph: AbstractGraph, recorder: EdgeRecorder): void {
  if (graph.size !== recorder.size) throw new Error(`edge table: ${recorder.size} edges recorded for a graph of ${graph.size}`);
  remember(graph, recorder.table(graph.nodes()));
}
