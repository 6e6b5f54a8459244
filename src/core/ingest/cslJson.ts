/**
 * CSL-JSON (Citation Style Language items: Zotero "Export → CSL JSON", Manubot, citeproc, Crossref's
 * `application/vnd.citationstyles.csl+json`): a JSON array of items with `title`, `author[{given, family}
 * | {literal}]`, `issued.date-parts`, `DOI`, `URL`, `container-title`, `keyword`, `abstract`.
 */
import { collapseWhitespace, distinctInOrder, isTruncationMarker, mentionsCode } from './arxivFields';
import { arxivIdFrom, arxivIdFromUrl, dateFromIsoLike, dateFromParts, keywordTopics, normalizeDoi } from './fields';
import { parseObject, scanArrayItems, type Json, type Outcome } from './jsonScan';
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';

export const CSL_JSON_FORMAT = 'csl-json';

const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

function personName(author: Json): string {
  if (author.literal) return collapseWhitespace(asText(author.literal));
  const family = [author['non-dropping-particle'], author.family].map(asText).filter(Boolean).join(' ');
  const name = [author.given, author['dropping-particle'], family].map(asText).filter(Boolean).join(' ');
  return collapseWhitespace(author.suffix ? `${name}, ${asText(author.suffix)}` : name);
}

/** `issued`: `{"date-parts": [[2011, 11, 14]]}`, or `{"raw": "2011-11-14"}` / `{"literal": …}` from some tools. */
function issuedDate(issued: unknown): string | null {
  const value = asObject(issued);
  const parts = asArray(asArray(value['date-parts'])[0]);
  if (parts.length > 0) return dateFromParts(Number(parts[0]), parts[1] === undefined ? undefined : Number(parts[1]), parts[2] === undefined ? undefined : Number(parts[2]));
  return dateFromIsoLike(asText(value.raw) || asText(value.literal)) ?? (typeof issued === 'string' ? dateFromIsoLike(issued) : null);
}

function readItem(item: Json, file: string, line: number): Outcome {
  const title = collapseWhitespace(asText(item.title));
  if (!title) return { field: 'title', reason: 'missing or empty "title"' };

  const authors: string[] = [];
  const perAuthor: string[][] = [];
  let authorsTruncated = false;
  for (const author of asArray(item.author).map(asObject)) {
    const name = personName(author);
    if (isTruncationMarker(name)) authorsTruncated = true;
    else if (name) {
      authors.push(name);
      // Crossref-flavoured CSL carries `affiliation: [{name}]` per author.
      perAuthor.push(distinctInOrder(asArray(author.affiliation).map((a) => collapseWhitespace(asText(asObject(a).name)))));
    }
  }
  if (authors.length === 0) return { field: 'author', reason: 'no author in "author"' };

  const date = issuedDate(item.issued);
  if (!date) return { field: 'issued', reason: 'no year in "issued"' };

  const abstract = collapseWhitespace(asText(item.abstract).replace(/<\/?jats:[^>]*>/g, ' '));
  const url = asText(item.URL);
  const keywords = asArray(item.keyword).length > 0 ? asArray(item.keyword).map(asText) : asText(item.keyword).split(/[,;]/);
  const containerTitle = collapseWhitespace(asText(asArray(item['container-title'])[0] ?? item['container-title']));
  return {
    paper: {
      file,
      line,
      title,
      authors,
      authorsTruncated,
      date,
      category: null,
      hasCode: mentionsCode(abstract, url),
      abstract,
      affiliations: distinctInOrder(perAuthor.flat()),
      ...withoutExtras(),
      topics: keywordTopics(keywords),
      authorAffiliations: perAuthor.some((a) => a.length > 0) ? perAuthor : [],
      doi: normalizeDoi(item.DOI),
      arxivId: arxivIdFromUrl(url) ?? (/^arxiv/i.test(containerTitle) || /arxiv/i.test(asText(item.publisher)) ? arxivIdFrom(asText(item.number)) : null),
      sourceId: asText(item.id) || null,
      venue: containerTitle || null,
    },
  };
}

/** Parses a CSL-JSON array. Never throws for bad input: a broken item is rejected alone, with its line. */
export function parseCslJson(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  const open = /^\s*\[/.exec(text.replace(/^\uFEFF/, ''));
  if (!open) {
    rejected.push({ file, line: 1, field: 'json', reason: 'CSL-JSON must be a JSON array of items ("[" expected)' });
  } else {
    const start = text.indexOf('[');
    const { items, closed } = scanArrayItems(text, start);
    for (const item of items) {
      const parsed = item.truncated ? { ok: false as const, field: 'json', reason: 'the file ends inside this item (truncated?)' } : parseObject(item.text);
      const outcome: Outcome = parsed.ok ? readItem(parsed.value, file, item.line) : parsed;
      if ('paper' in outcome) papers.push(outcome.paper);
      else rejected.push({ file, line: item.line, field: outcome.field, reason: outcome.reason });
    }
    if (!closed && items.every((i) => !i.truncated)) rejected.push({ file, line: 1, field: 'json', reason: 'the array is not closed (truncated file?)' });
  }
  return { file, format: CSL_JSON_FORMAT, records: papers.length + rejected.length, papers, rejected };
}

/** A JSON array whose first item is an object with CSL keys (`type` + `title`, and `author` or `issued`). */
export function looksLikeCslJson(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (!/^\[\s*\{/.test(start)) return false;
  return /"type"\s*:/.test(start) && /"title"\s*:/.test(start) && /"(?:author|issued)"\s*:/.test(start);
}
