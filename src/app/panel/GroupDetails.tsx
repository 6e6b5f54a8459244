import type { AffiliationDetails, CategoryDetails, TopicDetails } from '../../core/details';
import { NodeSection, plural } from './NodeList';

/** A category, an affiliation or a topic: its papers and the authors who publish there most. */
export function GroupDetails({ group, onSelect }: { group: CategoryDetails | AffiliationDetails | TopicDetails; onSelect: (key: string) => void }) {
  return (
    <>
      <p className="details-meta">
        {group.kind === 'category' ? <span className="category-code">{group.code}</span> : null}
        {group.kind === 'topic' ? (group.scheme === 'openalex' ? 'OpenAlex topic' : 'Keyword') : null}
        {group.kind !== 'affiliation' ? ' · ' : null}
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
