import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArxivAtom } from '../../../src/core/ingest/arxivAtom';
import type { PaperRecord } from '../../../src/core/ingest/types';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const DATASET = path.resolve(here, '../../../../shared/datasets/arxiv-api-atom-feed');
const FILE = path.join(DATASET, 'arxiv_api_query_astro-ph_63.xml');
const available = existsSync(FILE);
if (!available) console.warn(`arxivAtom tests skipped: real data set not found at ${FILE}`);

/** Counts stated in SOURCE.txt. */
const ENTRIES = 63;
const AUTHOR_ELEMENTS = 542;

const NAME = 'feed.xml';

/** 1-based line of the `<entry>` holding this arXiv id, found by plain text search. */
function entryLine(text: string, arxivId: string): number {
  const at = text.indexOf(`<id>http://arxiv.org/abs/${arxivId}</id>`);
  if (at === -1) throw new Error(`${arxivId} not in feed`);
  return text.slice(0, text.lastIndexOf('<entry>', at)).split('\n').length;
}

function entryText(text: string, arxivId: string): string {
  const at = text.indexOf(`<id>http://arxiv.org/abs/${arxivId}</id>`);
  const start = text.lastIndexOf('<entry>', at);
  return text.slice(start, text.indexOf('</entry>', at) + '</entry>'.length);
}

describe.skipIf(!available)('parseArxivAtom on a real arXiv API feed (63 astro-ph entries)', () => {
  const text = available ? readFileSync(FILE, 'utf8') : '';
  const parsed = parseArxivAtom(text, NAME);
  const find = (arxivId: string): PaperRecord => {
    const paper = parsed.papers.find((p) => p.line === entryLine(text, arxivId));
    if (!paper) throw new Error(`no paper for ${arxivId}`);
    return paper;
  };

  it('accepts all 63 entries with their 542 authors', () => {
    expect(parsed.format).toBe('arxiv-atom');
    expect(parsed.records).toBe(ENTRIES);
    expect(parsed.papers.length + parsed.rejected.length).toBe(parsed.records);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.papers.reduce((n, p) => n + p.authors.length, 0)).toBe(AUTHOR_ELEMENTS);
  });

  it('reads the first entry field by field', () => {
    const p = parsed.papers[0];
    expect(p.line).toBe(entryLine(text, '2604.21920v1'));
    expect(p.file).toBe(NAME);
    expect(p.title).toBe('First measurement of wind line formation regions in an early O-type star');
    expect(p.authors).toEqual(['D. Pauli', 'T. N. Parsons', 'R. K. Prinja']);
    expect(p.date).toBe('2026-04-23');
    expect(p.category).toBe('astro-ph.SR');
    expect(p.abstract.startsWith('Massive stars with their strong ionizing radiation')).toBe(true);
    expect(p.affiliations).toEqual([]);
    expect(p.hasCode).toBe(false);
  });

  it('reads the last entry, whose primary category is the first of two', () => {
    const p = parsed.papers[parsed.papers.length - 1];
    expect(p.title).toBe('Archival Multiband Gravitational-Wave Signals from Massive Black Hole Binary Mergers');
    expect(p.authors).toHaveLength(7);
    expect(p.authors[6]).toBe('Daniele Spinoso');
    expect(p.category).toBe('astro-ph.HE');
    expect(p.date).toBe('2026-04-22');
  });

  it('decodes entities in the summary', () => {
    expect(find('2604.21886v1').abstract).toContain('Center for Brains, Minds & Machines at MIT');
  });

  it('collects distinct arxiv:affiliation values of all authors, in order', () => {
    const p = find('2604.21196v1');
    expect(p.category).toBe('physics.space-ph'); // primary of physics.space-ph, astro-ph.EP, astro-ph.SR
    expect(p.affiliations).toEqual([
      'Center for Space Physics and Department of Astronomy, Boston University, Boston, MA 02215, USA',
      'School of Natural Sciences, Institute for Advanced Study, Princeton, NJ 08540, USA',
      'Laboratoire de Physique des Plasmas',
      'Department of Climate and Space Sciences and Engineering, University of Michigan, Ann Arbor, MI 48109, USA',
    ]);
    expect(parsed.papers.filter((q) => q.affiliations.length > 0)).toHaveLength(2);
  });

  it('takes arxiv:primary_category over the order of <category>, and falls back to the first <category>', () => {
    const original = entryText(text, '2604.21892v1'); // categories GA, SR; primary GA
    const reordered = original
      .replace('<category term="astro-ph.GA" scheme="http://arxiv.org/schemas/atom"/>', '')
      .replace('<published>', '<category term="astro-ph.GA" scheme="http://arxiv.org/schemas/atom"/><published>');
    expect(parseArxivAtom(text.replace(original, reordered), NAME).papers[1].category).toBe('astro-ph.GA');
    const noPrimary = original.replace('<arxiv:primary_category term="astro-ph.GA"/>', '');
    expect(parseArxivAtom(text.replace(original, noPrimary), NAME).papers[1].category).toBe('astro-ph.GA');
  });

  it('rejects entries missing a title or a published date, naming the field and the <entry> line', () => {
    const second = entryText(text, '2604.21892v1');
    const third = entryText(text, '2604.21886v1');
    const edited = text
      .replace(second, second.replace(/<title>[^<]*<\/title>/, ''))
      .replace(third, third.replace(/<published>[^<]*<\/published>/, ''));
    const result = parseArxivAtom(edited, NAME);
    expect(result.records).toBe(ENTRIES);
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [entryLine(edited, '2604.21892v1'), 'title'],
      [entryLine(edited, '2604.21886v1'), 'published'],
    ]);
  });

  it('reports an arXiv API error entry as rejected', () => {
    const first = entryText(text, '2604.21920v1');
    const errorEntry = first
      .replace('<id>http://arxiv.org/abs/2604.21920v1</id>', '<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>')
      .replace(/<summary>[^<]*<\/summary>/, '<summary>incorrect id format for 1234</summary>');
    const result = parseArxivAtom(text.replace(first, errorEntry), NAME);
    expect(result.rejected).toEqual([{ file: NAME, line: 10, field: 'id', reason: 'arXiv API error: incorrect id format for 1234' }]);
  });

  it('refuses non-XML text as a whole, and a malformed entry alone', () => {
    expect(parseArxivAtom('Title: not a feed\n', NAME).rejected).toEqual([
      { file: NAME, line: 0, field: 'xml', reason: expect.stringContaining('not an XML document') },
    ]);
    const first = entryText(text, '2604.21920v1');
    const result = parseArxivAtom(text.replace(first, first.replace('</summary>', '')), NAME);
    expect(result.records).toBe(ENTRIES);
    expect(result.rejected).toEqual([{ file: NAME, line: 10, field: 'xml', reason: expect.stringMatching(/^malformed XML at line \d+/) }]);
  });

  it('gives identical output for identical input', () => {
    expect(parseArxivAtom(text, NAME)).toEqual(parsed);
  });
});
