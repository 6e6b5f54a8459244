/**
 * How good a drawing is, in numbers that do not depend on its scale, so two layouts of one graph compare:
 *   edgeLength   mean edge length / mean distance between random node pairs (short edges: FA2's aim)
 *   cohesion     mean distance between random same-community pairs / between random pairs of different
 *                communities (communities drawn as compact, separate clusters: lower is better)
 *   stress       normalized stress of drawn distance against hop distance, from a few BFS sources,
 *                after the best uniform scaling (0 = distances match hops exactly)
 * Lower is better for all three; uniformly random positions score about 1, 1, and their own stress.
 * Sampled with a seeded RNG: the same graph and drawing give the same numbers.
 */
import type { AbstractGraph } from 'graphology-types';
import { createRng } from '../communities/rng';
import { communityOf } from './start';

export interface LayoutQuality {
  edgeLength: number;
  cohesion: number;
  stress: number;
}

export interface QualityOptions {
  seed?: number;
  pairs?: number;
  stressSources?: number;
}

export function layoutQuality(graph: AbstractGraph, options: QualityOptions = {}): LayoutQuality {
  const { seed = 1, pairs = 20_000, stressSources = 8 } = options;
  const n = graph.order;
  const index = new Map<string, number>();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const community = new Int32Array(n);
  graph.forEachNode((node, a) => {
    const i = index.size;
    [x[i], y[i], community[i]] = [a.x, a.y, communityOf(a.community)];
    index.set(node, i);
  });
  const rng = createRng(seed);
  const pick = () => Math.floor(rng() * n);
  const distance = (i: number, j: number) => Math.hypot(x[i] - x[j], y[i] - y[j]);

  let random = 0;
  for (let p = 0; p < pairs; p++) random += distance(pick(), pick());
  random /= pairs;

  const sources: number[] = [];
  const targets: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => void (sources.push(index.get(s)!), targets.push(index.get(t)!)));
  let edges = 0;
  for (let e = 0; e < sources.length; e++) edges += distance(sources[e], targets[e]);
  const edgeLength = sources.length ? edges / sources.length / random : 0;

  // Same-community pairs by picking a node, then a random member of its community.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) (members.get(community[i]) ?? members.set(community[i], []).get(community[i])!).push(i);
  let same = 0;
  let sameCount = 0;
  let different = 0;
  let differentCount = 0;
  for (let p = 0; p < pairs; p++) {
    const i = pick();
    const group = members.get(community[i])!;
    const j = group[Math.floor(rng() * group.length)];
    if (j !== i) [same, sameCount] = [same + distance(i, j), sameCount + 1];
    const other = pick();
    if (community[other] !== community[i]) [different, differentCount] = [different + distance(i, other), differentCount + 1];
  }
  const cohesion = sameCount && differentCount ? same / sameCount / (different / differentCount) : 0;

  return { edgeLength, cohesion, stress: sampledStress(n, sources, targets, distance, stressSources, pick) };
}

function sampledStress(
  n: number,
  sources: number[],
  targets: number[],
  distance: (i: number, j: number) => number,
  count: number,
  pick: () => number,
): number {
  // Compressed adjacency for BFS.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < sources.length; e++) [start[sources[e] + 1], start[targets[e] + 1]] = [start[sources[e] + 1] + 1, start[targets[e] + 1] + 1];
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const neighbours = new Int32Array(2 * sources.length);
  for (let e = 0; e < sources.length; e++) {
    neighbours[fill[sources[e]]++] = targets[e];
    neighbours[fill[targets[e]]++] = sources[e];
  }
  const hops = new Int32Array(n);
  const queue = new Int32Array(n);
  let de = 0;
  let ee = 0;
  let dd = 0;
  for (let s = 0; s < count; s++) {
    const source = pick();
    hops.fill(-1);
    hops[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const v = queue[head++];
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = neighbours[k];
        if (hops[w] < 0) [hops[w], queue[tail++]] = [hops[v] + 1, w];
      }
    }
    for (let t = 1; t < tail; t++) {
      const v = queue[t];
      const drawn = distance(source, v);
      de += hops[v] * drawn;
      ee += drawn * drawn;
      dd += hops[v] * hops[v];
    }
  }
  if (ee === 0 || dd === 0) return 0;
  // Σ(α·drawn − hops)² at the least-squares α = de/ee, expanded so no pair needs storing.
  const scale = de / ee;
  return (scale * scale * ee - 2 * scale * de + dd) / dd;
}
