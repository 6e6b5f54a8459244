/**
 * ForceAtlas2's forces and per-node speeds (as graphology implements them: linear attraction, repulsion
 * kr·m₁·m₂/d, adaptive "convergence" speed) with two changes that make an iteration O(n + m) instead of
 * O(n log n) with a large constant: repulsion only acts within `cutoff` (pairs found through a uniform
 * grid), and gravity pulls each node towards its own anchor (its community's place) instead of the origin.
 * Far-field structure comes from the anchors, which the coarse community layout has already set.
 */

export interface ForceSystem {
  x: Float64Array;
  y: Float64Array;
  /** FA2's mass: 1 + weighted degree. */
  mass: Float64Array;
  anchorX: Float64Array;
  anchorY: Float64Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeWeight: Float64Array;
}

export interface LocalForceSettings {
  scalingRatio: number;
  /** Strength of the linear pull towards the anchor, per unit of mass (FA2's strong gravity). */
  anchorGravity: number;
  /** Pairs further apart than this do not repel. */
  cutoff: number;
  slowDown: number;
}

/** Per-iteration state carried across iterations (FA2's previous forces and per-node convergence). */
export interface ForceState {
  dx: Float64Array;
  dy: Float64Array;
  oldDx: Float64Array;
  oldDy: Float64Array;
  convergence: Float64Array;
}

export function createForceState(n: number): ForceState {
  return { dx: new Float64Array(n), dy: new Float64Array(n), oldDx: new Float64Array(n), oldDy: new Float64Array(n), convergence: new Float64Array(n).fill(1) };
}

/** Truncated repulsion through a grid of `cutoff`-sized cells: each pair of nearby nodes visited once. */
function repel(system: ForceSystem, state: ForceState, settings: LocalForceSettings): void {
  // The cell itself and the four "forward" neighbours: each pair of cells is visited once.
  const FORWARD_COLUMNS = [0, 1, -1, 0, 1];
  const FORWARD_ROWS = [0, 0, 1, 1, 1];
  const { x, y, mass } = system;
  const { dx, dy } = state;
  const n = x.length;
  const cutoff2 = settings.cutoff * settings.cutoff;
  let cell = settings.cutoff;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }
  // Cells at least `cutoff` wide, so the 3×3 block around a node holds every node in reach; wider when
  // a sparse drawing would need more cells than about four per node.
  cell = Math.max(cell, Math.sqrt(((maxX - minX) * (maxY - minY)) / (4 * n)));
  const columns = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
  // Counting sort of nodes by cell: cellStart[c]..cellStart[c+1] index into `members`.
  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(columns * rows + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.floor((y[i] - minY) / cell) * columns + Math.floor((x[i] - minX) / cell);
    cellOf[i] = c;
    cellStart[c + 1]++;
  }
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1] += cellStart[c];
  // Positions and masses copied in cell order, so the inner loop reads memory sequentially.
  const fill = cellStart.slice(0, columns * rows);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[cellOf[i]]++] = i;
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const sm = new Float64Array(n);
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const kr = settings.scalingRatio;
  for (let a = 0; a < n; a++) {
    const i = members[a];
    sx[a] = x[i];
    sy[a] = y[i];
    sm[a] = kr * mass[i];
  }

  // Per cell: itself (pairs after the node), then the forward neighbours east, south-west, south and
  // south-east, so each pair of nearby nodes is visited once. Inlined: this loop is the layout's hot spot.
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const c = row * columns + column;
      const end = cellStart[c + 1];
      for (let a = cellStart[c]; a < end; a++) {
        const xa = sx[a];
        const ya = sy[a];
        const ma = sm[a];
        let fxa = 0;
        let fya = 0;
        for (let neighbour = 0; neighbour < 5; neighbour++) {
          let from = a + 1;
          let to = end;
          if (neighbour > 0) {
            const nc = column + FORWARD_COLUMNS[neighbour];
            const nr = row + FORWARD_ROWS[neighbour];
            if (nc < 0 || nc >= columns || nr >= rows) continue;
            from = cellStart[nr * columns + nc];
            to = cellStart[nr * columns + nc + 1];
          }
          for (let b = from; b < to; b++) {
            const xd = xa - sx[b];
            const yd = ya - sy[b];
            const d2 = xd * xd + yd * yd;
            if (d2 >= cutoff2 || d2 === 0) continue;
            // FA2's kr·m·m/d along the unit vector, faded to zero at the cutoff so no force jumps.
            const fade = 1 - d2 / cutoff2;
            const factor = (ma * sm[b] * fade * fade) / (kr * d2);
            fxa += xd * factor;
            fya += yd * factor;
            fx[b] -= xd * factor;
            fy[b] -= yd * factor;
          }
        }
        fx[a] += fxa;
        fy[a] += fya;
      }
    }
  }
  for (let a = 0; a < n; a++) {
    dx[members[a]] += fx[a];
    dy[members[a]] += fy[a];
  }
}

/** One iteration: forces, then graphology's FA2 per-node adaptive displacement. */
export function iterateLocalForces(system: ForceSystem, state: ForceState, settings: LocalForceSettings): void {
  const { x, y, mass, anchorX, anchorY, edgeSource, edgeTarget, edgeWeight } = system;
  const { dx, dy, oldDx, oldDy, convergence } = state;
  const n = x.length;
  oldDx.set(dx);
  oldDy.set(dy);
  dx.fill(0);
  dy.fill(0);
  repel(system, state, settings);
  const g = settings.anchorGravity;
  for (let i = 0; i < n; i++) {
    dx[i] += g * mass[i] * (anchorX[i] - x[i]);
    dy[i] += g * mass[i] * (anchorY[i] - y[i]);
  }
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e];
    const t = edgeTarget[e];
    const w = edgeWeight[e];
    const xd = x[s] - x[t];
    const yd = y[s] - y[t];
    dx[s] -= xd * w;
    dy[s] -= yd * w;
    dx[t] += xd * w;
    dy[t] += yd * w;
  }
  for (let i = 0; i < n; i++) {
    const sx = oldDx[i] - dx[i];
    const sy = oldDy[i] - dy[i];
    const swinging = mass[i] * Math.sqrt(sx * sx + sy * sy);
    const tx = oldDx[i] + dx[i];
    const ty = oldDy[i] + dy[i];
    const traction = Math.sqrt(tx * tx + ty * ty) / 2;
    const speed = (convergence[i] * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
    convergence[i] = Math.min(1, Math.sqrt((speed * (dx[i] * dx[i] + dy[i] * dy[i])) / (1 + Math.sqrt(swinging))));
    x[i] += dx[i] * (speed / settings.slowDown);
    y[i] += dy[i] * (speed / settings.slowDown);
  }
}

export interface LocalForcesInput {
  system: ForceSystem;
  settings: LocalForceSettings;
  iterations: number;
}

/**
 * `iterations` iterations from the system's positions, which it returns. The multilevel layout's refining
 * loop as a thread kernel (src/core/threads): plain data in and out; it calls only LOCAL_FORCE_HELPERS.
 */
export function runLocalForces(input: LocalForcesInput): { x: Float64Array; y: Float64Array } {
  const { system, settings, iterations } = input;
  const state = createForceState(system.x.length);
  for (let i = 0; i < iterations; i++) iterateLocalForces(system, state, settings);
  return { x: system.x, y: system.y };
}

export const LOCAL_FORCE_HELPERS = [createForceState, repel, iterateLocalForces];
