import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTING_FORMAT, looksLikeListing, parseListing, splitTitleLine } from '../../../src/core/ingest/listing';
import { addLaterSegments, prepareTitleLine } from '../../../src/core/ingest/listing/names';
import type { PaperRecord, ParsedInput } from '../../../src/core/ingest/types';

const SEED_PATH = resolve(import.meta.dirname, '../../../data/seed-papers.txt');
const FILE = 'data/seed-papers.txt';
const seedText = readFileSync(SEED_PATH, 'utf8');
/** The seed's 150 lines (three a paper, no trailing newline); line n is `seedLines[n - 1]`. */
const seedLines = seedText.split('\n');
const seed = parseListing(seedText, FILE);

/** The paper whose header is on `line` (1-based) of the unmodified seed. */
function paperAt(line: number, parsed: ParsedInput = seed): PaperRecord {
  const p = parsed.papers.find((x) => x.line === line);
  if (!p) throw new Error(`no paper at line ${line}`);
  return p;
}

/** The seed with `edit` applied to its line array (1-based line numbers in the edit are the caller's job). */
function mutate(edit: (lines: string[]) => void): ParsedInput {
  const lines = [...seedLines];
  edit(lines);
  return parseListing(lines.join('\n'), 'mutated.txt');
}

const where = (r: ParsedInput) => r.rejected.map(({ line, field }) => ({ line, field }));
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('the seed listing', () => {
  it('parses all 50 papers with no rejections', () => {
    expect(seedLines).toHaveLength(150);
    expect(seed.format).toBe(LISTING_FORMAT);
    expect(seed.file).toBe(FILE);
    expect(seed.rejected).toEqual([]);
    expect(seed.papers).toHaveLength(50);
    expect(seed.records).toBe(50);
    expect(seed.papers.map((p) => p.line)).toEqual(Array.from({ length: 50 }, (_, i) => 3 * i + 1));
    for (const p of seed.papers) {
      expect(p.file).toBe(FILE);
      expect(p.title).not.toBe('');
      expect(p.authors.length).toBeGreaterThan(0);
      expect(p.abstract).toBe(seedLines[p.line + 1]);
    }
  });

  it('finds 6 categories and 3 affiliation slugs', () => {
    expect(sorted(new Set(seed.papers.map((p) => p.category!)))).toEqual(['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG', 'cs.NE', 'stat.ML']);
    expect(sorted(new Set(seed.papers.flatMap((p) => p.affiliations)))).toEqual(['eth-zurich', 'meta-ai', 'mila']);
    expect(seed.papers.filter((p) => p.affiliations.length > 0).map((p) => p.line)).toEqual([1, 7, 16, 22]);
  });

  it('reads dates and categories from the headers', () => {
    expect(paperAt(1)).toMatchObject({ category: 'cs.LG', date: '2022-04-14', hasCode: false }); // LGApr 14, 2022
    expect(paperAt(7)).toMatchObject({ category: 'cs.CV', date: '2022-11-03' }); // CVNov 3, 2022
    expect(paperAt(34)).toMatchObject({ category: 'cs.AI', date: '2023-09-29' }); // AISep 29, 2023
    expect(paperAt(52)).toMatchObject({ category: 'cs.CL', date: '2023-11-27' }); // CLNov 27, 2023
    expect(paperAt(64)).toMatchObject({ category: 'cs.LG', date: '2025-11-25' }); // LGNov 25, 2025
    expect(paperAt(142)).toMatchObject({ category: 'stat.ML', date: '2017-03-20' }); // MLMar 20, 2017
    expect(paperAt(148)).toMatchObject({ category: 'cs.NE', date: '2016-06-26' }); // NEJun 26, 2016
  });

  it('reads the Code flag', () => {
    // LGOct 13, 2022Code · CVApr 26, 2023Code · LGSep 28, 2023Code
    expect(seed.papers.filter((p) => p.hasCode).map((p) => p.line)).toEqual([4, 13, 19]);
    expect(paperAt(4)).toMatchObject({ date: '2022-10-13', hasCode: true });
    expect(paperAt(25)).toMatchObject({ date: '2022-10-13', hasCode: false }); // same date, no Code
  });

  it('reads the et al. flag', () => {
    expect(seed.papers.filter((p) => !p.authorsTruncated).map((p) => p.line)).toEqual([37, 67, 79, 88, 97, 142, 145, 148]);
    expect(paperAt(1).authorsTruncated).toBe(true);
  });

  it('splits affiliations off the author list', () => {
    expect(paperAt(1)).toMatchObject({
      title: 'Masked Siamese Networks for Label-Efficient Learning',
      authors: ['Mahmoud Assran', 'Mathilde Caron', 'Ishan Misra'],
      authorsTruncated: true,
      affiliations: ['meta-ai', 'mila'],
    });
    expect(paperAt(16).affiliations).toEqual(['eth-zurich']);
    expect(paperAt(22).affiliations).toEqual(['mila']);
    expect(paperAt(4).affiliations).toEqual([]);
  });

  it('keeps abstracts as text, markup included', () => {
    expect(paperAt(4).abstract).toContain('\\emph{support}');
    expect(paperAt(4).abstract).toContain('$+60\\%$');
    expect(paperAt(19).abstract).toMatch(/\\url\{https:\/\/github\.com\/facebookresearch\/XRM\}\.$/);
    expect(paperAt(1).abstract.startsWith('We propose Masked Siamese Networks (MSN)')).toBe(true);
  });
});

describe('title/author boundary: the hard cases of the seed', () => {
  const cases: [line: number, title: string, authors: string[]][] = [
    // acronyms glued to a name
    [118, 'fastMRI: An Open Dataset and Benchmarks for Accelerated MRI', ['Jure Zbontar', 'Florian Knoll', 'Anuroop Sriram']],
    [19, 'Discovering environments with XRM', ['Mohammad Pezeshki', 'Diane Bouchacourt', 'Mark Ibrahim']],
    // `?` before a name, and `?` inside a title
    [97, 'Do sequence-to-sequence VAEs learn global features of sentences?', ['Tom Bosc', 'Pascal Vincent']],
    [
      13,
      'Do SSL Models Have Déjà Vu? A Case of Unintended Memorization in Self-supervised Learning',
      ['Casey Meehan', 'Florian Bordes', 'Pascal Vincent'],
    ],
    // three-word names, first and later
    [
      7,
      'ImageNet-X: Understanding Model Mistakes with Factor of Variation Annotations',
      ['Badr Youbi Idrissi', 'Diane Bouchacourt', 'Randall Balestriero'],
    ],
    [91, 'Adversarial Example Games', ['Avishek Joey Bose', 'Gauthier Gidel', 'Hugo Berard']],
    [73, 'Online Adversarial Attacks', ['Andjela Mladenovic', 'Avishek Joey Bose', 'Hugo Berard']],
    [
      103,
      'An Empirical Study of Batch Normalization and Group Normalization in Conditional Computation',
      ['Vincent Michalski', 'Vikram Voleti', 'Samira Ebrahimi Kahou'],
    ],
    // lowercase particles
    [145, 'A Cheap Linear Attention Mechanism with Fast Lookups and Fixed-Size Representations', ['Alexandre de Brébisson', 'Pascal Vincent']],
    [
      148,
      'Exact gradient updates in time independent of output size for the spherical loss family',
      ['Pascal Vincent', 'Alexandre de Brébisson', 'Xavier Bouthillier'],
    ],
    [
      16,
      'Self-Supervised Disentanglement by Leveraging Structure in Data Augmentations',
      ['Cian Eastwood', 'Julius von Kügelgen', 'Linus Ericsson'],
    ],
    // apostrophes, hyphens, accents, initials, internal capitals
    [34, 'Motif: Intrinsic Motivation from Artificial Intelligence Feedback', ['Martin Klissarov', "Pierluca D'Oro", 'Shagun Sodhani']],
    [109, 'Stochastic Neural Network with Kronecker Flow', ['Chin-Wei Huang', 'Ahmed Touati', 'Pascal Vincent']],
    [22, 'On the Identifiability of Quantized Factors', ['Vitória Barin-Pacela', 'Kartik Ahuja', 'Simon Lacoste-Julien']],
    [64, 'Operationalizing Quantized Disentanglement', ['Vitoria Barin-Pacela', 'Kartik Ahuja', 'Simon Lacoste-Julien']],
    [
      85,
      'Stochastic Hamiltonian Gradient Methods for Smooth Games',
      ['Nicolas Loizou', 'Hugo Berard', 'Alexia Jolicoeur-Martineau'],
    ],
    [55, 'Steering Large Language Model Activations in Sparse Spaces', ['Reza Bayat', 'Ali Rahimi-Kalahroudi', 'Mohammad Pezeshki']],
    [139, 'Convergent Tree Backup and Retrace with Function Approximation', ['Ahmed Touati', 'Pierre-Luc Bacon', 'Doina Precup']],
    [94, 'Revisiting Loss Modelling for Unstructured Pruning', ['César Laurent', 'Camille Ballas', 'Thomas George']],
    [136, 'Learning to Compute Word Embeddings On the Fly', ['Dzmitry Bahdanau', 'Tom Bosc', 'Stanisław Jastrzębski']],
    [
      115,
      'Reducing Uncertainty in Undersampled MRI Reconstruction with Active Acquisition',
      ['Zizhao Zhang', 'Adriana Romero', 'Matthew J. Muckley'],
    ],
    [70, 'Understanding Dimensional Collapse in Contrastive Self-supervised Learning', ['Li Jing', 'Pascal Vincent', 'Yann LeCun']],
    // camel-case words inside titles
    [61, 'MaestroMotif: Skill Design from Artificial Intelligence Feedback', ['Martin Klissarov', 'Mikael Henaff', 'Roberta Raileanu']],
    [
      52,
      'WorldSense: A Synthetic Benchmark for Grounded Reasoning in Large Language Models',
      ['Youssef Benchekroun', 'Megi Dervishi', 'Mark Ibrahim'],
    ],
    // hyphenated and lowercase-hyphenated words right before the name, a colon inside the title
    [
      121,
      'Fast Approximate Natural Gradient Descent in a Kronecker-factored Eigenbasis',
      ['Thomas George', 'César Laurent', 'Xavier Bouthillier'],
    ],
    [
      49,
      'A surprisingly simple technique to control the pretraining bias for better transfer: Expand or Narrow your representation',
      ['Florian Bordes', 'Samuel Lavoie', 'Randall Balestriero'],
    ],
    [79, 'Efficient Learning in Non-Stationary Linear Markov Decision Processes', ['Ahmed Touati', 'Pascal Vincent']],
  ];

  it.each(cases)('line %i', (line, title, authors) => {
    const p = paperAt(line);
    expect(p.title).toBe(title);
    expect(p.authors).toEqual(authors);
  });

  it('the title plus the first author spell the source text exactly', () => {
    for (const p of seed.papers) {
      expect(seedLines[p.line]!.startsWith(p.title + p.authors[0])).toBe(true);
    }
  });
});

describe('the boundary does not depend on the lexicon alone', () => {
  // Every seed record parsed alone: the file lexicon then only holds that record's own later authors,
  // which never include its first author, so the split rests on name shape and glue points alone.
  // Result: 50 of 50 split right. No seed case needs the lexicon; the cases below that do are constructed.
  it('splits every seed record right when parsed on its own', () => {
    const wrong: string[] = [];
    for (let i = 0; i < 50; i++) {
      const alone = parseListing(seedLines.slice(3 * i, 3 * i + 3).join('\n'), 'one.txt');
      const got = alone.papers[0];
      const want = seed.papers[i]!;
      const right =
        alone.rejected.length === 0 &&
        alone.papers.length === 1 &&
        got!.title === want.title &&
        JSON.stringify(got!.authors) === JSON.stringify(want.authors);
      if (!right) wrong.push(`line ${want.line}: ${seedLines[want.line]}`);
    }
    expect(wrong).toEqual([]); // 50 of 50 split right on shape and glue points alone
  });

  it('splits every seed title line right with an empty lexicon', () => {
    for (const p of seed.papers) {
      const split = splitTitleLine(seedLines[p.line]!, new Set());
      expect(split).toMatchObject({ ok: true, title: p.title, authors: p.authors, affiliations: p.affiliations });
    }
  });

  const header = 'LGApr 14, 2022';
  const abstract = 'An abstract.';

  it('needs the lexicon when a camel-case title word ends in a name prefix (iMac + Donald Smith)', () => {
    const line = 'Benchmarks on the iMacDonald Smith, Jane Doe';
    // Shape alone prefers the longest shaped name: `MacDonald Smith` (Mac is a name prefix).
    expect(parseListing([header, line, abstract].join('\n'), 'a.txt').papers[0]!.authors).toEqual(['MacDonald Smith', 'Jane Doe']);
    // Donald Smith as a later author elsewhere in the file settles it…
    const other = ['CVMay 2, 2021', 'Another PaperJane Doe, Donald Smith', abstract];
    const withFile = parseListing([header, line, abstract, ...other].join('\n'), 'b.txt');
    expect(withFile.papers[0]).toMatchObject({ title: 'Benchmarks on the iMac', authors: ['Donald Smith', 'Jane Doe'] });
    // …and so do caller-supplied names, compared without regard to case or accents.
    const withKnown = parseListing([header, line, abstract].join('\n'), 'c.txt', { knownNames: ['DONALD SMITH'] });
    expect(withKnown.papers[0]).toMatchObject({ title: 'Benchmarks on the iMac', authors: ['Donald Smith', 'Jane Doe'] });
  });

  it('needs the lexicon for first authors whose names are not name-shaped', () => {
    const caps = [header, 'Graph Networks for ChemistryWei LIU, Jane Doe', abstract].join('\n');
    expect(where(parseListing(caps, 'a.txt'))).toEqual([{ line: 1, field: 'authors' }]);
    expect(parseListing(caps, 'a.txt', { knownNames: ['Wei Liu'] }).papers[0]).toMatchObject({
      title: 'Graph Networks for Chemistry',
      authors: ['Wei LIU', 'Jane Doe'],
    });
    const lower = [header, 'What are Networked Publics?danah boyd, Jane Doe', abstract].join('\n');
    expect(where(parseListing(lower, 'b.txt'))).toEqual([{ line: 1, field: 'authors' }]);
    expect(parseListing(lower, 'b.txt', { knownNames: new Set(['Danah Boyd']) }).papers[0]).toMatchObject({
      title: 'What are Networked Publics?',
      authors: ['danah boyd', 'Jane Doe'],
    });
  });

  it('matches the lexicon without regard to accents', () => {
    // `VONKügelgen` is not name-shaped; a known spelling without the accent identifies it.
    const text = [header, 'Causal Representation LearningJulius VONKügelgen, Jane Doe', abstract].join('\n');
    expect(where(parseListing(text, 'a.txt'))).toEqual([{ line: 1, field: 'authors' }]);
    expect(parseListing(text, 'a.txt', { knownNames: ['Julius VONKugelgen'] }).papers[0]!.authors[0]).toBe('Julius VONKügelgen');
  });
});

describe('title/author lines beyond the seed', () => {
  const split = (line: string) => splitTitleLine(line, new Set());

  it('handles commas inside titles', () => {
    expect(split('Stop, Look, and ListenJohn Smith, Jane Doe')).toMatchObject({
      ok: true,
      title: 'Stop, Look, and Listen',
      authors: ['John Smith', 'Jane Doe'],
    });
    expect(split('Learning Fast, Slow and DeepJohn Smith, Yann LeCun, Bob et al.')).toMatchObject({
      ok: true,
      title: 'Learning Fast, Slow and Deep',
      authors: ['John Smith', 'Yann LeCun', 'Bob'],
      authorsTruncated: true,
    });
  });

  it('handles commas inside titles in a whole file, where every later segment enters the lexicon', () => {
    const text = ['LGApr 14, 2022', 'Learning Fast, Slow and DeepJohn Smith, Yann LeCun, Bob', 'An abstract.'].join('\n');
    expect(parseListing(text, 'a.txt').papers[0]).toMatchObject({
      title: 'Learning Fast, Slow and Deep',
      authors: ['John Smith', 'Yann LeCun', 'Bob'],
    });
  });

  it('handles a middle dot inside a title when there are no affiliations', () => {
    expect(split('Alpha · Beta: Two ModelsJohn Smith, Jane Doe')).toMatchObject({
      ok: true,
      title: 'Alpha · Beta: Two Models',
      authors: ['John Smith', 'Jane Doe'],
      affiliations: [],
    });
  });

  it('prefers the longest shaped name and knows name prefixes and initials', () => {
    expect(split('Scaling Laws for GANsMcKenzie Smith, Jane Doe')).toMatchObject({
      title: 'Scaling Laws for GANs',
      authors: ['McKenzie Smith', 'Jane Doe'],
    });
    expect(split("A Study of GPT4O'Brien Kelly")).toMatchObject({ title: 'A Study of GPT4', authors: ["O'Brien Kelly"] });
    expect(split('Neural ODEsJ. Smith, Jane Doe')).toMatchObject({ title: 'Neural ODEs', authors: ['J. Smith', 'Jane Doe'] });
    expect(split('Quantum Walks (Extended)Jan van der Berg, Jane Doe')).toMatchObject({
      title: 'Quantum Walks (Extended)',
      authors: ['Jan van der Berg', 'Jane Doe'],
    });
  });

  it('collects the same later segments for the lexicon as the full split sees', () => {
    const lines = [
      ...seed.papers.map((p) => seedLines[p.line]!),
      'Stop, Look, and ListenJohn Smith, Jane Doe,  Bob Lee ,et al.',
      'Alpha · Beta: Two ModelsJohn Smith, Jane Doe',
      'TitleJohn Smith, Jane Doe ET AL · lab-a, lab-b',
      'No AuthorsHere',
      'A, B,,C',
    ];
    for (const line of lines) {
      const fast = new Set<string>();
      addLaterSegments(line, fast);
      expect([...fast], line).toEqual([...new Set(prepareTitleLine(line).head.segments.slice(1))]);
    }
  });

  it('keeps markup-like titles as text', () => {
    expect(split('<b>Bold</b> Claims about $\\mathcal{O}(n)$ SortingJohn Smith, Jane Doe')).toMatchObject({
      ok: true,
      title: '<b>Bold</b> Claims about $\\mathcal{O}(n)$ Sorting',
      authors: ['John Smith', 'Jane Doe'],
    });
  });

  it('refuses lines it cannot split rather than guessing', () => {
    expect(split('Masked Siamese Networks for Label-Efficient Learning')).toMatchObject({ ok: false, field: 'authors' });
    expect(split('Learning with DeepMind LabJOHN SMITH')).toMatchObject({ ok: false, field: 'authors' });
    expect(split('Mahmoud Assran, Mathilde Caron et al. · meta-ai')).toMatchObject({ ok: false, field: 'title' });
    expect(split('TitleJohn Smith, , Jane Doe')).toMatchObject({ ok: false, field: 'authors' });
    expect(split('')).toMatchObject({ ok: false, field: 'title' });
  });
});

describe('headers', () => {
  const one = (header: string) => parseListing([header, seedLines[1], seedLines[2]].join('\n'), 'h.txt');

  it('maps every category code', () => {
    expect(one('MLApr 14, 2022').papers[0]!.category).toBe('stat.ML');
    const cs = 'AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE SI SY';
    for (const code of cs.split(' ')) {
      expect(one(`${code}Apr 14, 2022`).papers[0]!.category).toBe(`cs.${code}`);
    }
  });

  it('accepts valid dates, leap days included', () => {
    expect(one('LGFeb 29, 2024').papers[0]!.date).toBe('2024-02-29');
    expect(one('LGFeb 29, 2000').papers[0]!.date).toBe('2000-02-29');
    expect(one('LGDec 31, 1999Code').papers[0]).toMatchObject({ date: '1999-12-31', hasCode: true });
    expect(one('LGSep 9, 2021').papers[0]!.date).toBe('2021-09-09');
    // Lenient about spacing and the comma, and about full or dotted month names.
    expect(one('LG Sept. 9 2021').papers[0]!.date).toBe('2021-09-09');
    expect(one('CVNovember 3, 2022 Code').papers[0]).toMatchObject({ category: 'cs.CV', date: '2022-11-03', hasCode: true });
  });

  it.each([
    ['XXApr 14, 2022', 'category'],
    ['QAApr 14, 2022', 'category'],
    ['LGFoo 14, 2022', 'date'],
    ['LGFeb 29, 2023', 'date'],
    ['LGFeb 30, 2024', 'date'],
    ['LGFeb 29, 1900', 'date'],
    ['CVNov 31, 2022', 'date'],
    ['LGApr 0, 2022', 'date'],
    ['LGApr 14, 22', 'date'],
    ['LGApr 14, 1492', 'date'],
    ['LGApr 14, 2999', 'date'],
    ['LGApr 2022', 'date'],
  ])('rejects %s (field %s)', (header, field) => {
    const r = one(header);
    expect(r.papers).toEqual([]);
    expect(r.records).toBe(1);
    expect(where(r)).toEqual([{ line: 1, field }]);
    expect(r.rejected[0]!.reason).toContain(header);
  });

  it('sniffs the format from the first non-blank line', () => {
    expect(looksLikeListing(seedText)).toBe(true);
    expect(looksLikeListing(`\uFEFF\r\n\r\n${seedText.replace(/\n/g, '\r\n')}`)).toBe(true);
    expect(looksLikeListing(seedLines.slice(1).join('\n'))).toBe(false);
    expect(looksLikeListing('{"id": "0704.0001"}')).toBe(false);
    expect(looksLikeListing('Hello, world')).toBe(false);
    expect(looksLikeListing('')).toBe(false);
    expect(looksLikeListing('\n\n  \n')).toBe(false);
  });
});

describe('robustness: the seed, mutated', () => {
  it('tolerates a BOM, CRLF, blank lines between records and trailing blank lines', () => {
    const records = Array.from({ length: 50 }, (_, i) => seedLines.slice(3 * i, 3 * i + 3).join('\r\n'));
    const text = '\uFEFF' + records.join('\r\n\r\n \r\n') + '\r\n\r\n\r\n';
    const r = parseListing(text, 'crlf.txt');
    expect(r.rejected).toEqual([]);
    expect(r.records).toBe(50);
    const strip = (p: PaperRecord) => ({ ...p, file: '', line: 0 });
    expect(r.papers.map(strip)).toEqual(seed.papers.map(strip));
    expect(r.papers.map((p) => p.line).slice(0, 3)).toEqual([1, 6, 11]);
    expect(r.papers[0]!.category).toBe('cs.LG');
    expect(r.papers.every((p) => !p.abstract.endsWith('\r') && !p.title.startsWith('\uFEFF'))).toBe(true);
  });

  it('tolerates blank lines inside a record', () => {
    const r = mutate((l) => l.splice(1, 0, '', '  '));
    expect(r.rejected).toEqual([]);
    expect(r.papers).toHaveLength(50);
    expect(paperAt(1, r).title).toBe('Masked Siamese Networks for Label-Efficient Learning');
  });

  it('rejects a record truncated at the end of the file', () => {
    const r = mutate((l) => l.pop()); // the last abstract (line 150)
    expect(where(r)).toEqual([{ line: 148, field: 'abstract' }]);
    expect(r.rejected[0]!.reason).toMatch(/truncated.*file ends/);
    expect(r.papers).toHaveLength(49);
    expect(r.records).toBe(50);
  });

  it('rejects a header-only record at the end of the file', () => {
    const r = mutate((l) => l.splice(148, 2)); // keep `NEJun 26, 2016` alone
    expect(where(r)).toEqual([{ line: 148, field: 'title' }]);
    expect(r.papers).toHaveLength(49);
  });

  it('rejects a record whose next header arrives early, and keeps the ones after it', () => {
    const r = mutate((l) => l.splice(5, 1)); // drop the abstract of the record at line 4
    expect(where(r)).toEqual([{ line: 4, field: 'abstract' }]);
    expect(r.rejected[0]!.reason).toContain('next header arrives at line 6');
    expect(r.papers).toHaveLength(49);
    expect(r.records).toBe(50);
    expect(r.papers[1]).toMatchObject({ line: 6, title: seed.papers[2]!.title, authors: seed.papers[2]!.authors });
    expect(r.papers.at(-1)).toMatchObject({ line: 147, authors: seed.papers[49]!.authors });
  });

  it('rejects a record whose header (date line) is missing, and keeps the ones after it', () => {
    const r = mutate((l) => l.splice(6, 1)); // drop `CVNov 3, 2022` (line 7)
    expect(where(r)).toEqual([{ line: 7, field: 'header' }]);
    expect(r.rejected[0]!.reason).toMatch(/2 lines \(7–8\).*ImageNet-X/);
    expect(r.papers).toHaveLength(49);
    expect(r.records).toBe(50);
    expect(r.papers.map((p) => p.title)).not.toContain(seed.papers[2]!.title);
    expect(r.papers[2]).toMatchObject({ line: 9, title: seed.papers[3]!.title });
    expect(r.papers[1]).toEqual({ ...seed.papers[1], file: 'mutated.txt' }); // the record before is intact
  });

  it('rejects a garbled header with the right field', () => {
    const garbled = (header: string) => mutate((l) => (l[6] = header)); // line 7: `CVNov 3, 2022`
    for (const [header, field] of [
      ['C@Nov 3, 2022', 'header'],
      ['CVNov 3, 2022Cdoe', 'header'],
      ['#### 3, 2022', 'header'],
      ['ZZNov 3, 2022', 'category'],
      ['CVNvo 3, 2022', 'date'],
      ['CVNov 33, 2022', 'date'],
    ] as const) {
      const r = garbled(header);
      expect(where(r), header).toEqual([{ line: 7, field }]);
      expect(r.papers, header).toHaveLength(49);
      expect(r.records, header).toBe(50);
      expect(r.papers.map((p) => p.line), header).toContain(10);
    }
  });

  it('rejects garbage lines between records as one entry, and keeps every record', () => {
    const r = mutate((l) => l.splice(3, 0, '%%% garbage %%%', '<div class="x">not a record</div>'));
    expect(where(r)).toEqual([{ line: 4, field: 'header' }]);
    expect(r.rejected[0]!.reason).toMatch(/2 lines \(4–5\) after the record at line 1/);
    expect(r.papers).toHaveLength(50);
    expect(r.records).toBe(51);
    expect(r.papers[1]!.line).toBe(6);
  });

  it('rejects garbage before the first header', () => {
    const r = parseListing(`some preamble\nmore of it\n\n${seedText}`, 'pre.txt');
    expect(where(r)).toEqual([{ line: 1, field: 'header' }]);
    expect(r.rejected[0]!.reason).toContain('before the first header');
    expect(r.papers).toHaveLength(50);
    expect(r.papers[0]!.line).toBe(4);
  });

  it('rejects a record with no authors', () => {
    const r = mutate((l) => (l[1] = 'Masked Siamese Networks for Label-Efficient Learning'));
    expect(where(r)).toEqual([{ line: 1, field: 'authors' }]);
    expect(r.rejected[0]!.reason).toMatch(/title ends and the first author begins.*line 2/);
    expect(r.papers).toHaveLength(49);
    expect(r.records).toBe(50);
    const withAffiliation = mutate((l) => (l[1] = 'Masked Siamese Networks for Label-Efficient Learning · meta-ai, mila'));
    expect(where(withAffiliation)).toEqual([{ line: 1, field: 'authors' }]);
  });

  it('rejects a record with an empty title', () => {
    const r = mutate((l) => (l[1] = 'Mahmoud Assran, Mathilde Caron, Ishan Misra et al. · meta-ai, mila'));
    expect(where(r)).toEqual([{ line: 1, field: 'title' }]);
    expect(r.rejected[0]!.reason).toContain('title is empty');
    expect(r.papers).toHaveLength(49);
    // A blank title line: the abstract moves up, the record is refused for its title.
    const blank = mutate((l) => (l[1] = ''));
    expect(where(blank)).toEqual([{ line: 1, field: 'title' }]);
    expect(blank.papers).toHaveLength(49);
  });

  it('handles several faults in one file', () => {
    const r = mutate((l) => {
      l[147] = 'NEJun 31, 2016'; // bad date, the last record (line 148)
      l[1] = 'Masked Siamese Networks for Label-Efficient Learning'; // no authors, line 1
      l.splice(6, 1); // header of the record at line 7 missing
    });
    expect(where(r)).toEqual([
      { line: 1, field: 'authors' },
      { line: 7, field: 'header' },
      { line: 147, field: 'date' },
    ]);
    expect(r.papers).toHaveLength(47);
    expect(r.records).toBe(50);
  });

  it('never throws, and accounts for every record, on empty and hostile input', () => {
    for (const text of ['', '\uFEFF', '\n\n\n', ' \r\n\t', '\r\r', '\u0000\u0001', 'LGApr 14, 2022', 'LG', '·', ',,,', 'a'.repeat(10_000)]) {
      const r = parseListing(text, 'x.txt');
      expect(r.records).toBe(r.papers.length + r.rejected.length);
    }
    expect(parseListing('', 'empty.txt')).toEqual({ file: 'empty.txt', format: 'listing', records: 0, papers: [], rejected: [] });
    expect(parseListing('\n \n', 'blank.txt').records).toBe(0);
    expect(where(parseListing('LGApr 14, 2022', 'x.txt'))).toEqual([{ line: 1, field: 'title' }]);
    expect(() => parseListing(undefined as unknown as string, 'x.txt')).not.toThrow();
  });

  it('survives random line-level damage (deterministic fuzz)', () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const junk = ['', 'LGApr 14, 2022', 'XXApr 1, 2020', '· · ·', 'et al.', ', , ,', 'Ünïcödé ☃ \u200b', 'A'.repeat(500)];
    const fields = new Set(['header', 'category', 'date', 'title', 'authors', 'abstract']);
    const problems: string[] = [];
    let accepted = 0;
    for (let round = 0; round < 200; round++) {
      const lines = [...seedLines];
      for (let k = 0; k < 6; k++) {
        const at = rand(lines.length);
        const op = rand(4);
        if (op === 0) lines.splice(at, 1);
        else if (op === 1) lines.splice(at, 0, junk[rand(junk.length)]!);
        else if (op === 2) lines[at] = lines[at]!.slice(0, rand(lines[at]!.length + 1));
        else lines.splice(at, 0, lines[rand(lines.length)]!);
      }
      const r = parseListing(lines.join(rand(2) ? '\n' : '\r\n'), 'fuzz.txt');
      const bad = (what: string) => problems.push(`round ${round}: ${what}`);
      if (r.records !== r.papers.length + r.rejected.length) bad('records != accepted + rejected');
      for (const x of r.rejected) {
        if (!fields.has(x.field)) bad(`field ${x.field}`);
        if (x.line < 1 || x.line > lines.length) bad(`line ${x.line}`);
        if (x.reason.length < 10) bad(`reason ${x.reason}`);
      }
      for (const p of r.papers) {
        if (p.title === '' || p.authors.length === 0 || p.authors.includes('')) bad(`paper at ${p.line}`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date)) bad(`date ${p.date}`);
      }
      accepted += r.papers.length;
    }
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(200 * 40); // six damaged lines cost a handful of records, not the file
  });
});
