/**
 * Duplicate papers (same title and date, compared accent-, case- and punctuation-insensitively) merge into one.
 * Dates a day apart count as the same: sources stamp one submission in different time zones (the arXiv
 * snapshot's v1 date is GMT, OAI-PMH's `created` is Eastern time).
 * The first record wins; later ones only add what it lacked (a full author list, the Code flag, affiliations).
 */
import type { ParsedInput, PaperRecord } from '../ingest/types';
import { foldText } from '../identity';

export interface MergedPaper {
  record: PaperRecord;
  /** Every source record merged into this paper, first one first. */
  sources: PaperRecord[];
}

const DAY_MS = 86_400_000;

function titleKey(paper: PaperRecord): string {
  return foldText(paper.title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Same date, or two full dates at most a day apart. */
function sameDay(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== 10 || b.length !== 10) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= DAY_MS;
}

export function mergePapers(inputs: ParsedInput[]): MergedPaper[] {
  // Papers by title; the few sharing a title (Part I / Part II differ, a re-submission years later) are compared by date.
  const byTitle = new Map<string, MergedPaper[]>();
  const papers: MergedPaper[] = [];
  for (const input of inputs) {
    for (const record of input.papers) {
      const key = titleKey(record);
      let sameTitle = byTitle.get(key);
      if (!sameTitle) byTitle.set(key, (sameTitle = []));
      const existing = sameTitle.find((m) => sameDay(m.record.date, record.date));
      if (!existing) {
        const merged = { record: { ...record, authors: [...record.authors], affiliations: [...record.affiliations] }, sources: [record] };
        sameTitle.push(merged);
        papers.push(merged);
        continue;
      }
      absorb(existing.record, record);
      existing.sources.push(record);
    }
  }
  return papers;
}

function absorb(target: PaperRecord, extra: PaperRecord): void {
  // A complete author list beats a cut one; between two lists of the same kind, the longer one.
  const better =
    (target.authorsTruncated && !extra.authorsTruncated) ||
    (target.authorsTruncated === extra.authorsTruncated && extra.authors.length > target.authors.length);
  if (better) {
    target.authors = [...extra.authors];
    target.authorsTruncated = extra.authorsTruncated;
  }
  target.hasCode ||= extra.hasCode;
  if (!target.abstract && extra.abstract) target.abstract = extra.abstract;
  for (const a of extra.affiliations) if (!target.affiliations.includes(a)) target.affiliations.push(a);
}

export function describeDuplicate(first: PaperRecord, duplicate: PaperRecord): string {
  const when = first.date === duplicate.date ? 'date' : `date (${duplicate.date} here, ${first.date} there: time zones)`;
  return `same title and ${when} as the paper at ${first.file}:${first.line}; merged`;
}
