import { useState, type ReactNode } from 'react';
import { SidebarTabs, type SidebarTab } from './SidebarTabs';

const BEING_BUILT = (
  <p className="sidebar-loading" role="status">
    Loading the full graph…
  </p>
);

/**
 * The sidebar: legend and filters, topics. While a big graph is built behind its overview there is
 * nothing to count or filter yet: both pages say so instead of showing zeros.
 */
export function Sidebar({ complete, filters, topics }: { complete: boolean; filters: () => ReactNode; topics: () => ReactNode }) {
  const [tab, setTab] = useState<SidebarTab>('filters');
  return (
    <aside className="sidebar" aria-label="Legend, filters and topics">
      <SidebarTabs tab={tab} onTabChange={setTab} panels={{ filters: complete ? filters() : BEING_BUILT, topics: complete ? topics() : BEING_BUILT }} />
    </aside>
  );
}
