import { useEffect, useRef, useState, type ReactNode } from 'react';

const FIRST_SHOWN = 40;

interface NodeListProps<T> {
  items: T[];
  ordered?: boolean;
  label: string;
  itemKey: (item: T) => string;
  render: (item: T) => ReactNode;
  onSelect: (key: string) => void;
}

/**
 * A real list (<ol>/<ul>) of buttons, one per node; a click selects that node. Long lists
 * (a category's thousand papers) show the first ones and a button for the rest.
 */
export function NodeList<T>({ items, ordered, label, itemKey, render, onSelect }: NodeListProps<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  const List = ordered ? 'ol' : 'ul';
  const listRef = useRef<HTMLOListElement & HTMLUListElement>(null);
  // "Show all" removes itself: hand its focus to the first newly shown item, not to <body>.
  useEffect(() => {
    if (all) listRef.current?.children[FIRST_SHOWN]?.querySelector('button')?.focus();
  }, [all]);
  return (
    <>
      <List ref={listRef} className="node-list" aria-label={label}>
        {shown.map((item) => (
          <li key={itemKey(item)}>
            <button type="button" className="node-link" onClick={() => onSelect(itemKey(item))}>
              {render(item)}
            </button>
          </li>
        ))}
      </List>
      {items.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </>
  );
}

interface NodeSectionProps<T extends { key: string }> {
  /** Heading, and the list's accessible name. */
  title: string;
  items: T[];
  ordered?: boolean;
  name: (item: T) => ReactNode;
  detail?: (item: T) => ReactNode;
  onSelect: (key: string) => void;
}

/** A titled list of nodes, each its name and a muted detail (year, counts); left out when empty. */
export function NodeSection<T extends { key: string }>({ title, items, ordered, name, detail, onSelect }: NodeSectionProps<T>) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <NodeList
        label={title}
        ordered={ordered}
        items={items}
        itemKey={(item) => item.key}
        render={(item) => (
          <>
            <span className="item-title">{name(item)}</span>
            {detail && (
              <>
                {' '}
                <span className="item-detail">{detail(item)}</span>
              </>
            )}
          </>
        )}
        onSelect={onSelect}
      />
    </>
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2022-04-14` → `14 Apr 2022` (also `2022-04` and `2022`), the same in every locale. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return [day && String(Number(day)), month && MONTHS[Number(month) - 1], year].filter(Boolean).join(' ');
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
