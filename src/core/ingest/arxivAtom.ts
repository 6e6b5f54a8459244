/**
 * arXiv API responses (Atom `<feed>` of `<entry>`s, from export.arxiv.org/api/query): title, summary,
 * `<author><name>` (+ `<arxiv:affiliation>`), `<published>` (v1 date), `<arxiv:primary_category term>`.
 */
import { mentionsCode, collapseWhitespace, distinctInOrder, isCategoryCode, isoDateFromIso } from './arxivFields';
import { arxivIdFromUrl, normalizeDoi } from './fields';
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';
import { childOf, childrenOf, scanXmlRecords, type XmlElement } from './xmlRecords';

export const ARXIV_ATOM_FORMAT = 'arxiv-atom';

const TRACKED = new Set(['entry']);

type Outcome = { paper: PaperRecord } | { field: string; reason: string };

function fieldText(parent: XmlElement, local: string): string {
  const element = childOf(parent, local);
  return element ? collapseWhitespace(element.text) : '';
}

function readEntry(entry: XmlElement, file: string): Outcome {
  // The API reports a bad query as a single entry whose id points into /api/errors.
  const id = fieldText(entry, 'id');
  if (/\/api\/errors\b/.test(id)) return { field: 'id', reason: `arXiv API error: ${fieldText(entry, 'summary') || id}` };

  const title = fieldText(entry, 'title');
  if (!title) return { field: 'title', reason: 'missing or empty <title>' };

  const authorElements = childrenOf(entry, 'author');
  if (authorElements.length === 0) return { field: 'author', reason: 'no <author>' };
  const authors: string[] = [];
  const affiliations: string[] = [];
  const perAuthor: string[][] = [];
  for (const [i, author] of authorElements.entries()) {
    const name = fieldText(author, 'name');
    if (!name) return { field: 'author', reason: `author ${i + 1} has no <name>` };
    authors.push(name);
    const own = childrenOf(author, 'affiliation').map((a) => collapseWhitespace(a.text)).filter(Boolean);
    perAuthor.push(own);
    affiliations.push(...own);
  }

  const published = fieldText(entry, 'published');
  if (!published) return { field: 'published', reason: 'missing <published> date' };
  const date = isoDateFromIso(published);
  if (!date) return { field: 'published', reason: `<published> is not an ISO date: "${published}"` };

  const category = (
    childOf(entry, 'primary_category')?.attributes.term ??
    childOf(entry, 'category')?.attributes.term ??
    ''
  ).trim();
  if (!category) return { field: 'primary_category', reason: 'no <arxiv:primary_category> or <category> term' };
  if (!isCategoryCode(category)) return { field: 'primary_category', reason: `"${category}" is not an arXiv category code` };

  const abstract = fieldText(entry, 'summary');
  return {
    paper: {
      file,
      line: entry.line,
      title,
      authors,
      authorsTruncated: false,
      date,
      category,
      hasCode: mentionsCode(abstract, fieldText(entry, 'comment')),
      abstract,
      affiliations: distinctInOrder(affiliations),
      ...withoutExtras(),
      authorAffiliations: perAuthor.some((a) => a.length > 0) ? perAuthor : [],
      doi: normalizeDoi(fieldText(entry, 'doi')),
      arxivId: arxivIdFromUrl(id),
      venue: fieldText(entry, 'journal_ref') || null,
    },
  };
}

/** Parses one arXiv API Atom feed. Never throws for bad input: problems land in `rejected`. */
export function parseArxivAtom(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  const scan = scanXmlRecords(text, file, TRACKED, ({ element, xmlError }) => {
    const outcome: Outcome = xmlError ? { field: 'xml', reason: xmlError } : readEntry(element, file);
    if ('paper' in outcome) papers.push(outcome.paper);
    else rejected.push({ file, line: element.line, ...outcome });
  });
  // Entries are taken wherever they sit (feeds get wrapped, concatenated, saved inside other XML);
  // only a document with none and a foreign root is refused as a whole.
  if (scan.root !== null && scan.root !== 'feed' && papers.length + rejected.length === 0) {
    rejected.push({ file, line: 1, field: 'xml', reason: `root element is <${scan.root}> and holds no Atom <entry>` });
  }
  for (const r of scan.rejected) rejected.push(r); // no spread: a broken file may have 100k+ rejections
  rejected.sort((a, b) => a.line - b.line);
  return { file, format: ARXIV_ATOM_FORMAT, records: papers.length + rejected.length, papers, rejected };
}
