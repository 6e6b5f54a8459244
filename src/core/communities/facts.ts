/**
 * What a topic cluster is beyond its label: how many papers, who writes most of them, which categories
 * and topics they sit in, and the years they span. Counted over the community's papers only, so an
 * author who belongs elsewhere still shows as a top author of the cluster they publish in.
 */
import type { AbstractGraph } from 'graphology-types';

export interface CommunityFacts {
  paperCount: number;
  topAuthors: string[];
  topSubjects: string[];
  years: [number, number] | null;
}

export const TOP_AUTHORS = 5;
export const TOP_SUBJECTS = 4;

/** Keys by count, most first, ties by key (stable output for the same graph). */
function top(counts: Map<string, number>, n: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([key]) => key);
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Facts of every community 0..count-1, by the `community` attribute of paper nodes. */
export function communityFacts(graph: AbstractGraph, count: number): CommunityFacts[] {
  const authors = Array.from({ length: count }, () => new Map<string, number>());
  const subjects = Array.from({ length: count }, () => new Map<string, number>());
  const facts: CommunityFacts[] = Array.from({ length: count }, () => ({ paperCount: 0, topAuthors: [], topSubjects: [], years: null }));
  graph.forEachNode((_key, node) => {
    if (node.kind !== 'paper') return;
    const id = node.community as number;
    const f = facts[id];
    f.paperCount++;
    f.years = f.years ? [Math.min(f.years[0], node.year), Math.max(f.years[1], node.year)] : [node.year, node.year];
    for (const author of new Set<string>(node.authors)) increment(authors[id], author);
    if (node.category) increment(subjects[id], `category:${node.category}`);
    for (const topic of node.topics ?? []) increment(subjects[id], topic);
  });
  facts.forEach((f, id) => {
    f.topAuthors = top(authors[id], TOP_AUTHORS);
    f.topSubjects = top(subjects[id], TOP_SUBJECTS);
  });
  return facts;
}
