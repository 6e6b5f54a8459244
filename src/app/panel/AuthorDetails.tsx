import type { AuthorDetails as Author } from '../../core/details';
import { NodeSection, plural } from './NodeList';

/** A person: their papers newest first, co-authors by joint papers, categories, affiliations. */
export function AuthorDetails({ author, onSelect }: { author: Author; onSelect: (key: string) => void }) {
  return (
    <>
      {author.otherSpellings.length > 0 && <p className="details-meta">Also spelled {author.otherSpellings.join(', ')}</p>}
      <p className="details-meta">{plural(author.paperCount, 'paper')}</p>
      <NodeSection title="Papers" ordered items={author.papers} name={(p) => p.title} detail={(p) => p.year} onSelect={onSelect} />
      <NodeSection
        title="Co-authors"
        ordered
        items={author.coauthors}
        name={(c) => c.name}
        detail={(c) => plural(c.jointPapers, 'joint paper')}
        onSelect={onSelect}
      />
      <NodeSection title="Categories" items={author.categories} name={(c) => c.name} detail={(c) => c.count} onSelect={onSelect} />
      <NodeSection title="Affiliations" items={author.affiliations} name={(a) => a.name} onSelect={onSelect} />
      {author.collaborationCommunity && <p className="details-meta">Co-author community: {author.collaborationCommunity.label}</p>}
    </>
  );
}
