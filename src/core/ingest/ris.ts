/**
 * RIS (Zotero, EndNote, Mendeley, Scopus, Web of Science exports): tagged lines `XX  - value`, a record
 * from `TY` to `ER`. Lines without a tag continue the previous field (wrapped abstracts).
 */
import { collapseWhitespace, distinctInOrder, isTruncationMarker, mentionsCode } from './arxivFields';
import { arxivIdFromUrl, dateFromIsoLike, keywordTopics, normalizeDoi } from './fields';
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';

export const RIS_FORMAT = 'ris';

/** `TY  - JOUR`; exporters vary the spaces around the dash, and `ER  -` often has no value. */
const TAG_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*))?$/;

type Fields = Map<string, string[]>;
type Outcome = { paper: PaperRecord } | { field: string; reason: string };

/** `Tingley, M.W.` → `M.W. Tingley`; `Smith, John, Jr.` → `John Smith, Jr.`; `John Smith` as written. */
function personName(raw: string): string {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[1]) return collapseWhitespace(`${parts[1]} ${parts[0]}`);
  if (parts.length === 3 && parts[2]) return collapseWhitespace(`${parts[2]} ${parts[0]}, ${parts[1]}`);
  return collapseWhitespace(raw.replace(/,\s*$/, ''));
}

function readRecord(fields: Fields, file: string, line: number): Outcome {
  const first = (...tags: string[]) => {
    for (const tag of tags) {
      const value = fields.get(tag)?.map(collapseWhitespace).find(Boolean);
      if (value) return value;
    }
    return '';
  };
  const all = (...tags: string[]) => tags.flatMap((tag) => fields.get(tag) ?? []).map(collapseWhitespace).filter(Boolean);

  const title = first('TI', 'T1', 'CT');
  if (!title) return { field: 'TI', reason: 'missing title (TI or T1)' };

  const authors: string[] = [];
  let authorsTruncated = false;
  for (const raw of all('AU', 'A1')) {
    const name = personName(raw);
    if (isTruncationMarker(name)) authorsTruncated = true;
    else if (name) authors.push(name);
  }
  if (authors.length === 0) return { field: 'AU', reason: 'missing authors (AU or A1)' };

  // PY is `2020` or `2020/03/12/`; DA/Y1 may be more precise. Take the most precise of them.
  const dates = all('DA', 'PY', 'Y1').map(dateFromIsoLike).filter((d): d is string => d !== null);
  const date = dates.sort((a, b) => b.length - a.length)[0];
  if (!date) return { field: 'PY', reason: 'missing or invalid year (PY, Y1 or DA)' };

  const abstract = first('AB', 'N2');
  const urls = all('UR', 'L1', 'L2');
  return {
    paper: {
      file,
      line,
      title,
      authors,
      authorsTruncated,
      date,
      category: null,
      hasCode: mentionsCode(abstract, ...urls),
      abstract,
      // Scopus and most exporters list AD per record, not per author: they stay the paper's.
      affiliations: distinctInOrder(all('AD')),
      ...withoutExtras(),
      topics: keywordTopics(all('KW').flatMap((k) => k.split(/;/))),
      doi: normalizeDoi(first('DO')),
      arxivId: urls.map(arxivIdFromUrl).find((id) => id !== null) ?? null,
      sourceId: first('ID') || null,
      venue: first('JF', 'T2', 'JO', 'JA', 'BT') || null,
    },
  };
}

/** Parses a RIS file. A record cut short (no `ER`) is rejected with its line; the others still import. */
export function parseRis(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  let current: { line: number; fields: Fields; last: string[] | null } | null = null;
  const unclosed = (before: string) => {
    if (current) rejected.push({ file, line: current.line, field: 'ER', reason: `record not closed with "ER  -" before ${before}` });
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (const [i, rawLine] of lines.entries()) {
    const lineNo = i + 1;
    const m = TAG_LINE.exec(rawLine.trimEnd());
    if (!m) {
      // Continuation of a wrapped value; blank lines and text outside records are not data.
      if (current?.last && rawLine.trim()) current.last[current.last.length - 1] += ` ${rawLine.trim()}`;
      continue;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      unclosed(`the next record at line ${lineNo}`);
      current = { line: lineNo, fields: new Map(), last: null };
      continue;
    }
    if (!current) continue; // a tag outside any record (stray lines between records)
    if (tag === 'ER') {
      const outcome = readRecord(current.fields, file, current.line);
      if ('paper' in outcome) papers.push(outcome.paper);
      else rejected.push({ file, line: current.line, ...outcome });
      current = null;
      continue;
    }
    const values = current.fields.get(tag) ?? [];
    values.push(value);
    current.fields.set(tag, values);
    current.last = values;
  }
  unclosed('the end of the file');
  return { file, format: RIS_FORMAT, records: papers.length + rejected.length, papers, rejected };
}

/** The first non-blank line is a `TY  - ` tag line. */
export function looksLikeRis(head: string): boolean {
  return /^\s*TY\s{1,2}-\s/.test(head.replace(/^\uFEFF/, ''));
}
