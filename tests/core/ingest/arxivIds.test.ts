/** The arXiv-family parsers fill ids, DOI, venue and per-author affiliations (cross-source merging needs them). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArxivAtom } from '../../../src/core/ingest/arxivAtom';
import { parseArxivJsonl } from '../../../src/core/ingest/arxivJsonl';
import { parseOaiPmh } from '../../../src/core/ingest/oaiPmh';

const DATASETS = path.resolve(import.meta.dirname, '../../../../shared/datasets');
const available = existsSync(DATASETS);
if (!available) console.warn(`arXiv id tests skipped: ${DATASETS} not found`);
const read = (rel: string) => readFileSync(path.join(DATASETS, rel), 'utf8');

describe.skipIf(!available)('arXiv ids, DOIs, venues and per-author affiliations', () => {
  it('Kaggle: id, lower-case DOI and journal-ref of 0704.0001', () => {
    const first = parseArxivJsonl(read('arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.200.jsonl'), 'k').papers[0];
    expect(first).toMatchObject({ arxivId: '0704.0001', doi: '10.1103/physrevd.76.013009', venue: 'Phys.Rev.D76:013009,2007' });
  });

  it('OAI-PMH: every paper has its arXiv id; <affiliation> is kept per author', () => {
    const text = read('arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml');
    const papers = parseOaiPmh(text, 'p').papers;
    expect(papers.every((p) => /^\d{4}\.\d{4}$/.test(p.arxivId ?? ''))).toBe(true);
    const honeypot = papers.find((p) => p.arxivId === '0704.0858');
    expect(honeypot?.authorAffiliations).toEqual([['LAAS'], ['LAAS'], ['LAAS'], ['LAAS'], ['LAAS']]);
    expect(honeypot?.venue).toMatch(/^Proc\. 6th European Dependable Computing Conference \(EDCC-6\)/);
  });

  it('Atom: id without version from <id>, <arxiv:doi>, entries inside another wrapper', () => {
    const text = read('arxiv-api-atom-feed/arxiv_api_query_astro-ph_63.xml');
    const feed = parseArxivAtom(text, 'a');
    expect(feed.papers[0].arxivId).toBe('2604.21920');
    expect(feed.papers.some((p) => p.doi === '10.3847/1538-4357/ae632c')).toBe(true);
    const wrapped = parseArxivAtom(`<results>${text.replace(/^<\?xml[^>]*>/, '')}</results>`, 'w');
    expect(wrapped.papers).toHaveLength(63);
    expect(wrapped.rejected).toEqual([]);
  });
});
