/**
 * The project's own normalised papers as JSON Lines: one `PaperRecord` per line without `file`/`line`
 * (those come from where the line sits). Only `title`, `authors` and `date` are required; the rest
 * default as a source without them would leave them. Handy for scripts that produce papers from
 * anywhere (a database dump, a scraper) without writing a parser.
 */
import { z } from 'zod';
import { isNormalisedDate } from './fields';
import { jsonLinesReader, readLinesOf, type Json, type LineReader, type Outcome } from './jsonScan';
import type { ParsedInput, PaperRecord } from './types';

export const PAPERS_JSONL_FORMAT = 'papers-jsonl';

const text = z.string().trim();
const nonEmpty = text.min(1, 'must not be empty');

export const PaperInputSchema = z.object({
  title: nonEmpty,
  authors: z.array(nonEmpty).min(1, 'needs at least one author'),
  date: z.string().refine(isNormalisedDate, 'must be YYYY, YYYY-MM or a valid YYYY-MM-DD'),
  authorsTruncated: z.boolean().default(false),
  category: z.string().min(1).nullable().default(null),
  topics: z.array(z.object({ name: nonEmpty, scheme: z.enum(['openalex', 'keyword']) })).default([]),
  hasCode: z.boolean().default(false),
  abstract: z.string().default(''),
  affiliations: z.array(nonEmpty).default([]),
  authorAffiliations: z.array(z.array(nonEmpty)).default([]),
  doi: z.string().min(1).nullable().default(null),
  arxivId: z.string().min(1).nullable().default(null),
  sourceId: z.string().min(1).nullable().default(null),
  references: z.array(nonEmpty).default([]),
  venue: z.string().min(1).nullable().default(null),
});

export type PaperInput = z.infer<typeof PaperInputSchema>;

function readPaper(record: Json, file: string, line: number): Outcome {
  const result = PaperInputSchema.safeParse(record);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : 'json';
    const reason = issue.code === 'invalid_type' && record[String(issue.path[0])] === undefined ? `missing "${field}"` : `"${field}" ${issue.message}`;
    return { field, reason };
  }
  const paper = result.data;
  if (paper.authorAffiliations.length > 0 && paper.authorAffiliations.length !== paper.authors.length) {
    return { field: 'authorAffiliations', reason: `has ${paper.authorAffiliations.length} entries for ${paper.authors.length} authors` };
  }
  return { paper: { file, line, ...paper, doi: paper.doi?.toLowerCase() ?? null } satisfies PaperRecord };
}

/** A line-at-a-time reader, for streaming big files. */
export function papersJsonlReader(file: string): LineReader {
  return jsonLinesReader(PAPERS_JSONL_FORMAT, file, (record, line) => readPaper(record, file, line));
}

export function parsePapersJsonl(text: string, file: string): ParsedInput {
  return readLinesOf(text, papersJsonlReader(file));
}

/** A JSON object line with `title`, `authors` and `date` keys and none of arXiv's or OpenAlex's own. */
export function looksLikePapersJsonl(firstLine: string): boolean {
  return (
    /^\s*\{/.test(firstLine) &&
    ['title', 'authors', 'date'].every((key) => new RegExp(`"${key}"\\s*:`).test(firstLine)) &&
    !/"(?:authors_parsed|update_date|authorships|publication_date)"\s*:/.test(firstLine) &&
    !/"https?:\/\/openalex\.org\//.test(firstLine)
  );
}
