import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../src/core/ingest/bibtex';
import type { PaperRecord } from '../../../src/core/ingest/types';

const DATASET = path.resolve(import.meta.dirname, '../../../../shared/datasets/bibtex-nime/nime_papers_2001-2026.bib');
const available = existsSync(DATASET);
if (!available) console.warn(`bibtex real-data tests skipped: ${DATASET} not found`);

/** Line of `@type{key,` found by plain text search, independent of the parser. */
const lineOf = (text: string, key: string, nth = 0): number => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(`{${key},`, at + 1);
  return text.slice(0, text.lastIndexOf('@', at)).split('\n').length;
};

describe.skipIf(!available)('parseBibtex on the real NIME proceedings (2470 entries)', () => {
  const text = available ? readFileSync(DATASET, 'utf8') : '';
  const parsed = parseBibtex(text, 'nime.bib');
  const byKey = (key: string, nth = 0): PaperRecord => {
    const line = lineOf(text, key, nth);
    const paper = parsed.papers.find((p) => p.line === line);
    if (!paper) throw new Error(`no paper at line ${line}`);
    return paper;
  };

  it('accounts for all 2470 entries, both nime2003_Young entries included (the duplicate key is no parser error)', () => {
    expect(parsed.records).toBe(2470);
    expect(parsed.papers.length + parsed.rejected.length).toBe(2470);
    expect(parsed.rejected).toEqual([]);
    const young = parsed.papers.filter((p) => p.sourceId === 'nime2003_Young');
    expect(young.map((p) => p.line)).toEqual([lineOf(text, 'nime2003_Young'), lineOf(text, 'nime2003_Young', 1)]);
    for (const p of parsed.papers) {
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.authors.length).toBeGreaterThan(0);
      expect(p.date).toMatch(/^\d{4}(-\d{2})?$/);
    }
  });

  it('reads the first entry field by field, turning "Last, First" around', () => {
    expect(byKey('nime2001_Cook')).toMatchObject({
      line: 1,
      title: 'Principles for Designing Computer Music Controllers',
      authors: ['Perry R. Cook'],
      date: '2001',
      doi: '10.5281/zenodo.1176358',
      sourceId: 'nime2001_Cook',
      venue: 'Proceedings of the International Conference on New Interfaces for Musical Expression',
      topics: [{ name: 'Musical control', scheme: 'keyword' }, { name: 'artistic interfaces', scheme: 'keyword' }],
      category: null,
    });
  });

  it("decodes LaTeX accents, including the file's odd \\''{u} for an umlaut", () => {
    expect(byKey('nime2003_Dobrian').authors).toEqual(['Christopher Dobrian', 'Frédéric Bevilacqua']);
    expect(byKey('nime2004_Kaltenbrunner').authors).toEqual(['Martin Kaltenbrunner', 'Günter Geiger', 'Sergi Jordà']);
    expect(byKey('nime2005_Makipatola').authors[0]).toBe('Teemu Mäki-patola');
    expect(byKey('nime2015_aflo').authors).toEqual(['Asbjørn Blokkum Flø', 'Hans Wilmers']); // {Asbj{\o}rn Blokkum} Fl\o
  });

  it('keeps every name of an author list written with commas instead of "and"', () => {
    expect(byKey('nime2013_Barbosa').authors).toEqual(['Jerônimo Barbosa', 'Filipe Calegario', 'Veronica Teichrieb', 'Geber Ramalho', 'Giordano Cabral']);
  });

  it('imports an entry whose fields lack separating commas (nime2011_Tseng)', () => {
    expect(byKey('nime2011_Tseng')).toMatchObject({ title: 'Sound Low Fun', authors: ['Yu-Chung Tseng', 'Che-Wei Liu', 'Tzu-Heng Chi', 'Hui-Yu Wang'] });
  });
});

describe('parseBibtex on crafted input', () => {
  const bib = `% exported by hand
@string{jmlr = "Journal of Machine Learning Research"}
@comment{ignored}
@article{devlin2019,
  author = {M{\\"o}ller, J{\\"u}rgen and Stra{\\ss}e, Hans and \\'{E}mile Zola and others},
  title = {The {BERT} Model for {\\'e}tudes},
  journal = jmlr, year = 2019, month = mar,
  keywords = {transformers; NLP},
  eprint = {1810.04805v2}, archivePrefix = {arXiv}, primaryClass = {cs.CL},
  doi = {https://doi.org/10.18653/V1/N19-1423},
  abstract = {We introduce {BERT}, see \\url{https://github.com/google-research/bert}.}
}
@misc{noyear, author = {Doe, Jane}, title = {Undated}}
@misc{broken, author = {Doe, Jane}, title = {Unbalanced {braces}, year = 2001
@misc{after, author = {Roe, Richard}, title = {Still Imported}, year = {2002}}
@book{cut, author = {Poe, Edgar}, title = {Cut`;
  const parsed = parseBibtex(bib, 'x.bib');

  it('decodes accents, ß, protected case, macros, month, arXiv fields, DOI and keywords', () => {
    expect(parsed.papers[0]).toMatchObject({
      line: 4,
      title: 'The BERT Model for études',
      authors: ['Jürgen Möller', 'Hans Straße', 'Émile Zola'],
      authorsTruncated: true,
      date: '2019-03',
      venue: 'Journal of Machine Learning Research',
      arxivId: '1810.04805',
      category: 'cs.CL',
      doi: '10.18653/v1/n19-1423',
      topics: [{ name: 'transformers', scheme: 'keyword' }, { name: 'NLP', scheme: 'keyword' }],
      hasCode: true,
      sourceId: 'devlin2019',
    });
  });

  it('rejects a missing year, unbalanced braces and a cut entry by line; the rest still imports', () => {
    expect(parsed.papers.map((p) => p.sourceId)).toEqual(['devlin2019', 'after']);
    expect(parsed.rejected).toEqual([
      { file: 'x.bib', line: 13, field: 'year', reason: 'missing year' },
      { file: 'x.bib', line: 14, field: 'entry', reason: 'unbalanced braces: @misc is not closed before the next entry at line 15' },
      { file: 'x.bib', line: 16, field: 'entry', reason: 'unbalanced braces: @book is not closed before the end of the file' },
    ]);
    expect(parsed.records).toBe(5);
  });
});
