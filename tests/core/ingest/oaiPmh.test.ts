import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOaiPmh } from '../../../src/core/ingest/oaiPmh';
import type { PaperRecord, ParsedInput } from '../../../src/core/ingest/types';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const DATASET = path.resolve(here, '../../../../shared/datasets/arxiv-oai-pmh-cs');
const PAGES = [1, 2, 3, 4, 5].map((n) => path.join(DATASET, `oai_listrecords_cs_page${n}.xml`));
const available = PAGES.every((p) => existsSync(p));
if (!available) console.warn(`oaiPmh tests skipped: real data set not found at ${DATASET}`);

/** Counts stated in SOURCE.txt. */
const RECORDS_PER_PAGE = 1000;
const AUTHOR_SLOTS = 12767;
const DISTINCT_KEYNAME_FORENAMES = 7974;
/** SOURCE.txt says "805 <author> carry an <affiliation>"; 805 is in fact the number of records with one. */
const RECORDS_WITH_AFFILIATION = 805;

/** 1-based line of the `<record>` holding this arXiv id, found by plain text search (independent of the parser). */
function recordLine(text: string, arxivId: string): number {
  const at = text.indexOf(`<identifier>oai:arXiv.org:${arxivId}</identifier>`);
  if (at === -1) throw new Error(`${arxivId} not in page`);
  const recordAt = text.lastIndexOf('<record>', at);
  return text.slice(0, recordAt).split('\n').length;
}

/** The `<record>…</record>` text of one id, for in-memory edits. */
function recordText(text: string, arxivId: string): string {
  const at = text.indexOf(`<identifier>oai:arXiv.org:${arxivId}</identifier>`);
  const start = text.lastIndexOf('<record>', at);
  return text.slice(start, text.indexOf('</record>', at) + '</record>'.length);
}

describe.skipIf(!available)('parseOaiPmh on the real arXiv OAI-PMH cs harvest (5 pages)', () => {
  const texts = available ? PAGES.map((p) => readFileSync(p, 'utf8')) : [];
  const pages: ParsedInput[] = texts.map((t, i) => parseOaiPmh(t, `page${i + 1}.xml`));
  const all = pages.flatMap((p) => p.papers);
  const find = (page: number, arxivId: string): PaperRecord => {
    const line = recordLine(texts[page - 1], arxivId);
    const paper = pages[page - 1].papers.find((p) => p.line === line);
    if (!paper) throw new Error(`no paper at page${page}.xml:${line}`);
    return paper;
  };

  it('accepts the 1000 records of every page', () => {
    for (const page of pages) {
      expect(page.format).toBe('arxiv-oai-pmh');
      expect(page.records).toBe(RECORDS_PER_PAGE);
      expect(page.papers.length + page.rejected.length).toBe(page.records);
      expect(page.rejected).toEqual([]);
    }
  });

  it('keeps all 12767 author slots and the 7974 distinct (keyname, forenames) people of SOURCE.txt', () => {
    const names = all.flatMap((p) => p.authors);
    expect(names).toHaveLength(AUTHOR_SLOTS);
    // Suffix spellings vary ("Jr" / "Jr."); without them each distinct name is one (keyname, forenames) pair.
    expect(new Set(names.map((n) => n.replace(/ (?:Jr\.?|II|III|IV)$/, ''))).size).toBe(DISTINCT_KEYNAME_FORENAMES);
  });

  it('gives affiliations to the 805 records whose authors carry one', () => {
    expect(all.filter((p) => p.affiliations.length > 0)).toHaveLength(RECORDS_WITH_AFFILIATION);
  });

  it('reads the first record of page 1 (0704.0002) field by field', () => {
    const p = pages[0].papers[0];
    expect(p.line).toBe(recordLine(texts[0], '0704.0002'));
    expect(p.file).toBe('page1.xml');
    expect(p.title).toBe('Sparsity-certifying Graph Decompositions');
    expect(p.authors).toEqual(['Ileana Streinu', 'Louis Theran']);
    expect(p.date).toBe('2007-03-30');
    expect(p.category).toBe('math.CO'); // <categories>math.CO cs.CG</categories>
    expect(p.abstract.startsWith('We describe a new algorithm, the $(k,\\ell)$-pebble game with colors, and use it obtain')).toBe(true);
    expect(p.abstract).not.toMatch(/\n|\s{2}|^\s|\s$/);
    expect(p.affiliations).toEqual([]);
    expect(p.hasCode).toBe(false);
  });

  it('reads the last record of page 1 (0708.2571), title unwrapped', () => {
    const p = pages[0].papers[pages[0].papers.length - 1];
    expect(p.line).toBe(recordLine(texts[0], '0708.2571'));
    expect(p.title).toBe('On the Security of the Cha-Ko-Lee-Han-Cheon Braid Group Public Key Cryptosystem');
    expect(p.authors).toEqual(['M. M. Chowdhury']);
    expect(p.category).toBe('cs.CR');
    expect(p.date).toBe('2007-08-19');
  });

  it('decodes numeric character references in names', () => {
    // <keyname>&#x160;r&#xe1;mek</keyname> ... the same paper as the Kaggle sample's 0704.0062.
    expect(find(1, '0704.0062').authors).toEqual(['Rastislav Šrámek', 'Broňa Brejová', 'Tomáš Vinař']);
  });

  it('appends <suffix> after the name as the source spells it', () => {
    expect(find(1, '0704.0802').authors).toEqual(['Caleb K. Lo', 'Robert W. Heath, Jr.', 'Sriram Vishwanath']);
  });

  it('lists the distinct affiliations of the authors in order of appearance', () => {
    const p = find(1, '0704.0861');
    expect(p.authors).toEqual(['Mohamed Kaaniche', 'Y. Deswarte', 'Eric Alata', 'Marc Dacier', 'Vincent Nicomette']);
    expect(p.affiliations).toEqual(['LAAS', 'SC']);
    expect(p.category).toBe('cs.PF');
  });

  it('flags code from the abstract, not from unrelated "available at" phrases', () => {
    expect(find(5, '0807.4368').hasCode).toBe(true); // "Source code of our algorithm is available at http://..."
    // "...when correlation knowledge is available at the relays" is no code.
    const relay = pages[0].papers.find((p) => p.abstract.includes('correlation knowledge is available at the relays'));
    expect(relay?.hasCode).toBe(false);
  });

  it('rejects a record missing its title with the line of its <record>, and keeps the rest', () => {
    const original = recordText(texts[0], '0704.0046');
    const broken = texts[0].replace(original, original.replace(/<title>[\s\S]*?<\/title>/, ''));
    const result = parseOaiPmh(broken, 'page1.xml');
    expect(result.records).toBe(RECORDS_PER_PAGE);
    expect(result.papers).toHaveLength(RECORDS_PER_PAGE - 1);
    expect(result.rejected).toEqual([
      { file: 'page1.xml', line: recordLine(texts[0], '0704.0046'), field: 'title', reason: expect.stringMatching(/title/) },
    ]);
  });

  it('rejects deleted records and records without arXiv metadata', () => {
    const first = recordText(texts[0], '0704.0002');
    const second = recordText(texts[0], '0704.0046');
    const deleted = first.replace('<header>', '<header status="deleted">').replace(/<metadata>[\s\S]*<\/metadata>/, '');
    const dublinCore = second.replace(/<arXiv [^>]*>[\s\S]*<\/arXiv>/, '<dc xmlns="http://purl.org/dc/elements/1.1/"><title>x</title></dc>');
    const edited = texts[0].replace(first, deleted).replace(second, dublinCore);
    const result = parseOaiPmh(edited, 'page1.xml');
    expect(result.records).toBe(RECORDS_PER_PAGE);
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [recordLine(edited, '0704.0002'), 'header'],
      [recordLine(edited, '0704.0046'), 'metadata'],
    ]);
    expect(result.rejected[0].reason).toContain('deleted record oai:arXiv.org:0704.0002');
  });

  it('rejects only the record whose XML is malformed', () => {
    const original = recordText(texts[0], '0704.0046');
    const broken = texts[0].replace(original, original.replace('</title>', ''));
    const result = parseOaiPmh(broken, 'page1.xml');
    expect(result.records).toBe(RECORDS_PER_PAGE);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ line: recordLine(texts[0], '0704.0046'), field: 'xml' });
    expect(result.rejected[0].reason).toMatch(/^malformed XML at line \d+, column \d+: /);
  });

  it('rejects the record cut off by a truncated download, keeping those before it', () => {
    const cut = texts[0].slice(0, texts[0].indexOf('<identifier>oai:arXiv.org:0704.0062'));
    const result = parseOaiPmh(cut, 'page1.xml');
    // 0704.0062 is the fifth record of the page.
    expect(result.papers).toEqual(pages[0].papers.slice(0, 4));
    expect(result.rejected).toEqual([
      { file: 'page1.xml', line: recordLine(texts[0], '0704.0062'), field: 'xml', reason: expect.stringContaining('not closed') },
    ]);
    expect(result.records).toBe(5);
  });

  it('refuses a file that is not XML as a whole (line 0)', () => {
    const result = parseOaiPmh('{"id":"0704.0001","title":"Calculation of prompt diphoton production"}\n', 'page.xml');
    expect(result.papers).toEqual([]);
    expect(result.rejected).toEqual([{ file: 'page.xml', line: 0, field: 'xml', reason: expect.stringContaining('not an XML document') }]);
    expect(result.records).toBe(1);
  });

  it('reports an OAI-PMH error response instead of records', () => {
    const listRecords = texts[0].slice(texts[0].indexOf('<ListRecords>'), texts[0].indexOf('</ListRecords>') + '</ListRecords>'.length);
    const errorPage = texts[0].replace(listRecords, '<error code="badResumptionToken">The value of the resumptionToken argument is invalid or expired.</error>');
    const result = parseOaiPmh(errorPage, 'page.xml');
    expect(result.papers).toEqual([]);
    expect(result.rejected).toEqual([
      { file: 'page.xml', line: 5, field: 'error', reason: expect.stringContaining('badResumptionToken') },
    ]);
  });

  it('gives identical output for identical input', () => {
    expect(parseOaiPmh(texts[1], 'page2.xml')).toEqual(pages[1]);
  });
});
