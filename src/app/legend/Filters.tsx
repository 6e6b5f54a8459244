import { useEffect, useRef, useState } from 'react';
import type { FilterState, GraphFacets } from '../../core/filters';

interface FiltersProps {
  filters: FilterState;
  facets: GraphFacets;
  onChange: (change: Partial<FilterState>) => void;
}

const FIRST_SHOWN = 12;

/** Category and year filters. They only hide nodes; the layout never moves. */
export function Filters({ filters, facets, onChange }: FiltersProps) {
  const [showAll, setShowAll] = useState(false);
  const allCodes = facets.categories.map((c) => c.code);
  const chosen = new Set(filters.categories ?? allCodes);
  const shown = showAll ? facets.categories : facets.categories.slice(0, FIRST_SHOWN);
  const listRef = useRef<HTMLUListElement>(null);
  // "Show all" removes itself: hand its focus to the first newly shown checkbox, not to <body>.
  useEffect(() => {
    if (showAll) listRef.current?.children[FIRST_SHOWN]?.querySelector('input')?.focus();
  }, [showAll]);

  const toggle = (code: string, on: boolean) => {
    const next = allCodes.filter((c) => (c === code ? on : chosen.has(c)));
    onChange({ categories: next.length === allCodes.length ? null : next });
  };
  const setYear = (index: 0 | 1, year: number) => {
    if (!facets.years) return;
    const years: [number, number] = [...(filters.years ?? facets.years)];
    years[index] = year;
    if (years[0] > years[1]) years[1 - index] = year;
    const full = years[0] <= facets.years[0] && years[1] >= facets.years[1];
    onChange({ years: full ? null : years });
  };
  const years = filters.years ?? facets.years;

  return (
    <section className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filter</h2>
      {years && facets.years && (
        <fieldset className="filter-years">
          <legend>Years</legend>
          <label>
            From <YearSelect range={facets.years} value={years[0]} onChange={(y) => setYear(0, y)} />
          </label>
          <label>
            to <YearSelect range={facets.years} value={years[1]} onChange={(y) => setYear(1, y)} />
          </label>
        </fieldset>
      )}
      <fieldset className="filter-categories">
        <legend>Categories</legend>
        <div className="filter-actions">
          {/* aria-disabled, not disabled: a button disabled under the keyboard drops focus to <body>. */}
          <button type="button" onClick={() => onChange({ categories: null })} aria-disabled={filters.categories === null}>
            All
          </button>
          <button type="button" onClick={() => onChange({ categories: [] })} aria-disabled={filters.categories?.length === 0}>
            None
          </button>
        </div>
        <ul ref={listRef}>
          {shown.map((c) => (
            <li key={c.code}>
              <label title={c.name}>
                <input type="checkbox" checked={chosen.has(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />
                <span className="legend-name">
                  <span className="category-code">{c.code}</span> {c.name}
                </span>
                <span className="legend-count">{c.count}</span>
              </label>
            </li>
          ))}
        </ul>
        {facets.categories.length > shown.length && (
          <button type="button" className="link-button" onClick={() => setShowAll(true)}>
            Show all {facets.categories.length} categories
          </button>
        )}
      </fieldset>
    </section>
  );
}

function YearSelect({ range, value, onChange }: { range: [number, number]; value: number; onChange: (year: number) => void }) {
  const years = Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i);
  return (
    <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}
