import { useEffect, useMemo, useRef } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { describeNode } from '../../core/details';
import { KIND_LABELS, KindIcon } from '../legend/KindIcon';
import { PaperDetails } from './PaperDetails';
import { AuthorDetails } from './AuthorDetails';
import { GroupDetails } from './GroupDetails';

interface DetailsPanelProps {
  graph: AtlasGraph;
  selected: string | null;
  onSelect: (key: string) => void;
  onClose: () => void;
}

/** The side panel: the selected node, every related node a button that selects it. */
export function DetailsPanel({ graph, selected, onSelect, onClose }: DetailsPanelProps) {
  const details = useMemo(() => (selected ? describeNode(graph, selected) : null), [graph, selected]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A click in the panel replaces the button it came from: keep keyboard focus in the panel.
  useEffect(() => {
    if (details && (document.activeElement === document.body || document.activeElement === null)) headingRef.current?.focus();
  }, [details]);

  if (!details) {
    return (
      <aside className="details details-empty" aria-label="Details">
        <h2>Explore the atlas</h2>
        <p>Search for a person, a paper, a category or an affiliation above, or click a node on the map.</p>
        <p>Hover a node to see its neighbours. Press Escape or click empty space to clear the selection.</p>
      </aside>
    );
  }

  const color = graph.getNodeAttribute(details.key, 'color');
  const title = details.kind === 'paper' ? details.title : details.name;
  return (
    <aside className="details" aria-labelledby="details-title">
      <div className="details-head">
        <span className="details-kind">
          <KindIcon kind={details.kind} color={color} /> {KIND_LABELS[details.kind].one}
        </span>
        <button type="button" className="close-button" aria-label="Close details (Escape)" title="Close (Escape)" onClick={onClose}>
          ×
        </button>
      </div>
      <h2 id="details-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <div className="details-body" key={details.key}>
        {details.kind === 'paper' && <PaperDetails paper={details} onSelect={onSelect} />}
        {details.kind === 'author' && <AuthorDetails author={details} onSelect={onSelect} />}
        {(details.kind === 'category' || details.kind === 'affiliation') && <GroupDetails group={details} onSelect={onSelect} />}
        {details.community && (
          <p className="details-community">
            <span className="swatch" style={{ background: color }} aria-hidden="true" /> Community: {details.community.label}
          </p>
        )}
      </div>
    </aside>
  );
}
