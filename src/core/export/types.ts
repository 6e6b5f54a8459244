import type { EdgeKind, NodeKind } from '../graphFile';

/** What the explorer shows: the whole graph, or the co-authorship network (authors and `coauthor` links only). */
export type ExportView = 'full' | 'collaboration';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'vosviewer', 'csv-papers', 'csv-authors'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which part of the graph an export covers: the current view, restricted to the nodes the filters leave visible. */
export interface ExportScope {
  view?: ExportView;
  /** Keys of the visible nodes; absent = every node (the command line has no filters). */
  visible?: ReadonlySet<string>;
}

/** A scalar, because Gephi and VOSviewer cannot read arrays or objects: lists are joined with `; `. */
export type FlatValue = string | number | boolean;

/** A node as the export formats see it, in the coordinates, community and colour of the chosen view. */
export interface ExportNode {
  key: string;
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
  communityLabel: string;
  /** Everything else worth a column in Gephi's data table; null fields are left out. */
  attributes: Record<string, FlatValue>;
}

export interface ExportEdge {
  key: string;
  source: string;
  target: string;
  kind: EdgeKind;
  weight: number;
}

export interface ExportCommunity {
  id: number;
  label: string;
  color: string;
}

/** The sub-network an export writes: visible nodes of the view, the edges between them, their communities. */
export interface ExportNetwork {
  view: ExportView;
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** Communities that have at least one exported node, in the graph's own order. */
  communities: ExportCommunity[];
}
