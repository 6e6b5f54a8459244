import { describe, expect, it } from 'vitest';
import { buildGraph, mergePapers } from '../../../src/core/graph';
import { withoutExtras, type ParsedInput, type PaperRecord } from '../../../src/core/ingest/types';
import type { PaperNode } from '../../../src/core/graphFile';

const MSN = 'Masked Siamese Networks for Label-Efficient Learning';

/** An arXiv-like record unless overridden; `file`/`line` come from `input`. */
function paper(over: Partial<PaperRecord> = {}): PaperRecord {
  return {
    file: '', line: 0, title: MSN, authors: ['Mahmoud Assran', 'Mathilde Caron'], authorsTruncated: false,
    date: '2022-04-14', category: 'cs.LG', hasCode: false, abstract: '', affiliations: [], ...withoutExtras(), ...over,
  };
}
/** A BibTeX-like record: a year, no category. */
const bib = (over: Partial<PaperRecord> = {}) => paper({ date: '2022', category: null, ...over });

function input(file: string, ...papers: PaperRecord[]): ParsedInput {
  return { file, format: 'test', records: papers.length, papers: papers.map((p, i) => ({ ...p, file, line: i + 1 })), rejected: [] };
}

const merge = (...inputs: ParsedInput[]) => mergePapers(inputs);

describe('merge rules, in order: arXiv id, DOI, title + year', () => {
  it('merges on the version-less arXiv id even when titles and dates differ', () => {
    const merged = merge(input('a.jsonl', paper({ arxivId: '2204.07141' })), input('b.bib', bib({ title: 'MSN', date: '2023', arxivId: 'arXiv:2204.07141v3' })));
    expect(merged).toHaveLength(1);
    expect(merged[0].reasons).toEqual(['same arXiv id 2204.07141 as the paper at a.jsonl:1; merged']);
    expect(merged[0].sources.map((s) => `${s.file}:${s.line}`)).toEqual(['a.jsonl:1', 'b.bib:1']);
  });

  it("takes arXiv's DataCite DOI for the arXiv id, and a publication DOI over it", () => {
    const [m] = merge(input('a.jsonl', paper({ doi: '10.48550/arXiv.2204.07141' })), input('b.bib', bib({ title: 'MSN', arxivId: '2204.07141', doi: '10.1007/978-3-031-19821-2_26' })));
    expect(m.reasons).toEqual(['same arXiv id 2204.07141 as the paper at a.jsonl:1; merged']);
    expect(m.record.doi).toBe('10.1007/978-3-031-19821-2_26');
    expect(m.record.arxivId).toBe('2204.07141');
  });

  it('merges on the DOI, case- and resolver-insensitively', () => {
    const merged = merge(input('w.jsonl', bib({ doi: '10.5281/ZENODO.1176577', title: 'HyperPuja' })), input('n.bib', bib({ doi: 'https://doi.org/10.5281/zenodo.1176577', title: 'HyperPuja: A Tibetan Singing Bowl Controller', date: '2003' })));
    expect(merged).toHaveLength(1);
    expect(merged[0].reasons).toEqual(['same DOI 10.5281/zenodo.1176577 as the paper at w.jsonl:1; merged']);
  });

  it('does not merge a shared DOI when the titles disagree (a DOI pasted onto the wrong entry)', () => {
    // Real NIME 2016 entries: nime2016_Cakmak carries nime2016_Sheffield's DOI.
    const sheffield = bib({ date: '2016', title: 'The Haptic Capstans: Rotational Force Feedback for Music using a FireFader Derivative Device', doi: '10.5281/zenodo.1176002' });
    const cakmak = bib({ date: '2016', title: 'Networked Virtual Environments as Collaborative Music Spaces', doi: '10.5281/zenodo.1176002' });
    expect(merge(input('nime.bib', sheffield, cakmak))).toHaveLength(2);
  });

  it('merges a year-only entry with the arXiv record of the same title that year, or the next', () => {
    const arxiv = input('a.jsonl', paper());
    const [same] = merge(arxiv, input('b.bib', bib({ title: 'Masked siamese networks for label efficient learning.' })));
    expect(same.reasons).toEqual(['same title and year (2022 here, 2022-04-14 there) as the paper at a.jsonl:1; merged']);
    const [next] = merge(arxiv, input('b.bib', bib({ date: '2023' })));
    expect(next.reasons[0]).toMatch(/^same title, a year apart \(2023 here, 2022-04-14 there: preprint and publication\)/);
    expect(merge(arxiv, input('b.bib', bib({ date: '2024' })))).toHaveLength(2);
    expect(merge(arxiv, input('b.bib', bib({ date: '2020-11' })))).toHaveLength(2);
  });

  it('needs the same first author for a title match', () => {
    const lecun = bib({ title: 'Deep learning', date: '2015-05-27', authors: ['Yann LeCun', 'Yoshua Bengio'] });
    const goodfellow = bib({ title: 'Deep Learning', date: '2016', authors: ['Ian Goodfellow', 'Yoshua Bengio'] });
    expect(merge(input('a.json', lecun), input('b.json', goodfellow))).toHaveLength(2);
    expect(merge(input('a.json', lecun), input('b.bib', bib({ title: 'Deep Learning', date: '2015', authors: ['LeCun, Y.'] })))).toHaveLength(1);
    // One typo in a long surname is forgiven (`Gervigni` for `Cervigni`, real OpenAlex data), not in a short one.
    const typo = (first: string, second: string) => merge(input('a.json', bib({ authors: [first] })), input('b.json', bib({ authors: [second] }))).length;
    expect(typo('Raffaello Cervigni', 'Raffaello Gervigni')).toBe(1);
    expect(typo('Raffaello Cervigni', 'Raffaello Cervign')).toBe(1);
    expect(typo('Raffaello Cervigni', 'Raffaello Gervigna')).toBe(2);
    expect(typo('Wei Wang', 'Wei Wong')).toBe(2);
  });

  it('compares two arXiv full dates to the day, a publication date to the year', () => {
    const arxiv = input('a.jsonl', paper());
    expect(merge(arxiv, input('b.jsonl', paper({ date: '2022-04-15' })))).toHaveLength(1);
    expect(merge(arxiv, input('b.jsonl', paper({ date: '2022-04-16' })))).toHaveLength(2);
    // OpenAlex dates the journal version: no category, a full date months later.
    expect(merge(arxiv, input('w.jsonl', paper({ date: '2022-10-23', category: null })))).toHaveLength(1);
  });

  it('never merges records with different DOIs or different arXiv ids, whatever the title', () => {
    expect(merge(input('a.bib', bib({ doi: '10.1/a' })), input('b.bib', bib({ doi: '10.1/b' })))).toHaveLength(2);
    expect(merge(input('a.jsonl', paper({ arxivId: '0708.3607' })), input('b.xml', paper({ arxivId: '0708.3723', date: '2022-04-15' })))).toHaveLength(2);
    // A title of punctuation alone is no title to match on.
    expect(merge(input('a.bib', bib({ title: '???' })), input('b.bib', bib({ title: '!' })))).toHaveLength(2);
    // One side without a DOI does not conflict.
    expect(merge(input('a.bib', bib({ doi: '10.1/a' })), input('b.bib', bib()))).toHaveLength(1);
  });

  it('prefers an id match over a title match, and the closest date among same-titled papers', () => {
    const merged = merge(
      input('a.jsonl', paper({ date: '2019-05-01' }), paper({ date: '2021-03-01', arxivId: '2103.00001' })),
      input('b.bib', bib({ date: '2021' }), bib({ date: '2019', arxivId: '2103.00001' })),
    );
    expect(merged).toHaveLength(2);
    expect(merged[1].reasons).toEqual([
      'same title and year (2021 here, 2021-03-01 there) as the paper at a.jsonl:2; merged',
      'same arXiv id 2103.00001 as the paper at a.jsonl:2; merged',
    ]);
    expect(merged[0].sources).toHaveLength(1);
  });
});

describe('richer fields win', () => {
  it('takes the full author list with its per-author affiliations, and fills what the first record lacks', () => {
    const cut = paper({ authors: ['Mahmoud Assran'], authorsTruncated: true, affiliations: ['meta-ai'], topics: [{ name: 'Self-supervision', scheme: 'keyword' }], references: ['W1'] });
    const full = bib({
      authors: ['Mahmoud Assran', 'Mathilde Caron', 'Ishan Misra'], authorAffiliations: [['McGill University'], ['Inria'], []],
      abstract: 'We propose MSN.', venue: 'ECCV', doi: '10.1007/x', sourceId: 'assran2022', affiliations: ['Inria'],
      topics: [{ name: 'self-supervision', scheme: 'keyword' }, { name: 'Computer vision', scheme: 'openalex' }], references: ['w1', 'W2'],
    });
    const [m] = merge(input('a.txt', cut), input('b.bib', full));
    expect(m.record).toMatchObject({
      title: MSN, date: '2022-04-14', category: 'cs.LG', authors: ['Mahmoud Assran', 'Mathilde Caron', 'Ishan Misra'], authorsTruncated: false,
      authorAffiliations: [['McGill University'], ['Inria'], []], abstract: 'We propose MSN.', venue: 'ECCV', doi: '10.1007/x', sourceId: 'assran2022',
      affiliations: ['meta-ai', 'Inria'], references: ['W1', 'W2'],
      topics: [{ name: 'Self-supervision', scheme: 'keyword' }, { name: 'Computer vision', scheme: 'openalex' }],
    });
  });

  it('keeps the first author list unless the other is better, and a category, date and abstract it already has', () => {
    const [m] = merge(input('a.jsonl', paper({ abstract: 'Long.', authorAffiliations: [] })), input('b.bib', bib({ authors: ['M. Assran', 'M. Caron'], abstract: 'Other.', authorAffiliations: [['McGill'], ['Inria']] })));
    expect(m.record).toMatchObject({ authors: ['Mahmoud Assran', 'Mathilde Caron'], abstract: 'Long.', date: '2022-04-14', category: 'cs.LG' });
    // Same people in the same order: their affiliations are adopted, still parallel.
    expect(m.record.authorAffiliations).toEqual([['McGill'], ['Inria']]);
    const [other] = merge(input('a.jsonl', paper()), input('b.bib', bib({ authors: ['Mathilde Caron', 'Mahmoud Assran'], authorAffiliations: [['Inria'], ['McGill']] })));
    expect(other.record.authorAffiliations).toEqual([]);
  });

  it('takes a more precise date, and leaves the parsed records untouched', () => {
    const first = bib({ topics: [{ name: 'a', scheme: 'keyword' }] });
    const inputs = [input('b.bib', first), input('a.jsonl', paper({ topics: [{ name: 'b', scheme: 'keyword' }] }))];
    const before = JSON.stringify(inputs);
    const [m] = mergePapers(inputs);
    expect(m.record.date).toBe('2022-04-14');
    expect(m.record.category).toBe('cs.LG');
    expect(JSON.stringify(inputs)).toBe(before);
    expect(JSON.stringify(mergePapers(inputs))).toBe(JSON.stringify(mergePapers(inputs)));
  });
});

describe('buildGraph reports merges and ambiguous authors', () => {
  it('lists each duplicate with the rule that matched, and the sources on the paper node', () => {
    const graph = buildGraph([input('a.jsonl', paper({ arxivId: '2204.07141' })), input('b.bib', bib({ arxivId: '2204.07141' }), bib({ title: 'Learning with networks', doi: '10.1/x' })), input('c.json', bib({ title: 'Learning with Networks: Extended', doi: '10.1/X' }))]);
    const { duplicates } = graph.getAttribute('report');
    expect(duplicates).toEqual([
      { file: 'b.bib', line: 1, mergedInto: 'paper:masked-siamese-networks-for-label-efficient-learning-2022', reason: 'same arXiv id 2204.07141 as the paper at a.jsonl:1; merged' },
      { file: 'c.json', line: 1, mergedInto: 'paper:learning-with-networks-2022', reason: 'same DOI 10.1/x as the paper at b.bib:2; merged' },
    ]);
    expect((graph.getNodeAttributes('paper:masked-siamese-networks-for-label-efficient-learning-2022') as PaperNode).sources).toEqual(['a.jsonl:1', 'b.bib:1']);
  });

  it('merges initials through the duplicate paper, and reports `Y. Li` instead of guessing', () => {
    const graph = buildGraph([
      input('a.jsonl', paper({ authors: ['Yann LeCun', 'Léon Bottou'], arxivId: '1' }), paper({ title: 'X', authors: ['Yang Li', 'Wei Zhang'] }), paper({ title: 'Y', authors: ['Yu Li'] })),
      input('b.bib', bib({ authors: ['LeCun, Y.', 'Bottou, L.'], arxivId: '1' }), bib({ title: 'Z', authors: ['LeCun, Y.'] }), bib({ title: 'W', authors: ['Li, Y.'] })),
    ]);
    const authors = graph.filterNodes((_, a) => a.kind === 'author');
    expect(authors.sort()).toEqual(['author:leon-bottou', 'author:wei-zhang', 'author:y-li', 'author:yang-li', 'author:yann-lecun', 'author:yu-li']);
    expect(graph.getNodeAttributes('author:yann-lecun')).toMatchObject({ name: 'Yann LeCun', aliases: ['LeCun, Y.', 'Yann LeCun'], paperCount: 2 });
    expect(graph.getAttribute('report').ambiguousAuthors).toEqual([
      { name: 'Li, Y.', candidates: ['author:yang-li', 'author:yu-li'], reason: '2 full names fit "Li, Y." (Yang Li, Yu Li); kept apart' },
    ]);
  });
});
