/**
 * What the map shows right now, as sigma reducers over one mutable state: which nodes the
 * filters hide, which node has the focus (hovered, else selected) and its neighbourhood, which
 * topic (community) is highlighted, and whether colours mean community or year.
 * Neighbour sets are computed once per focus change, so the reducers only do Set lookups.
 * One style per drawn graph (the knowledge graph or the co-authorship network).
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { AtlasGraph, EdgeAttributes, NodeAttributes } from '../../core/graphFile';
import { PROGRAM_OF_KIND } from './programs';

const FADED_NODE = '#e3e4e8';
const FOCUS_EDGE = '#6b7280';
/** Co-authorship edges carry the picture in that view: darker than the knowledge graph's hairlines. */
const COAUTHOR_EDGE = '#b4bac4';
/** Overview links are few and carry the picture: visible, and thicker the stronger. */
const OVERVIEW_EDGE = '#c2c7cf';
/** Past this many neighbours, only the biggest ones get a forced label (no wall of text). */
const MAX_FORCED_LABELS = 30;
/** Edges past which they are hidden while the camera moves (issue 7: fluid panning on big graphs). */
const HIDE_EDGES_ON_MOVE_ABOVE = 50_000;

type NodeData = Partial<NodeDisplayData> & NodeAttributes;
type EdgeData = Partial<EdgeDisplayData> & EdgeAttributes;
/** Items whose look changed, for a partial refresh; `null` means all of them, `false` none. */
export type StyleChange = { nodes: string[]; edges: string[] } | null | false;

export type ColorMode = 'community' | 'year';

export interface GraphStyleOptions {
  /** Authors only, linked by joint papers: edge thickness is what the view is about. */
  coauthorNetwork: boolean;
  /** Communities as nodes (src/core/overview): links as thick as they are strong, every label that fits. */
  overview?: boolean;
  /** Year colour per node, computed on first use (see core/style/yearColors). */
  yearColors: () => ReadonlyMap<string, string>;
}

/** The sigma settings that depend on what is drawn; useSigma applies them when the drawn graph changes. */
export type DrawSettings = Pick<Settings, 'labelDensity' | 'labelGridCellSize' | 'labelRenderedSizeThreshold' | 'hideEdgesOnMove'>;

function drawSettings(graph: AtlasGraph, overview: boolean): DrawSettings {
  // A few hundred communities: a label in every cell about a label wide, however small the community.
  if (overview) return { labelDensity: 1, labelGridCellSize: 160, labelRenderedSizeThreshold: 0, hideEdgesOnMove: false };
  // A few legible labels per screen region instead of a blanket of text: one label per
  // 110px cell, only for nodes drawn at least 7px wide, denser as one zooms in.
  return { labelDensity: 0.35, labelGridCellSize: 110, labelRenderedSizeThreshold: 7, hideEdgesOnMove: graph.size > HIDE_EDGES_ON_MOVE_ABOVE };
}

export interface GraphStyle {
  /** The graph these reducers draw. */
  readonly graph: AtlasGraph;
  /** What it was made with: the same look over part of the graph is `createGraphStyle(part, style.options)`. */
  readonly options: GraphStyleOptions;
  readonly settings: DrawSettings;
  nodeReducer(node: string, data: NodeAttributes): Partial<NodeDisplayData>;
  edgeReducer(edge: string, data: EdgeAttributes): Partial<EdgeDisplayData>;
  /** Returns whether anything to hide or show changed. */
  setHidden(hidden: ReadonlySet<string>): boolean;
  setFocus(focus: string | null, selected: string | null): StyleChange;
  /** Highlights these nodes (a topic) and fades the rest, while nothing has the focus. */
  setGroup(group: ReadonlySet<string> | null): StyleChange;
  setColorMode(mode: ColorMode): StyleChange;
  readonly focus: string | null;
  /** Every node and edge, listed once, for refreshes that touch everything. */
  readonly everything: { nodes: string[]; edges: string[] };
}

export function createGraphStyle(graph: AtlasGraph, options: GraphStyleOptions): GraphStyle {
  let hidden: ReadonlySet<string> = new Set();
  let group: ReadonlySet<string> | null = null;
  let yearColors: ReadonlyMap<string, string> | null = null;
  let focus: string | null = null;
  let selected: string | null = null;
  let neighbours = new Set<string>();
  let labelled = new Set<string>();
  let focusEdges = new Set<string>();

  const everything = { nodes: graph.nodes(), edges: graph.edges() };

  return {
    graph,
    options,
    settings: drawSettings(graph, options.overview ?? false),
    everything,
    get focus() {
      return focus;
    },

    nodeReducer(node, attributes) {
      const data = attributes as NodeData; // sigma hands us a shallow copy
      // Overview communities have no kind of their own: plain discs.
      data.type = PROGRAM_OF_KIND[attributes.kind] ?? 'circle';
      if (hidden.has(node)) {
        data.hidden = true;
        return data;
      }
      if (yearColors) data.color = yearColors.get(node) ?? data.color;
      if (node === selected || node === focus) {
        data.highlighted = true;
        data.forceLabel = true;
        data.zIndex = 3;
      } else if (focus) {
        if (neighbours.has(node)) {
          data.forceLabel = labelled.has(node);
          data.zIndex = 2;
        } else {
          data.color = FADED_NODE;
          // '' rather than null: the label grid, built at indexation, must keep this node.
          data.label = '';
          data.zIndex = 0;
        }
      } else if (group) {
        if (group.has(node)) data.zIndex = 2;
        else {
          data.color = FADED_NODE;
          data.label = '';
          data.zIndex = 0;
        }
      } else data.zIndex = 1;
      return data;
    },

    edgeReducer(edge, attributes) {
      const data = attributes as EdgeData;
      const coauthor = attributes.kind === 'coauthor';
      if (options.overview) {
        data.size = 1 + 5 * attributes.weight;
        data.color = OVERVIEW_EDGE;
      } else if (options.coauthorNetwork) {
        // Thickness is joint papers: 1 paper a hairline, then clearly thicker per paper.
        data.size = Math.min(1 + 1.1 * (attributes.weight - 1), 8);
        data.color = COAUTHOR_EDGE;
      } else data.size = coauthor ? Math.min(0.8 + 0.6 * attributes.weight, 4) : 0.6;
      if (focus) {
        if (focusEdges.has(edge)) {
          data.color = FOCUS_EDGE;
          data.size += 0.8;
        } else data.hidden = true;
      } else if (group) {
        const [source, target] = graph.extremities(edge);
        if (!group.has(source) || !group.has(target)) data.hidden = true;
      }
      return data;
    },

    setHidden(next) {
      const changed = next !== hidden && (next.size > 0 || hidden.size > 0);
      hidden = next;
      return changed;
    },

    setGroup(next) {
      if (next === group) return false;
      group = next;
      return null;
    },

    setColorMode(mode) {
      const next = mode === 'year' ? options.yearColors() : null;
      if (next === yearColors) return false;
      yearColors = next;
      return null;
    },

    setFocus(requestedFocus, requestedSelected) {
      // A selection made in the other view (a paper, in the co-authorship network) is not drawn here.
      const nextFocus = requestedFocus !== null && graph.hasNode(requestedFocus) ? requestedFocus : null;
      const nextSelected = requestedSelected !== null && graph.hasNode(requestedSelected) ? requestedSelected : null;
      const prevFocus = focus;
      const prevSelected = selected;
      if (nextFocus === prevFocus && nextSelected === prevSelected) return false;
      focus = nextFocus;
      selected = nextSelected;
      if (focus !== prevFocus) {
        neighbours = new Set(focus ? graph.neighbors(focus) : []);
        focusEdges = new Set(focus ? graph.edges(focus) : []);
        labelled = neighbours.size <= MAX_FORCED_LABELS ? neighbours : biggest(graph, neighbours, MAX_FORCED_LABELS);
      }
      // Fading everything in or out touches every item; moving between two nodes touches
      // only the two neighbourhoods.
      if (!prevFocus || !focus) return null;
      const changed = { nodes: [] as string[], edges: [] as string[] };
      for (const node of [prevFocus, focus]) {
        changed.nodes.push(node);
        graph.forEachNeighbor(node, (neighbor) => void changed.nodes.push(neighbor));
        graph.forEachEdge(node, (edge) => void changed.edges.push(edge)); // no spread: a hub may have 100k+ edges
      }
      for (const node of [prevSelected, selected]) if (node) changed.nodes.push(node);
      return changed;
    },
  };
}

function biggest(graph: AtlasGraph, nodes: Set<string>, count: number): Set<string> {
  const bySize = [...nodes].sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size'));
  return new Set(bySize.slice(0, count));
}
