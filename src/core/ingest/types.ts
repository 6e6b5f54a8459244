/** What every input parser produces: papers as the source spells them, before identity resolution. */
import type { Rejected } from '../graphFile/schema';

export interface PaperRecord {
  /** Where the record starts, for the report and error messages (1-based line). */
  file: string;
  line: number;
  title: string;
  /** Author names in source order, spelled as in the source (identity merging happens later). */
  authors: string[];
  /** The source cut the author list short (`et al.`, BibTeX `and others`). */
  authorsTruncated: boolean;
  /** ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source is less precise. */
  date: string;
  /** Full arXiv-style category code, e.g. `cs.LG`, `stat.ML`, `astro-ph.GA`; null when the source has none. */
  category: string | null;
  /** Subjects that are not arXiv categories: OpenAlex topics/concepts (`scheme: 'openalex'`), BibTeX/RIS keywords. */
  topics: { name: string; scheme: 'openalex' | 'keyword' }[];
  hasCode: boolean;
  abstract: string;
  /** Affiliation slugs (`meta-ai`) or names as the source gives them (the paper's, union over its authors). */
  affiliations: string[];
  /**
   * Per-author affiliations, parallel to `authors`, when the source ties institutions to people
   * (OpenAlex authorships, OAI-PMH `<affiliation>` inside `<author>`); empty array when it does not.
   */
  authorAffiliations: string[][];
  /** Lower-case DOI without `https://doi.org/`, or null. */
  doi: string | null;
  /** arXiv identifier without version (`2204.07141`, `hep-th/9901001`), or null. */
  arxivId: string | null;
  /** The source's own id for the work (OpenAlex `W…`, BibTeX key), used to resolve `references`; null if none. */
  sourceId: string | null;
  /** Works this one cites, as ids the source uses (OpenAlex `W…` ids, DOIs, arXiv ids); resolved within the set. */
  references: string[];
  /** Journal, proceedings or book title, or null. */
  venue: string | null;
}

export type { Rejected };

/** One input file, parsed. `records` counts what the file holds: accepted + rejected. */
export interface ParsedInput {
  file: string;
  format: string;
  records: number;
  papers: PaperRecord[];
  rejected: Rejected[];
}

/** The optional fields of a `PaperRecord` as a source that has none of them leaves them. */
export function withoutExtras(): Pick<PaperRecord, 'topics' | 'authorAffiliations' | 'doi' | 'arxivId' | 'sourceId' | 'references' | 'venue'> {
  return { topics: [], authorAffiliations: [], doi: null, arxivId: null, sourceId: null, references: [], venue: null };
}
