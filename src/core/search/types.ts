import type MiniSearch from 'minisearch';
import type { AtlasGraph, NodeKind } from '../graphFile';

export interface SearchHit {
  key: string;
  kind: NodeKind;
  /** Title, name, or category / affiliation display name. */
  label: string;
  /** One line of context: `2022 · cs.LG · Assran et al.`, `12 papers`, `cs.LG`. */
  detail: string;
  score: number;
}

export interface SearchGroup {
  kind: NodeKind;
  /** The best `limitPerKind` hits: exact name matches first, then by score, then by label. */
  hits: SearchHit[];
  /** Every hit of this kind, shown or not (for "12 more"). */
  total: number;
}

export interface SearchOptions {
  /** Hits kept per kind (default 8). */
  limitPerKind?: number;
}

/** One node as the index sees it; nothing is stored, labels and details are read from the graph for shown hits only. */
export interface IndexedNode {
  id: string;
  /** Paper title, person, category or affiliation name. */
  name: string;
  /** An author's other spellings. */
  aliases?: string;
  /** Category code or affiliation slug. */
  code?: string;
}

/** Built once per graph by `buildSearchIndex`; query it with `searchNodes`. */
export interface SearchIndex {
  readonly engine: MiniSearch<IndexedNode>;
  readonly graph: AtlasGraph;
}
