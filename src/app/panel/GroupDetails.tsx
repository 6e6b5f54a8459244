import type { AffiliationDetails, CategoryDetails } from '../../core/details';
import { NodeList, plural } from './NodeList';

/** A category or an affiliation: its papers and the authors who publish there most. */
export function GroupDetails({ group, onSelect }: { group: CategoryDetails | AffiliationDetails; onSelect: (key: string) => void }) {
  return (
    <>
      <p className="details-meta">
        {group.kind === 'category' ? <span className="category-code">{group.code}</span> : null}
        {group.kind === 'category' ? ' · ' : null}
        {plural(group.paperCount, 'paper')}
      </p>

      <h3>Papers</h3>
      <NodeList
        label="Papers"
        ordered
        items={group.papers}
        itemKey={(p) => p.key}
        render={(p) => (
          <>
            <span className="item-title">{p.title}</span> <span className="item-detail">{p.year}</span>
          </>
        )}
        onSelect={onSelect}
      />

      {group.authors.length > 0 && (
        <>
          <h3>Authors</h3>
          <NodeList
            label="Authors"
            ordered
            items={group.authors}
            itemKey={(a) => a.key}
            render={(a) => (
              <>
                <span className="item-title">{a.name}</span> <span className="item-detail">{plural(a.count, 'paper')}</span>
              </>
            )}
            onSelect={onSelect}
          />
        </>
      )}
    </>
  );
}
