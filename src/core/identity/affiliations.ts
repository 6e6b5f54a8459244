/**
 * Affiliations arrive as slugs (`meta-ai`, from the listing format) or as names (`Stanford University`,
 * from arXiv metadata). Both end up as a key `affiliation:<slug>` and a display name.
 */
import { slugify } from './fold';

/** Slugs whose display name cannot be derived by capitalising words. */
const KNOWN_AFFILIATIONS: Record<string, string> = {
  'meta-ai': 'Meta AI',
  fair: 'FAIR (Meta AI)',
  mila: 'Mila',
  'eth-zurich': 'ETH Zurich',
  epfl: 'EPFL',
  mit: 'MIT',
  cmu: 'Carnegie Mellon University',
  nyu: 'New York University',
  ucl: 'University College London',
  'uc-berkeley': 'UC Berkeley',
  berkeley: 'UC Berkeley',
  stanford: 'Stanford University',
  oxford: 'University of Oxford',
  cambridge: 'University of Cambridge',
  'google-research': 'Google Research',
  'google-brain': 'Google Brain',
  deepmind: 'DeepMind',
  'google-deepmind': 'Google DeepMind',
  openai: 'OpenAI',
  'microsoft-research': 'Microsoft Research',
  msr: 'Microsoft Research',
  nvidia: 'NVIDIA',
  'allen-ai': 'Allen Institute for AI',
  ai2: 'Allen Institute for AI',
  inria: 'Inria',
  mcgill: 'McGill University',
  udem: 'Université de Montréal',
  'universite-de-montreal': 'Université de Montréal',
  uoft: 'University of Toronto',
  'vector-institute': 'Vector Institute',
  'samsung-ai': 'Samsung AI',
  'ibm-research': 'IBM Research',
  'apple-ml': 'Apple Machine Learning Research',
  tum: 'Technical University of Munich',
  kaist: 'KAIST',
  tsinghua: 'Tsinghua University',
  'peking-university': 'Peking University',
};

const LOWERCASE_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'at', 'de', 'du', 'des', 'la', 'le', 'di', 'der', 'und', 'fur']);
/** Short tokens that are initialisms rather than words. */
const ACRONYM_WORDS = new Set(['ai', 'ml', 'ibm', 'ucl', 'eth', 'mit', 'kth', 'ucla', 'ucsd', 'usc', 'nus', 'ntu', 'tu', 'uc', 'nlp', 'cnrs', 'ens', 'iit', 'kaust', 'rwth', 'csail', 'umass', 'sri']);

/** A readable fallback for an unknown slug: `university-of-toronto` → `University of Toronto`, `ibm-ai` → `IBM AI`. */
export function affiliationNameFromSlug(slug: string): string {
  if (KNOWN_AFFILIATIONS[slug]) return KNOWN_AFFILIATIONS[slug];
  return slug
    .split('-')
    .filter(Boolean)
    .map((word, i) => {
      if (ACRONYM_WORDS.has(word)) return word.toUpperCase();
      if (i > 0 && LOWERCASE_WORDS.has(word)) return word;
      return word[0].toUpperCase() + word.slice(1);
    })
    .join(' ');
}

/** A listing slug is already lowercase-hyphenated; anything else is a name as written. */
function isSlug(text: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
}

export interface AffiliationIdentity {
  key: string;
  slug: string;
  name: string;
}

export function resolveAffiliation(raw: string): AffiliationIdentity | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (isSlug(text)) return { key: `affiliation:${text}`, slug: text, name: affiliationNameFromSlug(text) };
  const slug = slugify(text);
  if (!slug) return null;
  return { key: `affiliation:${slug}`, slug, name: KNOWN_AFFILIATIONS[slug] ?? text };
}
