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
  /** Full arXiv-style category code, e.g. `cs.LG`, `stat.ML`, `astro-ph.GA`. */
  category: string;
  hasCode: boolean;
  abstract: string;
  /** Affiliation slugs (`meta-ai`) or names as the source gives them. */
  affiliations: string[];
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
