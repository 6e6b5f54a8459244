import type { Community, NodeKind } from '../../core/graphFile';
import { NODE_KINDS, type Visibility } from '../../core/filters';
import { KIND_LABELS, KindIcon } from './KindIcon';

interface LegendProps {
  kinds: NodeKind[];
  community: number | null;
  communities: Community[];
  visibility: Visibility;
  onKindsChange: (kinds: NodeKind[]) => void;
  onCommunityChange: (community: number | null) => void;
}

const count = ({ visible, total }: { visible: number; total: number }) => (visible === total ? `${total}` : `${visible} / ${total}`);

/** What the shapes and colours mean, with visible/total counts; doubles as the kind and community filter. */
export function Legend({ kinds, community, communities, visibility, onKindsChange, onCommunityChange }: LegendProps) {
  const toggleKind = (kind: NodeKind, on: boolean) =>
    onKindsChange(on ? NODE_KINDS.filter((k) => k === kind || kinds.includes(k)) : kinds.filter((k) => k !== kind));
  const bySize = [...communities].sort((a, b) => b.size - a.size || a.id - b.id);

  return (
    <section className="legend" aria-labelledby="legend-kinds">
      <h2 id="legend-kinds">Show</h2>
      <ul className="legend-kinds">
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input type="checkbox" checked={kinds.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
              <KindIcon kind={kind} />
              <span className="legend-name">{KIND_LABELS[kind].many}</span>
              <span className="legend-count" data-testid={`count-${kind}`}>
                {count(visibility.counts[kind])}
              </span>
            </label>
          </li>
        ))}
      </ul>

      <h2 id="legend-communities">Communities</h2>
      <ul className="legend-communities" aria-labelledby="legend-communities">
        <li>
          <button type="button" aria-pressed={community === null} onClick={() => onCommunityChange(null)}>
            <span className="legend-name">All communities</span>
          </button>
        </li>
        {bySize.map((c) => (
          <li key={c.id}>
            <button type="button" aria-pressed={community === c.id} onClick={() => onCommunityChange(community === c.id ? null : c.id)}>
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className="legend-name">{c.label}</span>
              <span className="legend-count" data-testid={`community-count-${c.id}`}>
                {count(visibility.communityCounts.get(c.id) ?? { visible: 0, total: 0 })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
