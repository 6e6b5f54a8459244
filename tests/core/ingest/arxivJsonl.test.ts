import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArxivJsonl } from '../../../src/core/ingest/arxivJsonl';
import type { PaperRecord } from '../../../src/core/ingest/types';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const DATASET = path.resolve(here, '../../../../shared/datasets/arxiv-kaggle-sample');
const FILE = path.join(DATASET, 'arxiv-metadata-oai-snapshot.200.jsonl');
const available = existsSync(FILE);
if (!available) console.warn(`arxivJsonl tests skipped: real data set not found at ${FILE}`);

const NAME = 'kaggle.jsonl';
/** SOURCE.txt: "the first 200 lines of the real Kaggle arxiv-metadata-oai-snapshot.json". */
const SOURCE_RECORDS = 200;

describe.skipIf(!available)('parseArxivJsonl on the real Kaggle arXiv snapshot (200 lines)', () => {
  const text = available ? readFileSync(FILE, 'utf8') : '';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const raw = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const parsed = parseArxivJsonl(text, NAME);
  const byLine = (line: number): PaperRecord => {
    const paper = parsed.papers.find((p) => p.line === line);
    if (!paper) throw new Error(`no paper at line ${line}; rejected: ${JSON.stringify(parsed.rejected)}`);
    return paper;
  };
  /** Re-serialise lines (after editing records in memory) into a JSON Lines text. */
  const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

  it('accepts all 200 records of the sample, each tagged with its file line', () => {
    expect(SOURCE_RECORDS).toBe(lines.length);
    expect(parsed.format).toBe('arxiv-jsonl');
    expect(parsed.records).toBe(200);
    expect(parsed.papers.length + parsed.rejected.length).toBe(parsed.records);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.papers.map((p) => p.line)).toEqual(lines.map((_, i) => i + 1));
    expect(parsed.papers.every((p) => p.file === NAME)).toBe(true);
  });

  it('keeps every author slot of authors_parsed, in order', () => {
    const slots = raw.reduce((n, r) => n + (r.authors_parsed as unknown[]).length, 0);
    expect(parsed.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(slots);
  });

  it('reads the first record (0704.0001) field by field', () => {
    const p = byLine(1);
    expect(p.title).toBe('Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    // authors_parsed gives "C. -P." for C.-P. Yuan; the name is tidied back.
    expect(p.authors).toEqual(['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan']);
    expect(p.authorsTruncated).toBe(false);
    // v1 was "Mon, 2 Apr 2007 19:18:42 GMT"; update_date (2008-11-26) must not win.
    expect(p.date).toBe('2007-04-02');
    expect(p.category).toBe('hep-ph');
    expect(p.abstract.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented')).toBe(true);
    expect(p.abstract).not.toMatch(/\n|\s{2}|^\s|\s$/);
    expect(p.hasCode).toBe(false);
    expect(p.affiliations).toEqual([]);
  });

  it('reads the last record (0704.0200) and takes the first of several categories as primary', () => {
    const p = byLine(200);
    expect(p.title).toBe('Electromagnetic polarizabilities and the excited states of the nucleon');
    expect(p.authors).toEqual(['Martin Schumacher']);
    expect(p.category).toBe('hep-ph'); // categories "hep-ph nucl-ex"
    expect(p.date).toBe('2007-04-02');
    expect(byLine(2).category).toBe('math.CO'); // 0704.0002: "math.CO cs.CG"
  });

  it('appends name suffixes and keeps accents (suffix "II", Czech and Slovak names)', () => {
    expect(byLine(9).authors[5]).toBe('Neal J. Evans II');
    expect(byLine(62).authors).toEqual(['Rastislav Šrámek', 'Broňa Brejová', 'Tomáš Vinař']);
    expect(byLine(49).authors).toEqual(['Mikkel Øbro']);
  });

  it('takes affiliations from authors_parsed, distinct and whitespace-collapsed', () => {
    expect(byLine(163).affiliations).toEqual(['Institut für Theoretische und Angewandte Physik, Universität Stuttgart']);
    expect(byLine(199).affiliations).toEqual(['Universität Wien', 'Queen Mary & Westfield College, University of London']);
    expect(byLine(199).authors).toEqual(['Christian Krattenthaler', 'Thomas Müller']);
  });

  it('falls back to the raw authors string (LaTeX accents decoded, parenthesised affiliations dropped)', () => {
    const edited = [raw[0], raw[61], raw[162]].map((r) => ({ ...r, authors_parsed: undefined }));
    const result = parseArxivJsonl(jsonl(edited), NAME);
    expect(result.rejected).toEqual([]);
    expect(result.papers.map((p) => p.authors)).toEqual([byLine(1).authors, byLine(62).authors, ['Peter Brommer', 'Franz Gähler']]);
  });

  it('falls back to update_date when versions are missing', () => {
    const result = parseArxivJsonl(jsonl([{ ...raw[0], versions: [] }]), NAME);
    expect(result.papers[0].date).toBe(raw[0].update_date);
  });

  it('flags code only when a code host or an explicit code statement appears', () => {
    // None of these 2007 records links a code repository ("available at http://..." pages are not code).
    expect(parsed.papers.filter((p) => p.hasCode)).toEqual([]);
    const withLink = { ...raw[0], abstract: `${raw[0].abstract as string} Code: https://github.com/example/diphoton.` };
    const withPhrase = { ...raw[1], comments: 'Our code is publicly available.' };
    expect(parseArxivJsonl(jsonl([withLink, withPhrase]), NAME).papers.map((p) => p.hasCode)).toEqual([true, true]);
  });

  it('rejects a line cut in half, naming its line, and keeps the others', () => {
    const five = lines.slice(0, 5);
    five[2] = five[2].slice(0, Math.floor(five[2].length / 2));
    const result = parseArxivJsonl(five.join('\n'), NAME);
    expect(result.records).toBe(5);
    expect(result.papers.map((p) => p.line)).toEqual([1, 2, 4, 5]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ file: NAME, line: 3, field: 'json' });
    expect(result.rejected[0].reason).toMatch(/not valid JSON/);
  });

  it('rejects records missing a title, authors or date with the field named', () => {
    const noTitle = { ...raw[0], title: '  \n ' };
    const noAuthors = { ...raw[1], authors_parsed: [], authors: '' };
    const noDate = { ...raw[2], versions: undefined, update_date: undefined };
    const badCategory = { ...raw[3], categories: '' };
    const result = parseArxivJsonl(jsonl([noTitle, noAuthors, noDate, badCategory, raw[4], [1, 2]]), NAME);
    expect(result.records).toBe(6);
    expect(result.papers.map((p) => p.line)).toEqual([5]);
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [1, 'title'],
      [2, 'authors'],
      [3, 'versions'],
      [4, 'categories'],
      [6, 'json'],
    ]);
    expect(result.rejected.every((r) => r.reason.length > 0 && r.file === NAME)).toBe(true);
  });

  it('skips blank lines without shifting line numbers and accepts CRLF files', () => {
    const spaced = `${lines[0]}\n\n${lines[1]}\n`;
    expect(parseArxivJsonl(spaced, NAME).papers.map((p) => p.line)).toEqual([1, 3]);
    const crlf = parseArxivJsonl(lines.slice(0, 3).join('\r\n'), NAME);
    expect(crlf.papers).toEqual(parsed.papers.slice(0, 3));
  });

  it('gives identical output for identical input', () => {
    expect(parseArxivJsonl(text, NAME)).toEqual(parsed);
  });
});
