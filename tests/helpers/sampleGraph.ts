/**
 * Small, realistic Atlas graphs for tests: real papers copied from `data/seed-papers.txt`, built
 * independently of the real builder and validated against the graph file schema so they stay honest.
 */
import { parseGraphFile, type AtlasGraph, type Community, type GraphFile } from '../../src/core/graphFile';
import { relatedPapers } from '../../src/core/similarity';

export interface SamplePaper {
  title: string;
  /** Spelled as in the source, in source order. */
  authors: string[];
  truncated: boolean;
  date: string;
  category: string;
  hasCode: boolean;
  affiliations: string[];
  community: number;
  abstract: string;
}

const CATEGORY_NAMES: Record<string, string> = {
  'cs.LG': 'Machine Learning',
  'cs.CV': 'Computer Vision and Pattern Recognition',
  'cs.NE': 'Neural and Evolutionary Computing',
  'stat.ML': 'Machine Learning (Statistics)',
};
const AFFILIATION_NAMES: Record<string, string> = { 'meta-ai': 'Meta AI', mila: 'Mila', 'eth-zurich': 'ETH Zurich' };
const COMMUNITY_LABELS = ['self-supervised · representation · vision', 'disentanglement · quantized · factors', 'embeddings · attention · generative'];
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f'];

const p = (
  title: string, authors: string[], truncated: boolean, date: string, category: string,
  community: number, abstract: string, extra: { hasCode?: boolean; affiliations?: string[] } = {},
): SamplePaper => ({ title, authors, truncated, date, category, community, abstract, hasCode: extra.hasCode ?? false, affiliations: extra.affiliations ?? [] });

/** Abstracts are the first sentence of the real ones. */
export const SAMPLE_PAPERS: SamplePaper[] = [
  p('Masked Siamese Networks for Label-Efficient Learning', ['Mahmoud Assran', 'Mathilde Caron', 'Ishan Misra'], true, '2022-04-14', 'cs.LG', 0,
    'We propose Masked Siamese Networks (MSN), a self-supervised learning framework for learning image representations.', { affiliations: ['meta-ai', 'mila'] }),
  p('Disentanglement of Correlated Factors via Hausdorff Factorized Support', ['Karsten Roth', 'Mark Ibrahim', 'Zeynep Akata'], true, '2022-10-13', 'cs.LG', 1,
    'A grand goal in deep learning research is to learn representations capable of generalizing across distribution shifts.', { hasCode: true }),
  p('ImageNet-X: Understanding Model Mistakes with Factor of Variation Annotations', ['Badr Youbi Idrissi', 'Diane Bouchacourt', 'Randall Balestriero'], true, '2022-11-03', 'cs.CV', 0,
    'Deep learning vision systems are widely deployed across applications where reliability is critical.', { affiliations: ['meta-ai'] }),
  p('Do SSL Models Have Déjà Vu? A Case of Unintended Memorization in Self-supervised Learning', ['Casey Meehan', 'Florian Bordes', 'Pascal Vincent'], true, '2023-04-26', 'cs.CV', 0,
    'Self-supervised learning (SSL) algorithms can produce useful image representations by learning to associate different parts of natural images with one another.', { hasCode: true }),
  p('Self-Supervised Disentanglement by Leveraging Structure in Data Augmentations', ['Cian Eastwood', 'Julius von Kügelgen', 'Linus Ericsson'], true, '2023-11-15', 'cs.LG', 1,
    'Self-supervised representation learning often uses data augmentations to induce some invariance to "style" attributes of the data.', { affiliations: ['eth-zurich'] }),
  p('On the Identifiability of Quantized Factors', ['Vitória Barin-Pacela', 'Kartik Ahuja', 'Simon Lacoste-Julien'], true, '2023-06-28', 'cs.LG', 1,
    'Disentanglement aims to recover meaningful latent ground-truth factors from the observed distribution solely, and is formalized through the theory of identifiability.', { affiliations: ['mila'] }),
  p('The Hidden Uniform Cluster Prior in Self-Supervised Learning', ['Mahmoud Assran', 'Randall Balestriero', 'Quentin Duval'], true, '2022-10-13', 'cs.LG', 0,
    'A successful paradigm in representation learning is to perform self-supervised pretraining using tasks based on mini-batch statistics (e.g., SimCLR, VICReg, SwAV, MSN).'),
  p('Guillotine Regularization: Why removing layers is needed to improve generalization in Self-Supervised Learning', ['Florian Bordes', 'Randall Balestriero', 'Quentin Garrido'], true, '2022-06-27', 'cs.LG', 0,
    'One unexpected technique that emerged in recent years consists in training a Deep Network (DN) with a Self-Supervised Learning (SSL) method, and using this network on downstream tasks but with its last few projector layers entirely removed.'),
  p('Towards Democratizing Joint-Embedding Self-Supervised Learning', ['Florian Bordes', 'Randall Balestriero', 'Pascal Vincent'], false, '2023-03-03', 'cs.LG', 0,
    'Joint Embedding Self-Supervised Learning (JE-SSL) has seen rapid developments in recent years, due to its promise to effectively leverage large unlabeled data.'),
  p('PUG: Photorealistic and Semantically Controllable Synthetic Data for Representation Learning', ['Florian Bordes', 'Shashank Shekhar', 'Mark Ibrahim'], true, '2023-08-08', 'cs.CV', 0,
    'Synthetic image datasets offer unmatched advantages for designing and evaluating deep neural networks.'),
  p('Objectives Matter: Understanding the Impact of Self-Supervised Objectives on Vision Transformer Representations', ['Shashank Shekhar', 'Florian Bordes', 'Pascal Vincent'], true, '2023-04-25', 'cs.LG', 0,
    'Joint-embedding based learning (e.g., SimCLR, MoCo, DINO) and reconstruction-based learning (e.g., BEiT, SimMIM, MAE) are the two leading paradigms for self-supervised learning of vision transformers.'),
  p('A surprisingly simple technique to control the pretraining bias for better transfer: Expand or Narrow your representation', ['Florian Bordes', 'Samuel Lavoie', 'Randall Balestriero'], true, '2023-04-11', 'cs.LG', 0,
    'Self-Supervised Learning (SSL) models rely on a pretext task to learn representations.'),
  // The seed gives no affiliation here; Mila is where this line of work was done, and it gives `mila` a repeat author.
  p('Operationalizing Quantized Disentanglement', ['Vitoria Barin-Pacela', 'Kartik Ahuja', 'Simon Lacoste-Julien'], true, '2025-11-25', 'cs.LG', 1,
    'Recent theoretical work established the unsupervised identifiability of quantized factors under any diffeomorphism.', { affiliations: ['mila'] }),
  p('High Fidelity Visualization of What Your Self-Supervised Representation Knows About', ['Florian Bordes', 'Randall Balestriero', 'Pascal Vincent'], false, '2021-12-16', 'cs.LG', 0,
    'Discovering what is learned by neural networks remains a challenge.'),
  p('Learning to Compute Word Embeddings On the Fly', ['Dzmitry Bahdanau', 'Tom Bosc', 'Stanisław Jastrzębski'], true, '2017-06-01', 'cs.LG', 2,
    'Words in natural language follow a Zipfian distribution whereby some words are frequent but most are rare.'),
  p('Learning to Generate Samples from Noise through Infusion Training', ['Florian Bordes', 'Sina Honari', 'Pascal Vincent'], false, '2017-03-20', 'stat.ML', 2,
    'In this work, we investigate a novel training procedure to learn a generative model as the transition operator of a Markov chain.'),
  p('A Cheap Linear Attention Mechanism with Fast Lookups and Fixed-Size Representations', ['Alexandre de Brébisson', 'Pascal Vincent'], false, '2016-09-19', 'cs.LG', 2,
    'The softmax content-based attention mechanism has proven to be very beneficial in many applications of recurrent neural networks.'),
  p('Exact gradient updates in time independent of output size for the spherical loss family', ['Pascal Vincent', 'Alexandre de Brébisson', 'Xavier Bouthillier'], false, '2016-06-26', 'cs.NE', 2,
    'An important class of problems involves training deep neural networks with sparse prediction targets of very high dimension D.'),
];

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}
const slug = (text: string) => fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
export const authorKey = (name: string) => `author:${slug(name)}`;
export const paperKey = (paper: Pick<SamplePaper, 'title' | 'date'>) => `paper:${slug(paper.title).slice(0, 60).replace(/-$/, '')}-${paper.date.slice(0, 4)}`;
/** The sample paper with this title (throws on a typo, so tests fail loudly). */
export function paperKeyOf(title: string): string {
  const paper = SAMPLE_PAPERS.find((s) => s.title === title);
  if (!paper) throw new Error(`no sample paper titled ${title}`);
  return paperKey(paper);
}

/** Most common value, lowest on a tie: the "majority community" a node of many papers belongs to. */
function majority(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

export interface BuildOptions {
  /** Pairwise `coauthor` edges, as the real builder writes them (default true). */
  coauthorEdges?: boolean;
  /** Category codes to add as nodes even without papers. */
  emptyCategories?: string[];
}

/** Builds an Atlas graph from papers, the way the real build shapes it, and checks it against the schema. */
export function buildAtlasGraph(papers: SamplePaper[], options: BuildOptions = {}): AtlasGraph {
  const nodes: GraphFile['nodes'] = [];
  const edges: GraphFile['edges'] = [];
  const spellings = new Map<string, Set<string>>();
  const memberships = new Map<string, number[]>();
  const join = (key: string, community: number) => memberships.set(key, [...(memberships.get(key) ?? []), community]);
  const visual = (label: string, community: number, i: number) =>
    ({ label, community, x: Math.cos(i) * 100, y: Math.sin(i) * 100, size: 2, color: COLORS[community % COLORS.length] });

  papers.forEach((paper, i) => {
    const key = paperKey(paper);
    const authors = [...new Set(paper.authors.map(authorKey))];
    paper.authors.forEach((name) => {
      const k = authorKey(name);
      if (!spellings.has(k)) spellings.set(k, new Set());
      spellings.get(k)!.add(name);
    });
    nodes.push({
      key,
      attributes: {
        kind: 'paper', ...visual(paper.title, paper.community, i), title: paper.title, authors, authorsTruncated: paper.truncated,
        date: paper.date, year: Number(paper.date.slice(0, 4)), category: paper.category, hasCode: paper.hasCode,
        abstract: paper.abstract, affiliations: paper.affiliations.map((s) => `affiliation:${s}`), related: [],
        topics: [], doi: null, arxivId: null, venue: null, sources: [`sample:${i + 1}`],
      },
    });
    for (const a of authors) {
      edges.push({ key: `authored:${a}|${key}`, source: a, target: key, attributes: { kind: 'authored', weight: 1 } });
      join(a, paper.community);
    }
    edges.push({ key: `in_category:${key}`, source: key, target: `category:${paper.category}`, attributes: { kind: 'in_category', weight: 1 } });
    join(`category:${paper.category}`, paper.community);
    for (const s of paper.affiliations) {
      edges.push({ key: `affiliated:${key}|${s}`, source: key, target: `affiliation:${s}`, attributes: { kind: 'affiliated', weight: 1 } });
      join(`affiliation:${s}`, paper.community);
    }
  });

  let i = papers.length;
  const paperCount = (key: string) => memberships.get(key)?.length ?? 0;
  for (const [key, names] of spellings) {
    const aliases = [...names].sort();
    // Most informative spelling: the one keeping the most non-ASCII letters (`Vitória` over `Vitoria`).
    const nonAscii = (s: string) => s.replace(/[\x00-\x7f]/g, '').length;
    const name = aliases.reduce((best, s) => (nonAscii(s) > nonAscii(best) ? s : best));
    const community = majority(memberships.get(key)!);
    nodes.push({ key, attributes: { kind: 'author', ...visual(name, community, i), name, aliases, paperCount: paperCount(key), collabCommunity: community, collabX: Math.cos(i) * 50, collabY: Math.sin(i++) * 50 } });
  }
  const codes = [...new Set([...papers.map((s) => s.category), ...(options.emptyCategories ?? [])])];
  for (const code of codes) {
    const key = `category:${code}`;
    const name = CATEGORY_NAMES[code] ?? code;
    const community = memberships.has(key) ? majority(memberships.get(key)!) : 0;
    nodes.push({ key, attributes: { kind: 'category', ...visual(name, community, i++), name, code, paperCount: paperCount(key) } });
  }
  for (const s of new Set(papers.flatMap((paper) => paper.affiliations))) {
    const key = `affiliation:${s}`;
    const name = AFFILIATION_NAMES[s] ?? s;
    nodes.push({ key, attributes: { kind: 'affiliation', ...visual(name, majority(memberships.get(key)!), i++), name, slug: s, paperCount: paperCount(key) } });
  }

  if (options.coauthorEdges ?? true) {
    const joint = new Map<string, number>();
    for (const node of nodes) {
      if (node.attributes.kind !== 'paper') continue;
      const a = node.attributes.authors;
      for (let x = 0; x < a.length; x++) for (let y = x + 1; y < a.length; y++) {
        const pair = [a[x], a[y]].sort().join('|');
        joint.set(pair, (joint.get(pair) ?? 0) + 1);
      }
    }
    for (const [pair, weight] of joint) {
      const [source, target] = pair.split('|');
      edges.push({ key: `coauthor:${pair}`, source, target, attributes: { kind: 'coauthor', weight } });
    }
  }

  const sizes = new Map<number, number>();
  for (const n of nodes) sizes.set(n.attributes.community, (sizes.get(n.attributes.community) ?? 0) + 1);
  const communities: Community[] = [...sizes].sort((a, b) => a[0] - b[0])
    .map(([id, size]) => {
      const label = COMMUNITY_LABELS[id] ?? `community ${id}`;
      const own = papers.filter((p) => p.community === id);
      const years = own.map((p) => Number(p.date.slice(0, 4)));
      return {
        id, size, label, color: COLORS[id % COLORS.length], terms: label.split(' · '), paperCount: own.length,
        topAuthors: [...new Set(own.flatMap((p) => p.authors.map(authorKey)))].slice(0, 5),
        topSubjects: [...new Set(own.map((p) => `category:${p.category}`))],
        years: years.length ? ([Math.min(...years), Math.max(...years)] as [number, number]) : null,
      };
    });

  const file = {
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    attributes: {
      version: 2, modularity: 0.42, communities, collaboration: { modularity: 0.3, communities },
      report: { inputs: [], rejected: [], duplicates: [], ambiguousAuthors: [] },
    },
    nodes,
    edges,
  };
  const parsed = parseGraphFile(file);
  if (!parsed.ok) throw new Error(`sample graph violates the schema: ${parsed.error}`);
  // Related papers as the build computes them, checked against the schema once more.
  relatedPapers(parsed.graph);
  const withRelated = parseGraphFile(parsed.graph.export());
  if (!withRelated.ok) throw new Error(`sample graph's related papers violate the schema: ${withRelated.error}`);
  return withRelated.graph;
}

/** The full sample: 18 papers around Florian Bordes, Pascal Vincent and Randall Balestriero. */
export function sampleGraph(options: BuildOptions = {}): AtlasGraph {
  return buildAtlasGraph(SAMPLE_PAPERS, options);
}
