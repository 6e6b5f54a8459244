/**
 * The zod contract of every compact part: the manifest, the structure header (the JSON block at the start
 * of structure.bin), the labels part, text shards and the report part. The fully merged graph is checked
 * against the graph file contract itself (`GraphFileSchema`) by the tests.
 */
import { z } from 'zod';
import { CommunitySchema, CollaborationSchema, GRAPH_FILE_VERSION, NODE_KINDS, ReportSchema } from '../schema';

export const COMPACT_FORMAT_VERSION = 1;
export const STRUCTURE_MAGIC = 'PATL';

const id = z.string().regex(/^[0-9a-f]{16}$/);
const count = z.number().int().nonnegative();
const file = z.string().regex(/^[\w.-]+$/, 'a plain file name next to the manifest');

export const ManifestSchema = z.object({
  format: z.literal('paper-atlas-compact'),
  version: z.literal(COMPACT_FORMAT_VERSION),
  id,
  nodeCount: count,
  edgeCount: count,
  structure: file,
  labels: file,
  report: file,
  /** The overview part; absent in files written before it existed (the app then computes it from the structure). */
  overview: file.optional(),
  text: z.array(z.object({ file, start: count, end: count })),
});

/** 0 = float64 values; otherwise values are integers after multiplying by the scale (exactly). */
const scale = z.number().int().nonnegative();

export const StructureHeaderSchema = z.object({
  id,
  nodeCount: count,
  edgeCount: count,
  attributeOrder: z.partialRecord(z.enum(NODE_KINDS), z.array(z.string())),
  scales: z.object({ position: scale, size: scale, weight: scale }),
  colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/i)),
  categories: z.array(z.string().min(1)),
  landmarks: z.array(z.object({ index: count, attributes: z.record(z.string(), z.string()) })),
  /** Graph attributes but the report (which has its own part); unknown extra attributes pass through. */
  graph: z.looseObject({
    version: z.literal(GRAPH_FILE_VERSION),
    modularity: z.number(),
    communities: z.array(CommunitySchema),
    collaboration: CollaborationSchema,
  }),
  /** Graph attribute names in file order (the report included), so the merged graph matches the file. */
  graphAttributeOrder: z.array(z.string()),
  /** Set when the coauthor edges are those derived from paper author lists (types.ts `coauthorPairs`) with this cap. */
  coauthorCap: z.number().int().positive().nullable(),
  sequentialEdgeKeys: z.boolean(),
  /** Kinds with text-tier attributes: only their nodes need a text shard. */
  textKinds: z.array(z.enum(NODE_KINDS)),
});

export const LabelsPartSchema = z.object({
  format: z.literal('paper-atlas-labels'),
  id,
  label: z.array(z.string().nullable()),
  /** The kind's name attribute (paper title, author name); null when it equals the label. */
  name: z.array(z.string().nullable()),
  /** Author spellings by node index, only where they are not just the name. */
  aliases: z.record(z.string().regex(/^\d+$/), z.array(z.string())),
});

export const TextShardSchema = z.object({
  format: z.literal('paper-atlas-text'),
  id,
  start: count,
  end: count,
  nodes: z.array(z.record(z.string(), z.unknown()).nullable()),
});

export const ReportPartSchema = z.object({
  format: z.literal('paper-atlas-report'),
  id,
  report: ReportSchema,
});

const pair = z.tuple([z.number(), z.number()]);

/**
 * What the level-of-detail overview is made of (src/core/overview `OverviewTallies`), with the communities'
 * labels and colours: the app draws a big graph's first frame from this alone, before structure.bin is read.
 */
export const OverviewPartSchema = z.object({
  format: z.literal('paper-atlas-overview'),
  id,
  nodeCount: count,
  bbox: z.object({ x: pair, y: pair }),
  years: pair.nullable(),
  communities: z.array(
    z.object({ id: count, members: count, weight: z.number(), x: z.number(), y: z.number(), papers: count, yearSum: z.number(), volume: count }),
  ),
  /** Link edges between two communities: [a, b, edges], a < b. */
  pairs: z.array(z.tuple([count, count, count])),
  /** The graph's communities attribute, reduced to what the overview draws. */
  listing: z.array(z.object({ id: count, label: z.string(), color: z.string().regex(/^#[0-9a-f]{6}$/i) })),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type StructureHeader = z.infer<typeof StructureHeaderSchema>;
export type LabelsPart = z.infer<typeof LabelsPartSchema>;
export type TextShard = z.infer<typeof TextShardSchema>;
export type ReportPart = z.infer<typeof ReportPartSchema>;
export type OverviewPart = z.infer<typeof OverviewPartSchema>;
