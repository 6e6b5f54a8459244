import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abstractFromInvertedIndex, parseOpenAlex } from '../../../src/core/ingest/openAlex';

const DATASET = path.resolve(import.meta.dirname, '../../../../shared/datasets/openalex-works-biodiversity');
const available = existsSync(DATASET);
if (!available) console.warn(`OpenAlex real-data tests skipped: ${DATASET} not found`);
const read = (name: string) => readFileSync(path.join(DATASET, name), 'utf8');

type Work = { id: string; authorships: unknown[] };

describe.skipIf(!available)('parseOpenAlex on real OpenAlex works (200 JSON Lines + 3 API pages of 50)', () => {
  const jsonl = available ? read('works_biodiversity_finance.200.jsonl') : '';
  const lines = parseOpenAlex(jsonl, 'works.jsonl');
  const pageText = available ? read('works_by_doi_chunk1.api_page.json') : '';
  const page = parseOpenAlex(pageText, 'page1.json');

  it('accounts for every work; only works without authorships are rejected, naming their W-id', () => {
    const works = jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Work);
    expect(lines.records).toBe(200);
    const authorless = works.flatMap((w, i) => (w.authorships.length === 0 ? [i + 1] : []));
    expect(lines.rejected.map((r) => r.line)).toEqual(authorless);
    for (const n of [1, 2, 3]) {
      const text = read(`works_by_doi_chunk${n}.api_page.json`);
      const results = (JSON.parse(text) as { results: Work[] }).results;
      const parsed = parseOpenAlex(text, 'p.json');
      expect(parsed.records).toBe(50);
      expect(parsed.rejected.map((r) => r.reason)).toEqual(results.filter((w) => w.authorships.length === 0).map((w) => `${w.id.replace('https://openalex.org/', '')}: no author in "authorships"`));
    }
    expect([...lines.papers, ...page.papers].every((p) => p.title && p.authors.length && /^\d{4}-\d{2}-\d{2}$/.test(p.date))).toBe(true);
  });

  it('reads the first JSON Lines work: W-id, DOI, venue, topics scored ≥ 0.5 with the primary first', () => {
    expect(lines.papers[0]).toMatchObject({
      line: 1,
      title: 'Biodiversity Finance',
      authors: ['Michael C. Rubino'],
      authorAffiliations: [['Palmetto Aquaculture Company']], // no institution matched: the raw string
      date: '2000-04-01',
      sourceId: 'W4235089722',
      doi: '10.1111/1468-2346.00131',
      venue: 'International Affairs',
      category: null,
      topics: [
        { name: 'Environmental Conservation and Management', scheme: 'openalex' },
        { name: 'Economic and Environmental Valuation', scheme: 'openalex' },
        { name: 'Conservation, Biodiversity, and Resource Management', scheme: 'openalex' },
      ],
    });
  });

  it('reads an API page: institutions per author, references as W-ids, abstract rebuilt in word order', () => {
    const first = page.papers[0];
    expect(first).toMatchObject({ sourceId: 'W1934649023', date: '2005-06-15', authorAffiliations: expect.arrayContaining([['Brookings Institution'], ['World Bank Group']]) });
    expect(first.references).toHaveLength(22);
    expect(first.references.slice(0, 2)).toEqual(['W1507859528', 'W1810045679']);
    expect(first.abstract.startsWith('No AccessPolicy Research Working Papers21 Jun')).toBe(true);
  });

  it('rejects a cut API page work alone', () => {
    const cut = pageText.slice(0, Math.floor(pageText.length / 2));
    const parsed = parseOpenAlex(cut, 'cut.json');
    expect(parsed.rejected.at(-1)).toMatchObject({ field: 'json', reason: expect.stringContaining('truncated') });
    expect(parsed.papers.length).toBeGreaterThan(10);
  });
});

describe('abstractFromInvertedIndex', () => {
  it('puts words back at their positions', () => {
    expect(abstractFromInvertedIndex({ world: [1], hello: [0, 2] })).toBe('hello world hello');
  });
});
