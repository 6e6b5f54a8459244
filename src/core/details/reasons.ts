/**
 * Why a related paper is listed, in one compact line under its title:
 * `2 shared authors: A. Bardes, Y. LeCun · terms: masked, siamese · same cluster · cites it`.
 */
import type { NodeRef, RelatedReasonRefs } from './types';

/** Enough to recognise the overlap; the full author lists are one click away. */
const AUTHORS_SHOWN = 3;
const TERMS_SHOWN = 3;

export interface RelatedReasonParts {
  /** `2 shared authors`, or null when they share none. */
  authorsLabel: string | null;
  /** The shared authors named in the line (the first few), each a link in the panel. */
  authors: NodeRef[];
  /** `+2 more` when more authors are shared than named, else null. */
  moreAuthors: string | null;
  /** The other reasons, strongest first: terms, same cluster, same category, citation. */
  rest: string[];
}

export function relatedReasonParts(reasons: RelatedReasonRefs): RelatedReasonParts {
  const shared = reasons.sharedAuthors.length;
  const rest: string[] = [];
  if (reasons.sharedTerms.length > 0) rest.push(`terms: ${reasons.sharedTerms.slice(0, TERMS_SHOWN).join(', ')}`);
  if (reasons.sameCommunity) rest.push('same cluster');
  if (reasons.sameCategory) rest.push('same category');
  if (reasons.citation === 'cites') rest.push('cites it');
  if (reasons.citation === 'cited-by') rest.push('cited by it');
  return {
    authorsLabel: shared === 0 ? null : `${shared} shared ${shared === 1 ? 'author' : 'authors'}`,
    authors: reasons.sharedAuthors.slice(0, AUTHORS_SHOWN),
    moreAuthors: shared > AUTHORS_SHOWN ? `+${shared - AUTHORS_SHOWN} more` : null,
    rest,
  };
}

/** The whole line as text (for the accessible description and tests); '' when no reason is recorded. */
export function formatRelatedReasons(reasons: RelatedReasonRefs): string {
  const parts = relatedReasonParts(reasons);
  const items: string[] = [];
  if (parts.authorsLabel) {
    const names = [...parts.authors.map((a) => a.name), ...(parts.moreAuthors ? [parts.moreAuthors] : [])];
    items.push(`${parts.authorsLabel}: ${names.join(', ')}`);
  }
  return [...items, ...parts.rest].join(' · ');
}
