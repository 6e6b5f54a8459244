/**
 * The graph file contract: `public/graph.json`, written by `npm run build:graph` and read by the
 * explorer. It is graphology's serialization format (`graph.export()`), so `Graph.from(file)`
 * restores it. One schema validates it on the way out (build) and on the way in (app).
 *
 * Nodes carry `kind` (never `type`: sigma reserves `type` for its render program).
 */
import { z } from 'zod';

export const GRAPH_FILE_VERSION = 2;

/** Layout and style written by the build; the view only reads them. */
const visual = {
  label: z.string(),
  community: z.number().int().nonnegative(),
  x: z.number().finite(),
  y: z.number().finite(),
  size: z.number().positive(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
};

/** Why two papers are related, in words the panel can show. */
export const RelatedReasonsSchema = z.object({
  /** Author node keys the two papers share. */
  sharedAuthors: z.array(z.string().startsWith('author:')),
  /** Distinctive title/abstract terms (stems shown as a readable surface form) the two share, heaviest first. */
  sharedTerms: z.array(z.string()),
  sameCommunity: z.boolean(),
  sameCategory: z.boolean(),
  /** `cites`: this paper cites the related one; `cited-by`: the other way; null: no citation in the data. */
  citation: z.enum(['cites', 'cited-by']).nullable(),
});

export const RelatedPaperSchema = z.object({
  key: z.string().startsWith('paper:'),
  score: z.number().positive(),
  reasons: RelatedReasonsSchema,
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
  /** arXiv category code, e.g. `cs.LG`, the key suffix of its category node; null when the source has none (BibTeX, RIS…). */
  category: z.string().min(1).nullable(),
  /** Topic node keys (OpenAlex topics, BibTeX/RIS keywords). */
  topics: z.array(z.string().startsWith('topic:')),
  hasCode: z.boolean(),
  abstract: z.string(),
  /** Affiliation node keys. */
  affiliations: z.array(z.string().startsWith('affiliation:')),
  /** Lower-case DOI without the `https://doi.org/` prefix. */
  doi: z.string().nullable(),
  /** arXiv identifier without version, e.g. `2204.07141` or `hep-th/9901001`. */
  arxivId: z.string().nullable(),
  /** Journal, proceedings or book the paper appeared in. */
  venue: z.string().nullable(),
  /** Every input record merged into this paper, as `file:line`, first one first. */
  sources: z.array(z.string()),
  /**
   * The papers most like this one (`src/core/similarity`): title and abstract TF-IDF cosine plus a bonus
   * per shared author and one for a citation between the two, rounded to 3 decimals; best first (at most 8),
   * ties by key; empty when none is close enough.
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
  /** The co-authorship network view (authors only, weighted by joint papers): its own community and layout. */
  collabCommunity: z.number().int().nonnegative(),
  collabX: z.number().finite(),
  collabY: z.number().finite(),
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

/** A subject that is not an arXiv category: an OpenAlex topic or concept, a BibTeX/RIS keyword. */
export const TopicNodeSchema = z.object({
  kind: z.literal('topic'),
  ...visual,
  /** Display name as the source spells it (first spelling seen). */
  name: z.string().min(1),
  /** Where topics of this name come from. */
  scheme: z.enum(['openalex', 'keyword']),
  paperCount: z.number().int().nonnegative(),
});

export const NODE_KINDS = ['paper', 'author', 'category', 'affiliation', 'topic'] as const;

export const NodeAttributesSchema = z.discriminatedUnion('kind', [
  PaperNodeSchema,
  AuthorNodeSchema,
  CategoryNodeSchema,
  AffiliationNodeSchema,
  TopicNodeSchema,
]);

/**
 * `authored` author–paper, `in_category` paper–category, `in_topic` paper–topic, `affiliated` paper–affiliation,
 * `member_of` author–affiliation (the source ties the person to the institution), `coauthor` author–author,
 * `cites` paper–paper (a citation inside the set; the graph is undirected, so `citing` names the citing paper).
 */
export const EDGE_KINDS = ['authored', 'in_category', 'in_topic', 'affiliated', 'member_of', 'coauthor', 'cites'] as const;

export const EdgeAttributesSchema = z.object({
  kind: z.enum(EDGE_KINDS),
  /** 1 for structural edges; joint papers for `coauthor` and `member_of`. */
  weight: z.number().positive(),
  /** Only on `cites`: key of the citing paper. */
  citing: z.string().startsWith('paper:').optional(),
});

export const CommunitySchema = z.object({
  id: z.number().int().nonnegative(),
  /** Most distinctive terms of the community's papers, e.g. `self-supervised · masked · vision`. */
  label: z.string().min(1),
  size: z.number().int().positive(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** The label's terms one by one (2–4 readable phrases), most distinctive first. */
  terms: z.array(z.string()),
  /** Papers in the community. */
  paperCount: z.number().int().nonnegative(),
  /** Its most prolific authors (node keys), most papers in the community first. */
  topAuthors: z.array(z.string().startsWith('author:')),
  /** Its categories and topics (node keys) by papers in the community, most first. */
  topSubjects: z.array(z.string()),
  /** First and last publication year of its papers; null when it has no papers. */
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
});

/** The co-authorship network: authors only, linked by `coauthor` edges, with its own communities. */
export const CollaborationSchema = z.object({
  modularity: z.number(),
  communities: z.array(CommunitySchema),
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

/** Two author spellings that might be one person but were kept apart (e.g. `Y. Li` beside `Yang Li` and `Yu Li`). */
export const AmbiguousAuthorSchema = z.object({
  name: z.string(),
  /** Author node keys it could belong to. */
  candidates: z.array(z.string().startsWith('author:')),
  reason: z.string(),
});

export const ReportSchema = z.object({
  inputs: z.array(InputReportSchema),
  rejected: z.array(RejectedSchema),
  duplicates: z.array(DuplicateSchema),
  ambiguousAuthors: z.array(AmbiguousAuthorSchema),
});

export const GraphAttributesSchema = z.object({
  version: z.literal(GRAPH_FILE_VERSION),
  modularity: z.number(),
  communities: z.array(CommunitySchema),
  collaboration: CollaborationSchema,
  report: ReportSchema,
});

export const GraphFileSchema = z.object({
  options: z.object({ type: z.literal('undirected'), multi: z.literal(false), allowSelfLoops: z.literal(false) }),
  attributes: GraphAttributesSchema,
  nodes: z.array(z.object({ key: z.string().regex(/^(paper|author|category|affiliation|topic):.+/), attributes: NodeAttributesSchema })),
  edges: z.array(
    z.object({ key: z.string(), source: z.string(), target: z.string(), attributes: EdgeAttributesSchema }),
  ),
});

export type RelatedPaper = z.infer<typeof RelatedPaperSchema>;
export type PaperNode = z.infer<typeof PaperNodeSchema>;
export type AuthorNode = z.infer<typeof AuthorNodeSchema>;
export type CategoryNode = z.infer<typeof CategoryNodeSchema>;
export type TopicNode = z.infer<typeof TopicNodeSchema>;
export type RelatedReasons = z.infer<typeof RelatedReasonsSchema>;
export type Collaboration = z.infer<typeof CollaborationSchema>;
export type AmbiguousAuthor = z.infer<typeof AmbiguousAuthorSchema>;
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
