/**
 * arXiv OAI-PMH harvest pages (`ListRecords`, `metadataPrefix=arXiv`): one `<record>` per paper with
 * `<arXiv>` metadata — `<created>` (v1 date), structured authors (keyname / forenames / suffix /
 * affiliation), `<categories>` (primary first).
 */
import { mentionsCode, collapseWhitespace, distinctInOrder, isCategoryCode, isoDateFromIso, personName, primaryCategory } from './arxivFields';
import { arxivIdFrom, normalizeDoi } from './fields';
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';
import { childOf, childrenOf, scanXmlRecords, type XmlElement } from './xmlRecords';

export const OAI_PMH_FORMAT = 'arxiv-oai-pmh';

const TRACKED = new Set(['record', 'error']);

type Outcome = { paper: PaperRecord } | { field: string; reason: string };

function fieldText(parent: XmlElement, local: string): string {
  const element = childOf(parent, local);
  return element ? collapseWhitespace(element.text) : '';
}

function readRecord(record: XmlElement, file: string): Outcome {
  const header = childOf(record, 'header');
  const identifier = header ? fieldText(header, 'identifier') : '';
  if (header?.attributes.status === 'deleted') {
    return { field: 'header', reason: `deleted record${identifier ? ` ${identifier}` : ''}` };
  }
  const metadata = childOf(record, 'metadata');
  const arxiv = metadata && childOf(metadata, 'arXiv');
  if (!arxiv) {
    const got = metadata?.children[0] ? `<${metadata.children[0].local}>` : 'none';
    return { field: 'metadata', reason: `no <arXiv> metadata (found ${got}); harvest with metadataPrefix=arXiv` };
  }

  const title = fieldText(arxiv, 'title');
  if (!title) return { field: 'title', reason: 'missing or empty <title>' };

  const authorsElement = childOf(arxiv, 'authors');
  const authorElements = authorsElement ? childrenOf(authorsElement, 'author') : [];
  if (authorElements.length === 0) return { field: 'authors', reason: 'no <author> in <authors>' };
  const authors: string[] = [];
  const affiliations: string[] = [];
  const perAuthor: string[][] = [];
  for (const [i, author] of authorElements.entries()) {
    const keyname = fieldText(author, 'keyname');
    const forenames = fieldText(author, 'forenames');
    // Mononymous authors ("Sudha") come as a keyname alone; a slot with neither is unusable.
    if (!keyname && !forenames) return { field: 'authors', reason: `author ${i + 1} has no <keyname> or <forenames>` };
    authors.push(personName(forenames, keyname, fieldText(author, 'suffix')));
    const own = childrenOf(author, 'affiliation').map((a) => collapseWhitespace(a.text)).filter(Boolean);
    perAuthor.push(own);
    affiliations.push(...own);
  }

  const created = fieldText(arxiv, 'created');
  if (!created) return { field: 'created', reason: 'missing <created> date' };
  const date = isoDateFromIso(created);
  if (!date) return { field: 'created', reason: `<created> is not a YYYY-MM-DD date: "${created}"` };

  const category = primaryCategory(fieldText(arxiv, 'categories'));
  if (!category) return { field: 'categories', reason: 'missing or empty <categories>' };
  if (!isCategoryCode(category)) return { field: 'categories', reason: `"${category}" is not an arXiv category code` };

  const abstract = fieldText(arxiv, 'abstract');
  return {
    paper: {
      file,
      line: record.line,
      title,
      authors,
      authorsTruncated: false,
      date,
      category,
      hasCode: mentionsCode(abstract, fieldText(arxiv, 'comments')),
      abstract,
      affiliations: distinctInOrder(affiliations),
      ...withoutExtras(),
      authorAffiliations: perAuthor.some((a) => a.length > 0) ? perAuthor : [],
      doi: normalizeDoi(fieldText(arxiv, 'doi')),
      arxivId: arxivIdFrom(fieldText(arxiv, 'id')),
      venue: fieldText(arxiv, 'journal-ref') || null,
    },
  };
}

/** Parses one OAI-PMH response page. Never throws for bad input: problems land in `rejected`. */
export function parseOaiPmh(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  const scan = scanXmlRecords(text, file, TRACKED, ({ element, xmlError }) => {
    if (element.local === 'error') {
      // An OAI-PMH error response (e.g. noRecordsMatch, badResumptionToken) holds no records.
      const code = element.attributes.code ?? 'unknown';
      rejected.push({ file, line: element.line, field: 'error', reason: `OAI-PMH error ${code}: ${collapseWhitespace(element.text)}` });
      return;
    }
    const outcome: Outcome = xmlError ? { field: 'xml', reason: xmlError } : readRecord(element, file);
    if ('paper' in outcome) papers.push(outcome.paper);
    else rejected.push({ file, line: element.line, ...outcome });
  });
  if (scan.root !== null && scan.root !== 'OAI-PMH') {
    rejected.push({ file, line: 1, field: 'xml', reason: `root element is <${scan.root}>, expected <OAI-PMH>` });
  }
  for (const r of scan.rejected) rejected.push(r); // no spread: a broken file may have 100k+ rejections
  // File-level problems are ordered by line with the records so the report reads top to bottom.
  rejected.sort((a, b) => a.line - b.line);
  return { file, format: OAI_PMH_FORMAT, records: papers.length + rejected.length, papers, rejected };
}
