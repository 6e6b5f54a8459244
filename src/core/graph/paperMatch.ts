/**
 * What makes two records the same paper: normalised identifiers, title keys, and the date rule.
 *
 * An arXiv id match needs nothing more (a retitled version keeps its id); a DOI match needs titles that agree
 * (`titlesAgree`). A title match needs the same first author's surname (`Deep learning`, LeCun et al. 2015, is
 * not `Deep Learning`, Goodfellow et al. 2016: both real references of one review) and this date rule:
 * - both records dated by arXiv (they carry a category and a full date): at most a day apart. arXiv stamps the
 *   submission day, GMT in the snapshot and Eastern time in OAI-PMH; a same-titled record days later is a
 *   re-submission or a sequel.
 * - otherwise (a BibTeX/RIS year, an OpenAlex publication date against an arXiv preprint): publication years at
 *   most one apart, since a preprint often appears in its venue the next year. Years further apart never merge.
 */
import type { PaperRecord } from '../ingest/types';
import { foldText, parseName } from '../identity';

const DAY_MS = 86_400_000;
/** arXiv's own DataCite DOIs name the preprint, not a publication: they are arXiv ids in disguise. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

export function titleKey(title: string): string {
  return foldText(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const titleWords = (title: string) => {
  const words = titleKey(title).split(' ').filter(Boolean);
  const long = words.filter((w) => w.length > 3); // `the`, `for`, `of` say nothing
  return new Set(long.length ? long : words);
};

/**
 * Do two titles plausibly name one work? Half the words of the shorter one appear in the other
 * (`HyperPuja` / `HyperPuja: A Tibetan Singing Bowl Controller` agree). A DOI match needs it: real
 * bibliographies copy a DOI onto the wrong entry (NIME 2016 and 2018 each have two different papers sharing one).
 */
export function titlesAgree(a: string, b: string): boolean {
  const [wa, wb] = [titleWords(a), titleWords(b)];
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared * 2 >= small.size;
}

/** Lower-case DOI without resolver prefix; null for none or for an arXiv DataCite DOI. */
export function doiOf(record: PaperRecord): string | null {
  const doi = normalDoi(record.doi);
  return doi && !ARXIV_DOI.test(doi) ? doi : null;
}

/** Version-less, lower-case arXiv id, from the id field or else from an arXiv DataCite DOI. */
export function arxivIdOf(record: PaperRecord): string | null {
  const fromDoi = normalDoi(record.doi)?.match(ARXIV_DOI)?.[1] ?? null;
  const id = (record.arxivId ?? fromDoi)?.trim().toLowerCase().replace(/^arxiv:/, '').replace(/v\d+$/, '');
  return id || null;
}

function normalDoi(doi: string | null): string | null {
  const d = doi?.trim().toLowerCase().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/, '');
  return d || null;
}

export function isArxivDoi(doi: string | null): boolean {
  return normalDoi(doi) !== null && ARXIV_DOI.test(normalDoi(doi)!);
}

/** Two records naming different DOIs or different arXiv ids are two works, whatever their titles. */
export function idsConflict(a: PaperRecord, b: PaperRecord): boolean {
  const [doiA, doiB, arxivA, arxivB] = [doiOf(a), doiOf(b), arxivIdOf(a), arxivIdOf(b)];
  return (doiA !== null && doiB !== null && doiA !== doiB) || (arxivA !== null && arxivB !== null && arxivA !== arxivB);
}

/** Folded surname of the first author, or null for a record without authors. */
function firstSurname(record: PaperRecord): string | null {
  const first = record.authors[0];
  if (first === undefined) return null;
  return parseName(first)?.surname ?? foldText(first).replace(/[^a-z]+/g, '');
}

/**
 * Same first author by surname, forgiving one typo in a long one (OpenAlex has `Raffaello Gervigni` for
 * `Cervigni`); a record without authors says nothing against.
 */
export function sameFirstAuthor(a: PaperRecord, b: PaperRecord): boolean {
  const [sa, sb] = [firstSurname(a), firstSurname(b)];
  if (sa === null || sb === null || sa === sb) return true;
  return Math.min(sa.length, sb.length) >= 5 && withinOneEdit(sa, sb);
}

/** One substitution, insertion or deletion at most. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  const rest = short.length === long.length ? i + 1 : i; // skip the differing letter in both, or in the longer only
  return short.slice(rest) === long.slice(i + 1);
}

const isFullDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);
const yearOf = (date: string) => Number(date.slice(0, 4));

export interface DateMatch {
  /** `date`: same string; `day`: arXiv dates a day apart; `year`: same publication year; `close-year`: a year apart. */
  kind: 'date' | 'day' | 'year' | 'close-year';
  /** Smaller is closer, to pick among several candidates. */
  distance: number;
}

/** How the dates of two same-titled records agree under the rule above, or null when they do not. */
export function datesMatch(a: PaperRecord, b: PaperRecord): DateMatch | null {
  if (a.date === b.date) return { kind: 'date', distance: 0 };
  if (a.category !== null && b.category !== null && isFullDate(a.date) && isFullDate(b.date)) {
    const days = Math.abs(Date.parse(a.date) - Date.parse(b.date)) / DAY_MS;
    return days <= 1 ? { kind: 'day', distance: days } : null;
  }
  const years = Math.abs(yearOf(a.date) - yearOf(b.date));
  if (Number.isNaN(years) || years > 1) return null;
  return { kind: years === 0 ? 'year' : 'close-year', distance: 1 + years };
}

/** `YYYY` < `YYYY-MM` < `YYYY-MM-DD`. */
export function datePrecision(date: string): number {
  return date.split('-').length;
}
