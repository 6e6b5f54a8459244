import type { Community, NodeKind } from '../graphFile';

/** What the user chose to see. Filters only hide nodes; they never move them. */
export interface FilterState {
  /** Kinds shown; a kind missing here is hidden. */
  kinds: NodeKind[];
  /** Category codes whose papers are shown; `null` = all categories. */
  categories: string[] | null;
  /** Inclusive publication year range; `null` = all years. */
  years: [number, number] | null;
  /** Only this community; `null` = all. */
  community: number | null;
}

export interface CategoryFacet {
  code: string;
  name: string;
  /** Papers in the category. */
  count: number;
}

/** The choices a filter panel offers, computed once per graph. */
export interface GraphFacets {
  /** Most papers first, then by code. */
  categories: CategoryFacet[];
  /** Earliest and latest paper year; `null` when there are no papers. */
  years: [number, number] | null;
  communities: Community[];
  /** The co-authorship network's communities, by id. */
  collaboration: Community[];
}

export interface VisibleCount {
  visible: number;
  total: number;
}

export interface Visibility {
  /** Keys of nodes to hide. */
  hidden: Set<string>;
  counts: Record<NodeKind, VisibleCount>;
  /** Over all kinds of nodes, keyed by community id. */
  communityCounts: Map<number, VisibleCount>;
}
