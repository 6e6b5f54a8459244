import { useEffect, useRef } from 'react';
import type { NodeDetails } from '../../core/details';
import { plural } from './NodeList';

/**
 * A polite live region that tells screen-reader users what the selection became ("Selected
 * author Florian Bordes, 9 papers"), whatever changed it: search, a list, the map, back/forward.
 * It stays in the page while the panel's content is replaced, or the change would go unspoken.
 */
export function SelectionStatus({ details }: { details: NodeDetails | null }) {
  // "Selection cleared" only after there was one; a page opened without a selection says nothing.
  const hadSelection = useRef(false);
  useEffect(() => {
    if (details) hadSelection.current = true;
  }, [details]);
  const text = details ? describeSelection(details) : hadSelection.current ? 'Selection cleared' : '';
  return (
    <p id="selection-status" className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function describeSelection(details: NodeDetails): string {
  switch (details.kind) {
    case 'paper':
      return `Selected paper ${details.title}, ${details.year}, ${plural(details.authors.length, 'author')}${details.authorsTruncated ? ' et al.' : ''}`;
    case 'author':
      return `Selected author ${details.name}, ${plural(details.paperCount, 'paper')}`;
    case 'category':
      return `Selected category ${details.name} (${details.code}), ${plural(details.paperCount, 'paper')}`;
    case 'affiliation':
      return `Selected affiliation ${details.name}, ${plural(details.paperCount, 'paper')}`;
    case 'topic':
      return `Selected topic ${details.name}, ${plural(details.paperCount, 'paper')}`;
  }
}
