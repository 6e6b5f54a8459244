import { useDeferredValue, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { searchNodes, type SearchGroup, type SearchHit, type SearchIndex } from '../../core/search';
import { KIND_LABELS, KindIcon } from '../legend/KindIcon';

const LIST_ID = 'search-suggestions';
const optionId = (key: string) => `search-option-${encodeURIComponent(key)}`;

interface SearchBoxProps {
  /** The input, so the explorer can return focus here when a selection is cleared. */
  ref?: Ref<HTMLInputElement>;
  index: SearchIndex | null;
  onChoose: (key: string) => void;
}

/**
 * One search box over every node (ARIA combobox): suggestions grouped by kind as you type,
 * arrow keys move through them, Enter selects (the first one when none is active).
 */
export function SearchBox({ ref, index, onChoose }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const deferredQuery = useDeferredValue(query);
  const groups = useMemo(() => (index ? searchNodes(index, deferredQuery, { limitPerKind: 6 }) : []), [index, deferredQuery]);
  const hits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const expanded = open && query.trim() !== '' && hits.length > 0;
  const activeHit = expanded && active >= 0 ? hits[active] : undefined;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setQuery(hit.label);
    setOpen(false);
    setActive(-1);
    onChoose(hit.key);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 && step < 0 ? hits.length - 1 : (i + step + hits.length) % hits.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Suggestions may lag a fast typist (deferred); Enter always answers the text in the box.
      const fresh = deferredQuery === query || !index ? hits : searchNodes(index, query, { limitPerKind: 6 }).flatMap((g) => g.hits);
      choose(activeHit ?? fresh[0]);
    } else if (e.key === 'Escape') {
      // First Escape closes the list; the next one reaches the page and clears the selection.
      if (expanded || query) e.stopPropagation();
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  let position = 0;
  return (
    <div className="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search authors, papers, categories and affiliations
      </label>
      <input
        ref={ref}
        id="search-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search authors, papers, categories, affiliations…"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        aria-activedescendant={activeHit ? optionId(activeHit.key) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        // Typing, the arrow keys or a click open the list; focus alone does not, so focus coming
        // back here after Escape does not cover the page with the last query's suggestions.
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={LIST_ID} role="listbox" aria-label="Suggestions" className="search-suggestions" hidden={!expanded}>
        {expanded &&
          groups.map((group) => (
            <div key={group.kind} role="group" aria-labelledby={`search-group-${group.kind}`}>
              <div id={`search-group-${group.kind}`} role="presentation" className="search-group-label">
                {KIND_LABELS[group.kind].many}
                {group.total > group.hits.length && <span className="search-group-more"> · {group.total} matches</span>}
              </div>
              {group.hits.map((hit) => {
                const index = position++;
                return (
                  <div
                    key={hit.key}
                    id={optionId(hit.key)}
                    role="option"
                    aria-selected={index === active}
                    className="search-option"
                    // Keep focus in the input: the blur would close the list before the click lands.
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(hit)}
                  >
                    <KindIcon kind={hit.kind} />
                    <span className="search-option-label">{hit.label}</span>
                    <span className="search-option-detail">{hit.detail}</span>
                  </div>
                );
              })}
            </div>
          ))}
      </div>
      {open && query.trim() !== '' && deferredQuery === query && hits.length === 0 && (
        <div className="search-empty">{index ? `No match for “${query}”` : 'Preparing search…'}</div>
      )}
      <div className="visually-hidden" role="status" aria-live="polite" id="search-status">
        {open && query.trim() !== '' && deferredQuery === query ? resultCountText(groups, query, index !== null) : ''}
      </div>
    </div>
  );
}

/** What the live region says after a keystroke: `7 suggestions: 1 author, 6 papers (of 14).` */
function resultCountText(groups: SearchGroup[], query: string, ready: boolean): string {
  if (!ready) return 'Preparing search…';
  const shown = groups.reduce((n, g) => n + g.hits.length, 0);
  if (shown === 0) return `No match for ${query}`;
  const parts = groups.map((g) => {
    const { one, many } = KIND_LABELS[g.kind];
    const name = (g.hits.length === 1 ? one : many).toLowerCase();
    return `${g.hits.length} ${name}${g.total > g.hits.length ? ` (of ${g.total})` : ''}`;
  });
  return `${shown} ${shown === 1 ? 'suggestion' : 'suggestions'}: ${parts.join(', ')}. Up and down arrows to choose, Enter to open.`;
}
