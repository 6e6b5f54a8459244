/**
 * The graph file contract: `public/graph.json`, written by `npm run build:graph` and read by the
 * explorer. It is graphology's serialization format (`graph.export()`), so `Graph.from(file)`
 * restores it. One schema validates it on the way out (build) and on the way in (app).
 *
 * Nodes carry `kind` (never `type`: sigma reserves `type` for its render program).
 */
import { z } from 'zod';

export const GRAPH_FILE_VERSION = 1;

/** Layout and style written by the build; the view only reads them. */
const visual = {
  label: z.string(),
  community: z.number().int().nonnegative(),
  x: z.number().finite(),
  y: z.number().finite(),
  size: z.number().positive(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
};

export const RelatedPaperSchema = z.object({
  key: z.string().startsWith('paper:'),
  score: z.number().positive(),
});

export const PaperNodeSchema = z.object({
  kind: z.literal('paper'),
  ...visual,
  title: z.string().min(1),
  /** Ordered author node keys, first author first. */
  authors: z.array(z.string().startsWith('author:')),
  /** The source cut the list short (`et al.`). */
  authorsTruncated: z.boolean(),
  /** ISO date, `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when the source is less precise). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  year: z.number().int(),
  /** arXiv category code, e.g. `cs.LG`; also the key suffix of its category node. */
  category: z.string().min(1),
  hasCode: z.boolean(),
  abstract: z.string(),
  /** Affiliation node keys. */
  affiliations: z.array(z.string().startsWith('affiliation:')),
  /**
   * The papers most like this one (`src/core/similarity`): title and abstract TF-IDF cosine plus a bonus
   * per shared author, rounded to 3 decimals; best first, ties by key; empty when none is close enough.
   */
  related: z.array(RelatedPaperSchema),
});

export const AuthorNodeSchema = z.object({
  kind: z.literal('author'),
  ...visual,
  /** The most informative spelling seen (accents kept). */
  name: z.string().min(1),
  /** Every spelling seen in the input, sorted; includes `name`. */
  aliases: z.array(z.string()),
  paperCount: z.number().int().positive(),
});

export const CategoryNodeSchema = z.object({
  kind: z.literal('category'),
  ...visual,
  /** Display name, e.g. `Machine Learning`. */
  name: z.string().min(1),
  /** arXiv code, e.g. `cs.LG`. */
  code: z.string().min(1),
  paperCount: z.number().int().nonnegative(),
});

export const AffiliationNodeSchema = z.object({
  kind: z.literal('affiliation'),
  ...visual,
  /** Display name, e.g. `Meta AI`. */
  name: z.string().min(1),
  slug: z.string().min(1),
  paperCount: z.number().int().nonnegative(),
});

export const NodeAttributesSchema = z.discriminatedUnion('kind', [
  PaperNodeSchema,
  AuthorNodeSchema,
  CategoryNodeSchema,
  AffiliationNodeSchema,
]);

export const EDGE_KINDS = ['authored', 'in_category', 'affiliated', 'coauthor'] as const;

export const EdgeAttributesSchema = z.object({
  kind: z.enum(EDGE_KINDS),
  /** 1 for structural edges; joint papers for `coauthor`. */
  weight: z.number().positive(),
});

export const CommunitySchema = z.object({
  id: z.number().int().nonnegative(),
  /** Most distinctive terms of the community's papers, e.g. `self-supervised · masked · vision`. */
  label: z.string().min(1),
  size: z.number().int().positive(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});

export const RejectedSchema = z.object({
  file: z.string(),
  /** 1-based line where the bad record starts (0 when the whole file is refused). */
  line: z.number().int().nonnegative(),
  field: z.string(),
  reason: z.string(),
});

export const InputReportSchema = z.object({
  file: z.string(),
  format: z.string(),
  records: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});

export const DuplicateSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  /** The paper node the duplicate was merged into. */
  mergedInto: z.string(),
  reason: z.string(),
});

export const ReportSchema = z.object({
  inputs: z.array(InputReportSchema),
  rejected: z.array(RejectedSchema),
  duplicates: z.array(DuplicateSchema),
});

export const GraphAttributesSchema = z.object({
  version: z.literal(GRAPH_FILE_VERSION),
  modularity: z.number(),
  communities: z.array(CommunitySchema),
  report: ReportSchema,
});

export const GraphFileSchema = z.object({
  options: z.object({ type: z.literal('undirected'), multi: z.literal(false), allowSelfLoops: z.literal(false) }),
  attributes: GraphAttributesSchema,
  nodes: z.array(z.object({ key: z.string().regex(/^(paper|author|category|affiliation):.+/), attributes: NodeAttributesSchema })),
  edges: z.array(
    z.object({ key: z.string(), source: z.string(), target: z.string(), attributes: EdgeAttributesSchema }),
  ),
});

export type RelatedPaper = z.infer<typeof RelatedPaperSchema>;
export type PaperNode = z.infer<typeof PaperNodeSchema>;
export type AuthorNode = z.infer<typeof AuthorNodeSchema>;
export type CategoryNode = z.infer<typeof CategoryNodeSchema>;
export type AffiliationNode = z.infer<typeof AffiliationNodeSchema>;
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;
export type NodeKind = NodeAttributes['kind'];
export type EdgeAttributes = z.infer<typeof EdgeAttributesSchema>;
export type EdgeKind = EdgeAttributes['kind'];
export type Community = z.infer<typeof CommunitySchema>;
export type Rejected = z.infer<typeof RejectedSchema>;
export type InputReport = z.infer<typeof InputReportSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type GraphAttributes = z.infer<typeof GraphAttributesSchema>;
export type GraphFile = z.infer<typeof GraphFileSchema>;
