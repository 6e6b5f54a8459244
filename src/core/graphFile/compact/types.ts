/**
 * Which node attribute travels in which part of the compact graph files.
 *
 * - structure (binary, first view): what sigma, the legend, the filters and the co-authorship view need —
 *   keys, kinds, positions, sizes, colours, communities, years, categories, author lists (from the edges),
 *   counts, and the short names of the few landmark nodes (categories, affiliations, topics);
 * - labels (JSON, fetched with the structure, merged right after the first frame): paper titles and
 *   author names and their other spellings — map labels and search;
 * - text (JSON shards by node index range, fetched when a panel needs them): everything else, mainly
 *   abstracts, related papers, sources, identifiers. Any attribute this file does not name lands here too,
 *   so a new attribute in the graph file is carried exactly (lazily) without touching the codec.
 */
import type { NodeKind } from '../schema';

export const STRUCTURE_COMMON = ['kind', 'community', 'x', 'y', 'size', 'color'] as const;

export const STRUCTURE_BY_KIND: Record<NodeKind, readonly string[]> = {
  paper: ['year', 'category', 'hasCode', 'authorsTruncated', 'authors', 'affiliations', 'topics'],
  author: ['paperCount', 'collabCommunity', 'collabX', 'collabY'],
  category: ['label', 'name', 'code', 'paperCount'],
  affiliation: ['label', 'name', 'slug', 'paperCount'],
  topic: ['label', 'name', 'scheme', 'paperCount'],
};

/** Label-tier strings of landmark kinds, carried in the structure header. */
export const LANDMARK_TEXT: Partial<Record<NodeKind, readonly string[]>> = {
  category: ['label', 'name', 'code'],
  affiliation: ['label', 'name', 'slug'],
  topic: ['label', 'name', 'scheme'],
};

/** The labels part: label plus the one name attribute of the kind (null when equal to the label). */
export const LABEL_NAME_ATTRIBUTE: Partial<Record<NodeKind, 'title' | 'name'>> = { paper: 'title', author: 'name' };

export function isStructureAttribute(kind: NodeKind, attribute: string): boolean {
  return (STRUCTURE_COMMON as readonly string[]).includes(attribute) || STRUCTURE_BY_KIND[kind].includes(attribute);
}

export function isLabelAttribute(kind: NodeKind, attribute: string): boolean {
  if (!LABEL_NAME_ATTRIBUTE[kind]) return false;
  return attribute === 'label' || attribute === LABEL_NAME_ATTRIBUTE[kind] || (kind === 'author' && attribute === 'aliases');
}

/**
 * Whether an attribute of a kind goes to the text tier (neither structure nor label), remembered per kind and
 * name: the encoder asks for every attribute of every node, millions of times at 100k papers.
 */
export function textTierOf(): (kind: NodeKind, attribute: string) => boolean {
  const known = new Map<NodeKind, Map<string, boolean>>();
  return (kind, attribute) => {
    let ofKind = known.get(kind);
    if (!ofKind) known.set(kind, (ofKind = new Map()));
    let text = ofKind.get(attribute);
    if (text === undefined) ofKind.set(attribute, (text = !isStructureAttribute(kind, attribute) && !isLabelAttribute(kind, attribute)));
    return text;
  };
}

/**
 * What a text-tier attribute holds until its shard arrives: a value of the right type, so code that reads
 * the graph never meets `undefined` (the panel asks for the shard before it shows the node).
 */
export const TEXT_PLACEHOLDERS: Record<string, unknown> = {
  abstract: '',
  doi: null,
  arxivId: null,
  venue: null,
  sources: [],
  related: [],
};

/** The parts of a compact graph, uncompressed, as `encodeAtlas` returns them. */
export interface CompactParts {
  /** Content fingerprint shared by every part of one build. */
  id: string;
  manifest: CompactManifestData;
  structure: Uint8Array;
  labels: string;
  report: string;
  /** The overview part (JSON): what a big graph's first frame is drawn from. */
  overview: string;
  /** Shard i holds nodes manifest.text[i].start … end-1. */
  text: string[];
}

export interface CompactManifestData {
  format: 'paper-atlas-compact';
  version: number;
  id: string;
  nodeCount: number;
  edgeCount: number;
  structure: string;
  labels: string;
  report: string;
  overview?: string;
  text: { file: string; start: number; end: number }[];
}

/** Paper lists rebuilt from the edges: the list attribute and the edge kind that links it. */
export const DERIVED_LISTS = [
  ['authors', 'authored'],
  ['affiliations', 'affiliated'],
  ['topics', 'in_topic'],
] as const;

/**
 * The `coauthor` edges the build derives from paper author lists (src/core/graph/buildGraph.ts): every pair
 * of a paper with at most `cap` authors, smaller key first, in order of first joint paper, weight = joint
 * papers. When a graph's coauthor edges are exactly these, the structure stores none of their ends.
 */
export function coauthorPairs(authorLists: Iterable<readonly string[]>, cap: number): { a: string; b: string; weight: number }[] {
  // Pairs keyed by the two authors' numbers (first seen first), not by a joined string: a million pairs at
  // 100k papers, and building and hashing their strings was most of the time.
  const numbers = new Map<string, number>();
  const numberOf = (author: string) => {
    let n = numbers.get(author);
    if (n === undefined) {
      if (numbers.size === PAIR_BASE) throw new Error(`coauthorPairs: more than ${PAIR_BASE} authors`);
      numbers.set(author, (n = numbers.size));
    }
    return n;
  };
  const pairs = new Map<number, { a: string; b: string; weight: number }>();
  for (const authors of authorLists) {
    if (authors.length > cap) continue;
    for (let i = 0; i < authors.length; i++) {
      for (let j = i + 1; j < authors.length; j++) {
        const [a, b] = authors[i] < authors[j] ? [authors[i], authors[j]] : [authors[j], authors[i]];
        const id = numberOf(a) * PAIR_BASE + numberOf(b);
        const pair = pairs.get(id);
        if (pair) pair.weight++;
        else pairs.set(id, { a, b, weight: 1 });
      }
    }
  }
  return [...pairs.values()];
}

/** Author numbers stay below this (2^26, 67M authors), so a pair's number lo·PAIR_BASE + hi stays below 2^53. */
const PAIR_BASE = 2 ** 26;
