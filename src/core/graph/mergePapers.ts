/**
 * Duplicate papers (same title and date, compared accent-, case- and punctuation-insensitively) merge into one.
 * The first record wins; later ones only add what it lacked (a full author list, the Code flag, affiliations).
 */
import type { ParsedInput, PaperRecord } from '../ingest/types';
import { foldText } from '../identity';

export interface MergedPaper {
  record: PaperRecord;
  /** Every source record merged into this paper, first one first. */
  sources: PaperRecord[];
}

function dedupeKey(paper: PaperRecord): string {
  return `${foldText(paper.title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}|${paper.date}`;
}

export function mergePapers(inputs: ParsedInput[]): MergedPaper[] {
  const byKey = new Map<string, MergedPaper>();
  const papers: MergedPaper[] = [];
  for (const input of inputs) {
    for (const record of input.papers) {
      const key = dedupeKey(record);
      const existing = byKey.get(key);
      if (!existing) {
        const merged = { record: { ...record, authors: [...record.authors], affiliations: [...record.affiliations] }, sources: [record] };
        byKey.set(key, merged);
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

export function describeDuplicate(first: PaperRecord): string {
  return `same title and date as the paper at ${first.file}:${first.line}; merged`;
}
