/**
 * Colour by year (VOSviewer's overlay view): a sequential ramp over the corpus' year span, so old
 * and new work can be told apart at a glance. The ramp is viridis (perceptually ordered, readable
 * with the common colour-vision deficiencies, and in greyscale), computed here from its anchors.
 */
import type { AtlasGraph } from '../graphFile';

/** Viridis at t = 0, 1/8, …, 1 (matplotlib's table). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];
/**
 * The ramp's bright yellow end all but vanishes on the light map; stop at its yellow-green so the
 * newest papers keep about 1.8:1 contrast against the background (the oldest have over 10:1).
 */
const RAMP_END = 0.8;
/** Nodes with no dated paper (cannot happen in a built graph, but a file may say otherwise). */
export const UNDATED_COLOR = '#9aa0a6';

const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The ramp at `t` in [0, 1] (clamped): dark violet (oldest) through teal and green to yellow-green (newest). */
export function yearRamp(t: number): string {
  const clamped = Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), 1) * RAMP_END;
  const position = clamped * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(position), VIRIDIS.length - 2);
  const f = position - i;
  return hex(VIRIDIS[i].map((c, channel) => c + (VIRIDIS[i + 1][channel] - c) * f));
}

/** Colour of a (possibly fractional, mean) year within `span`; the middle of the ramp when the span is one year. */
export function yearColor(year: number, span: readonly [number, number]): string {
  const [from, to] = span;
  return yearRamp(to > from ? (year - from) / (to - from) : 0.5);
}

/** `count` evenly spaced colours from oldest to newest, for the legend's gradient. */
export function yearRampStops(count = 9): string[] {
  return Array.from({ length: count }, (_, i) => yearRamp(count > 1 ? i / (count - 1) : 0));
}

export interface YearColoring {
  /** First and last paper year; null when the graph has no papers. */
  span: [number, number] | null;
  /** Colour per node: a paper's year; any other node the mean year of its papers. */
  colors: Map<string, string>;
  /** The year each node is coloured by (mean for non-papers), for tooltips and tests. */
  years: Map<string, number>;
}

/**
 * Year colours for every node, computed once per graph: papers by their year, every other node
 * by the mean year of the papers it is linked to (an author active 2016–2020 reads as 2018).
 */
export function yearColoring(graph: AtlasGraph): YearColoring {
  let span: [number, number] | null = null;
  graph.forEachNode((_key, node) => {
    if (node.kind === 'paper') span = span ? [Math.min(span[0], node.year), Math.max(span[1], node.year)] : [node.year, node.year];
  });
  const years = new Map<string, number>();
  const colors = new Map<string, string>();
  graph.forEachNode((key, node) => {
    let year: number | null = null;
    if (node.kind === 'paper') year = node.year;
    else {
      let sum = 0;
      let count = 0;
      graph.forEachNeighbor(key, (_neighbor, other) => {
        if (other.kind !== 'paper') return;
        sum += other.year;
        count++;
      });
      if (count > 0) year = sum / count;
    }
    if (year === null || span === null) colors.set(key, UNDATED_COLOR);
    else {
      years.set(key, year);
      colors.set(key, yearColor(year, span));
    }
  });
  return { span, colors, years };
}
