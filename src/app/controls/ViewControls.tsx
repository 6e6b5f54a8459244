import type { ColorBy, Network } from '../../core/urlState';
import { Segmented } from './Segmented';

const NETWORKS = [
  { value: 'knowledge', label: 'Knowledge graph', title: 'Papers, authors, categories, affiliations and topics' },
  { value: 'coauthor', label: 'Co-authorship', title: 'Authors only, linked by joint papers' },
] as const;

const COLORS = [
  { value: 'community', label: 'Community', title: 'Colour nodes by research community' },
  { value: 'year', label: 'Year', title: 'Colour nodes by publication year (mean year for people and groups)' },
] as const;

/** Which graph the map draws and what its colours mean. */
export function ViewControls({
  network,
  colorBy,
  onNetworkChange,
  onColorByChange,
}: {
  network: Network;
  colorBy: ColorBy;
  onNetworkChange: (network: Network) => void;
  onColorByChange: (colorBy: ColorBy) => void;
}) {
  return (
    <div className="view-controls">
      <Segmented label="View" options={NETWORKS} value={network} onChange={onNetworkChange} />
      <Segmented label="Colour" options={COLORS} value={colorBy} onChange={onColorByChange} />
    </div>
  );
}
