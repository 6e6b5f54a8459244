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
import { DEFAULT_SEED } from '../communities/detect';
import { paperGroupFacts, TOP_AUTHORS } from '../communities/facts';
import { LabelCorpus, nameGroups } from '../communities/labels';
import { EDGE_KINDS, type AtlasGraph, type AuthorNode, type Collaboration, type Community } from '../graphFile';
import { edgeTable } from '../graph/edgeTable';
import { placeCollaboration, type PlaceInput, type Placement } from './place';
import type { CollaborationOptions } from './types';
import { sharedFloat64Of, sharedInt32Of } from '../threads/sharedArrays';

export type { CollaborationOptions } from './types';
export { PACKED_TEAM_MAX, RING_SPACING } from './utils';
export { CORE_ITERATIONS } from './place';

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
 * What `placeCollaboration` needs, read from the graph: the co-author edges as arrays over the authors in the
 * order the projection meets them (as `coauthorProjection` builds it), and the solo authors by papers.
 */
export function collaborationInput(graph: AtlasGraph, options: CollaborationOptions = {}): PlaceInput {
  const index = new Map<string, number>();
  const authors: string[] = [];
  const [source, target, weight]: number[][] = [[], [], []];
  const numberOf = (author: string) => index.get(author) ?? (index.set(author, authors.length), authors.push(author) - 1);
  const table = edgeTable(graph);
  const COAUTHOR = EDGE_KINDS.indexOf('coauthor');
  for (let e = 0; e < table.kind.length; e++) {
    if (table.kind[e] !== COAUTHOR) continue;
    source.push(numberOf(table.nodes[table.source[e]]));
    target.push(numberOf(table.nodes[table.target[e]]));
    weight.push(table.weight[e]);
  }
  const solo = graph.filterNodes((key, node) => node.kind === 'author' && !index.has(key));
  return {
    authors,
    source: sharedInt32Of(source),
    target: sharedInt32Of(target),
    weight: sharedFloat64Of(weight),
    solo: byPapers(graph, solo),
    seed: options.seed ?? DEFAULT_SEED,
    layoutIterations: options.layoutIterations,
  };
}

/**
 * Computes the collaboration network and writes it into `graph`: `collabCommunity`/`collabX`/`collabY` on
 * every author, `collaboration: {modularity, communities}` on the graph. Needs no other phase before it.
 */
export function collaborationNetwork(graph: AtlasGraph, options: CollaborationOptions = {}): Collaboration {
  const input = collaborationInput(graph, options);
  return writeCollaboration(graph, input, placeCollaboration(input, options.onProgress), options);
}

/** Writes a placement (`placeCollaboration` of `input`) into `graph`, and names its communities by their papers. */
export function writeCollaboration(graph: AtlasGraph, input: PlaceInput, placement: Placement, options: Pick<CollaborationOptions, 'corpus'> = {}): Collaboration {
  const { authors, solo } = input;
  const { community, count, modularity, x, y } = placement;
  const members: string[][] = Array.from({ length: count }, () => []);
  authors.forEach((author, i) => members[community[i]].push(author));
  if (solo.length) members.push(solo);
  const position = new Map([...authors, ...solo].map((author, i) => [author, i]));
  members.forEach((group, id) => {
    for (const author of group) {
      const i = position.get(author)!;
      graph.mergeNodeAttributes(author, { collabCommunity: id, collabX: x[i], collabY: y[i] });
    }
  });

  const groups = members.map((group) => ({ authors: byPapers(graph, group), papers: papersOf(graph, group) }));
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
