import type { Community } from '../graphFile';

/**
 * What the overview is computed from, by node index: the decoded compact structure gives these arrays before
 * any graph exists; a graph gives them through `overviewInputFromGraph`. Both give the same overview.
 */
export interface OverviewInput {
  /** The graph's `communities` attribute: labels and colours. */
  communities: readonly Community[];
  nodes: {
    community: ArrayLike<number>;
    x: ArrayLike<number>;
    y: ArrayLike<number>;
    size: ArrayLike<number>;
    /** A paper's year; NaN for every other node. */
    year: ArrayLike<number>;
  };
  /** The edges that relate communities (see LINK_EDGE_KINDS), as node index pairs. */
  links: { source: ArrayLike<number>; target: ArrayLike<number> };
}

/**
 * Sums over each community's members and counts of the edges between communities: everything the overview
 * is made of, small (one entry per community and per related pair) and exact (JSON carries doubles exactly),
 * so the build can store it (the compact files' overview part) and the app draw the overview without the structure.
 */
export interface OverviewTallies {
  nodeCount: number;
  /** Extent of every node. */
  bbox: { x: [number, number]; y: [number, number] };
  /** First and last paper year; null without papers. */
  years: [number, number] | null;
  /** By id. */
  communities: CommunityTally[];
  /** Link edges between two communities (`a` < `b`), sorted by `a` then `b`. */
  pairs: { a: number; b: number; edges: number }[];
}

export interface CommunityTally {
  id: number;
  members: number;
  /** Σ size over members (1 for a size ≤ 0), and Σ size·x, Σ size·y: their centroid is (x/weight, y/weight). */
  weight: number;
  x: number;
  y: number;
  papers: number;
  yearSum: number;
  /** Link-edge ends inside the community: its "volume", for relative link strength. */
  volume: number;
}

/** One community drawn as one node. */
export interface OverviewCommunity {
  id: number;
  /** Its node key in the overview graph. */
  key: string;
  label: string;
  color: string;
  /** Centroid of its members, weighted by their size: where the community sits on the full map. */
  x: number;
  y: number;
  /** Drawn size (sigma pixels at zoom 1), growing with the square root of its member count. */
  size: number;
  /** Nodes of every kind in it. */
  members: number;
  papers: number;
  /** Mean year of its papers, for colour by year; null without papers. */
  meanYear: number | null;
}

/** Two communities related by edges between their members. */
export interface OverviewLink {
  key: string;
  /** Community ids, smaller first. */
  source: number;
  target: number;
  /** Edges between the two communities. */
  edges: number;
  /** Edges relative to both communities' edge volume, scaled so the strongest link drawn is 1. */
  strength: number;
}

export interface Overview {
  /** By id. */
  communities: OverviewCommunity[];
  /** Only each community's strongest few (a link stays when it is among the strongest of either end). */
  links: OverviewLink[];
  /** Extent of every node of the full graph: the overview and the full map share one camera frame. */
  bbox: { x: [number, number]; y: [number, number] };
  /** Nodes of the full graph. */
  nodeCount: number;
  /** First and last paper year (the span colour by year spreads over); null without papers. */
  years: [number, number] | null;
}

export interface OverviewOptions {
  /** Strongest links kept per community. */
  linksPerCommunity?: number;
}
