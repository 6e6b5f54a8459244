import type { GraphLoad } from './useGraphFile';

/** Shown instead of a blank canvas while the graph loads or when it cannot be used. */
export function LoadScreen({ load }: { load: Extract<GraphLoad, { status: 'loading' | 'failed' }> }) {
  if (load.status === 'loading') {
    return (
      <div className="load-screen" role="status">
        <p>Loading the graph…</p>
      </div>
    );
  }
  return (
    <div className="load-screen" role="alert">
      <h2>{load.title}</h2>
      <p className="load-error-message">{load.message}</p>
      {load.hint && <p>{load.hint}</p>}
    </div>
  );
}
