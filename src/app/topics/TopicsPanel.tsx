import type { TopicRef, TopicSummary } from '../../core/topics';

interface TopicsPanelProps {
  topics: TopicSummary[];
  /** The co-authorship network's communities rather than the knowledge graph's. */
  coauthor: boolean;
  active: number | null;
  onToggle: (id: number) => void;
  onSelectNode: (key: string) => void;
}

/**
 * The named research clusters, biggest first, with the facts that tell them apart. Choosing one
 * frames and highlights it on the map; choosing it again (or Escape) lets it go.
 */
export function TopicsPanel({ topics, coauthor, active, onToggle, onSelectNode }: TopicsPanelProps) {
  return (
    <section className="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{coauthor ? 'Co-author communities' : 'Topics'}</h2>
      {topics.length === 0 ? (
        <p className="muted">{coauthor ? 'This graph file has no co-authorship communities.' : 'This graph file has no communities.'}</p>
      ) : (
        <>
          <p className="topics-intro">
            {coauthor ? 'Groups of people who publish together' : 'Research clusters found in the links between papers'}, biggest first. Choose one to
            highlight it on the map.
          </p>
          <ol className="topic-list" aria-labelledby="topics-heading">
            {topics.map((topic) => (
              <li key={topic.id} className="topic">
                <button type="button" className="topic-button" aria-pressed={active === topic.id} onClick={() => onToggle(topic.id)}>
                  <span className="swatch" style={{ background: topic.color }} aria-hidden="true" />
                  <span className="topic-label">{topic.label}</span>
                  <span className="topic-facts">{topic.facts}</span>
                </button>
                <NodeLinks label="Top authors" items={topic.topAuthors} onSelect={onSelectNode} />
                <NodeLinks label="Subjects" items={topic.subjects} onSelect={onSelectNode} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function NodeLinks({ label, items, onSelect }: { label: string; items: TopicRef[]; onSelect: (key: string) => void }) {
  if (items.length === 0) return null;
  return (
    <p className="topic-meta">
      <span className="topic-meta-label">{label}:</span>{' '}
      {items.map((item, i) => (
        <span key={item.key}>
          {i > 0 && ', '}
          <button type="button" className="node-link inline" onClick={() => onSelect(item.key)}>
            {item.name}
          </button>
        </span>
      ))}
    </p>
  );
}
