import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, sameViewState, type ViewState } from '../../core/urlState';

export interface ViewUpdate {
  /** `push` makes a history entry (selections, so back/forward step through them). */
  history: 'push' | 'replace';
  /** Move the camera to the newly selected node. */
  fly: boolean;
}

/** The view plus whether the camera should go to its selection (links, history, search). */
export interface CurrentView {
  view: ViewState;
  fly: boolean;
}

const fromLocation = (): CurrentView => ({ view: decodeViewState(window.location.hash), fly: true });

/**
 * The view (selection and filters) lives in the URL hash so a copied link reopens it. This hook
 * is its single owner: UI changes write the hash, back/forward and edited hashes read it.
 */
export function useViewState() {
  const [current, setCurrent] = useState<CurrentView>(fromLocation);

  useEffect(() => {
    const onNavigate = () =>
      setCurrent((prev) => {
        const next = fromLocation();
        return sameViewState(prev.view, next.view) ? prev : next;
      });
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, []);

  // The latest view, so two updates in one tick compose and the URL is written once per change.
  const latest = useRef(current);
  latest.current = current;
  const updateView = useCallback((change: (view: ViewState) => ViewState, how: ViewUpdate) => {
    const view = change(latest.current.view);
    if (sameViewState(view, latest.current.view)) return;
    latest.current = { view, fly: how.fly };
    setCurrent(latest.current);
    const url = `${window.location.pathname}${window.location.search}${encodeViewState(view)}`;
    if (how.history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  return { current, updateView };
}
