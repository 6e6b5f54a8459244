/**
 * Related papers on the real seed listing: what a reader sees in the panel must be papers on the same
 * topic (the same team's first), never the paper itself, never a dangling key, and the same every build;
 * with reasons that are true of both papers. A brute-force all-pairs implementation written here checks
 * the inverted index and its shortcuts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCommunities, phrases, termKey } from '../../../src/core/communities';
import { LabelCorpus } from '../../../src/core/communities/labels';
import { parseOaiPmh } from '../../../src/core/ingest';
import type { AtlasGraph, PaperNode, RelatedPaper } from '../../../src/core/graphFile';
import { buildGraph } from '../../../src/core/graph';
import { withoutExtras, type PaperRecord, type ParsedInput } from '../../../src/core/ingest/types';
import { parseListing } from '../../../src/core/ingest/listing';
import {
  AUTHOR_BONUS, AUTHOR_BONUS_CAP, CITATION_BONUS, DEFAULT_RELATED, MAX_AUTHOR_PAPERS, MAX_SHARED_TERMS, MIN_SCORE, TERMS_PER_PAPER,
  TITLE_WEIGHT, relatedPapers,
  type RelatedOptions,
} from '../../../src/core/similarity';

const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));
const seedInput = (): ParsedInput => parseListing(readFileSync(SEED, 'utf8'), 'data/seed-papers.txt');

/** As the pipeline does it: graph, communities (the reasons name them), related papers. */
function related(inputs: ParsedInput[], options?: RelatedOptions): AtlasGraph {
  const graph = buildGraph(inputs);
  detectCommunities(graph);
  relatedPapers(graph, options);
  return graph;
}

const papersOf = (graph: AtlasGraph) =>
  graph.filterNodes((_key, node) => node.kind === 'paper').map((key) => [key, graph.getNodeAttributes(key) as PaperNode] as const);
const relatedMap = (graph: AtlasGraph) => new Map(papersOf(graph).map(([key, paper]) => [key, paper.related.map(({ key: k, score }) => ({ key: k, score }))]));

const graph = related([seedInput()]);
const papers = papersOf(graph);
const keyOf = (titleStart: string) => {
  const found = papers.filter(([, p]) => p.title.startsWith(titleStart));
  expect(found, titleStart).toHaveLength(1);
  return found[0][0];
};
const relatedKeys = (key: string) => (graph.getNodeAttributes(key) as PaperNode).related.map((r) => r.key);

/**
 * The definition, all pairs, no index: TF-IDF ((1 + ln tf) · ln(N/df), title words counted twice) over
 * terms used by at most maxDf papers, unit length over all of them, then each paper's heaviest
 * `termsPerPaper` terms that another paper uses; cosine plus the author bonus (names on at most
 * MAX_AUTHOR_PAPERS papers) plus the citation bonus (a `cites` edge either way), rounded, listed from MIN_SCORE.
 */
function bruteForce(graph: AtlasGraph, maxDf: number, termsPerPaper = TERMS_PER_PAPER) {
  const all = papersOf(graph);
  const n = all.length;
  const counts = all.map(([, p]) => {
    const tf = new Map<string, number>();
    for (const [text, times] of [[p.title, TITLE_WEIGHT], [p.abstract, 1]] as const) {
      for (const phrase of phrases(text)) for (const word of phrase) tf.set(termKey(word), (tf.get(termKey(word)) ?? 0) + times);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = counts.map((tf) => {
    const weighted = [...tf]
      .filter(([term]) => df.get(term)! <= maxDf)
      .map(([term, count]) => ({ term, weight: (1 + Math.log(count)) * Math.log(n / df.get(term)!) }));
    const norm = Math.sqrt(weighted.reduce((sum, t) => sum + t.weight * t.weight, 0));
    return weighted
      .filter((t) => df.get(t.term)! >= 2 && t.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, termsPerPaper)
      .map((t) => ({ term: t.term, weight: t.weight / norm }));
  });
  const lookup = vectors.map((v) => new Map(v.map((t) => [t.term, t.weight])));
  const authorPapers = new Map<string, number>();
  for (const [, p] of all) for (const a of p.authors) authorPapers.set(a, (authorPapers.get(a) ?? 0) + 1);

  const textCosine = (p: number, q: number) => vectors[p].reduce((sum, t) => (lookup[q].has(t.term) ? sum + t.weight * lookup[q].get(t.term)! : sum), 0);
  const score = (i: number, j: number) => {
    const shared = all[i][1].authors.filter((a) => all[j][1].authors.includes(a) && authorPapers.get(a)! <= MAX_AUTHOR_PAPERS).length;
    const edge = graph.edge(all[i][0], all[j][0]);
    const cites = edge !== undefined && graph.getEdgeAttribute(edge, 'kind') === 'cites';
    return Math.round((textCosine(i, j) + Math.min(AUTHOR_BONUS_CAP, AUTHOR_BONUS * shared) + (cites ? CITATION_BONUS : 0)) * 1000) / 1000;
  };
  const lists = new Map<string, Omit<RelatedPaper, 'reasons'>[]>();
  all.forEach(([key], i) => {
    const scored: Omit<RelatedPaper, 'reasons'>[] = [];
    all.forEach(([other], j) => {
      if (i !== j && score(i, j) >= MIN_SCORE) scored.push({ key: other, score: score(i, j) });
    });
    lists.set(key, scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, DEFAULT_RELATED));
  });
  const index = (key: string) => all.findIndex(([k]) => k === key);
  return {
    lists,
    textCosine: (a: string, b: string) => textCosine(index(a), index(b)),
    score: (a: string, b: string) => score(index(a), index(b)),
  };
}

describe('relatedPapers on the seed listing', () => {
  it('pairs the two quantized-disentanglement papers (same authors, same topic) as each other\'s best', () => {
    const identifiability = keyOf('On the Identifiability of Quantized Factors');
    const operationalizing = keyOf('Operationalizing Quantized Disentanglement');
    expect(relatedKeys(identifiability)[0]).toBe(operationalizing);
    expect(relatedKeys(operationalizing)[0]).toBe(identifiability);
  });

  it('relates the two MRI papers to each other, though they share no author', () => {
    const reducing = keyOf('Reducing Uncertainty in Undersampled MRI');
    const fastMri = keyOf('fastMRI');
    const authors = (key: string) => (graph.getNodeAttributes(key) as PaperNode).authors;
    expect(authors(reducing).filter((a) => authors(fastMri).includes(a))).toEqual([]);
    expect(relatedKeys(reducing)[0]).toBe(fastMri);
    expect(relatedKeys(fastMri)[0]).toBe(reducing);
  });

  it('pairs Motif and MaestroMotif (intrinsic motivation / skills from AI feedback) as each other\'s best', () => {
    const motif = keyOf('Motif: Intrinsic Motivation');
    const maestro = keyOf('MaestroMotif');
    expect(relatedKeys(motif)[0]).toBe(maestro);
    expect(relatedKeys(maestro)[0]).toBe(motif);
  });

  it('groups Masked Siamese Networks, I-JEPA and the Hidden Uniform Cluster Prior at the top of each other\'s lists', () => {
    const msn = keyOf('Masked Siamese Networks');
    const ijepa = keyOf('Self-Supervised Learning from Images with a Joint-Embedding Predictive Architecture');
    const prior = keyOf('The Hidden Uniform Cluster Prior');
    expect(new Set(relatedKeys(msn).slice(0, 2))).toEqual(new Set([ijepa, prior]));
    expect(relatedKeys(ijepa).slice(0, 2)).toEqual([msn, prior]);
    expect(relatedKeys(prior)[0]).toBe(msn);
    // Third, a hair behind a paper sharing Balestriero and pretraining vocabulary: honest, and still on screen.
    expect(relatedKeys(prior).slice(0, 3)).toContain(ijepa);
  });

  it('pairs the two Bayat/Pezeshki papers through their two shared authors, though their abstracts share no term', () => {
    const steering = keyOf('Steering Large Language Model Activations');
    const pitfalls = keyOf('The Pitfalls of Memorization');
    expect(relatedKeys(steering)[0]).toBe(pitfalls);
    expect(relatedKeys(pitfalls)[0]).toBe(steering);
    const entry = (graph.getNodeAttributes(steering) as PaperNode).related[0];
    expect(entry.reasons.sharedAuthors).toEqual(['author:reza-bayat', 'author:mohammad-pezeshki']);
    expect(entry.reasons.sharedTerms).toEqual([]);
  });

  it('ranks the same team\'s paper on the topic above a paper sharing only generic words', () => {
    const objectives = keyOf('Objectives Matter');
    const jointEmbedding = keyOf('Towards Democratizing Joint-Embedding'); // two shared authors, `joint-embedding`
    const imageNetX = keyOf('ImageNet-X'); // shares `explain`, `vision`, `arise`
    const { textCosine } = bruteForce(graph, 50);
    expect(textCosine(objectives, imageNetX)).toBeGreaterThan(textCosine(objectives, jointEmbedding));
    const ranks = relatedKeys(objectives);
    expect(ranks[0]).toBe(jointEmbedding);
    expect(ranks.indexOf(imageNetX) === -1 || ranks.indexOf(imageNetX) > 0).toBe(true);
  });

  it('lists up to k existing other papers, best first then by key, none below the threshold', () => {
    let withRelated = 0;
    for (const [key, paper] of papers) {
      expect(paper.related.length).toBeLessThanOrEqual(DEFAULT_RELATED);
      for (const [i, r] of paper.related.entries()) {
        expect(r.key).not.toBe(key);
        expect(graph.getNodeAttribute(r.key, 'kind')).toBe('paper');
        expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
        expect(r.score).toBe(Math.round(r.score * 1000) / 1000);
        const next = paper.related[i + 1];
        if (next) expect(r.score > next.score || (r.score === next.score && r.key < next.key)).toBe(true);
      }
      if (paper.related.length) withRelated++;
    }
    // Not vacuous: most papers of this listing have related papers.
    expect(withRelated).toBeGreaterThan(papers.length / 2);
  });

  it('is deterministic, whatever order the papers come in', () => {
    const input = seedInput();
    const reversed: ParsedInput = { ...input, papers: [...input.papers].reverse() };
    expect(relatedMap(related([reversed]))).toEqual(relatedMap(graph));
    expect(relatedMap(related([seedInput()]))).toEqual(relatedMap(graph));
  });

  it('gives a paper on an unrelated topic no related paper, and lists it nowhere', () => {
    const input = seedInput();
    const bees: PaperRecord = {
      ...input.papers[0], line: 1000, authors: ['Ada Beekeeper'], affiliations: [], authorsTruncated: false,
      title: 'Overwintering Honeybee Colonies in Alpine Apiaries',
      abstract: 'We count overwintering honeybee colonies across alpine apiaries and relate hive losses to varroa mites and forage.',
    };
    const withBees = related([{ ...input, papers: [...input.papers, bees], records: input.records + 1 }]);
    const beesKey = papersOf(withBees).find(([, p]) => p.title === bees.title)![0];
    expect((withBees.getNodeAttributes(beesKey) as PaperNode).related).toEqual([]);
    for (const [, p] of papersOf(withBees)) expect(p.related.map((r) => r.key)).not.toContain(beesKey);
  });

  it('takes k from the options: a shorter list is a prefix of the longer one', () => {
    const short = relatedMap(related([seedInput()], { k: 2 }));
    for (const [key, list] of relatedMap(graph)) expect(short.get(key)).toEqual(list.slice(0, 2));
  });
});

describe('relatedPapers on the corpus the labels already read (the pipeline passes it in)', () => {
  const fullLists = (g: AtlasGraph) => new Map(papersOf(g).map(([key, paper]) => [key, paper.related]));
  const both = (inputs: ParsedInput[]) => {
    const fromCorpus = buildGraph(inputs);
    detectCommunities(fromCorpus);
    relatedPapers(fromCorpus, { corpus: new LabelCorpus(fromCorpus) });
    return { fromText: fullLists(related(inputs)), fromCorpus: fullLists(fromCorpus) };
  };

  it('gives the very same lists, scores and reasons as reading a corpus itself, on the seed', () => {
    const { fromText, fromCorpus } = both([seedInput()]);
    expect(fromCorpus).toEqual(fromText);
  });

  it('gives the very same lists, scores and reasons on a real arXiv OAI-PMH page (1,000 papers, plurals and variants)', () => {
    const input = parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE);
    const { fromText, fromCorpus } = both([input]);
    expect(fromText.size).toBeGreaterThan(900);
    expect([...fromText.values()].filter((list) => list.length > 0).length).toBeGreaterThan(500);
    expect(fromCorpus).toEqual(fromText);
  });
});

describe('relatedPapers against a brute-force all-pairs implementation', () => {
  it('gives the same lists and scores when no term reaches the cap (50 papers, cap 50)', () => {
    expect(papers).toHaveLength(50);
    expect(relatedMap(graph)).toEqual(bruteForce(graph, 50).lists);
  });

  it('gives the same lists with a cap small enough to drop common terms (cap 5)', () => {
    const capped = related([seedInput()], { maxDocumentFrequency: 5 });
    const expected = bruteForce(capped, 5).lists;
    expect(relatedMap(capped)).toEqual(expected);
    // The cap changes the answer: it is really applied.
    expect(expected).not.toEqual(relatedMap(graph));
  });

  it('scores no pair above its unpruned cosine, and keeps most unpruned best matches', () => {
    // Pruning to the heaviest terms drops (positive) terms from a dot product: scores can only fall,
    // and a paper's best match may fall below another. The seed is the hard case: 50 papers on many
    // topics, so most terms are rare and weights flat. On it, 3 in 4 papers keep their best match.
    const full = bruteForce(graph, 50, Infinity);
    let agree = 0;
    let compared = 0;
    for (const [key, list] of relatedMap(graph)) {
      for (const r of list) expect(r.score).toBeLessThanOrEqual(full.score(key, r.key));
      const best = full.lists.get(key)![0];
      if (!best) continue;
      compared++;
      if (list.some((r) => r.key === best.key)) agree++;
    }
    expect(compared).toBeGreaterThan(30);
    expect(agree / compared).toBeGreaterThanOrEqual(0.7);
  });
});

describe('relatedPapers: names on many papers', () => {
  // Papers with nothing in common but three names: the same team relates them, unless the names are on too many papers.
  const byTheSameTeam = (count: number): ParsedInput => ({
    file: 'pair.txt', format: 'listing', records: count, rejected: [],
    papers: Array.from({ length: count }, (_, i) => ({
      file: 'pair.txt', line: i + 1, title: `Topic${i} Study`, authors: ['Ann Prolific', 'Bob Second', 'Cy Third'], authorsTruncated: false,
      date: '2024-01-01', category: 'cs.LG', hasCode: false, abstract: `Word${i}a word${i}b word${i}c.`, affiliations: [], ...withoutExtras(),
    })),
  });

  it('relates papers through shared authors alone', () => {
    const lists = [...relatedMap(related([byTheSameTeam(MAX_AUTHOR_PAPERS)])).values()];
    expect(lists.every((list) => list.length === DEFAULT_RELATED && list.every((r) => r.score === Math.round(3 * AUTHOR_BONUS * 1000) / 1000))).toBe(true);
  });

  it('skips names on more than MAX_AUTHOR_PAPERS papers', () => {
    const lists = [...relatedMap(related([byTheSameTeam(MAX_AUTHOR_PAPERS + 1)])).values()];
    expect(lists.every((list) => list.length === 0)).toBe(true);
  });
});

/** The folded words of a paper's title and abstract: what `sharedTerms` must be drawn from. */
const foldedWords = (paper: PaperNode) => new Set([paper.title, paper.abstract].flatMap((text) => phrases(text).flat().map(termKey)));

describe('related papers\' reasons on the seed listing', () => {
  const { textCosine } = bruteForce(graph, 50);
  const corpusWords = new Set(papers.flatMap(([, p]) => [p.title, p.abstract].flatMap((text) => phrases(text).flat())));
  const entries = papers.flatMap(([key, paper]) => paper.related.map((r) => ({ key, paper, other: graph.getNodeAttributes(r.key) as PaperNode, r })));

  it('names exactly the authors both papers have, in the paper\'s author order', () => {
    expect(entries.some(({ r }) => r.reasons.sharedAuthors.length > 0)).toBe(true);
    for (const { paper, other, r } of entries) expect(r.reasons.sharedAuthors).toEqual(paper.authors.filter((a) => other.authors.includes(a)));
  });

  it('lists shared terms that occur in both texts, spelled as the papers write them, exactly when the texts overlap', () => {
    for (const { key, paper, other, r } of entries) {
      const { sharedTerms } = r.reasons;
      expect(sharedTerms.length).toBeLessThanOrEqual(MAX_SHARED_TERMS);
      expect(new Set(sharedTerms).size).toBe(sharedTerms.length);
      for (const term of sharedTerms) {
        expect(foldedWords(paper), `${term} in ${key}`).toContain(termKey(term));
        expect(foldedWords(other), `${term} in ${r.key}`).toContain(termKey(term));
        expect(corpusWords).toContain(term);
      }
      expect(sharedTerms.length > 0).toBe(textCosine(key, r.key) > 0);
    }
  });

  it('says what the two MRI papers and the two quantized-factors papers share, most telling term first', () => {
    const reasons = (a: string, b: string) => (graph.getNodeAttributes(keyOf(a)) as PaperNode).related.find((r) => r.key === keyOf(b))!.reasons;
    const mri = reasons('Reducing Uncertainty in Undersampled MRI', 'fastMRI');
    expect(mri.sharedTerms.slice(0, 2)).toEqual(['mri', 'reconstruction']);
    expect(mri.sharedAuthors).toEqual([]);
    const quantized = reasons('On the Identifiability of Quantized Factors', 'Operationalizing Quantized Disentanglement');
    expect(quantized.sharedTerms).toContain('quantized');
    expect(quantized.sharedTerms).toContain('factors'); // the plural both write, not the folded key `factor`
    expect(quantized.sharedAuthors).toHaveLength(3);
  });

  it('tells whether the two papers share a community and a category, as the graph has them', () => {
    const sameCommunity = entries.map(({ paper, other, r }) => {
      expect(r.reasons.sameCommunity).toBe(paper.community === other.community);
      expect(r.reasons.sameCategory).toBe(paper.category !== null && paper.category === other.category);
      expect(r.reasons.citation).toBeNull(); // the listing has no references
      return r.reasons.sameCommunity;
    });
    // Not vacuous: both answers occur.
    expect(new Set(sameCommunity)).toEqual(new Set([true, false]));
  });
});

describe('relatedPapers: citations', () => {
  // fastMRI cites Motif: no shared author, no shared vocabulary, yet the citation relates them.
  const input = seedInput();
  const find = (start: string) => input.papers.findIndex((p) => p.title.startsWith(start));
  const motif = find('Motif: Intrinsic Motivation');
  const fastMri = find('fastMRI');
  input.papers[motif] = { ...input.papers[motif], sourceId: 'W-motif' };
  input.papers[fastMri] = { ...input.papers[fastMri], references: ['W-motif'] };
  const cited = related([input]);
  const keyIn = (title: string) => papersOf(cited).find(([, p]) => p.title.startsWith(title))![0];
  const entryOf = (from: string, to: string) => (cited.getNodeAttributes(keyIn(from)) as PaperNode).related.find((r) => r.key === keyIn(to));

  it('lists a cited paper with its direction, on both sides, even without shared text or authors', () => {
    expect(bruteForce(cited, 50).textCosine(keyIn('fastMRI'), keyIn('Motif:'))).toBe(0);
    const citing = entryOf('fastMRI', 'Motif:');
    const citedBy = entryOf('Motif:', 'fastMRI');
    expect(citing?.reasons.citation).toBe('cites');
    expect(citedBy?.reasons.citation).toBe('cited-by');
    expect(citing?.score).toBe(CITATION_BONUS);
    expect(citing?.reasons.sharedAuthors).toEqual([]);
    expect(citing?.reasons.sharedTerms).toEqual([]);
  });

  it('adds the citation bonus to the score, as the brute-force definition does', () => {
    expect(relatedMap(cited)).toEqual(bruteForce(cited, 50).lists);
    expect(relatedMap(cited)).not.toEqual(relatedMap(graph));
  });
});
