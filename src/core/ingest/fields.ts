/**
 * Field cleaning shared by the bibliographic parsers (BibTeX, RIS, CSL-JSON, OpenAlex, papers JSON Lines):
 * dates of varying precision, DOIs, arXiv ids and keyword lists. Pure string functions, no I/O.
 */

const MONTH_NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** `3`, `03`, `mar`, `March`, `Mar.` → 3; null when not a month. */
export function monthNumber(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim().toLowerCase();
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 12 ? n : null;
  }
  return MONTH_NAMES[text.slice(0, 3)] ?? null;
}

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from parts, as precise as the parts allow: an invalid month drops
 * month and day, an invalid day drops the day. Null when the year is not a plausible 4-digit year.
 */
export function dateFromParts(year: unknown, month?: unknown, day?: unknown): string | null {
  const y = typeof year === 'number' ? year : /^\s*\d{4}\s*$/.test(String(year ?? '')) ? Number(year) : NaN;
  if (!Number.isInteger(y) || y < 1000 || y > 2999) return null;
  const m = typeof month === 'number' ? (Number.isInteger(month) && month >= 1 && month <= 12 ? month : null) : monthNumber(month as string);
  if (m === null) return String(y);
  const d = typeof day === 'number' ? day : /^\s*\d{1,2}\s*$/.test(String(day ?? '')) ? Number(day) : NaN;
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  // Day 0 of the next month is the last day of this one (UTC: no time-zone dependence).
  if (!Number.isInteger(d) || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return ym;
  return `${ym}-${String(d).padStart(2, '0')}`;
}

/** `2019`, `2019-03`, `2019-03-12`, `2019/03/12`, `2019-03-12T10:00:00Z` → normalised date; null otherwise. */
export function dateFromIsoLike(value: string): string | null {
  const m = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s/])/.exec(value);
  return m ? dateFromParts(m[1], m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])) : null;
}

/** True for a date string this project accepts as normalised: `YYYY`, `YYYY-MM` or a real `YYYY-MM-DD`. */
export function isNormalisedDate(value: string): boolean {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) && dateFromIsoLike(value) === value;
}

/** Lower-case DOI without resolver prefix (`https://doi.org/`, `doi:`); null when it does not look like one. */
export function normalizeDoi(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const doi = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '').split(/\s+/)[0] ?? '';
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi.toLowerCase() : null;
}

const NEW_STYLE_ID = /\b(\d{4}\.\d{4,5})(?:v\d+)?\b/;
const OLD_STYLE_ID = /\b([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\b/;

/** arXiv id without version from an id, `arXiv:` reference or abs/pdf URL; null when none is found. */
export function arxivIdFrom(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const text = value.trim().replace(/^arxiv:\s*/i, '').replace(/^https?:\/\/(?:export\.)?arxiv\.org\/(?:abs|pdf)\//i, '');
  const m = NEW_STYLE_ID.exec(text) ?? OLD_STYLE_ID.exec(text);
  return m ? m[1] : null;
}

/** arXiv id from a URL only when it points at arxiv.org (a bare number elsewhere is no evidence). */
export function arxivIdFromUrl(url: unknown): string | null {
  return typeof url === 'string' && /^https?:\/\/(?:export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(url.trim()) ? arxivIdFrom(url) : null;
}

/** Keyword topics: trimmed, trailing full stop dropped, distinct case-insensitively, first spelling kept. */
export function keywordTopics(keywords: Iterable<string>): { name: string; scheme: 'keyword' }[] {
  const seen = new Set<string>();
  const topics: { name: string; scheme: 'keyword' }[] = [];
  for (const raw of keywords) {
    const name = raw.replace(/\s+/g, ' ').trim().replace(/\.$/, '').trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    topics.push({ name, scheme: 'keyword' });
  }
  return topics;
}

/** 1-based line number of `offset`, counting from a known (offset, line) pair forward. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf('\n', this.offset); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) this.line++;
    this.offset = offset;
    return this.line;
  }
}
