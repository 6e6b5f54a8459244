import { useMemo } from 'react';
import { graphUrlFromLocation } from './load/graphSource';
import { useGraphFile } from './load/useGraphFile';
import { LoadScreen } from './load/LoadScreen';
import { Explorer } from './Explorer';

export function App() {
  const url = useMemo(() => graphUrlFromLocation(window.location), []);
  const load = useGraphFile(url);
  if (load.status === 'loading' || load.status === 'failed') {
    return (
      <div className="app">
        <header className="top-bar">
          <h1>Paper Atlas</h1>
        </header>
        <main className="load-main">
          <LoadScreen load={load} />
        </main>
      </div>
    );
  }
  // A big graph's overview comes first ('overview'); the same explorer then receives the graph itself.
  return <Explorer graph={load.status === 'ready' ? load.graph : null} overview={load.overview} />;
}
