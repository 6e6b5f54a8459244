/**
 * The build reads the corpus (every title and abstract, tokenised) on a worker thread while the graph is built,
 * and hands it back as typed arrays. Labels and related papers must not tell the difference: every paper's
 * terms and every query of the vocabulary must be what a vocabulary that read the papers here answers, on the
 * seed and on a real arXiv OAI-PMH page, whatever runs the code (here vitest, whose module loader is its own).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LabelCorpus, paperTexts, readCorpus } from '../../../src/core/communities/corpus';
import { startCorpus } from '../../../src/core/communities/corpusThread';
import { Vocabulary } from '../../../src/core/communities/vocabulary';
import { detectCommunities, labelCommunities } from '../../../src/core/communities';
import { buildGraph } from '../../../src/core/graph';
import { parseOaiPmh } from '../../../src/core/ingest';
import { parseListing } from '../../../src/core/ingest/listing';
import type { ParsedInput } from '../../../src/core/ingest/types';

const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));

describe('the corpus read on a worker thread', () => {
  for (const [name, input] of [
    ['the seed listing', () => parseListing(readFileSync(SEED, 'utf8'), 'data/seed-papers.txt')],
    ['a real OAI-PMH page (1,000 papers)', () => parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)],
  ] as [string, () => ParsedInput][]) {
    it(`answers as a vocabulary that read ${name} on this thread`, () => {
      const graph = buildGraph([input()]);
      const texts = paperTexts(graph);
      const threaded = new LabelCorpus(graph, startCorpus(texts, { thread: true }).result());
      // The reference reads the papers here, one by one, and is queried live (no typed-array hand-over).
      const live = new Vocabulary();
      const liveTerms = texts.titles.map((title, i) => live.read(title, texts.abstracts[i]));

      const papers = graph.filterNodes((_key, node) => node.kind === 'paper');
      expect(papers.length).toBe(liveTerms.length);
      papers.forEach((paper, i) => expect(threaded.termsOf(paper)).toEqual(liveTerms[i]));
      const { vocabulary } = threaded;
      expect(vocabulary.size).toBe(live.size);
      expect(vocabulary.size).toBeGreaterThan(1000);
      expect(vocabulary.total).toBe(live.total);
      let bigrams = 0;
      for (let id = 0; id < live.size; id++) {
        expect([vocabulary.key(id), vocabulary.display(id), vocabulary.weight[id], vocabulary.wordsOf(id)]).toEqual([live.key(id), live.display(id), live.weight[id], live.wordsOf(id)]);
        if (live.isBigram(id)) bigrams++;
      }
      expect(bigrams).toBeGreaterThan(100);
      expect(vocabulary.unigrams()).toEqual(live.unigrams());
    });
  }

  it('names the communities of a real page as reading on this thread does', () => {
    const graph = buildGraph([parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)]);
    detectCommunities(graph);
    const here = labelCommunities(graph);
    const threaded = labelCommunities(graph, { corpus: new LabelCorpus(graph, startCorpus(paperTexts(graph), { thread: true }).result()) });
    expect(here.length).toBeGreaterThan(5);
    expect(threaded).toEqual(here);
  });

  it('weighs the related-papers vectors on the thread as they are weighed here, and a different cap anew', () => {
    const graph = buildGraph([parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)]);
    const papers = graph.filterNodes((_key, node) => node.kind === 'paper');
    const threaded = new LabelCorpus(graph, startCorpus({ ...paperTexts(graph), maxDocumentFrequency: 50 }, { thread: true }).result());
    const here = new LabelCorpus(graph);
    const vectors = threaded.relatedVectors(papers, 50);
    expect(vectors.vectorTerm.length).toBeGreaterThan(papers.length);
    expect(vectors).toEqual(here.relatedVectors(papers, 50));
    const tighter = threaded.relatedVectors(papers, 5);
    expect(tighter.vectorTerm.length).toBeLessThan(vectors.vectorTerm.length);
    expect(tighter).toEqual(here.relatedVectors(papers, 5));
    // Papers in another order are weighed for that order.
    const reversed = [...papers].reverse();
    expect(threaded.relatedVectors(reversed, 50)).toEqual(here.relatedVectors(reversed, 50));
  });

  it('refuses a corpus read from other papers, and a handed-over vocabulary reads no more', () => {
    const graph = buildGraph([parseListing(readFileSync(SEED, 'utf8'), 'data/seed-papers.txt')]);
    const texts = paperTexts(graph);
    const fewer = readCorpus({ titles: texts.titles.slice(1), abstracts: texts.abstracts.slice(1) });
    expect(() => new LabelCorpus(graph, fewer)).toThrow(/read from \d+ papers, but the graph has \d+/);
    expect(() => new LabelCorpus(graph).vocabulary.read('a title', 'an abstract')).toThrow(/reads no more papers/);
  });
});
