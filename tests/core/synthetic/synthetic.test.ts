import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph';
import { GENERAL_WORDS, generateCorpus } from '../../../src/core/synthetic';

const corpus = generateCorpus({ papers: 4000, seed: 7 });
const papers = corpus.input.papers;

function papersPerAuthor(): number[] {
  const counts = new Map<string, number>();
  for (const p of papers) for (const a of p.authors) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a);
}

/** Share of all items held by the top `share` of holders: about `share` for an even spread. */
function topShare(sortedDescending: number[], share: number): number {
  const total = sortedDescending.reduce((s, v) => s + v, 0);
  const top = sortedDescending.slice(0, Math.ceil(sortedDescending.length * share)).reduce((s, v) => s + v, 0);
  return top / total;
}

const topicWordsOf = (abstract: string) => new Set(abstract.replace(/\./g, '').split(' ').filter((w) => !GENERAL_WORDS.includes(w)));
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives the same corpus, another seed another one', () => {
    const again = generateCorpus({ papers: 4000, seed: 7 });
    expect(again.input).toEqual(corpus.input);
    expect([...again.topicOf]).toEqual([...corpus.topicOf]);
    expect(generateCorpus({ papers: 4000, seed: 8 }).input.papers[0]).not.toEqual(papers[0]);
  });

  it('gives as many papers as asked, each a valid record with an arXiv-like category, id and date', () => {
    expect(papers).toHaveLength(4000);
    expect(corpus.input.records).toBe(4000);
    for (const p of papers) {
      expect(p.category).toMatch(/^[a-z-]+(\.[A-Za-z-]+)?$/);
      expect(p.date).toMatch(/^(199[5-9]|20[12]\d|200\d)-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
      expect(p.arxivId).toMatch(/^\d{4}\.\d{5}$/);
      expect(p.authors.length).toBeGreaterThan(0);
      expect(new Set(p.authors).size).toBe(p.authors.length);
      if (p.authorAffiliations.length) expect(p.authorAffiliations).toHaveLength(p.authors.length);
    }
    expect(new Set(papers.map((p) => p.arxivId)).size).toBe(4000);
  });

  it('builds into a graph with one node per paper (nothing merges) and in-corpus citations', () => {
    const graph = buildGraph([corpus.input]);
    expect(graph.filterNodes((_n, a) => a.kind === 'paper')).toHaveLength(4000);
    expect(graph.filterEdges((_e, a) => a.kind === 'cites').length).toBeGreaterThan(2000);
    expect(graph.filterNodes((_n, a) => a.kind === 'affiliation').length).toBeGreaterThan(10);
  });

  it('has heavy-tailed authors per paper and papers per author', () => {
    const perPaper = papers.map((p) => p.authors.length).sort((a, b) => b - a);
    expect(perPaper[perPaper.length >> 1]).toBeLessThanOrEqual(2); // most papers: one or two authors
    expect(perPaper[0]).toBeGreaterThanOrEqual(30); // and a few big collaborations
    const perAuthor = papersPerAuthor();
    expect(perAuthor[perAuthor.length >> 1]).toBe(1); // most people: one paper
    expect(perAuthor[0]).toBeGreaterThanOrEqual(30); // a few prolific ones
    expect(topShare(perAuthor, 0.05)).toBeGreaterThan(0.2); // the top 5% hold over a fifth of the slots
  });

  it('plants topics a reader can recover: papers of one topic share far more vocabulary than papers of two', () => {
    let same = 0;
    let sameCount = 0;
    let different = 0;
    let differentCount = 0;
    for (let i = 0; i + 1 < 2000; i++) {
      const j = (i * 7 + 13) % 4000;
      const similarity = jaccard(topicWordsOf(papers[i].abstract), topicWordsOf(papers[j].abstract));
      if (corpus.topicOf[i] === corpus.topicOf[j]) [same, sameCount] = [same + similarity, sameCount + 1];
      else [different, differentCount] = [different + similarity, differentCount + 1];
    }
    expect(sameCount).toBeGreaterThan(20);
    expect(same / sameCount).toBeGreaterThan(5 * (different / differentCount));
  });

  it('ties topics together with a few cross-topic authors, and more topics for bigger corpora', () => {
    const topicsOfAuthor = new Map<string, Set<number>>();
    papers.forEach((p, i) => p.authors.forEach((a) => topicsOfAuthor.set(a, (topicsOfAuthor.get(a) ?? new Set()).add(corpus.topicOf[i]))));
    const crossing = [...topicsOfAuthor.values()].filter((t) => t.size > 1).length;
    expect(crossing).toBeGreaterThan(0);
    expect(crossing).toBeLessThan(0.25 * topicsOfAuthor.size);
    expect(generateCorpus({ papers: 16000, abstractWords: [0, 0] }).topicCount).toBeGreaterThan(corpus.topicCount);
  });
});
