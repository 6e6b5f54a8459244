/**
 * The co-authorship view's graph, derived once from the knowledge graph: authors only, linked by
 * `coauthor` edges (weight = joint papers), placed at the build's own layout for that network
 * (`collabX`/`collabY`) and coloured by its own communities (`collabCommunity`). Node keys are the
 * knowledge graph's, so selection, filters and the details panel work unchanged.
 */
import Graph from 'graphology';
import type { AtlasGraph, AuthorNode, Community } from '../graphFile';

/** Authors are the only nodes here: give them the room the landmark kinds had. */
export const COAUTHOR_SIZE_RANGE: readonly [number, number] = [3, 16];

export function coauthorNetwork(graph: AtlasGraph): AtlasGraph {
  const attributes = graph.getAttributes();
  const communities = new Map<number, Community>((attributes.collaboration?.communities ?? []).map((c) => [c.id, c]));
  const authors: [string, AuthorNode][] = [];
  graph.forEachNode((key, node) => {
    if (node.kind === 'author') authors.push([key, node]);
  });
  // A file whose co-authorship layout is missing (every author at one point) still shows a readable
  // map: the knowledge graph's positions of the same people, rather than one dot.
  const ownLayout = authors.some(([, a]) => a.collabX !== authors[0][1].collabX || a.collabY !== authors[0][1].collabY);
  // A loop, not Math.max(...): spreading 100k+ arguments overflows the call stack.
  const mostPapers = authors.reduce((max, [, a]) => Math.max(max, a.paperCount), 1);
  const [minSize, maxSize] = COAUTHOR_SIZE_RANGE;

  const network = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false }) as AtlasGraph;
  network.replaceAttributes({ ...attributes, communities: [...communities.values()] });
  for (const [key, author] of authors) {
    const community = communities.get(author.collabCommunity);
    network.addNode(key, {
      ...author,
      x: ownLayout ? author.collabX : author.x,
      y: ownLayout ? author.collabY : author.y,
      community: author.collabCommunity,
      color: community?.color ?? author.color,
      // Area grows with paper count, as in the knowledge graph.
      size: Math.round((minSize + (maxSize - minSize) * Math.sqrt(author.paperCount / mostPapers)) * 100) / 100,
    });
  }
  graph.forEachEdge((key, edge, source, target) => {
    if (edge.kind === 'coauthor' && network.hasNode(source) && network.hasNode(target)) network.addEdgeWithKey(key, source, target, edge);
  });
  return network;
}
