import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRis } from '../../../src/core/ingest/ris';

const DATASET = path.resolve(import.meta.dirname, '../../../../shared/datasets/ris-scopus-synthesisr/scopus.ris');
const available = existsSync(DATASET);
if (!available) console.warn(`ris real-data tests skipped: ${DATASET} not found`);

describe.skipIf(!available)('parseRis on a real Scopus export (92 records)', () => {
  const text = available ? readFileSync(DATASET, 'utf8') : '';
  const parsed = parseRis(text, 'scopus.ris');

  it('accepts all 92 records with their 333 authors', () => {
    expect(parsed.records).toBe(92);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.papers.flatMap((p) => p.authors)).toHaveLength(333);
    expect(parsed.papers.every((p) => p.title && p.authors.length > 0 && /^\d{4}/.test(p.date))).toBe(true);
  });

  it('reads the second record field by field, names turned to "Initials Last"', () => {
    expect(parsed.papers[1]).toMatchObject({
      line: 30,
      title: 'Efficacy of automated detection of motion in wildlife monitoring videos',
      authors: ['B.G. Marcot', 'T.J. Lorenz', 'P. Fischer', 'B.G. Weinstein', 'S. Cowell'],
      date: '2019',
      doi: '10.1002/wsb.1016',
      venue: 'Wildlife Society Bulletin',
    });
    expect(parsed.papers[1].topics.map((t) => t.name)).toContain('black-backed woodpecker');
    expect(parsed.papers[0].affiliations[0]).toBe('Ecology & Evolutionary Biology, University of Connecticut, 75 N. Eagleville Road, Unit 3043, Storrs, CT 06269, United States');
  });
});

describe('parseRis on crafted input', () => {
  const ris = ['TY  - JOUR', 'TI  - First', 'AU  - Smith, John', 'AU  - et al.', 'PY  - 2020///', 'DA  - 2020/03/12/', 'AB  - An abstract that', '  wraps a line.', 'UR  - https://arxiv.org/abs/2001.00001v3', 'ER  - ', '', 'TY  - JOUR', 'TI  - No year', 'AU  - Doe, J.', 'ER  -', 'TY  - BOOK', 'TI  - Cut', 'AU  - Poe, E.', 'PY  - 1845'].join('\n');
  const parsed = parseRis(ris, 'x.ris');

  it('joins wrapped lines, takes the most precise date, reads et al. and arXiv URLs', () => {
    expect(parsed.papers).toHaveLength(1);
    expect(parsed.papers[0]).toMatchObject({ line: 1, authors: ['John Smith'], authorsTruncated: true, date: '2020-03-12', abstract: 'An abstract that wraps a line.', arxivId: '2001.00001' });
  });

  it('rejects a record without a year and one without ER at the end of the file, by line', () => {
    expect(parsed.rejected).toEqual([
      { file: 'x.ris', line: 12, field: 'PY', reason: 'missing or invalid year (PY, Y1 or DA)' },
      { file: 'x.ris', line: 16, field: 'ER', reason: 'record not closed with "ER  -" before the end of the file' },
    ]);
    expect(parsed.records).toBe(3);
  });
});
