import { useCallback, useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';

/**
 * Where keyboard focus goes when the selection changes.
 *
 * - A selection the user makes in the page (search, a panel list, a click on the map) moves focus
 *   to the panel heading: a screen reader reads what opened and Tab continues into its lists.
 * - Clearing it (Escape, the close button) moves focus to the search box when focus would
 *   otherwise sit on <body>; focus elsewhere (a filter checkbox) stays where the user left it.
 * - A page load, back/forward or an edited hash never take focus: a deep link must not skip the
 *   top of the page. Only if the change removed the focused element (back while in a panel
 *   list) does focus go to the panel heading or the search box, never to <body>.
 */
export function useSelectionFocus(selected: string | null) {
  const searchRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastFocused = useRef<Element | null>(null);

  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      lastFocused.current = e.target as Element;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    const lost = document.activeElement === document.body && lastFocused.current !== null && !lastFocused.current.isConnected;
    if (lost) (selected ? headingRef : searchRef).current?.focus();
  }, [selected]);

  /** Applies a selection now (so the new panel heading exists) and focuses that heading. */
  const selectAndFocusPanel = useCallback((applySelection: () => void) => {
    flushSync(applySelection);
    headingRef.current?.focus();
  }, []);

  /** Applies a clear now; focus left on <body> (it was in the emptied panel) goes to the search box. */
  const clearAndKeepFocus = useCallback((applyClear: () => void) => {
    flushSync(applyClear);
    if (document.activeElement === document.body || document.activeElement === null) searchRef.current?.focus();
  }, []);

  return { searchRef, headingRef, selectAndFocusPanel, clearAndKeepFocus };
}
