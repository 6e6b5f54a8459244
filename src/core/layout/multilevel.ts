/**
 * Multilevel layout for big graphs, where ForceAtlas2 on every node costs seconds per iteration:
 *   1. ForceAtlas2 on the community graph (one node per community, mass = its size, edges = summed weights),
 *   2. community discs scaled to their size and pushed apart until none overlap,
 *   3. members scattered over their community's disc, leaning towards the communities they link to,
 *   4. a few refining iterations of FA2's forces on every node with local repulsion (see forces.ts),
 *      each node held near its community's centre.
 * Deterministic: seeded scatter, fixed iteration order, no Math.random.
 */
import Graph from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { createRng } from '../communities/rng';
import { runForceAtlas2 } from './forceAtlas';
import { createForceState, iterateLocalForces, type ForceSystem, type LocalForcesInput } from './forces';
import { START_SPACING, communityOf, placeByCommunity } from './start';
import { sharedFloat64, sharedInt32 } from '../threads/sharedArrays';
import { edgeTable } from '../graph/edgeTable';

export interface MultilevelOptions {
  seed: number;
  /** Refining iterations on the whole graph. */
  iterations: number;
  onProgress?: (done: number, total: number) => void;
}

/** Iterations of FA2 on the community graph: it has at most a few thousand nodes, so this is cheap. */
const COARSE_ITERATIONS = 300;
/** Repulsion reaches this many START_SPACINGs: a node feels its few dozen nearest neighbours. */
const CUTOFF_SPACINGS = 2.5;

interface Disc {
  x: number;
  y: number;
  radius: number;
}

/** Steps 1 and 2: one disc per community, placed by FA2 on the community graph, overlaps removed. */
export function layoutCommunities(sizes: number[], links: Map<number, number>, seed: number): Disc[] {
  const k = sizes.length;
  const coarse = new Graph({ type: 'undirected' });
  for (let c = 0; c < k; c++) coarse.addNode(c, { community: c, size: sizes[c] });
  for (const [pair, weight] of links) coarse.addUndirectedEdge(Math.floor(pair / k), pair % k, { weight });
  placeByCommunity(coarse, seed); // one node per community: a sunflower spiral, largest in the middle
  if (k > 1) runForceAtlas2(coarse, COARSE_ITERATIONS, undefined, (c) => sizes[Number(c)]);

  const discs = coarse.mapNodes((c, a) => ({ x: a.x as number, y: a.y as number, radius: (START_SPACING * Math.sqrt(sizes[Number(c)])) / 2 }));
  pullInOutliers(discs, sizes);
  // Scale the drawing so the discs would fill about half of it, then push overlapping discs apart.
  const area = discs.reduce((s, d) => s + d.radius * d.radius, 0);
  const spread = discs.reduce((s, d) => s + d.x * d.x + d.y * d.y, 0) / k;
  const scale = spread > 0 ? Math.sqrt((2 * area) / 2 / spread) : 1;
  for (const d of discs) [d.x, d.y] = [d.x * scale, d.y * scale];
  separateDiscs(discs);
  return discs;
}

/** The 90% of members a drawing is framed on, and how far past their reach a community may sit. */
const CORE_SHARE = 0.9;
const OUTLIER_REACH = 1.5;

/**
 * A small community with one weak link to the rest settles far out (FA2 repels it with the whole graph's mass
 * and holds it by one edge); at 100k papers one such pair of nodes stretched the whole frame. Communities past
 * OUTLIER_REACH × the distance that holds CORE_SHARE of the members (from their size-weighted centre) are moved
 * in to that distance, along the same direction; overlaps are removed afterwards.
 */
function pullInOutliers(discs: Disc[], sizes: number[]): void {
  if (discs.length < 5) return;
  const total = sizes.reduce((s, n) => s + n, 0);
  const cx = discs.reduce((s, d, c) => s + d.x * sizes[c], 0) / total;
  const cy = discs.reduce((s, d, c) => s + d.y * sizes[c], 0) / total;
  const distance = discs.map((d) => Math.hypot(d.x - cx, d.y - cy));
  const order = discs.map((_, c) => c).sort((a, b) => distance[a] - distance[b] || a - b);
  let members = 0;
  let core = 0;
  for (const c of order) {
    members += sizes[c];
    core = distance[c];
    if (members >= CORE_SHARE * total) break;
  }
  const reach = OUTLIER_REACH * core;
  if (reach <= 0) return;
  discs.forEach((d, c) => {
    if (distance[c] <= reach) return;
    d.x = cx + ((d.x - cx) * reach) / distance[c];
    d.y = cy + ((d.y - cy) * reach) / distance[c];
  });
}

/** Pairwise sweeps moving each overlapping pair apart along their axis; stops when nothing overlaps. */
function separateDiscs(discs: Disc[], maxSweeps = 60): void {
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moved = false;
    for (let a = 0; a < discs.length; a++) {
      for (let b = a + 1; b < discs.length; b++) {
        const p = discs[a];
        const q = discs[b];
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let d = Math.hypot(dx, dy);
        const gap = p.radius + q.radius - d;
        if (gap <= 0) continue;
        if (d === 0) [dx, dy, d] = [1, 0, 1]; // coincident centres: split along x, deterministically
        // The smaller disc moves more, so big communities stay where the coarse layout put them.
        const share = q.radius ** 2 / (p.radius ** 2 + q.radius ** 2);
        p.x -= (dx / d) * gap * (1 - share);
        p.y -= (dy / d) * gap * (1 - share);
        q.x += (dx / d) * gap * share;
        q.y += (dy / d) * gap * share;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

export function multilevelLayout(graph: AbstractGraph, options: MultilevelOptions): void {
  const input = prepareMultilevel(graph, options);
  refine(input, options.onProgress);
  writePositions(graph, input.system);
}

/** Steps 1–3, and what step 4 needs: the force system over the graph's nodes in graph order. */
export function prepareMultilevel(graph: AbstractGraph, options: MultilevelOptions): LocalForcesInput {
  const community = sharedInt32(graph.order);
  let i = 0;
  graph.forEachNode((_node, attributes) => (community[i++] = communityOf(attributes.community)));
  // The edge table's own columns (graph/edgeTable.ts): read, never written, here and on the layout's thread.
  const { source, target, weight } = edgeTable(graph);
  return prepareForces(community, { source, target, weight }, options);
}

/** Edges by node index, as parallel arrays. */
export interface LayoutEdges {
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/**
 * `prepareMultilevel` on plain arrays: node i in community `community[i]` (ids 0..k-1), the edges by index.
 * For callers that hold a subgraph as arrays and need no graphology copy of it (the collaboration core).
 */
export function prepareForces(community: Int32Array, edges: LayoutEdges, options: MultilevelOptions): LocalForcesInput {
  const { seed, iterations } = options;
  const n = community.length;
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, community[i] + 1);
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[community[i]]++;

  const m = edges.source.length;
  const system: ForceSystem = {
    x: sharedFloat64(n), y: sharedFloat64(n), mass: sharedFloat64(n).fill(1),
    anchorX: sharedFloat64(n), anchorY: sharedFloat64(n),
    edgeSource: edges.source, edgeTarget: edges.target, edgeWeight: edges.weight,
  };
  const links = new Map<number, number>();
  for (let e = 0; e < m; e++) {
    const s = edges.source[e];
    const t = edges.target[e];
    const w = edges.weight[e];
    system.mass[s] += w;
    system.mass[t] += w;
    const [a, b] = community[s] < community[t] ? [community[s], community[t]] : [community[t], community[s]];
    if (a !== b) links.set(a * k + b, (links.get(a * k + b) ?? 0) + w);
  }

  const discs = layoutCommunities(sizes, links, seed);
  scatterMembers(system, community, discs, seed);
  const settings = {
    scalingRatio: 10, anchorGravity: 0.05, cutoff: CUTOFF_SPACINGS * START_SPACING, slowDown: 1 + Math.log(n),
  };
  return { system, settings, iterations };
}

/** Step 4 on the calling thread: the refining iterations, reporting progress every 5. */
export function refine({ system, settings, iterations }: LocalForcesInput, onProgress?: (done: number, total: number) => void): void {
  const state = createForceState(system.x.length);
  for (let done = 0; done < iterations; ) {
    iterateLocalForces(system, state, settings);
    done++;
    if (done % 5 === 0 || done === iterations) onProgress?.(done, iterations);
  }
}

/** Positions onto the nodes, in graph order (the order `prepareMultilevel` indexed them in). */
export function writePositions(graph: AbstractGraph, { x, y }: { x: Float64Array; y: Float64Array }): void {
  let i = 0;
  graph.updateEachNodeAttributes((_node, attributes) => {
    attributes.x = x[i];
    attributes.y = y[i++];
    return attributes;
  });
}

/**
 * Step 3: uniform over the community's disc, then shifted towards the other communities the node links to
 * (by the share of its weight that goes there), so boundary nodes start on the right side of their cluster.
 */
function scatterMembers(system: ForceSystem, community: Int32Array, discs: Disc[], seed: number): void {
  const { x, y, anchorX, anchorY, mass, edgeSource, edgeTarget, edgeWeight } = system;
  const n = x.length;
  const pullX = new Float64Array(n);
  const pullY = new Float64Array(n);
  const outside = new Float64Array(n);
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e];
    const t = edgeTarget[e];
    if (community[s] === community[t]) continue;
    const cs = discs[community[s]];
    const ct = discs[community[t]];
    const w = edgeWeight[e];
    pullX[s] += w * (ct.x - cs.x);
    pullY[s] += w * (ct.y - cs.y);
    pullX[t] += w * (cs.x - ct.x);
    pullY[t] += w * (cs.y - ct.y);
    outside[s] += w;
    outside[t] += w;
  }
  const rng = createRng(seed ^ 0x5eed);
  for (let i = 0; i < n; i++) {
    const disc = discs[community[i]];
    const r = disc.radius * Math.sqrt(rng());
    const angle = 2 * Math.PI * rng();
    const length = Math.hypot(pullX[i], pullY[i]);
    // mass − 1 is the weighted degree: the share of weight leaving the community sets the lean.
    const lean = length > 0 ? (0.6 * disc.radius * outside[i]) / (mass[i] - 1) / length : 0;
    x[i] = disc.x + r * Math.cos(angle) * 0.7 + pullX[i] * lean;
    y[i] = disc.y + r * Math.sin(angle) * 0.7 + pullY[i] * lean;
    anchorX[i] = disc.x;
    anchorY[i] = disc.y;
  }
}
