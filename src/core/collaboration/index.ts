/**
 * The collaboration network: authors only, linked by `coauthor` edges (weight = joint papers), with its
 * own communities (seeded Louvain, as for the knowledge graph) and its own layout, both computed at build
 * time and stored on the author nodes (`collabCommunity`, `collabX`, `collabY`); the communities, named
 * like topic clusters by their papers' distinctive terms, go to the graph attribute `collaboration`.
 *
 * Authors without a co-author edge (sole authors, or only on papers too large for pairwise edges) have no
 * collaboration to cluster by: Louvain would give each its own community, hundreds of one-person
 * "groups". They form one community of their own instead, the last id, packed on a ring around the network.
 * Small teams (components of at most PACKED_TEAM_MAX authors) keep their communities but are packed around
 * the laid-out core too (see utils.ts): ForceAtlas2 has nothing to arrange in them, and there are thousands.
 */
import Graph from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { communityColor } from '../communities/colors';
import { detectCommunities, DEFAULT_SEED } from '../communities/detect';
import { paperGroupFacts, TOP_AUTHORS } from '../communities/facts';
import { LabelCorpus, nameGroups } from '../communities/labels';
import type { AtlasGraph, AuthorNode, Collaboration, Community } from '../graphFile';
import { chooseMethod, defaultIterations, layoutGraph, multilevelIterations, roundDistinct } from '../layout';
import { prepareForces, refine } from '../layout/multilevel';
import type { CollaborationOptions } from './types';
import { components, extent, packAround, PACKED_TEAM_MAX, type Positions } from './utils';

export type { CollaborationOptions } from './types';
export { PACKED_TEAM_MAX, RING_SPACING } from './utils';

/**
 * Plain ForceAtlas2 iterations for a small core at most: a co-authorship core is sparse and starts grouped by
 * community, so it settles sooner than the knowledge graph (300 cost 5 s of CPU on the 5k arXiv set).
 * A core big enough for the multilevel layout gets that layout's own (fewer) refining iterations.
 */
export const CORE_ITERATIONS = 100;

/** Label of the community of authors without co-authors: what they have in common is exactly that. */
export const SOLO_LABEL = 'authors without co-authors';

/** The co-authorship graph (authors with at least one co-author, `coauthor` edges), and the authors left out. */
export function coauthorProjection(graph: AtlasGraph): { network: AbstractGraph; solo: string[] } {
  const network = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (attributes.kind !== 'coauthor') return;
    network.mergeNode(source);
    network.mergeNode(target);
    network.addEdgeWithKey(edge, source, target, { weight: attributes.weight });
  });
  const solo = graph.filterNodes((key, node) => node.kind === 'author' && !network.hasNode(key));
  return { network, solo };
}

/** Authors by papers, most first (ties: smallest key): who a group of people is known by. */
function byPapers(graph: AtlasGraph, authors: string[]): string[] {
  const papers = (key: string) => (graph.getNodeAttributes(key) as AuthorNode).paperCount;
  return [...authors].sort((a, b) => papers(b) - papers(a) || (a < b ? -1 : 1));
}

/** The papers any of `authors` wrote, each once, in graph order of first author met. */
function papersOf(graph: AtlasGraph, authors: string[]): string[] {
  const papers = new Set<string>();
  for (const author of authors) {
    graph.forEachEdge(author, (_edge, attributes, source, target) => {
      if (attributes.kind === 'authored') papers.add(source === author ? target : source);
    });
  }
  return [...papers];
}

/**
 * Positions for the network's authors and the solo ones: the core (components above PACKED_TEAM_MAX) by
 * `layoutGraph`, small teams packed around it, biggest first, then solo authors (most papers first) around all.
 */
function layoutNetwork(network: AbstractGraph, solo: string[], options: CollaborationOptions): Positions {
  const parts = components(network);
  const coreAuthors = parts.filter((p) => p.length > PACKED_TEAM_MAX).flat();
  // The layout groups by community ids 0..k-1: renumber the core's densely, in the same (size) order.
  const ids = [...new Set(coreAuthors.map((a) => network.getNodeAttribute(a, 'community') as number))].sort((a, b) => a - b);
  const dense = new Map(ids.map((id, i) => [id, i]));
  const communityOfAuthor = (author: string) => dense.get(network.getNodeAttribute(author, 'community'))!;

  const positions: Positions = new Map();
  const taken = new Set<string>();
  for (const [author, [x, y]] of layoutCore(network, coreAuthors, communityOfAuthor, options)) {
    positions.set(author, [x, y]);
    taken.add(`${x},${y}`);
  }
  packAround(parts.filter((p) => p.length <= PACKED_TEAM_MAX), extent(positions.values()), taken, positions);
  packAround(solo.map((author) => [author]), extent(positions.values()), taken, positions);
  return positions;
}

/**
 * The core's positions (rounded, distinct), as `layoutGraph` would give them on the core as a graph of its
 * own. A big core (multilevel layout) is laid out from arrays: copying it into a graphology graph first cost
 * as much as the layout itself (a few seconds at 100k papers). A small one is copied and laid out by FA2.
 */
function layoutCore(network: AbstractGraph, authors: string[], communityOf: (author: string) => number, options: CollaborationOptions): Positions {
  const { seed = DEFAULT_SEED } = options;
  const positions: Positions = new Map();
  if (chooseMethod(authors.length) === 'multilevel') {
    const index = new Map(authors.map((author, i) => [author, i]));
    const [source, target, weight]: number[][] = [[], [], []];
    network.forEachEdge((_edge, attributes, s, t) => {
      if (!index.has(s)) return;
      source.push(index.get(s)!);
      target.push(index.get(t)!);
      weight.push((attributes.weight as number | undefined) ?? 1);
    });
    const edges = { source: Int32Array.from(source), target: Int32Array.from(target), weight: Float64Array.from(weight) };
    const input = prepareForces(Int32Array.from(authors, communityOf), edges, { seed, iterations: options.layoutIterations ?? multilevelIterations(authors.length) });
    refine(input, options.onProgress);
    const rounded = new Set<string>();
    authors.forEach((author, i) => {
      const [x, y] = [input.system.x[i], input.system.y[i]];
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`layout diverged at node ${author}`);
      positions.set(author, roundDistinct(x, y, rounded));
    });
    return positions;
  }
  const core = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const author of authors) core.addNode(author, { community: communityOf(author) });
  network.forEachEdge((edge, attributes, source, target) => {
    if (core.hasNode(source)) core.addEdgeWithKey(edge, source, target, attributes);
  });
  layoutGraph(core, { seed, iterations: options.layoutIterations ?? Math.min(CORE_ITERATIONS, defaultIterations(core.order)), onProgress: options.onProgress });
  core.forEachNode((author, a) => positions.set(author, [a.x, a.y]));
  return positions;
}

/**
 * Computes the collaboration network and writes it into `graph`: `collabCommunity`/`collabX`/`collabY` on
 * every author, `collaboration: {modularity, communities}` on the graph. Needs no other phase before it.
 */
export function collaborationNetwork(graph: AtlasGraph, options: CollaborationOptions = {}): Collaboration {
  const { seed = DEFAULT_SEED } = options;
  const { network, solo } = coauthorProjection(graph);
  const { modularity, count } = detectCommunities(network, { seed });
  const positions = layoutNetwork(network, byPapers(graph, solo), options);

  const members: string[][] = Array.from({ length: count }, () => []);
  network.forEachNode((author, attributes) => members[attributes.community].push(author));
  if (solo.length) members.push(solo);
  members.forEach((authors, id) => {
    for (const author of authors) {
      const [collabX, collabY] = positions.get(author)!;
      graph.mergeNodeAttributes(author, { collabCommunity: id, collabX, collabY });
    }
  });

  const groups = members.map((authors) => ({ authors: byPapers(graph, authors), papers: papersOf(graph, authors) }));
  const corpus = options.corpus ?? new LabelCorpus(graph);
  const names = (authors: string[]) => (wanted: number) => authors.slice(0, wanted).map((a) => (graph.getNodeAttributes(a) as AuthorNode).name);
  const labels = nameGroups(corpus, groups.slice(0, count).map((g) => ({ papers: g.papers, names: names(g.authors) })));
  if (solo.length) labels.push({ label: SOLO_LABEL, terms: [] });

  const communities: Community[] = groups.map((group, id) => ({
    id,
    ...labels[id],
    size: group.authors.length,
    color: communityColor(id),
    ...paperGroupFacts(graph, group.papers),
    // The people of the group, by their papers: its authors' co-authors from other groups are not its own.
    topAuthors: group.authors.slice(0, TOP_AUTHORS),
  }));
  const collaboration = { modularity, communities };
  graph.setAttribute('collaboration', collaboration);
  return collaboration;
}
