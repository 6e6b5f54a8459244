import { useEffect, useRef } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import type { GraphStyle } from './graphStyle';
import { useSigma, type AtlasSigma } from './useSigma';
import { useGraphHighlight, type HighlightState } from './useGraphHighlight';
import { ZoomControls } from './ZoomControls';
import { exposeDebugHooks } from '../debug';

interface GraphViewProps {
  /** The loaded dataset (the knowledge graph); `style.graph` is what is drawn: it or its co-authorship network. */
  graph: AtlasGraph;
  style: GraphStyle;
  highlight: HighlightState;
  onSelect: (node: string | null) => void;
  onSigma: (sigma: AtlasSigma | null) => void;
}

/** The WebGL map: one sigma instance, its click events, highlight and zoom buttons. */
export function GraphView({ graph, style, highlight, onSelect, onSigma }: GraphViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const { sigma, error } = useSigma(graph, style, containerRef);
  useGraphHighlight(sigma, style, highlight);
  const drawn = style.graph;
  const coauthors = drawn !== graph;

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  useEffect(() => {
    onSigma(sigma);
    if (!sigma) return;
    const onClickNode = ({ node }: { node: string }) => onSelectRef.current(node);
    const onClickStage = () => onSelectRef.current(null);
    sigma.on('clickNode', onClickNode);
    sigma.on('clickStage', onClickStage);
    const unexpose = exposeDebugHooks(sigma, graph);
    return () => {
      sigma.off('clickNode', onClickNode);
      sigma.off('clickStage', onClickStage);
      unexpose();
    };
  }, [sigma, graph, onSigma]);

  return (
    // A named region with a heading, so screen-reader users can find the map and learn what it
    // shows and how to reach the same information without a mouse.
    <section className="graph-view" aria-labelledby="map-heading" aria-describedby="map-description">
      <h2 id="map-heading" className="visually-hidden">
        Graph map
      </h2>
      <p id="map-description" className="visually-hidden">
        {coauthors ? coauthorDescription(drawn) : mapDescription(graph)}
      </p>
      <div
        ref={containerRef}
        className="sigma-container"
        role="img"
        aria-label={coauthors ? `Co-authorship network of ${drawn.order.toLocaleString('en')} authors` : `Graph of ${graph.order.toLocaleString('en')} nodes`}
      />
      {error && (
        <div className="graph-error" role="alert">
          <h2>This browser cannot draw the map</h2>
          <p>Paper Atlas draws the graph with WebGL, which is unavailable or disabled here. Enable hardware acceleration or WebGL in the browser settings, or try another browser. Search and the details panel still work.</p>
          <p className="graph-error-detail">Details: {error}</p>
        </div>
      )}
      {sigma && <ZoomControls sigma={sigma} />}
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

function coauthorDescription(network: AtlasGraph): string {
  return (
    `${network.order.toLocaleString('en')} authors, linked when they wrote papers together: the more joint papers, ` +
    `the thicker the link; the more papers, the bigger the author. Coloured by co-authorship community. Click an ` +
    `author to open them in the details panel; without a mouse, search for them.`
  );
}
