import { relatedReasonParts, type RelatedRef } from '../../core/details';

/**
 * A paper's related papers, best first, each with why it is listed: shared authors (each a link),
 * shared terms, same cluster or category, a citation. A click on a title opens that paper, so a
 * person can walk from paper to paper.
 */
export function RelatedList({ items, onSelect }: { items: RelatedRef[]; onSelect: (key: string) => void }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>Related papers</h3>
      <ol className="node-list related-list" aria-label="Related papers">
        {items.map((item) => (
          <li key={item.key}>
            <button type="button" className="node-link related-paper" onClick={() => onSelect(item.key)}>
              <span className="item-title">{item.title}</span> <span className="item-detail">{item.year}</span>
            </button>
            <Reasons item={item} onSelect={onSelect} />
          </li>
        ))}
      </ol>
    </>
  );
}

function Reasons({ item, onSelect }: { item: RelatedRef; onSelect: (key: string) => void }) {
  const parts = relatedReasonParts(item.reasons);
  if (!parts.authorsLabel && parts.rest.length === 0) return null;
  return (
    <p className="related-reasons">
      {parts.authorsLabel && (
        <span>
          {parts.authorsLabel}:{' '}
          {parts.authors.map((author, i) => (
            <span key={author.key}>
              {i > 0 && ', '}
              <button type="button" className="node-link inline" onClick={() => onSelect(author.key)}>
                {author.name}
              </button>
            </span>
          ))}
          {parts.moreAuthors && ` ${parts.moreAuthors}`}
        </span>
      )}
      {parts.rest.map((reason, i) => (
        <span key={reason}>
          {(i > 0 || parts.authorsLabel) && ' · '}
          {reason}
        </span>
      ))}
    </p>
  );
}
