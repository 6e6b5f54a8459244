/**
 * Compact parts → the graph. `decodeStructure` gives a graph sigma, the legend and the filters can use at
 * once: every node has every attribute of its kind, those of the later parts holding typed placeholders
 * ('' titles, empty abstracts and related lists, the year as date) until `mergeLabels`, `mergeTextShard`
 * and `mergeReport` fill them in place. Every part is checked (zod for JSON, bounds for bytes) and a bad
 * one throws a `CompactFormatError` saying which part and what is wrong. It runs in two stages the app can
 * pull apart: `readStructure` (structure.ts: bytes → checked arrays, in a worker) and `graphSteps` (arrays → graph).
 */
import Graph from 'graphology';
import { EDGE_KINDS, NODE_KINDS, NodeAttributesSchema, type AtlasGraph, type EdgeAttributes, type NodeKind, type Report } from '../index';
import type { OverviewTallies } from '../../overview/types';
import { CompactFormatError } from './bytes';
import { hashedNeighbours } from '../../graph/hashedNeighbours';
import { LabelsPartSchema, OverviewPartSchema, ReportPartSchema, TextShardSchema, type StructureHeader } from './schema';
import { describeIssues, readStructure, type ListName, type StructureData } from './structure';
import { LABEL_NAME_ATTRIBUTE, LANDMARK_TEXT, TEXT_PLACEHOLDERS, isLabelAttribute, isStructureAttribute } from './types';

export { readStructure, structureBuffers, type StructureData } from './structure';

type Attrs = Record<string, unknown>;

export interface CompactGraph {
  graph: AtlasGraph;
  header: StructureHeader;
  /** Node keys by index (the order of the graph file). */
  keys: string[];
  labelsMerged: boolean;
  /** Start indices of the text shards merged so far. */
  shardsMerged: Set<number>;
  reportMerged: boolean;
}

const EMPTY_REPORT: Report = { inputs: [], rejected: [], duplicates: [], ambiguousAuthors: [] };

/** Items added to the graph between two yields of `graphSteps`. */
const STEP_ITEMS = 50_000;

/** How each attribute of one node kind gets its value while the graph is built, in the file's attribute order. */
type AttributePlan = [name: string, value: (i: number, nth: number) => unknown][];

function attributePlans(data: StructureData): Record<NodeKind, AttributePlan> {
  const { header, kinds, communities, colors, palette, x, y, sizes, years, keys } = data;
  const { paperCategories, paperFlags, derived, explicit, authorPaperCounts, collabCommunities, collabX, collabY, groupPaperCounts } = data.rest;
  const landmarkText = new Map(header.landmarks.map((l) => [l.index, l.attributes]));
  const list = (name: ListName) => (_i: number, p: number) => {
    const listed = explicit.get(p);
    if (listed) return listed[name];
    const { offsets, members } = derived[name];
    const values: string[] = new Array(offsets[p + 1] - offsets[p]);
    for (let k = offsets[p]; k < offsets[p + 1]; k++) values[k - offsets[p]] = keys[members[k]];
    return values;
  };
  const common: Record<string, (i: number, nth: number) => unknown> = {
    kind: (i) => NODE_KINDS[kinds[i]], community: (i) => communities[i], x: (i) => x[i], y: (i) => y[i], size: (i) => sizes[i], color: (i) => palette[colors[i]],
  };
  // `nth`: the node's number among nodes of its kind (papers, authors) or among the other kinds together.
  const byKind: Record<NodeKind, Record<string, (i: number, nth: number) => unknown>> = {
    paper: {
      year: (i) => years[i], date: (i) => String(years[i]),
      category: (_i, p) => (paperCategories[p] === 0 ? null : header.categories[paperCategories[p] - 1]),
      hasCode: (_i, p) => (paperFlags[p] & 1) !== 0, authorsTruncated: (_i, p) => (paperFlags[p] & 2) !== 0,
      authors: list('authors'), affiliations: list('affiliations'), topics: list('topics'),
    },
    author: { paperCount: (_i, a) => authorPaperCounts[a], collabCommunity: (_i, a) => collabCommunities[a], collabX: (_i, a) => collabX[a], collabY: (_i, a) => collabY[a] },
    category: {}, affiliation: {}, topic: {},
  };
  for (const kind of ['category', 'affiliation', 'topic'] as const) {
    byKind[kind].paperCount = (_i, g) => groupPaperCounts[g];
    for (const name of LANDMARK_TEXT[kind]!) {
      byKind[kind][name] = (i) => {
        const text = landmarkText.get(i);
        if (!text) throw new CompactFormatError(`structure.bin is corrupted: ${kind} ${keys[i]} has no name in the header`);
        return text[name as keyof typeof text];
      };
    }
  }
  const plans = {} as Record<NodeKind, AttributePlan>;
  for (const kind of NODE_KINDS) {
    const order = header.attributeOrder[kind];
    plans[kind] = [];
    if (!order) continue;
    for (const name of order) {
      const value = common[name] ?? byKind[kind][name];
      if (value) plans[kind].push([name, value]);
      else if (isLabelAttribute(kind, name)) plans[kind].push([name, name === 'aliases' ? () => [] : () => '']);
      else if (!isStructureAttribute(kind, name)) {
        // A fresh empty array per node (never shared); strings and nulls as they are.
        const placeholder = TEXT_PLACEHOLDERS[name];
        plans[kind].push([name, Array.isArray(placeholder) ? () => [] : () => placeholder]);
      }
    }
  }
  return plans;
}

/**
 * Builds the graph from `readStructure`'s arrays, yielding every `stepItems` nodes or edges so a page can
 * keep drawing and answering the pointer meanwhile (a 100k-paper graph is about a million `addEdge` calls).
 * Run it to its end in one go with `graphFromStructure`.
 */
export function* graphSteps(data: StructureData, stepItems = STEP_ITEMS): Generator<void, CompactGraph> {
  const { header, keys, kinds, edgeKinds, sources, targets, weights } = data;
  const { edgeKeys } = data.rest;
  const n = keys.length;
  const m = edgeKinds.length;
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const graphAttributes: Attrs = {};
  for (const name of header.graphAttributeOrder) graphAttributes[name] = name === 'report' ? EMPTY_REPORT : (header.graph as Attrs)[name];
  graph.replaceAttributes(graphAttributes as never);

  try {
    const plans = attributePlans(data);
    const nth = [0, 0, 0];
    // Categories, affiliations and topics share one numbering (their paper counts are one column).
    const counter = NODE_KINDS.map((kind) => (kind === 'paper' ? 0 : kind === 'author' ? 1 : 2));
    for (let i = 0; i < n; i++) {
      if (i % stepItems === stepItems - 1) yield;
      const kind = NODE_KINDS[kinds[i]];
      const plan = plans[kind];
      if (!header.attributeOrder[kind]) throw new CompactFormatError(`structure.bin header lists no attributes for ${kind} nodes`);
      const number = nth[counter[kinds[i]]]++;
      const attributes: Attrs = {};
      for (let a = 0; a < plan.length; a++) attributes[plan[a][0]] = plan[a][1](i, number);
      graph.addNode(keys[i], attributes as never);
      hashedNeighbours(graph, keys[i]); // a million edges follow: see graph/hashedNeighbours.ts
    }
    for (let e = 0; e < m; e++) {
      if (e % stepItems === stepItems - 1) yield;
      const attributes: Attrs = { kind: EDGE_KINDS[edgeKinds[e] & 15], weight: weights[e] };
      const citing = edgeKinds[e] >> 4;
      if (citing) attributes.citing = keys[citing === 1 ? sources[e] : targets[e]];
      graph.addUndirectedEdgeWithKey(edgeKeys ? edgeKeys[e] : `e${e}`, keys[sources[e]], keys[targets[e]], attributes as EdgeAttributes);
    }
  } catch (err) {
    if (err instanceof CompactFormatError) throw err;
    throw new CompactFormatError(`structure.bin is corrupted: ${(err as Error).message}`);
  }
  return { graph, header, keys, labelsMerged: false, shardsMerged: new Set(), reportMerged: false };
}

/** `graphSteps` run to its end. */
export function graphFromStructure(data: StructureData): CompactGraph {
  const steps = graphSteps(data, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export function decodeStructure(bytes: Uint8Array): CompactGraph {
  return graphFromStructure(readStructure(bytes));
}

function checkPart<T extends { id: string }>(state: CompactGraph, name: string, schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CompactFormatError(`${name} does not match the schema: ${describeIssues(parsed.error.issues)}`);
  if (parsed.data.id !== state.header.id) throw new CompactFormatError(`${name} belongs to another build (${parsed.data.id}, the structure is ${state.header.id}): rebuild the graph`);
  return parsed.data;
}

/** Titles, names and spellings: map labels and search. One graph event, so sigma redraws once. */
export function mergeLabels(state: CompactGraph, json: unknown): void {
  const part = checkPart(state, 'labels part', LabelsPartSchema, json);
  const n = state.keys.length;
  if (part.label.length !== n || part.name.length !== n) throw new CompactFormatError(`labels part lists ${part.label.length} labels for ${n} nodes`);
  const attrs = state.keys.map((key) => state.graph.getNodeAttributes(key) as Attrs & { kind: NodeKind });
  attrs.forEach((node, i) => {
    if (LABEL_NAME_ATTRIBUTE[node.kind] && part.label[i] === null) throw new CompactFormatError(`labels part has no label for ${state.keys[i]}`);
  });
  let i = 0;
  state.graph.updateEachNodeAttributes(
    (_key, node) => {
      const nameAttribute = LABEL_NAME_ATTRIBUTE[node.kind];
      if (nameAttribute) {
        const label = part.label[i]!;
        const name = part.name[i] ?? label;
        node.label = label;
        (node as Attrs)[nameAttribute] = name;
        if (node.kind === 'author') node.aliases = part.aliases[i] ?? [name];
      }
      i++;
      return node;
    },
    { attributes: ['label', 'title', 'name', 'aliases'] as never },
  );
  state.labelsMerged = true;
}

/**
 * Abstracts, related papers and the rest of one index range, written into the node objects in place:
 * nothing on the map changes, so no graph event (and no sigma re-index) is needed.
 */
export function mergeTextShard(state: CompactGraph, json: unknown): void {
  const shard = checkPart(state, 'text shard', TextShardSchema, json);
  const name = `text shard ${shard.start}–${shard.end}`;
  if (shard.end > state.keys.length || shard.end - shard.start !== shard.nodes.length) throw new CompactFormatError(`${name} does not fit the ${state.keys.length} nodes`);
  if (state.shardsMerged.has(shard.start)) return;
  shard.nodes.forEach((text, offset) => {
    if (!text) return;
    const key = state.keys[shard.start + offset];
    const node = state.graph.getNodeAttributes(key) as Attrs;
    const merged = { ...node, ...text };
    const parsed = NodeAttributesSchema.safeParse(merged);
    const issues = parsed.success ? [] : parsed.error.issues.filter((issue) => String(issue.path[0]) in text);
    if (issues.length) throw new CompactFormatError(`${name}: node ${key}: ${describeIssues(issues)}`);
    Object.assign(node, text);
  });
  state.shardsMerged.add(shard.start);
}

export function mergeReport(state: CompactGraph, json: unknown): void {
  const part = checkPart(state, 'report part', ReportPartSchema, json);
  state.graph.setAttribute('report', (json as { report: Report }).report ?? part.report);
  state.reportMerged = true;
}

/**
 * The overview part (checked, and of the build `id` names): the overview's tallies and the communities' labels
 * and colours, for `overviewFromTallies` (src/core/overview).
 */
export function readOverviewPart(json: unknown, id: string): { tallies: OverviewTallies; listing: { id: number; label: string; color: string }[] } {
  const parsed = OverviewPartSchema.safeParse(json);
  if (!parsed.success) throw new CompactFormatError(`overview part does not match the schema: ${describeIssues(parsed.error.issues)}`);
  const part = parsed.data;
  if (part.id !== id) throw new CompactFormatError(`overview part belongs to another build (${part.id}, the manifest is ${id}): rebuild the graph`);
  const { nodeCount, bbox, years, communities, pairs, listing } = part;
  return { tallies: { nodeCount, bbox, years, communities, pairs: pairs.map(([a, b, edges]) => ({ a, b, edges })) }, listing };
}
