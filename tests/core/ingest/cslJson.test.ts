import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCslJson } from '../../../src/core/ingest/cslJson';

const DATASET = path.resolve(import.meta.dirname, '../../../../shared/datasets/csl-json-deep-review/references.manubot-output.csl.json');
const available = existsSync(DATASET);
if (!available) console.warn(`CSL-JSON real-data tests skipped: ${DATASET} not found`);

describe.skipIf(!available)('parseCslJson on the real Manubot references (615 items)', () => {
  const text = available ? readFileSync(DATASET, 'utf8') : '';
  const parsed = parseCslJson(text, 'refs.json');
  const items = JSON.parse(text) as { id: string; title?: string; author?: unknown[]; issued?: unknown }[];
  // Items are pretty-printed at two spaces of indentation: the item opens at the last `\n  {` before its id.
  const lineOfId = (id: string) => text.slice(0, text.lastIndexOf('\n  {', text.indexOf(`"id": "${id}"`)) + 1).split('\n').length;

  it('accounts for all 615 items; exactly those without title, author or issued date are rejected, by line', () => {
    expect(parsed.records).toBe(615);
    const missing = items.flatMap((i) => {
      const field = !i.title ? 'title' : !i.author?.length ? 'author' : !i.issued ? 'issued' : null;
      return field ? [[lineOfId(i.id), field]] : [];
    });
    expect(missing).toHaveLength(14); // web pages and software without authors or dates
    expect(parsed.rejected.map((r) => [r.line, r.field])).toEqual(missing);
    expect(parsed.papers).toHaveLength(615 - 14);
  });

  it('reads the first item: line of its "{", arXiv id from the URL, full date', () => {
    expect(parsed.papers[0]).toMatchObject({
      line: 2,
      title: 'HOGWILD!: A Lock-Free Approach to Parallelizing Stochastic Gradient Descent',
      authors: ['Feng Niu', 'Benjamin Recht', 'Christopher Re', 'Stephen J. Wright'],
      date: '2011-11-14',
      arxivId: '1106.5730',
      sourceId: '3qm8sXnB',
      venue: 'arXiv',
    });
  });

  it('keeps literal names and accents as written', () => {
    const byId = (id: string) => parsed.papers.find((p) => p.line === lineOfId(id));
    expect(byId('g2vvbB91')?.authors.slice(0, 3)).toEqual(['Yoshua Bengio', 'Nicolas Boulanger-Lewandowski', 'Razvan Pascanu']);
    expect(byId('13KjSCKB2')?.authors).toContain('Christopher Ré');
    expect(byId('13KjSCKB2')?.date).toBe('2015-05-28');
  });
});

describe('parseCslJson on crafted input', () => {
  it('rejects a cut item by line and keeps the ones before it', () => {
    const csl = '[\n  {"type": "article", "title": "A", "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2020, 2]]}, "keyword": "x, y"},\n  {"type": "article", "title": "B", "auth';
    const parsed = parseCslJson(csl, 'x.json');
    expect(parsed.papers).toMatchObject([{ line: 2, authors: ['Jane Doe'], date: '2020-02', topics: [{ name: 'x' }, { name: 'y' }] }]);
    expect(parsed.rejected).toEqual([{ file: 'x.json', line: 3, field: 'json', reason: 'the file ends inside this item (truncated?)' }]);
  });
});
