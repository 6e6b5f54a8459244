import type { AbstractGraph } from 'graphology-types';

/**
 * graphology keeps a node's neighbours in a plain object keyed by neighbour key. V8 gives such an object a new
 * hidden class for each key added (keys no other object shares, so no class is reused) until it has a dozen or so
 * and turns into a hash table: at 100k papers, about two million hidden classes made while the edges are added.
 * An object that starts as a hash table (a property deleted) skips them: at 100k papers the graph phase took
 * ~6 s less. Call it on a node just added, before its edges.
 * Only what the object is made of changes: same keys, same order. It reaches into graphology's node records, so
 * it does nothing where they are not as expected.
 */
export function hashedNeighbours(graph: AbstractGraph, key: string): void {
  const record = (graph as unknown as { _nodes?: Map<string, { undirected?: Record<string, unknown> }> })._nodes?.get(key);
  const neighbours = record?.undirected;
  if (!neighbours || Object.keys(neighbours).length > 0) return;
  neighbours.hashed = true;
  neighbours.first = true;
  delete neighbours.hashed; // deleting any but the last property added makes V8 switch the object to a hash table
  delete neighbours.first;
}
