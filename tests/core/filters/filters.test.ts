import { describe, expect, it } from 'vitest';
import { computeVisibility, defaultFilters, graphFacets, isDefaultFilters, sameFilters, type FilterState } from '../../../src/core/filters';
import { buildAtlasGraph, paperKeyOf, SAMPLE_PAPERS, sampleGraph } from '../../helpers/sampleGraph';

const graph = sampleGraph();
const withFilters = (changes: Partial<FilterState>) => computeVisibility(graph, { ...defaultFilters(), ...changes });
const visible = (hidden: Set<string>, kind: string) => graph.filterNodes((key, node) => node.kind === kind && !hidden.has(key));

describe('graphFacets', () => {
  it('lists categories by paper count, then code, with their names', () => {
    expect(graphFacets(graph).categories).toEqual([
      { code: 'cs.LG', name: 'Machine Learning', count: 13 },
      { code: 'cs.CV', name: 'Computer Vision and Pattern Recognition', count: 3 },
      { code: 'cs.NE', name: 'Neural and Evolutionary Computing', count: 1 },
      { code: 'stat.ML', name: 'Machine Learning (Statistics)', count: 1 },
    ]);
  });

  it('spans the years of the papers and lists the communities', () => {
    const facets = graphFacets(graph);
    expect(facets.years).toEqual([2016, 2025]);
    expect(facets.communities.map((c) => c.label)).toEqual([
      'self-supervised · representation · vision', 'disentanglement · quantized · factors', 'embeddings · attention · generative',
    ]);
  });
});

describe('computeVisibility', () => {
  it('hides nothing by default, even a category without papers', () => {
    const sparse = buildAtlasGraph(SAMPLE_PAPERS.slice(0, 3), { emptyCategories: ['cs.AI'] });
    const { hidden, counts } = computeVisibility(sparse, defaultFilters());
    expect(hidden.size).toBe(0);
    expect(counts.category).toEqual({ visible: 3, total: 3 });
  });

  it('a year range hides papers outside it and the people with no paper in it', () => {
    const { hidden, counts } = withFilters({ years: [2019, 2023] });
    // 2016, 2017 (two each) and 2025 papers fall outside.
    expect(counts.paper).toEqual({ visible: 13, total: 18 });
    expect(hidden.has(paperKeyOf('Operationalizing Quantized Disentanglement'))).toBe(true);
    expect(hidden.has('author:stanislaw-jastrzebski')).toBe(true); // only 2017
    expect(hidden.has('author:alexandre-de-brebisson')).toBe(true); // only 2016
    expect(hidden.has('author:sina-honari')).toBe(true); // only 2017
    // Pascal Vincent also has 2016–17 papers, but 2021 and 2023 ones keep him in.
    expect(hidden.has('author:pascal-vincent')).toBe(false);
    expect(hidden.has('author:vitoria-barin-pacela')).toBe(false);
    expect(hidden.has('category:cs.NE')).toBe(true);
    expect(hidden.has('category:stat.ML')).toBe(true);
    expect(counts.category).toEqual({ visible: 2, total: 4 });
  });

  it('with papers switched off, still shows the authors who have a paper passing the filters', () => {
    const { hidden, counts } = withFilters({ kinds: ['author', 'category', 'affiliation'], years: [2016, 2017] });
    expect(counts.paper).toEqual({ visible: 0, total: 18 });
    expect(visible(hidden, 'author').sort()).toEqual([
      'author:alexandre-de-brebisson', 'author:dzmitry-bahdanau', 'author:florian-bordes', 'author:pascal-vincent',
      'author:sina-honari', 'author:stanislaw-jastrzebski', 'author:tom-bosc', 'author:xavier-bouthillier',
    ]);
    expect(visible(hidden, 'category').sort()).toEqual(['category:cs.LG', 'category:cs.NE', 'category:stat.ML']);
    expect(counts.affiliation.visible).toBe(0);
  });

  it('a category choice keeps its papers and the people and affiliations on them', () => {
    const { hidden, counts } = withFilters({ categories: ['cs.CV'] });
    expect(visible(hidden, 'paper').length).toBe(3);
    expect(visible(hidden, 'category')).toEqual(['category:cs.CV']);
    expect(visible(hidden, 'affiliation')).toEqual(['affiliation:meta-ai']); // ImageNet-X
    expect(counts.author.visible).toBe(8);
    expect(hidden.has('author:florian-bordes')).toBe(false);
    expect(hidden.has('author:vitoria-barin-pacela')).toBe(true);
  });

  it('an empty category list hides every paper and everything hanging off papers', () => {
    const { counts } = withFilters({ categories: [] });
    for (const kind of ['paper', 'author', 'category', 'affiliation'] as const) expect(counts[kind].visible).toBe(0);
  });

  it('a community keeps its own nodes that have a paper in it', () => {
    const { hidden, communityCounts } = withFilters({ community: 1 });
    expect(visible(hidden, 'paper').length).toBe(4);
    // Mark Ibrahim has a community-1 paper but belongs to community 0.
    expect(hidden.has('author:mark-ibrahim')).toBe(true);
    expect(hidden.has('author:vitoria-barin-pacela')).toBe(false);
    expect(visible(hidden, 'affiliation').sort()).toEqual(['affiliation:eth-zurich', 'affiliation:mila']);
    expect(communityCounts.get(0)!.visible).toBe(0);
    // Community 1 is 4 papers, their 8 authors, Mila and ETH Zurich: all have a paper in it.
    expect(communityCounts.get(1)).toEqual({ visible: 14, total: 14 });
  });

  it('turning a kind off hides exactly that kind, and counts add up', () => {
    const { hidden, counts, communityCounts } = withFilters({ kinds: ['paper', 'author'] });
    expect(counts.category).toEqual({ visible: 0, total: 4 });
    expect(counts.affiliation).toEqual({ visible: 0, total: 3 });
    expect(counts.paper.visible).toBe(18);
    expect(hidden.size).toBe(7);
    const communityTotal = [...communityCounts.values()].reduce((sum, c) => sum + c.total, 0);
    expect(communityTotal).toBe(graph.order);
  });

  it('never changes the graph itself', () => {
    const before = JSON.stringify(graph.export());
    withFilters({ years: [2020, 2021], community: 0, kinds: ['author'] });
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

describe('sameFilters', () => {
  it('ignores the order of kinds and categories, but not their content', () => {
    const base = defaultFilters();
    expect(isDefaultFilters({ ...base, kinds: ['affiliation', 'topic', 'category', 'author', 'paper'] })).toBe(true);
    expect(sameFilters({ ...base, categories: ['cs.LG', 'cs.CV'] }, { ...base, categories: ['cs.CV', 'cs.LG'] })).toBe(true);
    expect(sameFilters({ ...base, categories: [] }, base)).toBe(false);
    expect(sameFilters({ ...base, years: [2019, 2023] }, { ...base, years: [2019, 2022] })).toBe(false);
    expect(isDefaultFilters({ ...base, kinds: ['paper'] })).toBe(false);
  });
});

describe('computeVisibility in the co-authorship network', () => {
  const inNetwork = (changes: Partial<FilterState>) => computeVisibility(graph, { ...defaultFilters(), ...changes }, 'coauthor');
  const authors = graph.filterNodes((_k, n) => n.kind === 'author');

  it('counts only authors, all shown by default, whatever the kind switches say', () => {
    const { hidden, counts } = inNetwork({ kinds: ['paper'] });
    expect(hidden.size).toBe(0);
    expect(counts.author).toEqual({ visible: authors.length, total: authors.length });
    expect(counts.paper).toEqual({ visible: 0, total: 0 });
  });

  it('a year range keeps the authors with a paper in it', () => {
    const { hidden, counts } = inNetwork({ years: [2016, 2017] });
    expect(visible(hidden, 'author').sort()).toEqual([
      'author:alexandre-de-brebisson', 'author:dzmitry-bahdanau', 'author:florian-bordes', 'author:pascal-vincent',
      'author:sina-honari', 'author:stanislaw-jastrzebski', 'author:tom-bosc', 'author:xavier-bouthillier',
    ]);
    expect(counts.author.visible).toBe(8);
  });

  it('a category choice keeps the authors of its papers', () => {
    const { hidden } = inNetwork({ categories: ['cs.NE'] });
    expect(visible(hidden, 'author').sort()).toEqual(['author:alexandre-de-brebisson', 'author:pascal-vincent', 'author:xavier-bouthillier']);
  });

  it('a community means the co-authorship community, counted per community', () => {
    const copy = graph.copy();
    copy.mergeNodeAttributes('author:pascal-vincent', { collabCommunity: 7 });
    const { hidden, communityCounts } = computeVisibility(copy, { ...defaultFilters(), community: 7 }, 'coauthor');
    expect(copy.filterNodes((key, n) => n.kind === 'author' && !hidden.has(key))).toEqual(['author:pascal-vincent']);
    expect(communityCounts.get(7)).toEqual({ visible: 1, total: 1 });
    // His knowledge-graph community is not 7: the knowledge graph's filter hides him.
    expect(computeVisibility(copy, { ...defaultFilters(), community: 7 }).hidden.has('author:pascal-vincent')).toBe(true);
  });
});

describe('graphFacets: co-authorship communities', () => {
  it('lists the collaboration communities by id', () => {
    const facets = graphFacets(graph);
    expect(facets.collaboration.map((c) => c.id)).toEqual(graph.getAttribute('collaboration').communities.map((c) => c.id).sort((a, b) => a - b));
    expect(facets.collaboration.length).toBeGreaterThan(0);
  });
});
