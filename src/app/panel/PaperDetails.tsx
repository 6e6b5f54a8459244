import type { PaperDetails as Paper } from '../../core/details';
import { NodeList, formatDate } from './NodeList';

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
      <p className="details-meta">
        <button type="button" className="node-link inline" onClick={() => onSelect(paper.category.key)}>
          {paper.category.name}
        </button>{' '}
        <span className="category-code">{paper.category.code}</span>
      </p>

      <h3>Authors</h3>
      <NodeList label="Authors" ordered items={paper.authors} itemKey={(a) => a.key} render={(a) => a.name} onSelect={onSelect} />
      {paper.authorsTruncated && <p className="et-al">et al. — the source lists only the first authors</p>}

      {paper.affiliations.length > 0 && (
        <>
          <h3>Affiliations</h3>
          <NodeList label="Affiliations" items={paper.affiliations} itemKey={(a) => a.key} render={(a) => a.name} onSelect={onSelect} />
        </>
      )}

      {paper.related.length > 0 && (
        <>
          <h3>Related papers</h3>
          <NodeList
            label="Related papers"
            ordered
            items={paper.related}
            itemKey={(r) => r.key}
            render={(r) => (
              <>
                <span className="item-title">{r.title}</span> <span className="item-detail">{r.year}</span>
              </>
            )}
            onSelect={onSelect}
          />
        </>
      )}

      <h3>Abstract</h3>
      {paper.abstract ? <p className="abstract">{paper.abstract}</p> : <p className="muted">No abstract in the source.</p>}

      <h3>Links</h3>
      <p>
        <a href={paper.links.arxivSearch} target="_blank" rel="noopener noreferrer">
          Search arXiv for this title ↗
        </a>
      </p>
    </>
  );
}
