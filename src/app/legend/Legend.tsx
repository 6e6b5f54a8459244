import type { Community, NodeKind } from '../../core/graphFile';
import { NODE_KINDS, type Visibility } from '../../core/filters';
import type { ColorBy, Network } from '../../core/urlState';
import { bySize } from '../../core/topics';
import { KIND_LABELS, KindIcon } from './KindIcon';
import { YearRamp } from './YearRamp';

interface LegendProps {
  kinds: NodeKind[];
  community: number | null;
  /** The drawn network's communities: the knowledge graph's, or the co-authorship network's. */
  communities: Community[];
  visibility: Visibility;
  network: Network;
  colorBy: ColorBy;
  /** First and last paper year, for the colour-by-year ramp. */
  years: [number, number] | null;
  onKindsChange: (kinds: NodeKind[]) => void;
  onCommunityChange: (community: number | null) => void;
}

const count = ({ visible, total }: { visible: number; total: number }) => (visible === total ? `${total}` : `${visible} / ${total}`);

/** What the shapes and colours mean, with visible/total counts; doubles as the kind and community filter. */
export function Legend({ kinds, community, communities, visibility, network, colorBy, years, onKindsChange, onCommunityChange }: LegendProps) {
  const toggleKind = (kind: NodeKind, on: boolean) =>
    onKindsChange(on ? NODE_KINDS.filter((k) => k === kind || kinds.includes(k)) : kinds.filter((k) => k !== kind));
  const sorted = [...communities].sort(bySize);

  return (
    <section className="legend" aria-labelledby="legend-kinds">
      <h2 id="legend-kinds">Show</h2>
      {network === 'coauthor' ? (
        <div className="legend-network">
          <p>
            <KindIcon kind="author" /> <span className="legend-name">Authors</span>{' '}
            <span className="legend-count" data-testid="count-author">
              {count(visibility.counts.author)}
            </span>
          </p>
          <p className="muted">Size: papers. Link thickness: joint papers.</p>
        </div>
      ) : (
      <ul className="legend-kinds">
        {/* A kind the data has none of (topics in an arXiv-only graph) is not offered. */}
        {NODE_KINDS.filter((kind) => visibility.counts[kind].total > 0).map((kind) => (
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
      )}

      {colorBy === 'year' && (
        <>
          <h2 id="legend-years">Colour: year</h2>
          <YearRamp span={years} />
        </>
      )}

      <h2 id="legend-communities">{network === 'coauthor' ? 'Co-author communities' : 'Communities'}</h2>
      <ul className="legend-communities" aria-labelledby="legend-communities">
        <li>
          <button type="button" aria-pressed={community === null} onClick={() => onCommunityChange(null)}>
            <span className="legend-name">All communities</span>
          </button>
        </li>
        {sorted.map((c) => (
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
