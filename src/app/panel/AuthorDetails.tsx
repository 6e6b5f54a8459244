import type { AuthorDetails as Author } from '../../core/details';
import { NodeList, plural } from './NodeList';

/** A person: their papers newest first, co-authors by joint papers, categories, affiliations. */
export function AuthorDetails({ author, onSelect }: { author: Author; onSelect: (key: string) => void }) {
  return (
    <>
      {author.otherSpellings.length > 0 && <p className="details-meta">Also spelled {author.otherSpellings.join(', ')}</p>}
      <p className="details-meta">{plural(author.paperCount, 'paper')}</p>

      <h3>Papers</h3>
      <NodeList
        label="Papers"
        ordered
        items={author.papers}
        itemKey={(p) => p.key}
        render={(p) => (
          <>
            <span className="item-title">{p.title}</span> <span className="item-detail">{p.year}</span>
          </>
        )}
        onSelect={onSelect}
      />

      {author.coauthors.length > 0 && (
        <>
          <h3>Co-authors</h3>
          <NodeList
            label="Co-authors"
            ordered
            items={author.coauthors}
            itemKey={(c) => c.key}
            render={(c) => (
              <>
                <span className="item-title">{c.name}</span> <span className="item-detail">{plural(c.jointPapers, 'joint paper')}</span>
              </>
            )}
            onSelect={onSelect}
          />
        </>
      )}

      <h3>Categories</h3>
      <NodeList
        label="Categories"
        items={author.categories}
        itemKey={(c) => c.key}
        render={(c) => (
          <>
            <span className="item-title">{c.name}</span> <span className="item-detail">{c.count}</span>
          </>
        )}
        onSelect={onSelect}
      />

      {author.affiliations.length > 0 && (
        <>
          <h3>Affiliations</h3>
          <NodeList label="Affiliations" items={author.affiliations} itemKey={(a) => a.key} render={(a) => a.name} onSelect={onSelect} />
        </>
      )}
    </>
  );
}
