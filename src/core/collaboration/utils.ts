/**
 * Placing what ForceAtlas2 has nothing to do with: small teams (connected components of a few authors)
 * and authors without co-authors. A force layout would spend its iterations pushing them apart, and a
 * co-authorship network has thousands of them (1,460 communities on 5k arXiv papers, most of them one small
 * team), so they are packed around the laid-out core instead, in linear time.
 */
import type { AbstractGraph } from 'graphology-types';

/** Components up to this many authors are packed around the core rather than laid out with it. */
export const PACKED_TEAM_MAX = 10;
/**
 * Room per author around the core, in layout units: about what ForceAtlas2 gives a node of the network
 * (its start spacing is 20 units per √node), so the packed ring reads as dense as the rest.
 */
export const RING_SPACING = 20;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const round = (v: number) => Math.round(v * 100) / 100;

export type Positions = Map<string, [number, number]>;

/** Connected components of the network, as node lists in graph order, biggest first (ties: first met). */
export function components(network: AbstractGraph): string[][] {
  const seen = new Set<string>();
  const found: string[][] = [];
  network.forEachNode((start) => {
    if (seen.has(start)) return;
    const component = [start];
    seen.add(start);
    for (let i = 0; i < component.length; i++) {
      network.forEachNeighbor(component[i], (next) => {
        if (!seen.has(next)) seen.add(next), component.push(next);
      });
    }
    found.push(component);
  });
  return found.map((c, i) => ({ c, i })).sort((a, b) => b.c.length - a.c.length || a.i - b.i).map(({ c }) => c);
}

/** Centroid of some positions and the largest distance from it (0, 0, 0 for none). */
export function extent(positions: Iterable<[number, number]>): { x: number; y: number; reach: number } {
  const all = [...positions];
  if (!all.length) return { x: 0, y: 0, reach: 0 };
  const x = all.reduce((s, p) => s + p[0], 0) / all.length;
  const y = all.reduce((s, p) => s + p[1], 0) / all.length;
  // A loop, not Math.max(...): spreading 100k+ arguments overflows the call stack.
  const reach = all.reduce((max, p) => Math.max(max, Math.hypot(p[0] - x, p[1] - y)), 0);
  return { x, y, reach };
}

/**
 * Packs groups (each a small team, or one author) on a sunflower annulus outside `around`: group i sits
 * at the golden angle i·φ, at the radius enclosing the area all groups before it take, so every author gets
 * about RING_SPACING² of room and the first groups sit nearest the core. Members of a group sit on a small
 * circle around its place. Deterministic; rounded like the layout; never two authors at one point.
 */
export function packAround(groups: string[][], around: { x: number; y: number; reach: number }, taken: Set<string>, into: Positions): void {
  const inner = around.reach > 0 ? around.reach + 2 * RING_SPACING : 0;
  let area = 0;
  groups.forEach((group, i) => {
    const slot = group.length * 2 * RING_SPACING * RING_SPACING;
    const r = Math.sqrt(inner * inner + (area + slot / 2) / Math.PI);
    area += slot;
    const cx = around.x + r * Math.cos(i * GOLDEN_ANGLE);
    const cy = around.y + r * Math.sin(i * GOLDEN_ANGLE);
    const spread = group.length > 1 ? RING_SPACING * Math.sqrt(group.length) * 0.5 : 0;
    group.forEach((node, j) => {
      const angle = (2 * Math.PI * j) / group.length + i;
      const x = round(cx + spread * Math.cos(angle));
      let y = round(cy + spread * Math.sin(angle));
      while (taken.has(`${x},${y}`)) y = round(y + 0.01);
      taken.add(`${x},${y}`);
      into.set(node, [x, y]);
    });
  });
}
