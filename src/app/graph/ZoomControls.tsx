import type { AtlasSigma } from './useSigma';
import { motionDuration } from './camera';

const DURATION_MS = 250;

/** Zoom in, zoom out and fit-all buttons over the map. */
export function ZoomControls({ sigma }: { sigma: AtlasSigma }) {
  const camera = sigma.getCamera();
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => void camera.animatedZoom({ duration: motionDuration(DURATION_MS) })}>
        +
      </button>
      <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => void camera.animatedUnzoom({ duration: motionDuration(DURATION_MS) })}>
        −
      </button>
      <button type="button" aria-label="Fit the whole graph" title="Fit the whole graph" onClick={() => void camera.animatedReset({ duration: motionDuration(DURATION_MS) })}>
        ⤢
      </button>
    </div>
  );
}
