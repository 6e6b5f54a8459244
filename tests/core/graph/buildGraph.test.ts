import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, MAX_COAUTHORS_PER_PAPER } from '../../../src/core/graph';
import { generateCorpus } from '../../../src/core/synthetic';
import { parseListing } from '../../../src/core/ingest/listing';
import { readInputs } from '../../../src/core/ingest';
import type { AuthorNode, PaperNode } from '../../../src/core/graphFile';

const SEED_PATH = resolve(import.meta.dirname, '../../../data/seed-papers.txt');
const seedText = readFileSync(SEED_PATH, 'utf8');
const seed = () => parseListing(seedText, 'data/seed-papers.txt');

function kindsOf(graph: ReturnType<typeof buildGraph>) {
  const counts: Record<string, number> = {};
  graph.forEachNode((_, a) => (counts[a.kind] = (counts[a.kind] ?? 0) + 1));
  return counts;
}

describe('buildGraph on the seed listing', () => {
  const graph = buildGraph([seed()]);

  it('has one node per paper, person, category and affiliation', () => {
    expect(kindsOf(graph)).toEqual({ paper: 50, author: 81, category: 6, affiliation: 3 });
    expect(graph.type).toBe('undirected');
  });

  it('merges the two spellings of Vitória Barin-Pacela into one author with both aliases', () => {
    const v = graph.getNodeAttributes('author:vitoria-barin-pacela') as AuthorNode;
    expect(v.name).toBe('Vitória Barin-Pacela');
    expect(v.aliases).toEqual(['Vitoria Barin-Pacela', 'Vitória Barin-Pacela']);
    expect(v.paperCount).toBe(2);
    expect(graph.neighbors('author:vitoria-barin-pacela').filter((n) => n.startsWith('paper:'))).toHaveLength(2);
  });

  it('keeps paper attributes: ordered author keys, cut lists, dates, categories, code flags, affiliations', () => {
    const key = graph.findNode((_, a) => a.kind === 'paper' && a.title === 'Masked Siamese Networks for Label-Efficient Learning')!;
    expect(key).toBe('paper:masked-siamese-networks-for-label-efficient-learning-2022');
    const p = graph.getNodeAttributes(key) as PaperNode;
    expect(p.authors).toEqual(['author:mahmoud-assran', 'author:mathilde-caron', 'author:ishan-misra']);
    expect(p).toMatchObject({ authorsTruncated: true, date: '2022-04-14', year: 2022, category: 'cs.LG', hasCode: false });
    expect(p.affiliations).toEqual(['affiliation:meta-ai', 'affiliation:mila']);
    expect(graph.hasEdge(key, 'category:cs.LG')).toBe(true);
    expect(graph.getNodeAttribute('affiliation:meta-ai', 'label')).toBe('Meta AI');
    expect(graph.getNodeAttribute('category:stat.ML', 'label')).toBe('Machine Learning (Statistics)');
  });

  it('weights co-author edges by joint papers, counted independently from the parsed records', () => {
    const records = seed().papers;
    const joint = (a: string, b: string) => records.filter((r) => r.authors.includes(a) && r.authors.includes(b)).length;
    expect(joint('Florian Bordes', 'Pascal Vincent')).toBe(5);
    const edge = graph.edge('author:florian-bordes', 'author:pascal-vincent')!;
    expect(graph.getEdgeAttributes(edge)).toEqual({ kind: 'coauthor', weight: 5 });
    graph.forEachEdge((_, attrs, source, target, s, t) => {
      if (attrs.kind !== 'coauthor') return;
      const names = [s, t].map((n) => (n as AuthorNode).aliases);
      const count = records.filter((r) => names.every((aliases) => r.authors.some((a) => aliases.includes(a)))).length;
      expect(attrs.weight, `${source} – ${target}`).toBe(count);
    });
  });

  it('refuses a change to one edge that would change every edge sharing its attributes', () => {
    const g = buildGraph([seed()]);
    const authored = g.filterEdges((_e, a) => a.kind === 'authored');
    expect(() => g.setEdgeAttribute(authored[0], 'weight', 3)).toThrow(TypeError);
    expect(authored.map((e) => g.getEdgeAttribute(e, 'weight'))).toEqual(authored.map(() => 1));
    // Copies of the graph are plain again.
    const copy = g.copy();
    copy.setEdgeAttribute(authored[0], 'weight', 3);
    expect([copy.getEdgeAttribute(authored[0], 'weight'), copy.getEdgeAttribute(authored[1], 'weight')]).toEqual([3, 1]);
  });

  it('counts papers per author, category and affiliation from the edges that exist', () => {
    graph.forEachNode((node, a) => {
      if (a.kind === 'paper') return;
      const papers = graph.neighbors(node).filter((n) => graph.getNodeAttribute(n, 'kind') === 'paper');
      expect(a.paperCount, node).toBe(papers.length);
    });
  });

  it('reports every input record', () => {
    const { report } = graph.getAttributes();
    expect(report.inputs).toEqual([{ file: 'data/seed-papers.txt', format: 'listing', records: 50, accepted: 50, rejected: 0 }]);
    expect(report.rejected).toEqual([]);
    expect(report.duplicates).toEqual([]);
  });
});

describe('duplicates', () => {
  it('merges a paper seen twice (same title and date, other case/accents) and says so in the report', () => {
    const lines = seedText.split('\n');
    // The Vitória record (header on line 22) again in another file, with its title lowercased and its Code flag set.
    const start = lines.findIndex((l) => l.startsWith('On the Identifiability of Quantized Factors')) - 1;
    const copy = [lines[start] + 'Code', lines[start + 1].replace('On the Identifiability', 'on the identifiability'), lines[start + 2]].join('\n');
    const extra = parseListing(copy + '\n', 'more.txt');
    expect(extra.papers).toHaveLength(1);
    const graph = buildGraph([seed(), extra]);
    expect(kindsOf(graph).paper).toBe(50);
    const { report } = graph.getAttributes();
    expect(report.duplicates).toEqual([
      {
        file: 'more.txt',
        line: 1,
        mergedInto: 'paper:on-the-identifiability-of-quantized-factors-2023',
        reason: `same title and date as the paper at data/seed-papers.txt:${start + 1}; merged`,
      },
    ]);
    expect(report.inputs.map((i) => [i.file, i.records, i.accepted])).toEqual([['data/seed-papers.txt', 50, 50], ['more.txt', 1, 1]]);
    expect((graph.getNodeAttributes('paper:on-the-identifiability-of-quantized-factors-2023') as PaperNode).hasCode).toBe(true);
  });

  it('keeps papers with the same title but different dates apart', () => {
    const lines = seedText.split('\n').slice(0, 3);
    const later = [lines[0].replace('2022', '2024'), lines[1], lines[2]].join('\n');
    const graph = buildGraph([parseListing(lines.join('\n'), 'a.txt'), parseListing(later, 'b.txt')]);
    expect(kindsOf(graph).paper).toBe(2);
    expect(graph.getAttribute('report').duplicates).toEqual([]);
  });
});

describe('duplicates across real sources', () => {
  const DATASETS = resolve(import.meta.dirname, '../../../../shared/datasets');
  const kaggle = resolve(DATASETS, 'arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.200.jsonl');
  const oai = resolve(DATASETS, 'arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml');

  it.skipIf(!existsSync(kaggle) || !existsSync(oai))('merges the arXiv snapshot and OAI-PMH copies of one paper, even a day apart', async () => {
    const { inputs, errors } = await readInputs([kaggle, oai]);
    expect(errors).toEqual([]);
    const graph = buildGraph(inputs);
    const { duplicates } = graph.getAttribute('report');
    // 8 arXiv ids are in both files (0704.0002 … 0704.0108); every one merges, nothing else does.
    expect(duplicates).toHaveLength(8);
    expect(duplicates.every((d) => d.file === oai)).toBe(true);
    const sparsity = duplicates.find((d) => d.mergedInto.startsWith('paper:sparsity-certifying-graph-decompositions'))!;
    if (inputs.every((i) => i.papers.every((p) => p.arxivId))) {
      // Both parsers give the arXiv id: the first rule matches, whatever the dates.
      expect(sparsity.reason).toMatch(/^same arXiv id 0704\.0002 as /);
    } else {
      // Title and date: the snapshot dates v1 in GMT (31 Mar), OAI-PMH in Eastern time (30 Mar).
      expect(sparsity.reason).toMatch(/2007-03-30 here, 2007-03-31 there/);
    }
    const papers = graph.filterNodes((_, a) => a.kind === 'paper');
    expect(papers).toHaveLength(inputs[0].papers.length + inputs[1].papers.length - 8);
    // Part I and Part II share everything but their last words: two papers.
    const parts = papers.filter((k) => graph.getNodeAttribute(k, 'label').startsWith('Intelligent location of simultaneously active'));
    expect(parts).toHaveLength(2);
  });

  it('keeps same-titled papers two days apart apart', () => {
    const lines = seedText.split('\n').slice(0, 3);
    const shifted = [lines[0].replace('Apr 14', 'Apr 16'), lines[1], lines[2]].join('\n');
    const nextDay = [lines[0].replace('Apr 14', 'Apr 15'), lines[1], lines[2]].join('\n');
    expect(kindsOf(buildGraph([parseListing(lines.join('\n'), 'a.txt'), parseListing(shifted, 'b.txt')])).paper).toBe(2);
    expect(kindsOf(buildGraph([parseListing(lines.join('\n'), 'a.txt'), parseListing(nextDay, 'b.txt')])).paper).toBe(1);
  });
});

describe('buildGraph on a synthetic corpus', () => {
  const { input } = generateCorpus({ papers: 600, seed: 5 });
  const graph = buildGraph([input]);

  it('adds co-author edges smaller key first, in order of first joint paper, weighted by joint papers', () => {
    const pairs = new Map<string, number>(); // `smaller larger` → joint papers
    graph.forEachNode((_, a) => {
      if (a.kind !== 'paper' || a.authors.length > MAX_COAUTHORS_PER_PAPER) return;
      a.authors.forEach((x, i) => a.authors.slice(i + 1).forEach((y) => {
        const pair = x < y ? `${x} ${y}` : `${y} ${x}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      }));
    });
    const edges: [string, number][] = [];
    graph.forEachEdge((_, attrs, source, target) => void (attrs.kind === 'coauthor' && edges.push([`${source} ${target}`, attrs.weight])));
    expect(edges.length).toBeGreaterThan(300);
    // In order of the first paper both wrote (and, within it, of the author list).
    expect(edges).toEqual([...pairs]);
  });

  it('names the citing paper on each citation edge', () => {
    const cites = graph.filterEdges((_, a) => a.kind === 'cites');
    expect(cites.length).toBeGreaterThan(100);
    for (const edge of cites) expect([graph.source(edge), graph.target(edge)]).toContain(graph.getEdgeAttribute(edge, 'citing'));
  });
});
