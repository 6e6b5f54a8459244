import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/ingest/detect';
import { parsePapersJsonl } from '../../../src/core/ingest/paperJsonl';

describe('parsePapersJsonl', () => {
  const text = [
    JSON.stringify({ title: 'A', authors: ['Jane Doe'], date: '2021-05', doi: '10.1/ABC', topics: [{ name: 'graphs', scheme: 'keyword' }] }),
    '',
    JSON.stringify({ title: 'B', authors: [], date: '2021' }),
    JSON.stringify({ title: 'C', authors: ['X'] }),
    JSON.stringify({ title: 'D', authors: ['X'], date: '2021-02-30' }),
    '{"title": "E", "authors": ["X"], "da',
  ].join('\n');
  const parsed = parsePapersJsonl(text, 'p.jsonl');

  it('fills defaults for optional fields', () => {
    expect(parsed.papers).toEqual([
      { file: 'p.jsonl', line: 1, title: 'A', authors: ['Jane Doe'], date: '2021-05', doi: '10.1/abc', topics: [{ name: 'graphs', scheme: 'keyword' }], authorsTruncated: false, category: null, hasCode: false, abstract: '', affiliations: [], authorAffiliations: [], arxivId: null, sourceId: null, references: [], venue: null },
    ]);
  });

  it('rejects records without authors, without a date, with an impossible date, or cut, naming line and field', () => {
    expect(parsed.rejected.map((r) => [r.line, r.field])).toEqual([[3, 'authors'], [4, 'date'], [5, 'date'], [6, 'json']]);
    expect(parsed.rejected[1].reason).toBe('missing "date"');
    expect(parsed.records).toBe(5);
  });

  it('is detected by its keys', () => {
    expect(detectFormat(text, 'p.txt')).toBe('papers-jsonl');
  });
});
