/**
 * The costly half of the collaboration network, from arrays: rebuild the co-authorship graph, find its
 * communities (seeded Louvain) and lay it out. It needs only the co-author edges and the order of the solo
 * authors, both known once the graph is built, so the build runs it on a worker thread (thread.ts) while the
 * communities and labels of the knowledge graph are computed; `collaborationNetwork` runs it in place.
 */
import Graph from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { detectCommunities, DEFAULT_SEED } from '../communities/detect';
import { chooseMethod, defaultIterations, layoutGraph, multilevelIterations, roundDistinct } from '../layout';
import { prepareForces, refine } from '../layout/multilevel';
import { components, extent, packAround, PACKED_TEAM_MAX, type Positions } from './utils';
import { hashedNeighbours } from '../graph/hashedNeighbours';

/**
 * Plain ForceAtlas2 iterations for a small core at most: a co-authorship core is sparse and starts grouped by
 * community, so it settles sooner than the knowledge graph (300 cost 5 s of CPU on the 5k arXiv set).
 * A core big enough for the multilevel layout gets that layout's own (fewer) refining iterations.
 */
export const CORE_ITERATIONS = 100;

/** The co-authorship network as arrays: `authors` in the order the projection meets them, edges in graph order. */
export interface PlaceInput {
  authors: string[];
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** Authors without a co-author edge, most papers first (ties: smallest key). */
  solo: string[];
  seed?: number;
  layoutIterations?: number;
}

export interface Placement {
  /** Community of each of `authors`, 0..count-1 (solo authors get `count`, the last id). */
  community: Int32Array;
  count: number;
  modularity: number;
  /** Position of each of `authors`, then of each of `solo`. */
  x: Float64Array;
  y: Float64Array;
}

/** A thread kernel (src/core/threads, by module): plain data and typed arrays in and out. */
export function placeCollaboration(input: PlaceInput, onProgress?: (done: number, total: number) => void): Placement {
  const { authors, source, target, weight, solo, seed = DEFAULT_SEED } = input;
  // The same graph the projection of the knowledge graph gives: nodes met edge by edge, edges in order.
  const network = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const meet = (author: string) => {
    if (network.hasNode(author)) return;
    network.addNode(author);
    hashedNeighbours(network, author);
  };
  for (let i = 0; i < source.length; i++) {
    meet(authors[source[i]]);
    meet(authors[target[i]]);
    network.addEdge(authors[source[i]], authors[target[i]], { weight: weight[i] });
  }
  const { modularity, count } = detectCommunities(network, { seed });
  const positions = layoutNetwork(network, solo, { seed, layoutIterations: input.layoutIterations, onProgress });
  const community = Int32Array.from(authors, (author) => network.getNodeAttribute(author, 'community') as number);
  const all = [...authors, ...solo];
  return { community, count, modularity, x: Float64Array.from(all, (a) => positions.get(a)![0]), y: Float64Array.from(all, (a) => positions.get(a)![1]) };
}

interface LayoutOptions {
  seed: number;
  layoutIterations?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Positions for the network's authors and the solo ones: the core (components above PACKED_TEAM_MAX) by
 * `layoutGraph`, small teams packed around it, biggest first, then solo authors (most papers first) around all.
 */
function layoutNetwork(network: AbstractGraph, solo: string[], options: LayoutOptions): Positions {
  const parts = components(network);
  const coreAuthors = parts.filter((p) => p.length > PACKED_TEAM_MAX).flat();
  // The layout groups by community ids 0..k-1: renumber the core's densely, in the same (size) order.
  const ids = [...new Set(coreAuthors.map((a) => network.getNodeAttribute(a, 'community') as number))].sort((a, b) => a - b);
  const dense = new Map(ids.map((id, i) => [id, i]));
  const communityOfAuthor = (author: string) => dense.get(network.getNodeAttribute(author, 'community'))!;

  const positions: Positions = new Map();
  const taken = new Set<string>();
  for (const [author, [x, y]] of layoutCore(network, coreAuthors, communityOfAuthor, options)) {
    positions.set(author, [x, y]);
    taken.add(`${x},${y}`);
  }
  packAround(parts.filter((p) => p.length <= PACKED_TEAM_MAX), extent(positions.values()), taken, positions);
  packAround(solo.map((author) => [author]), extent(positions.values()), taken, positions);
  return positions;
}

/**
 * The core's positions (rounded, distinct), as `layoutGraph` would give them on the core as a graph of its
 * own. A big core (multilevel layout) is laid out from arrays: copying it into a graphology graph first cost
 * as much as the layout itself (a few seconds at 100k papers). A small one is copied and laid out by FA2.
 */
function layoutCore(network: AbstractGraph, authors: string[], communityOf: (author: string) => number, options: LayoutOptions): Positions {
  const { seed } = options;
  const positions: Positions = new Map();
  if (chooseMethod(authors.length) === 'multilevel') {
    const index = new Map(authors.map((author, i) => [author, i]));
    const [source, target, weight]: number[][] = [[], [], []];
    network.forEachEdge((_edge, attributes, s, t) => {
      if (!index.has(s)) return;
      source.push(index.get(s)!);
      target.push(index.get(t)!);
      weight.push((attributes.weight as number | undefined) ?? 1);
    });
    const edges = { source: Int32Array.from(source), target: Int32Array.from(target), weight: Float64Array.from(weight) };
    const input = prepareForces(Int32Array.from(authors, communityOf), edges, { seed, iterations: options.layoutIterations ?? multilevelIterations(authors.length) });
    refine(input, options.onProgress);
    const rounded = new Set<string>();
    authors.forEach((author, i) => {
      const [x, y] = [input.system.x[i], input.system.y[i]];
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`layout diverged at node ${author}`);
      positions.set(author, roundDistinct(x, y, rounded));
    });
    return positions;
  }
  const core = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const author of authors) core.addNode(author, { community: communityOf(author) });
  network.forEachEdge((edge, attributes, source, target) => {
    if (core.hasNode(source)) core.addEdgeWithKey(edge, source, target, attributes);
  });
  layoutGraph(core, { seed, iterations: options.layoutIterations ?? Math.min(CORE_ITERATIONS, defaultIterations(core.order)), onProgress: options.onProgress });
  core.forEachNode((author, a) => positions.set(author, [a.x, a.y]));
  return positions;
}
