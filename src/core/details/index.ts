/**
 * What the side panel shows about the selected node. Each call walks the node's neighbourhood only
 * (its papers and their author lists), never the whole graph.
 */
import type { AffiliationNode, AtlasGraph, AuthorNode, CategoryNode, PaperNode, TopicNode } from '../graphFile';
import type { AffiliationDetails, AuthorDetails, CategoryDetails, NodeDetails, NodeRef, PaperDetails, RelatedRef, TopicDetails } from './types';
import { collaborationRef, communityRef, increment, newestFirst, nodeName, paperRef, papersOf, ranked } from './utils';

export type * from './types';
export { formatRelatedReasons, relatedReasonParts } from './reasons';

export function arxivSearchUrl(title: string): string {
  return `https://arxiv.org/search/?query=${encodeURIComponent(title)}&searchtype=title`;
}

export function describeNode(graph: AtlasGraph, key: string): NodeDetails | null {
  if (!graph.hasNode(key)) return null;
  const node = graph.getNodeAttributes(key);
  switch (node.kind) {
    case 'paper':
      return describePaper(graph, key, node);
    case 'author':
      return describeAuthor(graph, key, node);
    case 'category':
      return describeCategory(graph, key, node);
    case 'affiliation':
      return describeAffiliation(graph, key, node);
    case 'topic':
      return describeTopic(graph, key, node);
  }
}

function refs(graph: AtlasGraph, keys: string[]): NodeRef[] {
  const found: NodeRef[] = [];
  for (const key of keys) {
    const name = nodeName(graph, key);
    if (name !== undefined) found.push({ key, name });
  }
  return found;
}

function describePaper(graph: AtlasGraph, key: string, paper: PaperNode): PaperDetails {
  const categoryKey = `category:${paper.category}`;
  const category = paper.category === null ? null : { key: categoryKey, code: paper.category, name: nodeName(graph, categoryKey) ?? paper.category };
  return {
    kind: 'paper',
    key,
    title: paper.title,
    date: paper.date,
    year: paper.year,
    category,
    topics: refs(graph, paper.topics),
    venue: paper.venue,
    hasCode: paper.hasCode,
    authors: refs(graph, paper.authors),
    authorsTruncated: paper.authorsTruncated,
    affiliations: refs(graph, paper.affiliations),
    abstract: paper.abstract,
    community: communityRef(graph, paper.community),
    links: {
      arxiv: paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : null,
      doi: paper.doi ? `https://doi.org/${paper.doi}` : null,
      arxivSearch: arxivSearchUrl(paper.title),
    },
    related: relatedRefs(graph, paper),
  };
}

/** The paper's related papers in the file's order, skipping keys that point nowhere (or to a non-paper). */
function relatedRefs(graph: AtlasGraph, paper: PaperNode): RelatedRef[] {
  const found: RelatedRef[] = [];
  for (const { key, score, reasons } of paper.related) {
    const other = graph.hasNode(key) ? graph.getNodeAttributes(key) : undefined;
    if (other?.kind !== 'paper') continue;
    found.push({ key, title: other.title, year: other.year, score, reasons: { ...reasons, sharedAuthors: refs(graph, reasons.sharedAuthors) } });
  }
  return found;
}

function describeAuthor(graph: AtlasGraph, key: string, author: AuthorNode): AuthorDetails {
  const papers = papersOf(graph, key, (p) => p.authors.includes(key));
  // Co-authors from the papers' own author lists: no dependency on `coauthor` edges being present.
  const joint = new Map<string, number>();
  const categories = new Map<string, number>();
  const affiliations = new Map<string, number>();
  for (const [, paper] of papers) {
    for (const other of new Set(paper.authors)) if (other !== key) increment(joint, other);
    if (paper.category !== null) increment(categories, `category:${paper.category}`);
    for (const affiliation of new Set(paper.affiliations)) increment(affiliations, affiliation);
  }
  return {
    kind: 'author',
    key,
    name: author.name,
    otherSpellings: author.aliases.filter((a) => a !== author.name),
    paperCount: papers.length,
    papers: papers.map(([k, p]) => paperRef(k, p)).sort(newestFirst),
    coauthors: ranked(graph, joint).map(({ key: k, name, count }) => ({ key: k, name, jointPapers: count })),
    categories: ranked(graph, categories).map((c) => ({ ...c, code: c.key.slice('category:'.length) })),
    affiliations: ranked(graph, affiliations),
    community: communityRef(graph, author.community),
    collaborationCommunity: collaborationRef(graph, author.collabCommunity),
  };
}

/** Papers of a category or affiliation, and who wrote most of them. */
function papersAndAuthors(graph: AtlasGraph, key: string, references: (paper: PaperNode) => boolean) {
  const papers = papersOf(graph, key, references);
  const authorCounts = new Map<string, number>();
  for (const [, paper] of papers) for (const author of new Set(paper.authors)) increment(authorCounts, author);
  return {
    paperCount: papers.length,
    papers: papers.map(([k, p]) => paperRef(k, p)).sort(newestFirst),
    authors: ranked(graph, authorCounts),
  };
}

function describeCategory(graph: AtlasGraph, key: string, category: CategoryNode): CategoryDetails {
  const { paperCount, papers, authors } = papersAndAuthors(graph, key, (p) => p.category === category.code);
  return { kind: 'category', key, name: category.name, code: category.code, paperCount, papers, authors, community: communityRef(graph, category.community) };
}

function describeAffiliation(graph: AtlasGraph, key: string, affiliation: AffiliationNode): AffiliationDetails {
  const { paperCount, papers, authors } = papersAndAuthors(graph, key, (p) => p.affiliations.includes(key));
  return { kind: 'affiliation', key, name: affiliation.name, slug: affiliation.slug, paperCount, papers, authors, community: communityRef(graph, affiliation.community) };
}

function describeTopic(graph: AtlasGraph, key: string, topic: TopicNode): TopicDetails {
  const { paperCount, papers, authors } = papersAndAuthors(graph, key, (p) => p.topics.includes(key));
  return { kind: 'topic', key, name: topic.name, scheme: topic.scheme, paperCount, papers, authors, community: communityRef(graph, topic.community) };
}
