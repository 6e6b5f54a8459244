/**
 * The topics panel: the graph's communities (named research clusters) as facts a person can scan,
 * biggest first: a 2–4 term label, how many papers, who publishes there most, which categories and
 * topics, which years. The same labels name the communities in the legend.
 */
import type { AtlasGraph, Community } from '../graphFile';
import { nodeName } from '../details/utils';

export interface TopicRef {
  key: string;
  name: string;
}

export interface TopicSummary {
  id: number;
  label: string;
  color: string;
  /** Nodes in the community (every kind in the knowledge graph; authors in the co-authorship network). */
  size: number;
  paperCount: number;
  topAuthors: TopicRef[];
  /** Categories and topics, most papers first; a category shows its code (`cs.LG`), the rest their name. */
  subjects: TopicRef[];
  /** `2019–2023`, `2021`, or null without papers. */
  years: string | null;
  /** One line of facts: `11 papers · 2016–2023`. */
  facts: string;
}

const AUTHORS_SHOWN = 3;
const SUBJECTS_SHOWN = 4;

/** Biggest first (node count, then papers), ties by id: the order of the legend too. */
export function bySize(a: Community, b: Community): number {
  return b.size - a.size || b.paperCount - a.paperCount || a.id - b.id;
}

export function formatYears(years: readonly [number, number] | null): string | null {
  if (!years) return null;
  return years[0] === years[1] ? String(years[0]) : `${years[0]}–${years[1]}`;
}

function refs(keys: readonly string[], max: number, name: (key: string) => string | undefined): TopicRef[] {
  const found: TopicRef[] = [];
  for (const key of keys) {
    if (found.length === max) break;
    const text = name(key);
    if (text !== undefined) found.push({ key, name: text });
  }
  return found;
}

/** `category:cs.LG` reads `cs.LG` (short, and what the filter shows); topics and keywords by name. */
function subjectName(graph: AtlasGraph, key: string): string | undefined {
  if (!graph.hasNode(key)) return undefined;
  const node = graph.getNodeAttributes(key);
  return node.kind === 'category' ? node.code : nodeName(graph, key);
}

export function summarizeTopic(graph: AtlasGraph, community: Community): TopicSummary {
  const years = formatYears(community.years);
  const papers = `${community.paperCount} ${community.paperCount === 1 ? 'paper' : 'papers'}`;
  return {
    id: community.id,
    label: community.label,
    color: community.color,
    size: community.size,
    paperCount: community.paperCount,
    topAuthors: refs(community.topAuthors, AUTHORS_SHOWN, (key) => nodeName(graph, key)),
    subjects: refs(community.topSubjects, SUBJECTS_SHOWN, (key) => subjectName(graph, key)),
    years,
    facts: years ? `${papers} · ${years}` : papers,
  };
}

/** Every community of `communities`, biggest first, with names resolved in `graph` (dangling keys dropped). */
export function summarizeTopics(graph: AtlasGraph, communities: readonly Community[]): TopicSummary[] {
  return [...communities].sort(bySize).map((c) => summarizeTopic(graph, c));
}

/** Keys of `view`'s nodes in community `id`: what the topics panel highlights and fits the camera to. */
export function topicMembers(view: AtlasGraph, id: number): string[] {
  return view.filterNodes((_key, node) => node.community === id);
}
