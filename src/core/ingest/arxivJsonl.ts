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
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';

export const ARXIV_JSONL_FORMAT = 'arxiv-jsonl';

type Outcome = { paper: PaperRecord } | { field: string; reason: string };
type Json = Record<string, unknown>;

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

interface Authors {
  names: string[];
  truncated: boolean;
  affiliations: string[];
}

/** Kaggle's `authors_parsed`: each slot `[last, first, suffix]`, sometimes followed by affiliations. */
function authorsFromParsed(parsed: unknown[]): Authors | { field: string; reason: string } {
  const result: Authors = { names: [], truncated: false, affiliations: [] };
  for (const [i, slot] of parsed.entries()) {
    if (!Array.isArray(slot) || !slot.every((part) => typeof part === 'string')) {
      return { field: 'authors_parsed', reason: `entry ${i + 1} is not a list of strings` };
    }
    const [last = '', first = '', suffix = '', ...affiliations] = slot as string[];
    const name = personName(first, last, suffix);
    if (isTruncationMarker(name)) result.truncated = true;
    else if (name) result.names.push(name);
    result.affiliations.push(...affiliations.map(collapseWhitespace));
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
  const result: Authors = { names: [], truncated: false, affiliations: [] };
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
    },
  };
}

function readLine(lineText: string, file: string, line: number): Outcome {
  let record: unknown;
  try {
    record = JSON.parse(lineText);
  } catch (err) {
    return { field: 'json', reason: `not valid JSON: ${(err as Error).message}` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { field: 'json', reason: 'line is valid JSON but not an object' };
  }
  return readRecord(record as Json, file, line);
}

/** Parses a Kaggle arXiv snapshot (JSON Lines). Blank lines are skipped; every other line is one record. */
export function parseArxivJsonl(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  // Walk with indexOf rather than split('\n'): a 100k-line snapshot is not duplicated into an array.
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end === -1 ? text.length : end).trim();
    start = end === -1 ? text.length : end + 1;
    if (!lineText) continue;
    const outcome = readLine(lineText, file, line);
    if ('paper' in outcome) papers.push(outcome.paper);
    else rejected.push({ file, line, ...outcome });
  }
  return { file, format: ARXIV_JSONL_FORMAT, records: papers.length + rejected.length, papers, rejected };
}
