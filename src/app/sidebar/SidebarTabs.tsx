import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type SidebarTab = 'filters' | 'topics';

const TABS: { id: SidebarTab; label: string }[] = [
  { id: 'filters', label: 'Legend & filters' },
  { id: 'topics', label: 'Topics' },
];

/**
 * The sidebar's two pages as an ARIA tab list: one Tab stop, arrow keys (and Home/End) move
 * between the tabs and open them, as screen-reader users expect of tabs.
 */
export function SidebarTabs({ tab, onTabChange, panels }: { tab: SidebarTab; onTabChange: (tab: SidebarTab) => void; panels: Record<SidebarTab, ReactNode> }) {
  const refs = useRef<Partial<Record<SidebarTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight' ? (index + 1) % TABS.length : e.key === 'ArrowLeft' ? (index + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    onTabChange(TABS[next].id);
    refs.current[TABS[next].id]?.focus();
  };
  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTabChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} role="tabpanel" id={`tabpanel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id}>
          {tab === t.id && panels[t.id]}
        </div>
      ))}
    </>
  );
}
