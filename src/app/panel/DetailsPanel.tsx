import { useMemo, type RefObject } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { describeNode, type NodeDetails } from '../../core/details';
import { KIND_LABELS, KindIcon } from '../legend/KindIcon';
import { PaperDetails } from './PaperDetails';
import { AuthorDetails } from './AuthorDetails';
import { GroupDetails } from './GroupDetails';
import { SelectionStatus } from './SelectionStatus';
import { hasNodeText, useNodeText } from '../load/graphText';

interface DetailsPanelProps {
  graph: AtlasGraph;
  selected: string | null;
  /** The selected node's heading, where focus goes after a selection made in the page. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  onSelect: (key: string) => void;
  onClose: () => void;
}

/** The side panel: the selected node, every related node a button that selects it. */
export function DetailsPanel({ graph, selected, headingRef, onSelect, onClose }: DetailsPanelProps) {
  // Compact loads fetch the node's text shard on selection; the version changes when it is merged.
  const textVersion = useNodeText(graph, selected);
  const details = useMemo(() => (selected ? describeNode(graph, selected) : null), [graph, selected, textVersion]);
  return (
    <>
      {details ? (
        // Keyed by node: each selection gets a fresh panel, scrolled to its top, and a fresh heading
        // that takes focus anew, so a screen reader reads the new title.
        <SelectedNode key={details.key} graph={graph} details={details} headingRef={headingRef} onSelect={onSelect} onClose={onClose} />
      ) : (
        <aside className="details details-empty" aria-label="Details">
          <h2>Explore the atlas</h2>
          <p>Search for a person, a paper, a category or an affiliation above, or click a node on the map.</p>
          <p>Hover a node to see its neighbours. Press Escape or click empty space to clear the selection.</p>
        </aside>
      )}
      <SelectionStatus details={details} />
    </>
  );
}

interface SelectedNodeProps extends Omit<DetailsPanelProps, 'selected'> {
  details: NodeDetails;
}

function SelectedNode({ graph, details, headingRef, onSelect, onClose }: SelectedNodeProps) {
  const color = graph.getNodeAttribute(details.key, 'color');
  const title = details.kind === 'paper' ? details.title : details.name;
  // Compact loads: the node's text (abstract, related papers…) may still be on its way.
  const loading = !hasNodeText(graph, details.key);
  return (
    <aside className="details" aria-labelledby="details-title" aria-busy={loading}>
      <div className="details-head">
        <span className="details-kind">
          <KindIcon kind={details.kind} color={color} /> {KIND_LABELS[details.kind].one}
        </span>
        <button type="button" className="close-button" aria-label="Close details" aria-keyshortcuts="Escape" title="Close (Escape)" onClick={onClose}>
          ×
        </button>
      </div>
      <h2 id="details-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <div className="details-body">
        {loading && <p className="muted">Loading the details…</p>}
        {!loading && details.kind === 'paper' && <PaperDetails paper={details} onSelect={onSelect} />}
        {!loading && details.kind === 'author' && <AuthorDetails author={details} onSelect={onSelect} />}
        {!loading && (details.kind === 'category' || details.kind === 'affiliation' || details.kind === 'topic') && <GroupDetails group={details} onSelect={onSelect} />}
        {details.community && (
          <p className="details-community">
            <span className="swatch" style={{ background: color }} aria-hidden="true" /> Community: {details.community.label}
          </p>
        )}
      </div>
    </aside>
  );
}
