/**
 * Property-based robustness of every parser: real-shaped records cut, duplicated, garbled, or replaced
 * by random text never make a parser throw, and every record is accounted for (accepted + rejected).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivAtom } from '../../../src/core/ingest/arxivAtom';
import { parseArxivJsonl } from '../../../src/core/ingest/arxivJsonl';
import { parseBibtex } from '../../../src/core/ingest/bibtex';
import { parseCslJson } from '../../../src/core/ingest/cslJson';
import { parseListing } from '../../../src/core/ingest/listing';
import { parseOaiPmh } from '../../../src/core/ingest/oaiPmh';
import { parseOpenAlex } from '../../../src/core/ingest/openAlex';
import { parsePapersJsonl } from '../../../src/core/ingest/paperJsonl';
import { parseRis } from '../../../src/core/ingest/ris';
import type { ParsedInput } from '../../../src/core/ingest/types';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DATASETS = path.resolve(ROOT, '../shared/datasets');
const datasetsAvailable = existsSync(DATASETS);
if (!datasetsAvailable) console.warn(`property tests use crafted seeds only: ${DATASETS} not found`);

/** The first `chars` of a real file (cut mid-record on purpose), or the crafted fallback. */
function realHead(rel: string, chars: number, fallback: string): string {
  const file = path.join(DATASETS, rel);
  return existsSync(file) ? readFileSync(file, 'utf8').slice(0, chars) : fallback;
}

const SEEDS: Record<string, { parse: (text: string, file: string) => ParsedInput; seed: string }> = {
  listing: { parse: (t, f) => parseListing(t, f), seed: readFileSync(path.join(ROOT, 'data/seed-papers.txt'), 'utf8').slice(0, 3000) },
  'arxiv-jsonl': {
    parse: parseArxivJsonl,
    seed: realHead('arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.200.jsonl', 6000, '{"id":"0704.0001","title":"T","authors":"A. One","categories":"hep-ph","update_date":"2008-11-13"}\n'),
  },
  'arxiv-oai-pmh': {
    parse: parseOaiPmh,
    seed: realHead('arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', 6000, '<OAI-PMH><ListRecords><record><metadata><arXiv><title>T</title></arXiv></metadata></record></ListRecords></OAI-PMH>'),
  },
  'arxiv-atom': {
    parse: parseArxivAtom,
    seed: realHead('arxiv-api-atom-feed/arxiv_api_query_astro-ph_63.xml', 8000, '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><author><name>A</name></author><published>2020-01-01T00:00:00Z</published><category term="cs.LG"/></entry></feed>'),
  },
  bibtex: {
    parse: parseBibtex,
    seed: realHead('bibtex-nime/nime_papers_2001-2026.bib', 4000, '@article{k, author = {M{\\"o}ller, J.}, title = {{T}}, year = 2020}\n') + '\n@string{j = "J"}\n@article{x, author = {Fl\\o and B}, title = {\\emph{X}}, journal = j, year = 2001}\n',
  },
  ris: { parse: parseRis, seed: realHead('ris-scopus-synthesisr/scopus.ris', 6000, 'TY  - JOUR\nTI  - T\nAU  - Doe, J.\nPY  - 2020\nER  - \n') },
  'csl-json': {
    parse: parseCslJson,
    seed: realHead('csl-json-deep-review/references.manubot-output.csl.json', 6000, '[{"type":"article","title":"T","author":[{"family":"Doe"}],"issued":{"date-parts":[[2020]]}}]'),
  },
  openalex: {
    parse: parseOpenAlex,
    seed: realHead('openalex-works-biodiversity/works_biodiversity_finance.200.jsonl', 30000, '{"id":"https://openalex.org/W1","display_name":"T","authorships":[{"author":{"display_name":"A"}}],"publication_year":2020}\n'),
  },
  'papers-jsonl': {
    parse: parsePapersJsonl,
    seed: '{"title":"A","authors":["Jane Doe"],"date":"2021-05"}\n{"title":"B","authors":["X","Y"],"date":"2020","topics":[{"name":"t","scheme":"keyword"}]}\n',
  },
};

/** A mutation of `seed`: cut at a point, a slice duplicated, characters garbled, or a slice deleted. */
function mutated(seed: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: seed.length });
  return fc.oneof(
    at.map((i) => seed.slice(0, i)),
    fc.tuple(at, at).map(([a, b]) => seed.slice(0, Math.max(a, b)) + seed.slice(Math.min(a, b))),
    fc.tuple(at, at).map(([a, b]) => seed.slice(0, Math.min(a, b)) + seed.slice(Math.max(a, b))),
    fc.array(fc.tuple(at, fc.constantFrom('{', '}', '"', '\n', '<', '>', '\\', ',', '@', '[', ']', '-', '\u0000', 'é')), { minLength: 1, maxLength: 8 }).map((edits) => {
      const chars = [...seed];
      for (const [i, ch] of edits) chars[Math.min(i, chars.length - 1)] = ch;
      return chars.join('');
    }),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );
}

describe('every parser, on random and mutated input', () => {
  for (const [format, { parse, seed }] of Object.entries(SEEDS)) {
    it(`${format}: never throws; accepted + rejected = records; rejections name line, field and reason`, () => {
      const whole = parse(seed, 'seed');
      expect(whole.papers.length, 'the unmutated seed yields papers').toBeGreaterThan(0);
      fc.assert(
        fc.property(mutated(seed), (text) => {
          const result = parse(text, 'f');
          expect(result.papers.length + result.rejected.length).toBe(result.records);
          for (const r of result.rejected) {
            expect(r.file).toBe('f');
            expect(Number.isInteger(r.line) && r.line >= 0).toBe(true);
            expect(r.field.length * r.reason.length).toBeGreaterThan(0);
          }
          for (const p of result.papers) {
            expect(p.title && p.authors.length > 0).toBeTruthy();
            expect(p.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
          }
        }),
        { numRuns: format === 'bibtex' || format === 'listing' ? 60 : 150, seed: 20240611 },
      );
    });
  }
});
