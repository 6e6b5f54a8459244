import { useMemo } from 'react';
import { graphUrlFromLocation } from './load/graphSource';
import { useGraphFile } from './load/useGraphFile';
import { LoadScreen } from './load/LoadScreen';
import { Explorer } from './Explorer';

export function App() {
  const url = useMemo(() => graphUrlFromLocation(window.location), []);
  const load = useGraphFile(url);
  if (load.status !== 'ready') {
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
  return <Explorer graph={load.graph} />;
}
