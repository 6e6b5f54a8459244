/**
 * The Kaggle "Cornell-University/arxiv" metadata snapshot: JSON Lines, one paper per line, with
 * `authors_parsed` ([last, first, suffix, ...affiliations]), `versions[0].created` (v1, RFC 2822),
 * `update_date` and space-separated `categories` (primary first).
 */
import {
  collapseWhitespace,
  decodeLatexAccents,
  distinctInOrder,
  isCategoryCode,
  isoDateFromIso,
  isoDateFromRfc2822,
  isTruncationMarker,
  mentionsCode,
  personName,
  primaryCategory,
} from './arxivFields';
import { arxivIdFrom, normalizeDoi } from './fields';
import { jsonLinesReader, readLinesOf, type LineReader } from './jsonScan';
import { withoutExtras, type ParsedInput, type PaperRecord } from './types';

export const ARXIV_JSONL_FORMAT = 'arxiv-jsonl';

type Outcome = { paper: PaperRecord } | { field: string; reason: string };
type Json = Record<string, unknown>;

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

interface Authors {
  names: string[];
  truncated: boolean;
  affiliations: string[];
  /** Per name, the affiliations its slot carried (parallel to `names`). */
  perAuthor: string[][];
}

/** Kaggle's `authors_parsed`: each slot `[last, first, suffix]`, sometimes followed by affiliations. */
function authorsFromParsed(parsed: unknown[]): Authors | { field: string; reason: string } {
  const result: Authors = { names: [], truncated: false, affiliations: [], perAuthor: [] };
  for (const [i, slot] of parsed.entries()) {
    if (!Array.isArray(slot) || !slot.every((part) => typeof part === 'string')) {
      return { field: 'authors_parsed', reason: `entry ${i + 1} is not a list of strings` };
    }
    const [last = '', first = '', suffix = '', ...affiliations] = slot as string[];
    const name = personName(first, last, suffix);
    const own = affiliations.map(collapseWhitespace).filter(Boolean);
    if (isTruncationMarker(name)) result.truncated = true;
    else if (name) {
      result.names.push(name);
      result.perAuthor.push(own);
    }
    result.affiliations.push(...own);
  }
  return result;
}

/**
 * The raw `authors` string ("A. One, B. Two and C. Three (Univ X)"), when `authors_parsed` is absent:
 * parenthesised affiliations dropped (their scope is ambiguous), LaTeX accents decoded.
 */
function authorsFromString(authors: string): Authors {
  let depth = 0;
  let bare = '';
  for (const ch of authors) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) bare += ch;
  }
  const result: Authors = { names: [], truncated: false, affiliations: [], perAuthor: [] };
  for (const part of decodeLatexAccents(bare).split(/,|;|\band\b|&/)) {
    const name = personName('', part);
    if (isTruncationMarker(name)) result.truncated = true;
    else if (name) result.names.push(name);
  }
  return result;
}

function v1Date(record: Json): string | null {
  const versions = record.versions;
  if (Array.isArray(versions) && versions.length > 0) {
    const first = versions[0] as Json | null;
    const date = isoDateFromRfc2822(asText(first?.created));
    if (date) return date;
  }
  return isoDateFromIso(asText(record.update_date));
}

function readRecord(record: Json, file: string, line: number): Outcome {
  const title = collapseWhitespace(asText(record.title));
  if (!title) return { field: 'title', reason: 'missing or empty "title"' };

  let authors: Authors;
  if (Array.isArray(record.authors_parsed) && record.authors_parsed.length > 0) {
    const parsed = authorsFromParsed(record.authors_parsed);
    if ('field' in parsed) return parsed;
    authors = parsed;
  } else {
    authors = authorsFromString(asText(record.authors));
  }
  if (authors.names.length === 0) return { field: 'authors', reason: 'no author in "authors_parsed" or "authors"' };

  const date = v1Date(record);
  if (!date) return { field: 'versions', reason: 'no valid date in "versions[0].created" (RFC 2822) or "update_date" (YYYY-MM-DD)' };

  const category = primaryCategory(asText(record.categories));
  if (!category) return { field: 'categories', reason: 'missing or empty "categories"' };
  if (!isCategoryCode(category)) return { field: 'categories', reason: `"${category}" is not an arXiv category code` };

  const abstract = collapseWhitespace(asText(record.abstract));
  return {
    paper: {
      file,
      line,
      title,
      authors: authors.names,
      authorsTruncated: authors.truncated,
      date,
      category,
      hasCode: mentionsCode(abstract, asText(record.comments)),
      abstract,
      affiliations: distinctInOrder(authors.affiliations),
      ...withoutExtras(),
      authorAffiliations: authors.perAuthor.some((a) => a.length > 0) ? authors.perAuthor : [],
      doi: normalizeDoi(asText(record.doi)),
      arxivId: arxivIdFrom(asText(record.id)),
      venue: collapseWhitespace(asText(record['journal-ref'])) || null,
    },
  };
}

/** A line-at-a-time reader of the snapshot, for streaming big files. */
export function arxivJsonlReader(file: string): LineReader {
  return jsonLinesReader(ARXIV_JSONL_FORMAT, file, (record, line) => readRecord(record, file, line));
}

/** Parses a Kaggle arXiv snapshot (JSON Lines). Blank lines are skipped; every other line is one record. */
export function parseArxivJsonl(text: string, file: string): ParsedInput {
  return readLinesOf(text, arxivJsonlReader(file));
}
