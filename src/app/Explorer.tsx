import { useCallback, useEffect, useMemo, useState } from 'react';
import Graph from 'graphology';
import type { AtlasGraph } from '../core/graphFile';
import { communityOfKey, type Overview } from '../core/overview';
import { computeVisibility, graphFacets, type FilterState } from '../core/filters';
import { summarizeTopics, topicMembers } from '../core/topics';
import type { ColorBy, Network } from '../core/urlState';
import { GraphView } from './graph/GraphView';
import { fitToNodes, flyToNode } from './graph/camera';
import type { AtlasSigma } from './graph/useSigma';
import { useViewState } from './state/useViewState';
import { useSelectionFocus } from './state/useSelectionFocus';
import { useMapView } from './state/useMapView';
import { ViewControls } from './controls/ViewControls';
import { Sidebar } from './sidebar/Sidebar';
import { TopicsPanel } from './topics/TopicsPanel';
import { SearchBox } from './search/SearchBox';
import { Legend } from './legend/Legend';
import { Filters } from './legend/Filters';
import { DetailsPanel } from './panel/DetailsPanel';
import { ExportMenu } from './export/ExportMenu';
import { useSearchIndexAfterFirstPaint } from './search/useSearchIndex';
import { useOverview } from './overview/useOverview';
import { OverviewBar } from './overview/OverviewBar';

/** Stands in for a big graph while it is built behind its overview: every derived view is empty meanwhile. */
const GRAPH_BEING_BUILT = new Graph() as AtlasGraph;

/**
 * The explorer. State flows one way: URL view state → drawn network (knowledge graph or
 * co-authorship) → visibility (filters) → reducers → sigma; the panel, legend, topics and search
 * read the same state and change it only through `updateView`. A big graph opens on its overview (communities
 * as nodes, drawn while the graph itself is still being built); `useMapLevel` decides which of the two is drawn.
 */
export function Explorer({ graph: loaded, overview }: { graph: AtlasGraph | null; overview: Overview | null }) {
  const graph = loaded ?? GRAPH_BEING_BUILT;
  const complete = loaded !== null;
  const { current, updateView } = useViewState();
  const { view } = current;
  const { network, colorBy } = view;
  const selected = view.selected !== null && graph.hasNode(view.selected) ? view.selected : null;

  const facets = useMemo(() => graphFacets(graph), [graph]);
  const searchIndex = useSearchIndexAfterFirstPaint(graph);
  const { drawn, style, years } = useMapView(graph, network);
  const visibility = useMemo(() => computeVisibility(graph, view.filters, network), [graph, view.filters, network]);
  const [sigma, setSigma] = useState<AtlasSigma | null>(null);
  const communities = network === 'coauthor' ? facets.collaboration : facets.communities;
  const topics = useMemo(() => summarizeTopics(graph, communities), [graph, communities]);
  // The highlighted topic belongs to the network it was chosen in.
  const [topicChoice, setTopicChoice] = useState<{ network: Network; id: number } | null>(null);
  const topic = topicChoice?.network === network ? topicChoice.id : null;
  const topicGroup = useMemo(() => (topic === null ? null : new Set(topicMembers(drawn, topic))), [drawn, topic]);
  const highlight = useMemo(
    () => ({ hidden: visibility.hidden, selected, group: topicGroup, colorMode: colorBy }),
    [visibility.hidden, selected, topicGroup, colorBy],
  );

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
  const changeNetwork = useCallback(
    // Community ids differ between the two networks: a community filter does not carry over.
    (next: Network) => updateView((v) => ({ ...v, network: next, filters: { ...v.filters, community: null } }), { history: 'push', fly: true }),
    [updateView],
  );
  const changeColorBy = useCallback((next: ColorBy) => updateView((v) => ({ ...v, colorBy: next }), { history: 'replace', fly: false }), [updateView]);
  const lod = useOverview({
    overview, network, complete, selected, sigma, graph, visibility, colorMode: colorBy,
    // An opened community is highlighted like a topic: the others fade and their edges are skipped.
    onOpen: useCallback((id: number) => setTopicChoice({ network: 'knowledge', id }), []),
    onBack: useCallback(() => {
      setTopicChoice(null);
      select(null, false);
    }, [select]),
  });
  const onOverview = lod.level === 'overview';
  // On the overview a click opens a community; on the graph it selects a node.
  const onMapClick = useCallback(
    (node: string | null) => {
      const community = node === null ? null : communityOfKey(node);
      if (onOverview) return void (community !== null && lod.openCommunity(community));
      selectOnMap(node);
    },
    [onOverview, lod, selectOnMap],
  );

  const toggleTopic = useCallback(
    (id: number) => {
      if (onOverview) return lod.openCommunity(id);
      if (topic === id) return setTopicChoice(null);
      setTopicChoice({ network, id });
      // The topic takes the map: a selected node's highlight would hide it.
      if (selected) select(null, false);
      if (sigma) fitToNodes(sigma, topicMembers(drawn, id));
    },
    [onOverview, lod, topic, network, selected, select, sigma, drawn],
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
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // One thing at a time: the selection first, then the highlighted topic.
      if (selected || topic === null) clearSelection();
      else setTopicChoice(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [clearSelection, selected, topic]);

  return (
    <div className="app">
      <header className="top-bar">
        <h1>Paper Atlas</h1>
        <SearchBox ref={searchRef} index={searchIndex} onChoose={selectAndFly} />
        <ViewControls network={network} colorBy={colorBy} onNetworkChange={changeNetwork} onColorByChange={changeColorBy} />
        <p className="graph-summary">
          {!complete
            ? `${overview!.nodeCount.toLocaleString('en')} nodes · loading…`
            : network === 'coauthor'
              ? `${drawn.order.toLocaleString('en')} authors · ${drawn.size.toLocaleString('en')} co-author links`
              : `${graph.order.toLocaleString('en')} nodes · ${graph.size.toLocaleString('en')} links`}
        </p>
        <ExportMenu graph={graph} sigma={sigma} hidden={visibility.hidden} view={network === 'coauthor' ? 'collaboration' : 'full'} colorBy={colorBy} />
      </header>
      <main className="workspace">
        <Sidebar
          complete={complete}
          filters={() => (
            <>
              <Legend
                kinds={view.filters.kinds}
                community={view.filters.community}
                communities={communities}
                visibility={visibility}
                network={network}
                colorBy={colorBy}
                years={colorBy === 'year' ? years().span : null}
                onKindsChange={(kinds) => changeFilters({ kinds })}
                onCommunityChange={(community) => changeFilters({ community })}
              />
              <Filters filters={view.filters} facets={facets} onChange={changeFilters} />
            </>
          )}
          topics={() => <TopicsPanel topics={topics} coauthor={network === 'coauthor'} active={topic} onToggle={toggleTopic} onSelectNode={selectAndFly} />}
        />
        <GraphView
          graph={graph}
          complete={complete}
          style={onOverview ? lod.style! : style}
          frame={lod.frame}
          overviewCommunities={onOverview ? overview!.communities.length : null}
          highlight={onOverview ? lod.highlight : highlight}
          onSelect={onMapClick}
          onSigma={setSigma}
        >
          {lod.available && (
            <OverviewBar
              level={lod.level}
              communities={overview!.communities.length}
              nodes={overview!.nodeCount}
              complete={complete}
              waiting={lod.waiting}
              onShowAll={lod.showAll}
              onBack={lod.backToOverview}
            />
          )}
        </GraphView>
        <DetailsPanel graph={graph} selected={selected} headingRef={headingRef} onSelect={selectAndFly} onClose={clearSelection} />
      </main>
    </div>
  );
}
