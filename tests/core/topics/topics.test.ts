import { describe, expect, it } from 'vitest';
import type { Community } from '../../../src/core/graphFile';
import { formatYears, summarizeTopic, summarizeTopics, topicMembers } from '../../../src/core/topics';
import { authorKey, sampleGraph } from '../../helpers/sampleGraph';

const graph = sampleGraph();
const communities = graph.getAttribute('communities');

describe('summarizeTopics', () => {
  const topics = summarizeTopics(graph, communities);

  it('lists every community biggest first, under the same label the legend shows', () => {
    expect(topics.map((t) => t.id).sort()).toEqual(communities.map((c) => c.id).sort());
    for (let i = 1; i < topics.length; i++) expect(topics[i - 1].size).toBeGreaterThanOrEqual(topics[i].size);
    expect(topics.map((t) => t.label)).toEqual(topics.map((t) => communities.find((c) => c.id === t.id)!.label));
    expect(topics[0].label).toBe('self-supervised · representation · vision');
  });

  it('states papers and year span in one line', () => {
    const ssl = topics.find((t) => t.id === 0)!;
    expect(ssl.paperCount).toBe(10);
    expect(ssl.years).toBe('2021–2023');
    expect(ssl.facts).toBe('10 papers · 2021–2023');
  });

  it('names its top authors (at most three, in the file’s order) and subjects, categories by code', () => {
    const ssl = topics.find((t) => t.id === 0)!;
    const expectedKeys = communities.find((c) => c.id === 0)!.topAuthors.slice(0, 3);
    expect(ssl.topAuthors.map((a) => a.key)).toEqual(expectedKeys);
    expect(ssl.topAuthors[0]).toEqual({ key: authorKey('Mahmoud Assran'), name: 'Mahmoud Assran' });
    expect(ssl.subjects).toEqual([
      { key: 'category:cs.LG', name: 'cs.LG' },
      { key: 'category:cs.CV', name: 'cs.CV' },
    ]);
  });

  it('drops keys that point nowhere and copes with a community without papers', () => {
    const ghost: Community = {
      id: 9, label: 'ghost · town', size: 1, color: '#123456', terms: ['ghost', 'town'], paperCount: 0,
      topAuthors: ['author:nobody', authorKey('Pascal Vincent')], topSubjects: ['category:xx.YY'], years: null,
    };
    const summary = summarizeTopic(graph, ghost);
    expect(summary.topAuthors).toEqual([{ key: authorKey('Pascal Vincent'), name: 'Pascal Vincent' }]);
    expect(summary.subjects).toEqual([]);
    expect(summary.years).toBeNull();
    expect(summary.facts).toBe('0 papers');
  });
});

describe('formatYears', () => {
  it('writes a span with an en dash, a single year once', () => {
    expect(formatYears([2016, 2019])).toBe('2016–2019');
    expect(formatYears([2020, 2020])).toBe('2020');
    expect(formatYears(null)).toBeNull();
  });
});

describe('topicMembers', () => {
  it('returns exactly the nodes of that community, of every kind', () => {
    const members = topicMembers(graph, 1);
    expect(members.length).toBe(communities.find((c) => c.id === 1)!.size);
    expect(members.every((key) => graph.getNodeAttribute(key, 'community') === 1)).toBe(true);
    expect(new Set(members.map((key) => graph.getNodeAttribute(key, 'kind')))).toEqual(new Set(['paper', 'author', 'affiliation']));
  });
});
