import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AtlasGraph } from '../core/graphFile';
import { computeVisibility, graphFacets, type FilterState } from '../core/filters';
import { buildSearchIndex, type SearchIndex } from '../core/search';
import { createGraphStyle } from './graph/graphStyle';
import { GraphView } from './graph/GraphView';
import { flyToNode } from './graph/camera';
import type { AtlasSigma } from './graph/useSigma';
import { useViewState } from './state/useViewState';
import { useSelectionFocus } from './state/useSelectionFocus';
import { SearchBox } from './search/SearchBox';
import { Legend } from './legend/Legend';
import { Filters } from './legend/Filters';
import { DetailsPanel } from './panel/DetailsPanel';

/**
 * The explorer. State flows one way: URL view state → visibility (filters) → reducers → sigma;
 * the panel, legend and search read the same state and change it only through `updateView`.
 */
export function Explorer({ graph }: { graph: AtlasGraph }) {
  const { current, updateView } = useViewState();
  const { view } = current;
  const selected = view.selected !== null && graph.hasNode(view.selected) ? view.selected : null;

  const facets = useMemo(() => graphFacets(graph), [graph]);
  const searchIndex = useSearchIndexAfterFirstPaint(graph);
  const style = useMemo(() => createGraphStyle(graph), [graph]);
  const visibility = useMemo(() => computeVisibility(graph, view.filters), [graph, view.filters]);
  const [sigma, setSigma] = useState<AtlasSigma | null>(null);

  const { searchRef, headingRef, selectAndFocusPanel, clearAndKeepFocus } = useSelectionFocus(selected);

  const select = useCallback(
    (node: string | null, fly: boolean) => updateView((v) => ({ ...v, selected: node }), { history: 'push', fly }),
    [updateView],
  );
  // Selections made in the page take keyboard focus to the panel (see useSelectionFocus).
  const selectAndFly = useCallback((node: string) => selectAndFocusPanel(() => select(node, true)), [select, selectAndFocusPanel]);
  const clearSelection = useCallback(() => clearAndKeepFocus(() => select(null, false)), [select, clearAndKeepFocus]);
  // A click on empty map is a pointer gesture: clear without pulling focus into the search box.
  const selectOnMap = useCallback(
    (node: string | null) => (node ? selectAndFocusPanel(() => select(node, false)) : select(null, false)),
    [select, selectAndFocusPanel],
  );
  const changeFilters = useCallback(
    (change: Partial<FilterState>) => updateView((v) => ({ ...v, filters: { ...v.filters, ...change } }), { history: 'replace', fly: false }),
    [updateView],
  );

  // Links, back/forward, search and panel clicks move the camera to the selection.
  useEffect(() => {
    if (sigma && current.fly && selected) flyToNode(sigma, selected);
  }, [sigma, current, selected]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) clearSelection();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [clearSelection]);

  return (
    <div className="app">
      <header className="top-bar">
        <h1>Paper Atlas</h1>
        <SearchBox ref={searchRef} index={searchIndex} onChoose={selectAndFly} />
        <p className="graph-summary">
          {graph.order.toLocaleString('en')} nodes · {graph.size.toLocaleString('en')} links
        </p>
      </header>
      <main className="workspace">
        <aside className="sidebar" aria-label="Legend and filters">
          <Legend
            kinds={view.filters.kinds}
            community={view.filters.community}
            communities={facets.communities}
            visibility={visibility}
            onKindsChange={(kinds) => changeFilters({ kinds })}
            onCommunityChange={(community) => changeFilters({ community })}
          />
          <Filters filters={view.filters} facets={facets} onChange={changeFilters} />
        </aside>
        <GraphView graph={graph} style={style} hidden={visibility.hidden} selected={selected} onSelect={selectOnMap} onSigma={setSigma} />
        <DetailsPanel graph={graph} selected={selected} headingRef={headingRef} onSelect={selectAndFly} onClose={clearSelection} />
      </main>
    </div>
  );
}

/** The search index takes a moment on big graphs: build it once the map is on screen, not before. */
function useSearchIndexAfterFirstPaint(graph: AtlasGraph): SearchIndex | null {
  const [index, setIndex] = useState<{ graph: AtlasGraph; index: SearchIndex } | null>(null);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setIndex({ graph, index: buildSearchIndex(graph) }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [graph]);
  return index?.graph === graph ? index.index : null;
}
