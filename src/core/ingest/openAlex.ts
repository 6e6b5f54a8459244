/**
 * OpenAlex works (api.openalex.org/works): JSON Lines (one Work object per line, as snapshot and bulk
 * tools write them) or raw API pages (`{"meta": …, "results": [Work, …]}`).
 *
 * Topics: OpenAlex gives each work up to three `topics` with a score; we keep those scoring at least
 * TOPIC_MIN_SCORE, primary first (falling back to `primary_topic` alone). The legacy `concepts` are left
 * out: they are many, generic ("Biology", "Computer science") and being retired by OpenAlex.
 */
import { collapseWhitespace, distinctInOrder, mentionsCode } from './arxivFields';
import { arxivIdFromUrl, dateFromIsoLike, dateFromParts, normalizeDoi } from './fields';
import { jsonLinesReader, parseObject, readLinesOf, scanArrayItems, type Json, type LineReader, type Outcome } from './jsonScan';
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';

export const OPENALEX_FORMAT = 'openalex';
export const TOPIC_MIN_SCORE = 0.5;

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
/** `https://openalex.org/W2741809807` → `W2741809807`. */
const shortId = (value: unknown): string => asText(value).replace(/^https?:\/\/openalex\.org\//i, '').trim();

/** `{"word": [positions]}` back to text, words in position order. */
export function abstractFromInvertedIndex(index: unknown): string {
  const words: string[] = [];
  for (const [word, positions] of Object.entries(asObject(index))) {
    for (const p of asArray(positions)) if (Number.isInteger(p) && (p as number) >= 0 && (p as number) < 100_000) words[p as number] = word;
  }
  return collapseWhitespace(words.filter((w) => w !== undefined).join(' '));
}

function topicsOf(work: Json): PaperRecord['topics'] {
  const primary = asObject(work.primary_topic);
  const scored = asArray(work.topics)
    .map(asObject)
    .filter((t) => typeof t.score !== 'number' || t.score >= TOPIC_MIN_SCORE)
    .map((t) => asText(t.display_name));
  const names = distinctInOrder([asText(primary.display_name), ...scored].map(collapseWhitespace));
  return names.map((name) => ({ name, scheme: 'openalex' as const }));
}

function arxivIdOf(work: Json): string | null {
  const doi = normalizeDoi(work.doi);
  const fromDoi = doi && /^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1];
  if (fromDoi) return fromDoi;
  for (const location of asArray(work.locations).map(asObject)) {
    const id = arxivIdFromUrl(location.landing_page_url) ?? arxivIdFromUrl(location.pdf_url);
    if (id) return id;
  }
  return null;
}

/** Reads one work; a rejection names the work's id, as API pages put many works on one line. */
export function readWork(work: Json, file: string, line: number): Outcome {
  const outcome = readWorkFields(work, file, line);
  const id = shortId(work.id);
  return 'reason' in outcome && id ? { field: outcome.field, reason: `${id}: ${outcome.reason}` } : outcome;
}

function readWorkFields(work: Json, file: string, line: number): Outcome {
  const title = collapseWhitespace(asText(work.display_name) || asText(work.title));
  if (!title) return { field: 'title', reason: 'missing or empty "display_name"/"title"' };

  const authors: string[] = [];
  const perAuthor: string[][] = [];
  for (const authorship of asArray(work.authorships).map(asObject)) {
    const name = collapseWhitespace(asText(asObject(authorship.author).display_name) || asText(authorship.raw_author_name));
    if (!name) continue;
    authors.push(name);
    const institutions = asArray(authorship.institutions).map((i) => collapseWhitespace(asText(asObject(i).display_name)));
    // Unmatched affiliations have no institution, only the string the paper printed: better than nothing.
    const raw = asArray(authorship.raw_affiliation_strings).map((r) => collapseWhitespace(asText(r)));
    perAuthor.push(distinctInOrder(institutions.some(Boolean) ? institutions : raw));
  }
  if (authors.length === 0) return { field: 'authorships', reason: 'no author in "authorships"' };

  const date = dateFromIsoLike(asText(work.publication_date)) ?? dateFromParts(work.publication_year);
  if (!date) return { field: 'publication_date', reason: 'no valid "publication_date" or "publication_year"' };

  const abstract = work.abstract_inverted_index ? abstractFromInvertedIndex(work.abstract_inverted_index) : collapseWhitespace(asText(work.abstract));
  const venue = collapseWhitespace(asText(asObject(asObject(work.primary_location).source).display_name));
  return {
    paper: {
      file,
      line,
      title,
      authors,
      authorsTruncated: false,
      date,
      category: null,
      hasCode: mentionsCode(abstract),
      abstract,
      affiliations: distinctInOrder(perAuthor.flat()),
      ...withoutExtras(),
      topics: topicsOf(work),
      authorAffiliations: perAuthor.some((a) => a.length > 0) ? perAuthor : [],
      doi: normalizeDoi(work.doi),
      arxivId: arxivIdOf(work),
      sourceId: shortId(work.id) || null,
      references: asArray(work.referenced_works).map(shortId).filter(Boolean),
      venue: venue || null,
    },
  };
}

/** True when the text is an API page (`{"meta"…` / `{"results"…`) rather than JSON Lines of works. */
export function isOpenAlexPage(head: string): boolean {
  return /^\s*\{\s*"(?:meta|results|group_by)"\s*:/.test(head.replace(/^\uFEFF/, ''));
}

/** A line-at-a-time reader of OpenAlex JSON Lines, for streaming big files. */
export function openAlexLinesReader(file: string): LineReader {
  return jsonLinesReader(OPENALEX_FORMAT, file, (work, line) => readWork(work, file, line));
}

function parsePage(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  const results = /"results"\s*:\s*\[/.exec(text);
  if (!results) {
    rejected.push({ file, line: 1, field: 'results', reason: 'an OpenAlex API page without a "results" array' });
  } else {
    const { items, closed } = scanArrayItems(text, results.index + results[0].length - 1);
    for (const item of items) {
      const parsed = item.truncated ? { ok: false as const, field: 'json', reason: 'the file ends inside this work (truncated?)' } : parseObject(item.text);
      const outcome: Outcome = parsed.ok ? readWork(parsed.value, file, item.line) : parsed;
      if ('paper' in outcome) papers.push(outcome.paper);
      else rejected.push({ file, line: item.line, field: outcome.field, reason: outcome.reason });
    }
    if (!closed && items.every((i) => !i.truncated)) {
      rejected.push({ file, line: 1, field: 'results', reason: 'the "results" array is not closed (truncated file?)' });
    }
  }
  return { file, format: OPENALEX_FORMAT, records: papers.length + rejected.length, papers, rejected };
}

/** Parses OpenAlex works, either form. Never throws for bad input: bad works land in `rejected`. */
export function parseOpenAlex(text: string, file: string): ParsedInput {
  return isOpenAlexPage(text.slice(0, 1000)) ? parsePage(text, file) : readLinesOf(text, openAlexLinesReader(file));
}
