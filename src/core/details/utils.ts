import type { AtlasGraph, PaperNode } from '../graphFile';
import type { CommunityRef, CountedRef, PaperRef } from './types';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
export const compareText = collator.compare;

/** ISO dates sort as text; a less precise date (`2023`) sorts before the precise ones of its year. */
export const newestFirst = (a: PaperRef, b: PaperRef) => (a.date < b.date ? 1 : a.date > b.date ? -1 : compareText(a.title, b.title));

export const mostFirst = (a: CountedRef, b: CountedRef) => b.count - a.count || compareText(a.name, b.name);

export const paperRef = (key: string, paper: PaperNode): PaperRef => ({ key, title: paper.title, date: paper.date, year: paper.year });

/** The display name of a node, or `undefined` when the key is dangling. */
export function nodeName(graph: AtlasGraph, key: string): string | undefined {
  if (!graph.hasNode(key)) return undefined;
  const node = graph.getNodeAttributes(key);
  return node.kind === 'paper' ? node.title : node.name;
}

export function communityRef(graph: AtlasGraph, id: number): CommunityRef | null {
  const community = (graph.getAttribute('communities') ?? []).find((c) => c.id === id);
  return community ? { id, label: community.label } : null;
}

/** An author's community in the co-authorship network, or null when the file has none for it. */
export function collaborationRef(graph: AtlasGraph, id: number): CommunityRef | null {
  const community = (graph.getAttribute('collaboration')?.communities ?? []).find((c) => c.id === id);
  return community ? { id, label: community.label } : null;
}

/** Papers adjacent to `key` that really reference it (the edge kind alone does not say which end is which). */
export function papersOf(graph: AtlasGraph, key: string, references: (paper: PaperNode) => boolean): [string, PaperNode][] {
  const papers: [string, PaperNode][] = [];
  graph.forEachNeighbor(key, (neighbor, node) => {
    if (node.kind === 'paper' && references(node)) papers.push([neighbor, node]);
  });
  return papers;
}

/** Tally of keys to ranked `{ key, name, count }`, dropping keys that point nowhere. */
export function ranked(graph: AtlasGraph, tally: Map<string, number>): CountedRef[] {
  const refs: CountedRef[] = [];
  for (const [key, count] of tally) {
    const name = nodeName(graph, key);
    if (name !== undefined) refs.push({ key, name, count });
  }
  return refs.sort(mostFirst);
}

export function increment(tally: Map<string, number>, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}
