/**
 * Labels from real text: the seed listing's abstracts, split into the MRI papers, the self-supervised
 * vision papers and the rest. A label must name its group's topic in words its papers use more than others.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { communityColor, labelCommunities } from '../../../src/core/communities';
import { MAX_TERMS, PHRASE_SHARE } from '../../../src/core/communities/labels';

const SEED_LISTING = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
// The listing holds one paper per three lines: header, title + authors, abstract.
const abstracts = readFileSync(SEED_LISTING, 'utf8')
  .split('\n')
  .filter((_line, i) => i % 3 === 2)
  .filter(Boolean);
const isMri = (text: string) => /\bMRI\b/.test(text);
const isSelfSupervisedVision = (text: string) =>
  !isMri(text) && /self-supervised/i.test(text) && /\b(image|images|visual|vision)\b/i.test(text);
const groups = {
  ssl: abstracts.filter(isSelfSupervisedVision),
  mri: abstracts.filter(isMri),
  rest: abstracts.filter((text) => !isMri(text) && !isSelfSupervisedVision(text)),
};
// Words the brief names as noise, plus the commonest English: none may appear in a label.
const NOISE = ['we', 'our', 'paper', 'propose', 'proposed', 'results', 'show', 'approach', 'method', 'the', 'of', 'and', 'in', 'to', 'for', 'with', 'on', 'this', 'that', 'is', 'are', 'a'];

function buildGraph(): Graph {
  const graph = new Graph({ type: 'undirected' });
  const addPapers = (texts: string[], community: number, prefix: string) =>
    texts.forEach((abstract, i) => graph.addNode(`paper:${prefix}-${i}`, { kind: 'paper', title: '', abstract, community }));
  addPapers(groups.ssl, 0, 'ssl');
  addPapers(groups.rest, 1, 'rest');
  addPapers(groups.mri, 2, 'mri');
  // A community without papers: two authors and a category, named by its best-connected members.
  graph.addNode('author:ada', { kind: 'author', name: 'Ada Lovelace', paperCount: 3, community: 3 });
  graph.addNode('author:alan', { kind: 'author', name: 'Alan Turing', paperCount: 1, community: 3 });
  graph.addNode('category:cs.NE', { kind: 'category', name: 'Neural and Evolutionary Computing', code: 'cs.NE', paperCount: 0, community: 3 });
  graph.addEdge('author:ada', 'author:alan', { kind: 'coauthor', weight: 1 });
  graph.addEdge('author:ada', 'category:cs.NE', { kind: 'affiliated', weight: 1 });
  // Two communities holding the very same paper: their labels must still differ.
  graph.addNode('paper:twin-a', { kind: 'paper', title: '', abstract: groups.rest[0], community: 4 });
  graph.addNode('paper:twin-b', { kind: 'paper', title: '', abstract: groups.rest[0], community: 5 });
  return graph;
}

const termsOf = (label: string) => label.split(' · ');
const wordsOf = (label: string) => termsOf(label).flatMap((term) => term.split(' '));
const mentions = (text: string, word: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}-])`, 'u').test(text.toLowerCase());
const share = (texts: string[], word: string) => texts.filter((text) => mentions(text, word)).length / texts.length;

describe('labelCommunities on real abstracts', () => {
  it('picks groups of the expected size from the seed listing', () => {
    expect(groups.mri.length).toBe(2);
    expect(groups.ssl.length).toBeGreaterThanOrEqual(8);
    expect(groups.rest.length).toBeGreaterThanOrEqual(30);
  });

  const graph = buildGraph();
  const communities = labelCommunities(graph);
  const label = (id: number) => communities[id].label;

  it('names each group by its topic', () => {
    expect(termsOf(label(2))).toContain('mri');
    expect(wordsOf(label(0)).some((word) => /^(self-supervised|ssl)$/.test(word))).toBe(true);
  });

  it('uses words that the group’s papers use, and use more than the other papers', () => {
    const texts = [groups.ssl, groups.rest, groups.mri];
    for (const [id, own] of texts.entries()) {
      const others = texts.filter((_t, other) => other !== id).flat();
      expect(termsOf(label(id))).toHaveLength(3);
      for (const word of wordsOf(label(id))) {
        expect(share(own, word), `"${word}" in community ${id}`).toBeGreaterThan(share(others, word));
      }
    }
  });

  it('contains no stopwords nor numbers', () => {
    for (const { label } of communities) {
      for (const word of wordsOf(label)) {
        expect(NOISE).not.toContain(word);
        expect(word).toMatch(/^\p{L}/u);
      }
    }
  });

  it('names a community without papers by its most connected members (categories by code)', () => {
    expect(label(3)).toBe('Ada Lovelace · Alan Turing');
  });

  it('gives distinct labels, never a generic "Cluster N"', () => {
    const labels = communities.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const text of labels) expect(text).not.toMatch(/cluster|community/i);
    expect(termsOf(label(5)).slice(0, 3)).toEqual(termsOf(label(4)).slice(0, 3));
  });

  it('reports sizes, ids and colours consistent with the graph', () => {
    expect(communities.map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(communities.map((c) => c.size)).toEqual([groups.ssl.length, groups.rest.length, groups.mri.length, 3, 1, 1]);
    expect(communities.map((c) => c.color)).toEqual(communities.map((c) => communityColor(c.id)));
    expect(communities.reduce((sum, c) => sum + c.size, 0)).toBe(graph.order);
  });

  it('lists the label\'s terms one by one, 2 to 4 of them', () => {
    for (const c of communities) {
      expect(c.terms.length).toBeGreaterThanOrEqual(2);
      expect(c.terms.length).toBeLessThanOrEqual(MAX_TERMS);
      expect(c.label.startsWith(c.terms.join(' · '))).toBe(true);
    }
    expect(communities[0].terms).toEqual(termsOf(label(0)));
  });

  it('is deterministic', () => {
    expect(labelCommunities(buildGraph())).toEqual(communities);
  });

  it('refuses a graph whose communities were not detected', () => {
    const graph = new Graph({ type: 'undirected' });
    graph.addNode('author:x', { kind: 'author', name: 'X' });
    expect(() => labelCommunities(graph)).toThrow(/detectCommunities/);
  });
});

describe('labelCommunities: readable phrases', () => {
  // Community 0 writes `masked image modeling` in every paper; community 1 is about graphs. Both words of
  // the phrase are distinctive alone, but the reader should see the phrase the papers write.
  const texts = {
    masked: [
      'Masked image modeling learns visual features by predicting masked patches.',
      'We scale masked image modeling to billions of images with sparse encoders.',
      'Masked image modeling meets contrastive pretraining for dense prediction.',
    ],
    graphs: [
      'Graph neural networks aggregate messages over molecular graphs.',
      'Message passing on citation graphs with attention over neighbours.',
      'Spectral graph convolutions for node classification on citation graphs.',
    ],
  };
  const graph = new Graph({ type: 'undirected' });
  Object.values(texts).forEach((group, community) =>
    group.forEach((abstract, i) => graph.addNode(`paper:${community}-${i}`, { kind: 'paper', title: '', abstract, community })),
  );
  const [masked, graphs] = labelCommunities(graph);

  it('shows a word as the two-word phrase that carries it', () => {
    expect(PHRASE_SHARE).toBeGreaterThan(0);
    expect(masked.terms.some((term) => term === 'masked image' || term === 'image modeling')).toBe(true);
    // No word twice in one label: `masked` does not come back alone after `masked image`.
    const words = masked.terms.flatMap((term) => term.split(' '));
    expect(new Set(words).size).toBe(words.length);
  });

  it('keeps single words where no phrase dominates, shown as the papers spell them', () => {
    expect(graphs.terms).toContain('graphs');
    expect(graphs.terms.every((term) => texts.graphs.some((text) => text.toLowerCase().includes(term)))).toBe(true);
  });
});
