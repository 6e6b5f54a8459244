import type { PaperDetails as Paper } from '../../core/details';
import { NodeSection, formatDate } from './NodeList';
import { RelatedList } from './RelatedList';

/**
 * A paper: what it is, who wrote it (in order), where, the papers most like it (before the long
 * abstract: clicking through related work is what the panel is for), its abstract.
 */
export function PaperDetails({ paper, onSelect }: { paper: Paper; onSelect: (key: string) => void }) {
  return (
    <>
      <p className="details-meta">
        <time dateTime={paper.date}>{formatDate(paper.date)}</time>
        {paper.hasCode && (
          <span className="badge" title="The paper points to released code">
            Code
          </span>
        )}
      </p>
      {paper.category && (
        <p className="details-meta">
          <button type="button" className="node-link inline" onClick={() => onSelect(paper.category!.key)}>
            {paper.category.name}
          </button>{' '}
          <span className="category-code">{paper.category.code}</span>
        </p>
      )}
      {paper.venue && <p className="details-meta venue">{paper.venue}</p>}

      <NodeSection title="Authors" ordered items={paper.authors} name={(a) => a.name} onSelect={onSelect} />
      {paper.authorsTruncated && <p className="et-al">et al. — the source lists only the first authors</p>}

      <NodeSection title="Affiliations" items={paper.affiliations} name={(a) => a.name} onSelect={onSelect} />
      <NodeSection title="Topics" items={paper.topics} name={(t) => t.name} onSelect={onSelect} />
      <RelatedList items={paper.related} onSelect={onSelect} />

      <h3>Abstract</h3>
      {paper.abstract ? <p className="abstract">{paper.abstract}</p> : <p className="muted">No abstract in the source.</p>}

      <h3>Links</h3>
      <p className="links">
        {paper.links.arxiv && (
          <a href={paper.links.arxiv} target="_blank" rel="noopener noreferrer">
            arXiv abstract ↗
          </a>
        )}
        {paper.links.doi && (
          <a href={paper.links.doi} target="_blank" rel="noopener noreferrer">
            DOI ↗
          </a>
        )}
        {!paper.links.arxiv && !paper.links.doi && (
          <a href={paper.links.arxivSearch} target="_blank" rel="noopener noreferrer">
            Search arXiv for this title ↗
          </a>
        )}
      </p>
    </>
  );
}
