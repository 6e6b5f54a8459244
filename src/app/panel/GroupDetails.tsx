import type { AffiliationDetails, CategoryDetails } from '../../core/details';
import { NodeSection, plural } from './NodeList';

/** A category or an affiliation: its papers and the authors who publish there most. */
export function GroupDetails({ group, onSelect }: { group: CategoryDetails | AffiliationDetails; onSelect: (key: string) => void }) {
  return (
    <>
      <p className="details-meta">
        {group.kind === 'category' ? <span className="category-code">{group.code}</span> : null}
        {group.kind === 'category' ? ' · ' : null}
        {plural(group.paperCount, 'paper')}
      </p>

      <NodeSection title="Papers" ordered items={group.papers} name={(p) => p.title} detail={(p) => p.year} onSelect={onSelect} />
      <NodeSection
        title="Authors"
        ordered
        items={group.authors}
        name={(a) => a.name}
        detail={(a) => plural(a.count, 'paper')}
        onSelect={onSelect}
      />
    </>
  );
}
