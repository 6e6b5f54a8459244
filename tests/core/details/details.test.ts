import { describe, expect, it } from 'vitest';
import { describeNode, formatRelatedReasons, relatedReasonParts, type NodeDetails, type RelatedReasonRefs } from '../../../src/core/details';
import type { PaperNode } from '../../../src/core/graphFile';
import { buildAtlasGraph, paperKeyOf, SAMPLE_PAPERS, sampleGraph } from '../../helpers/sampleGraph';

const graph = sampleGraph();
function details<K extends NodeDetails['kind']>(key: string, kind: K): Extract<NodeDetails, { kind: K }> {
  const found = describeNode(graph, key);
  expect(found?.kind).toBe(kind);
  return found as Extract<NodeDetails, { kind: K }>;
}

describe('describeNode: paper', () => {
  const title = 'Masked Siamese Networks for Label-Efficient Learning';
  const paper = details(paperKeyOf(title), 'paper');

  it('lists authors in paper order and says when the list was cut short', () => {
    expect(paper.authors).toEqual([
      { key: 'author:mahmoud-assran', name: 'Mahmoud Assran' },
      { key: 'author:mathilde-caron', name: 'Mathilde Caron' },
      { key: 'author:ishan-misra', name: 'Ishan Misra' },
    ]);
    expect(paper.authorsTruncated).toBe(true);
  });

  it('names its category, affiliations and community', () => {
    expect(paper).toMatchObject({
      title, date: '2022-04-14', year: 2022, hasCode: false,
      category: { key: 'category:cs.LG', code: 'cs.LG', name: 'Machine Learning' },
      affiliations: [{ key: 'affiliation:meta-ai', name: 'Meta AI' }, { key: 'affiliation:mila', name: 'Mila' }],
      community: { id: 0, label: 'self-supervised · representation · vision' },
    });
    expect(paper.abstract).toMatch(/^We propose Masked Siamese Networks/);
  });

  it('links to an arXiv title search that survives punctuation and accents', () => {
    expect(paper.links.arxivSearch).toBe('https://arxiv.org/search/?query=Masked%20Siamese%20Networks%20for%20Label-Efficient%20Learning&searchtype=title');
    const dejaVu = details(paperKeyOf('Do SSL Models Have Déjà Vu? A Case of Unintended Memorization in Self-supervised Learning'), 'paper');
    const url = new URL(dejaVu.links.arxivSearch);
    expect(url.searchParams.get('query')).toBe(dejaVu.title);
    expect(url.searchParams.get('searchtype')).toBe('title');
  });

  it('lists related papers by title and year, in the order the graph file ranks them', () => {
    const identifiability = details(paperKeyOf('On the Identifiability of Quantized Factors'), 'paper');
    expect(identifiability.related).toEqual([
      {
        key: paperKeyOf('Operationalizing Quantized Disentanglement'), title: 'Operationalizing Quantized Disentanglement', year: 2025, score: expect.any(Number),
        // Same people (one spelled Vitoria here, Vitória there: one author node), same cluster, same category.
        reasons: expect.objectContaining({
          sharedAuthors: [
            { key: 'author:vitoria-barin-pacela', name: 'Vitória Barin-Pacela' },
            { key: 'author:kartik-ahuja', name: 'Kartik Ahuja' },
            { key: 'author:simon-lacoste-julien', name: 'Simon Lacoste-Julien' },
          ],
          sameCommunity: true, sameCategory: true, citation: null,
        }),
      },
    ]);
    const key = paperKeyOf('Towards Democratizing Joint-Embedding Self-Supervised Learning');
    const ranked = (graph.getNodeAttributes(key) as PaperNode).related;
    expect(ranked.length).toBeGreaterThan(1);
    expect(details(key, 'paper').related.map((r) => [r.key, r.score])).toEqual(ranked.map((r) => [r.key, r.score]));
  });

  it('skips related keys that point nowhere or to a non-paper, and shows none when there are none', () => {
    const copy = graph.copy();
    const reasons = { sharedAuthors: [], sharedTerms: [], sameCommunity: false, sameCategory: false, citation: null };
    const key = paperKeyOf(title);
    const operationalizing = paperKeyOf('Operationalizing Quantized Disentanglement');
    copy.mergeNodeAttributes(key, { related: [{ key: 'paper:gone-2020', score: 0.9, reasons }, { key: 'author:florian-bordes', score: 0.5, reasons }, { key: operationalizing, score: 0.2, reasons }] });
    const described = describeNode(copy, key);
    expect(described?.kind === 'paper' && described.related.map((r) => r.key)).toEqual([operationalizing]);
    copy.mergeNodeAttributes(key, { related: [] });
    const none = describeNode(copy, key);
    expect(none?.kind === 'paper' && none.related).toEqual([]);
  });
});

describe('describeNode: author', () => {
  const bordes = details('author:florian-bordes', 'author');

  it('lists papers newest first', () => {
    expect(bordes.paperCount).toBe(8);
    expect(bordes.papers.map((p) => p.date)).toEqual([
      '2023-08-08', '2023-04-26', '2023-04-25', '2023-04-11', '2023-03-03', '2022-06-27', '2021-12-16', '2017-03-20',
    ]);
    expect(bordes.papers[0].title).toMatch(/^PUG:/);
  });

  it('names the author’s co-authorship community, apart from their knowledge-graph one', () => {
    const copy = graph.copy();
    copy.mergeNodeAttributes('author:florian-bordes', { collabCommunity: 1 });
    const label = copy.getAttribute('collaboration').communities.find((c) => c.id === 1)!.label;
    const described = describeNode(copy, 'author:florian-bordes');
    expect(described?.kind === 'author' && described.collaborationCommunity).toEqual({ id: 1, label });
    expect(described?.community?.id).toBe(0);
    copy.mergeNodeAttributes('author:florian-bordes', { collabCommunity: 99 });
    const unknown = describeNode(copy, 'author:florian-bordes');
    expect(unknown?.kind === 'author' && unknown.collaborationCommunity).toBeNull();
  });

  it('ranks co-authors by joint papers, then by name', () => {
    expect(bordes.coauthors.map((c) => [c.name, c.jointPapers])).toEqual([
      ['Pascal Vincent', 5], ['Randall Balestriero', 4], ['Shashank Shekhar', 2],
      ['Casey Meehan', 1], ['Mark Ibrahim', 1], ['Quentin Garrido', 1], ['Samuel Lavoie', 1], ['Sina Honari', 1],
    ]);
  });

  it('finds the same co-authors without co-author edges in the file', () => {
    const bare = buildAtlasGraph(SAMPLE_PAPERS, { coauthorEdges: false });
    expect(bare.filterEdges((_e, edge) => edge.kind === 'coauthor')).toHaveLength(0);
    const again = describeNode(bare, 'author:florian-bordes');
    expect(again?.kind === 'author' && again.coauthors).toEqual(bordes.coauthors);
  });

  it('counts the categories it publishes in, telling same-named ones apart by code', () => {
    expect(bordes.categories.map((c) => [c.code, c.name, c.count])).toEqual([
      ['cs.LG', 'Machine Learning', 5], ['cs.CV', 'Computer Vision and Pattern Recognition', 2], ['stat.ML', 'Machine Learning (Statistics)', 1],
    ]);
  });

  it('shows other spellings of the name, and affiliations from the papers', () => {
    const vitoria = details('author:vitoria-barin-pacela', 'author');
    expect(vitoria.name).toBe('Vitória Barin-Pacela');
    expect(vitoria.otherSpellings).toEqual(['Vitoria Barin-Pacela']);
    expect(vitoria.affiliations).toEqual([{ key: 'affiliation:mila', name: 'Mila', count: 2 }]);
    expect(vitoria.community).toEqual({ id: 1, label: 'disentanglement · quantized · factors' });
    expect(bordes.otherSpellings).toEqual([]);
  });

  it('breaks a tie on date by title', () => {
    const collapse = SAMPLE_PAPERS[0];
    // Two papers of one day: the panel must not order them by insertion.
    const sameDay = buildAtlasGraph([
      { ...collapse, title: 'Zeta paper', authors: ['Pascal Vincent'], date: '2020-07-07' },
      { ...collapse, title: 'Alpha paper', authors: ['Pascal Vincent'], date: '2020-07-07' },
      { ...collapse, title: 'Older', authors: ['Pascal Vincent'], date: '2019' },
    ]);
    const vincent = describeNode(sameDay, 'author:pascal-vincent');
    expect(vincent?.kind === 'author' && vincent.papers.map((p) => p.title)).toEqual(['Alpha paper', 'Zeta paper', 'Older']);
  });
});

describe('describeNode: category and affiliation', () => {
  it('lists a category’s papers newest first, same-day papers by title', () => {
    const lg = details('category:cs.LG', 'category');
    expect(lg).toMatchObject({ name: 'Machine Learning', code: 'cs.LG', paperCount: 13 });
    expect(lg.papers[0].title).toBe('Operationalizing Quantized Disentanglement');
    // 2022-10-13 has two cs.LG papers.
    const oct13 = lg.papers.filter((p) => p.date === '2022-10-13').map((p) => p.title);
    expect(oct13).toEqual(['Disentanglement of Correlated Factors via Hausdorff Factorized Support', 'The Hidden Uniform Cluster Prior in Self-Supervised Learning']);
    const dates = lg.papers.map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('ranks a category’s authors by their papers in it', () => {
    const cv = details('category:cs.CV', 'category');
    expect(cv.authors.slice(0, 2)).toEqual([
      { key: 'author:florian-bordes', name: 'Florian Bordes', count: 2 },
      { key: 'author:badr-youbi-idrissi', name: 'Badr Youbi Idrissi', count: 1 },
    ]);
    expect(cv.authors).toHaveLength(8);
  });

  it('ranks an affiliation’s authors by papers, ties by name', () => {
    const mila = details('affiliation:mila', 'affiliation');
    expect(mila).toMatchObject({ name: 'Mila', slug: 'mila', paperCount: 3 });
    expect(mila.papers.map((p) => p.year)).toEqual([2025, 2023, 2022]);
    expect(mila.authors.map((a) => [a.name, a.count])).toEqual([
      ['Kartik Ahuja', 2], ['Simon Lacoste-Julien', 2], ['Vitória Barin-Pacela', 2],
      ['Ishan Misra', 1], ['Mahmoud Assran', 1], ['Mathilde Caron', 1],
    ]);
    expect(mila.community).toEqual({ id: 1, label: 'disentanglement · quantized · factors' });
  });

  it('returns null for a key that is not in the graph', () => {
    expect(describeNode(graph, 'author:nobody')).toBeNull();
  });
});

describe('related paper reasons', () => {
  const none: RelatedReasonRefs = { sharedAuthors: [], sharedTerms: [], sameCommunity: false, sameCategory: false, citation: null };
  const bardes = { key: 'author:adrien-bardes', name: 'Adrien Bardes' };
  const lecun = { key: 'author:yann-lecun', name: 'Yann LeCun' };

  it('reads as one compact line, authors first, then terms, cluster, category and citation', () => {
    const reasons = { sharedAuthors: [bardes, lecun], sharedTerms: ['masked', 'siamese'], sameCommunity: true, sameCategory: true, citation: 'cites' as const };
    expect(formatRelatedReasons(reasons)).toBe('2 shared authors: Adrien Bardes, Yann LeCun · terms: masked, siamese · same cluster · same category · cites it');
  });

  it('says one author in the singular, names a citation in either direction', () => {
    expect(formatRelatedReasons({ ...none, sharedAuthors: [lecun] })).toBe('1 shared author: Yann LeCun');
    expect(formatRelatedReasons({ ...none, citation: 'cited-by' })).toBe('cited by it');
    expect(formatRelatedReasons({ ...none, sameCommunity: true })).toBe('same cluster');
  });

  it('keeps the line short: three authors and three terms at most, with a count of the rest', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((x) => ({ key: `author:${x}`, name: x.toUpperCase() }));
    const parts = relatedReasonParts({ ...none, sharedAuthors: many, sharedTerms: ['one', 'two', 'three', 'four'] });
    expect(parts.authorsLabel).toBe('5 shared authors');
    expect(parts.authors.map((a) => a.name)).toEqual(['A', 'B', 'C']);
    expect(parts.moreAuthors).toBe('+2 more');
    expect(parts.rest).toEqual(['terms: one, two, three']);
    expect(formatRelatedReasons({ ...none, sharedAuthors: many })).toBe('5 shared authors: A, B, C, +2 more');
  });

  it('is empty when the file records no reason', () => {
    expect(formatRelatedReasons(none)).toBe('');
    expect(relatedReasonParts(none)).toEqual({ authorsLabel: null, authors: [], moreAuthors: null, rest: [] });
  });

  it('drops shared-author keys that point nowhere', () => {
    const copy = graph.copy();
    const key = paperKeyOf('On the Identifiability of Quantized Factors');
    const other = paperKeyOf('Operationalizing Quantized Disentanglement');
    const reasons = { sharedAuthors: ['author:nobody', 'author:kartik-ahuja'], sharedTerms: ['quantized'], sameCommunity: true, sameCategory: false, citation: null };
    copy.mergeNodeAttributes(key, { related: [{ key: other, score: 0.5, reasons }] });
    const described = describeNode(copy, key);
    expect(described?.kind === 'paper' && described.related[0].reasons.sharedAuthors).toEqual([{ key: 'author:kartik-ahuja', name: 'Kartik Ahuja' }]);
  });
});
