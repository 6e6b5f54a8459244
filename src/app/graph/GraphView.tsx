import { useEffect, useRef, type ReactNode } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import type { GraphStyle } from './graphStyle';
import { useDrawnGraph, useSigma, type AtlasSigma, type Frame } from './useSigma';
import { useFrameNextPart, usePartialStyle } from './partialDrawing';
import { useGraphHighlight, type HighlightState } from './useGraphHighlight';
import { ZoomControls } from './ZoomControls';
import { exposeDebugHooks } from '../debug';

interface GraphViewProps {
  /** The loaded dataset (the knowledge graph); `style.graph` is what is drawn: it or its co-authorship network. */
  graph: AtlasGraph;
  /** Whether `graph` is the whole dataset yet (a big graph's overview is drawn while it is built). */
  complete: boolean;
  style: GraphStyle;
  /** Shared coordinate frame of the overview and the knowledge graph (see useSigma), or null. */
  frame: Frame;
  /** Communities drawn, when `style` draws the overview. */
  overviewCommunities: number | null;
  highlight: HighlightState;
  onSelect: (node: string | null) => void;
  onSigma: (sigma: AtlasSigma | null) => void;
  /** Controls laid over the map. */
  children?: ReactNode;
}

/** The WebGL map: one sigma instance, its click events, highlight and zoom buttons. */
export function GraphView({ graph, complete, style, frame, overviewCommunities, highlight, onSelect, onSigma, children }: GraphViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  // A big graph's highlighted group is drawn with its neighbourhood only (see partialDrawing.ts).
  const drawnStyle = usePartialStyle(style, highlight.group, highlight.selected, frame);
  const { sigma, error } = useSigma(drawnStyle, frame, containerRef);
  useGraphHighlight(sigma, drawnStyle, highlight);
  useDrawnGraph(sigma, drawnStyle, frame);
  useFrameNextPart(sigma, drawnStyle, highlight.group);
  const drawn = style.graph;
  const coauthors = drawn !== graph && overviewCommunities === null;

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  useEffect(() => {
    onSigma(sigma);
    if (!sigma) return;
    const onClickNode = ({ node }: { node: string }) => onSelectRef.current(node);
    const onClickStage = () => onSelectRef.current(null);
    sigma.on('clickNode', onClickNode);
    sigma.on('clickStage', onClickStage);
    // Tests and the benchmark start once everything works: after a big graph is built, not at its overview.
    const unexpose = complete ? exposeDebugHooks(sigma, graph) : () => {};
    return () => {
      sigma.off('clickNode', onClickNode);
      sigma.off('clickStage', onClickStage);
      unexpose();
    };
  }, [sigma, graph, complete, onSigma]);

  const label =
    overviewCommunities !== null
      ? `Overview of ${overviewCommunities.toLocaleString('en')} communities`
      : coauthors
        ? `Co-authorship network of ${drawn.order.toLocaleString('en')} authors`
        : `Graph of ${graph.order.toLocaleString('en')} nodes`;

  return (
    // A named region with a heading, so screen-reader users can find the map and learn what it
    // shows and how to reach the same information without a mouse.
    <section className="graph-view" aria-labelledby="map-heading" aria-describedby="map-description">
      <h2 id="map-heading" className="visually-hidden">
        Graph map
      </h2>
      <p id="map-description" className="visually-hidden">
        {overviewCommunities !== null ? overviewDescription() : coauthors ? coauthorDescription(drawn) : mapDescription(graph)}
      </p>
      <div ref={containerRef} className="sigma-container" role="img" aria-label={label} />
      {error && (
        <div className="graph-error" role="alert">
          <h2>This browser cannot draw the map</h2>
          <p>Paper Atlas draws the graph with WebGL, which is unavailable or disabled here. Enable hardware acceleration or WebGL in the browser settings, or try another browser. Search and the details panel still work.</p>
          <p className="graph-error-detail">Details: {error}</p>
        </div>
      )}
      {sigma && <ZoomControls sigma={sigma} />}
      {children}
    </section>
  );
}

function mapDescription(graph: AtlasGraph): string {
  return (
    `${graph.order.toLocaleString('en')} papers, authors, arXiv categories and affiliations, linked when related ` +
    `and coloured by research community. With a mouse: click a node to open it in the details panel, hover to see ` +
    `its neighbours, drag to pan, scroll to zoom. Without one: find any node with the search box; the details panel ` +
    `lists its related nodes, and the zoom buttons follow the map.`
  );
}

function overviewDescription(): string {
  return (
    `The graph is too big to read whole: each circle is one research community, placed where its nodes are, ` +
    `sized by how many they are, and linked to the communities it is most tied to by citations and authorship. ` +
    `Click a community to open its nodes, or use "Show all nodes". Search finds any node and opens it in the full graph.`
  );
}

function coauthorDescription(network: AtlasGraph): string {
  return (
    `${network.order.toLocaleString('en')} authors, linked when they wrote papers together: the more joint papers, ` +
    `the thicker the link; the more papers, the bigger the author. Coloured by co-authorship community. Click an ` +
    `author to open them in the details panel; without a mouse, search for them.`
  );
}
