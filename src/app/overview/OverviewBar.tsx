import type { MapLevel } from './useMapLevel';

interface OverviewBarProps {
  level: MapLevel;
  communities: number;
  nodes: number;
  /** The full graph is built (search, panels and the full map work). */
  complete: boolean;
  /** A community or the full map was asked for and opens once the graph is built. */
  waiting: boolean;
  onShowAll: () => void;
  onBack: () => void;
}

/** Over the map: which level of detail it shows, and the way to the other one. */
export function OverviewBar({ level, communities, nodes, complete, waiting, onShowAll, onBack }: OverviewBarProps) {
  if (level === 'graph') {
    return (
      <div className="overview-bar" role="group" aria-label="Level of detail">
        <button type="button" onClick={onBack}>
          ← Community overview
        </button>
      </div>
    );
  }
  return (
    <div className="overview-bar" role="group" aria-label="Level of detail">
      <p>
        <strong>Overview:</strong> {communities.toLocaleString('en')} communities of {nodes.toLocaleString('en')} nodes. Click one to open it.
      </p>
      <button type="button" onClick={onShowAll} aria-describedby="overview-status">
        Show all nodes
      </button>
      <p id="overview-status" className="overview-status" role="status">
        {complete ? '' : waiting ? 'Opening as soon as the full graph is loaded…' : 'Loading the full graph for search and details…'}
      </p>
    </div>
  );
}
