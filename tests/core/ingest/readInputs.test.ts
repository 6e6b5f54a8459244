import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, parseListing, readInputs } from '../../../src/core/ingest/index';

const here = import.meta.dirname ?? path.dirname(fileURLToPath(import.meta.url));
const SEED = path.resolve(here, '../../../data/seed-papers.txt');
const DATASETS = path.resolve(here, '../../../../shared/datasets');
const datasetsAvailable = existsSync(DATASETS);
if (!datasetsAvailable) console.warn(`readInputs real-data tests skipped: ${DATASETS} not found`);

/** Deterministic pseudo-random bytes (a fixed LCG), with bytes that can never start valid UTF-8 mixed in. */
function junkBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 97 === 5 ? 0xff : state >>> 24;
  }
  return bytes;
}

const expectOneLine = (message: string) => {
  expect(message).not.toMatch(/\n/);
  expect(message).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
};

describe('readInputs on a directory of good and bad files', () => {
  let dir: string;
  const seedText = readFileSync(SEED, 'utf8');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'atlas-read-inputs-'));
    await mkdir(path.join(dir, 'sub'));
    // Written out of order on purpose: the walk must sort.
    await writeFile(path.join(dir, 'sub', 'a-bom.txt'), '\uFEFF' + seedText);
    await writeFile(path.join(dir, 'notes.txt'), 'Meeting notes\nNothing in here looks like a paper listing.\n');
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Title line\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await writeFile(path.join(dir, 'junk.bin'), junkBytes(4096));
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'blank.txt'), '  \n\t\n');
    await writeFile(path.join(dir, 'b-good.txt'), seedText);
    // Provenance notes and dotfiles sit next to data; they are not input.
    await writeFile(path.join(dir, 'SOURCE.txt'), 'Source repo : somewhere\n');
    await writeFile(path.join(dir, 'README.md'), '# data\n');
    await writeFile(path.join(dir, '.hidden.txt'), 'junk');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses the good files and names each bad one with exactly its problem', async () => {
    const { inputs, errors } = await readInputs([dir]);
    expect(inputs.map((i) => [i.file, i.format])).toEqual([
      [path.join(dir, 'b-good.txt'), 'listing'],
      [path.join(dir, 'sub', 'a-bom.txt'), 'listing'],
    ]);
    const expected: [string, RegExp][] = [
      ['blank.txt', /only whitespace/],
      ['empty.txt', /file is empty/],
      ['junk.bin', /not UTF-8 text: invalid byte sequence at byte \d+ \(line \d+\)/],
      ['latin1.txt', /not UTF-8 text: invalid byte sequence at byte 14 \(line 2\)/],
      ['notes.txt', /unknown format/],
    ];
    expect(errors.map((e) => e.file)).toEqual(expected.map(([name]) => path.join(dir, name)));
    errors.forEach((error, i) => {
      expect(error.message.startsWith(`${error.file}: `)).toBe(true);
      expect(error.message).toMatch(expected[i][1]);
      expectOneLine(error.message);
    });
  });

  it('strips a byte-order mark: the BOM file parses like the plain one', async () => {
    const { inputs } = await readInputs([dir]);
    const [plain, bom] = inputs;
    expect(bom.records).toBe(plain.records);
    expect(bom.papers.map(({ file: _f, ...rest }) => rest)).toEqual(plain.papers.map(({ file: _f, ...rest }) => rest));
    expect(bom.papers[0].title).toBe(parseListing(seedText, 'seed').papers[0].title);
  });

  it('walks in sorted order, identically on every run, reporting progress per file', async () => {
    const seen: string[] = [];
    const first = await readInputs([dir], { onFile: (f) => seen.push(f) });
    const names = ['b-good.txt', 'blank.txt', 'empty.txt', 'junk.bin', 'latin1.txt', 'notes.txt', path.join('sub', 'a-bom.txt')];
    expect(seen).toEqual(names.map((n) => path.join(dir, n)));
    expect(await readInputs([dir])).toEqual(first);
  });

  it('reports paths as given: relative stays relative', async () => {
    const relative = path.relative(process.cwd(), path.join(dir, 'b-good.txt'));
    const { inputs } = await readInputs([relative]);
    expect(inputs[0].file).toBe(relative);
    expect(inputs[0].papers.every((p) => p.file === relative)).toBe(true);
  });

  it('reads a file once even when named twice', async () => {
    const file = path.join(dir, 'b-good.txt');
    const { inputs } = await readInputs([file, dir, dir]);
    expect(inputs.map((i) => i.file)).toEqual([file, path.join(dir, 'sub', 'a-bom.txt')]);
  });

  it('names a missing path and a directory without input files', async () => {
    const missing = path.join(dir, 'no-such-file.jsonl');
    const bare = path.join(dir, 'bare');
    await mkdir(bare);
    await writeFile(path.join(bare, 'SOURCE.txt'), 'notes only');
    const { inputs, errors } = await readInputs([missing, bare]);
    expect(inputs).toEqual([]);
    expect(errors).toEqual([
      { file: missing, message: `${missing}: no such file or directory` },
      { file: bare, message: `${bare}: directory holds no input files` },
    ]);
  });
});

describe('detectFormat', () => {
  it('detects the seed file as a listing', () => {
    expect(detectFormat(readFileSync(SEED, 'utf8'), 'seed-papers.txt')).toBe('listing');
  });

  it('says null for text it does not know', () => {
    expect(detectFormat('Meeting notes\nNothing here.\n', 'notes.txt')).toBeNull();
    expect(detectFormat('{"hello": "world"}\n', 'x.jsonl')).toBeNull();
    expect(detectFormat('<?xml version="1.0"?>\n<html><body/></html>', 'x.xml')).toBeNull();
  });

  describe.skipIf(!datasetsAvailable)('on the real data sets', () => {
    const read = (rel: string) => readFileSync(path.join(DATASETS, rel), 'utf8');

    it('recognises each arXiv-family file by content, whatever its name', () => {
      const kaggle = read('arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.200.jsonl');
      expect(detectFormat(kaggle, 'snapshot.jsonl')).toBe('arxiv-jsonl');
      expect(detectFormat(kaggle, 'snapshot.txt')).toBe('arxiv-jsonl');
      expect(detectFormat(read('arxiv-oai-pmh-cs/oai_listrecords_cs_page3.xml'), 'page.dat')).toBe('arxiv-oai-pmh');
      expect(detectFormat(read('arxiv-api-atom-feed/arxiv_api_query_astro-ph_63.xml'), 'feed.xml')).toBe('arxiv-atom');
    });

    it('recognises each bibliographic format by content, whatever its name, and claims no network file', () => {
      expect(detectFormat(read('bibtex-nime/nime_papers_2001-2026.bib'), 'refs.txt')).toBe('bibtex');
      expect(detectFormat(read('ris-scopus-synthesisr/scopus.ris'), 'export.txt')).toBe('ris');
      expect(detectFormat(read('csl-json-deep-review/references.manubot-output.csl.json'), 'refs.json')).toBe('csl-json');
      expect(detectFormat(read('openalex-works-biodiversity/works_biodiversity_finance.200.jsonl'), 'w.json')).toBe('openalex');
      expect(detectFormat(read('openalex-works-biodiversity/works_by_doi_chunk2.api_page.json'), 'w.json')).toBe('openalex');
      expect(detectFormat(read('coauthor-netscience/netscience.gml'), 'netscience.gml')).toBeNull();
    });
  });
});

describe.skipIf(!datasetsAvailable)('readInputs on the real data set folders', () => {
  it('reads every arXiv-family file, skipping SOURCE.txt, with all records accepted', async () => {
    const folders = ['arxiv-kaggle-sample', 'arxiv-oai-pmh-cs', 'arxiv-api-atom-feed'].map((f) => path.join(DATASETS, f));
    const { inputs, errors } = await readInputs(folders);
    expect(errors).toEqual([]);
    expect(inputs.map((i) => [path.basename(i.file), i.format, i.records])).toEqual([
      ['arxiv-metadata-oai-snapshot.200.jsonl', 'arxiv-jsonl', 200],
      ...[1, 2, 3, 4, 5].map((n) => [`oai_listrecords_cs_page${n}.xml`, 'arxiv-oai-pmh', 1000]),
      ['arxiv_api_query_astro-ph_63.xml', 'arxiv-atom', 63],
    ]);
    expect(inputs.every((i) => i.rejected.length === 0 && i.papers.length === i.records)).toBe(true);
  });

  it('walks the whole collection: every paper format is read, the network files are one-line errors', async () => {
    const { inputs, errors } = await readInputs([DATASETS]);
    expect(inputs.filter((i) => /[\\/]arxiv-/.test(i.file)).length).toBeGreaterThanOrEqual(7);
    expect(new Set(inputs.map((i) => i.format))).toEqual(new Set(['arxiv-atom', 'arxiv-jsonl', 'arxiv-oai-pmh', 'bibtex', 'csl-json', 'openalex', 'ris']));
    const gml = path.join(DATASETS, 'coauthor-netscience', 'netscience.gml');
    expect(errors.find((e) => e.file === gml)?.message).toMatch(/: unknown format \(expected a listing .* BibTeX, RIS, CSL-JSON, .* or papers JSON Lines; or name one with --format\)$/);
    for (const error of errors) {
      expect(error.message.startsWith(`${error.file}: `)).toBe(true);
      expectOneLine(error.message);
    }
  });
});

describe('readInputs on JSON Lines, streamed line by line', () => {
  let dir: string;
  const line = (title: string) => JSON.stringify({ title, authors: ['Jane Doe'], date: '2020-01-02' });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'atlas-stream-'));
    // Bigger than a read chunk (64 KiB), so lines straddle chunk boundaries.
    const lines = Array.from({ length: 3000 }, (_, i) => line(`Paper ${i} ${'é'.repeat(i % 50)}`));
    await writeFile(path.join(dir, 'papers.jsonl'), lines.join('\r\n') + '\n');
    await writeFile(path.join(dir, 'bad-utf8.jsonl'), Buffer.concat([Buffer.from(`${line('A')}\n${line('B')}\n{"title": "Caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    await writeFile(path.join(dir, 'listing-as-papers.txt'), readFileSync(SEED));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every line of a file larger than one chunk, with line numbers and accents intact', async () => {
    const { inputs, errors } = await readInputs([path.join(dir, 'papers.jsonl')]);
    expect(errors).toEqual([]);
    expect(inputs[0]).toMatchObject({ format: 'papers-jsonl', records: 3000 });
    expect(inputs[0].papers[2999]).toMatchObject({ line: 3000, title: `Paper 2999 ${'é'.repeat(2999 % 50)}` });
  });

  it('names the byte and line of invalid UTF-8 in a streamed file', async () => {
    const { errors } = await readInputs([path.join(dir, 'bad-utf8.jsonl')]);
    const offset = Buffer.from(`${line('A')}\n${line('B')}\n{"title": "Caf`).length;
    expect(errors.map((e) => e.message)).toEqual([`${path.join(dir, 'bad-utf8.jsonl')}: not UTF-8 text: invalid byte sequence at byte ${offset} (line 3)`]);
  });

  it('lets a named format override detection, and refuses an unknown name', async () => {
    const forced = await readInputs([path.join(dir, 'listing-as-papers.txt')], { format: 'papers-jsonl' });
    expect(forced.inputs[0].format).toBe('papers-jsonl');
    expect(forced.inputs[0].papers).toEqual([]);
    expect(forced.inputs[0].rejected.every((r) => r.field === 'json')).toBe(true);
    const unknown = await readInputs([SEED], { format: 'marc21' });
    expect(unknown.errors[0].message).toMatch(/unknown format "marc21" \(known: listing, arxiv-jsonl, .*papers-jsonl\)/);
  });
});
