/**
 * What a topic cluster is beyond its label: how many papers, who writes most of them, which categories
 * and topics they sit in, and the years they span. Counted over the community's papers only, so an
 * author who belongs elsewhere still shows as a top author of the cluster they publish in.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';

export interface CommunityFacts {
  paperCount: number;
  topAuthors: string[];
  topSubjects: string[];
  years: [number, number] | null;
}

export const TOP_AUTHORS = 5;
export const TOP_SUBJECTS = 4;

/** Keys by count, most first, ties by key (stable output for the same graph). */
export function topByCount(counts: Map<string, number>, n: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([key]) => key);
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Running facts of one group of papers. */
class FactsCounter {
  private paperCount = 0;
  private years: [number, number] | null = null;
  private readonly authors = new Map<string, number>();
  private readonly subjects = new Map<string, number>();

  add(paper: Attributes): void {
    this.paperCount++;
    this.years = this.years ? [Math.min(this.years[0], paper.year), Math.max(this.years[1], paper.year)] : [paper.year, paper.year];
    for (const author of new Set<string>(paper.authors)) increment(this.authors, author);
    if (paper.category) increment(this.subjects, `category:${paper.category}`);
    for (const topic of paper.topics ?? []) increment(this.subjects, topic);
  }

  facts(): CommunityFacts {
    const { paperCount, years } = this;
    return { paperCount, years, topAuthors: topByCount(this.authors, TOP_AUTHORS), topSubjects: topByCount(this.subjects, TOP_SUBJECTS) };
  }
}

/** Facts of every community 0..count-1, by the `community` attribute of paper nodes. */
export function communityFacts(graph: AbstractGraph, count: number): CommunityFacts[] {
  const counters = Array.from({ length: count }, () => new FactsCounter());
  graph.forEachNode((_key, node) => {
    if (node.kind === 'paper') counters[node.community as number].add(node);
  });
  return counters.map((counter) => counter.facts());
}

/** Facts of any group of papers (node keys of `graph`), e.g. the papers of a group of co-authors. */
export function paperGroupFacts(graph: AbstractGraph, papers: Iterable<string>): CommunityFacts {
  const counter = new FactsCounter();
  for (const key of papers) counter.add(graph.getNodeAttributes(key));
  return counter.facts();
}
