import type { NodeKind } from '../../core/graphFile';

export const KIND_LABELS: Record<NodeKind, { one: string; many: string }> = {
  paper: { one: 'Paper', many: 'Papers' },
  author: { one: 'Author', many: 'Authors' },
  category: { one: 'Category', many: 'Categories' },
  affiliation: { one: 'Affiliation', many: 'Affiliations' },
  topic: { one: 'Topic', many: 'Topics' },
};

/** The shape a kind has on the map (see graph/programs.ts), for the legend, search and panel. */
export function KindIcon({ kind, color = '#4b5563', size = 14 }: { kind: NodeKind; color?: string; size?: number }) {
  return (
    <svg className="kind-icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {kind === 'paper' && <circle cx="8" cy="8" r="7" fill={color} />}
      {kind === 'author' && <circle cx="8" cy="8" r="5.5" fill="#fff" stroke={color} strokeWidth="3" />}
      {kind === 'category' && <rect x="1.5" y="1.5" width="13" height="13" fill={color} />}
      {kind === 'topic' && (
        <>
          <circle cx="8" cy="8" r="7" fill={color} />
          <circle cx="8" cy="8" r="2.1" fill="#fff" />
        </>
      )}
      {kind === 'affiliation' && (
        <>
          <circle cx="8" cy="8" r="7" fill={color} />
          <circle cx="8" cy="8" r="4.6" fill="#fff" />
          <circle cx="8" cy="8" r="2.9" fill={color} />
        </>
      )}
    </svg>
  );
}
