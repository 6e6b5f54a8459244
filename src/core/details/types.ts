/** What the side panel shows about a node, as plain data. */

export interface NodeRef {
  key: string;
  name: string;
}

/** A node and how many of the described node's papers it shares. */
export interface CountedRef extends NodeRef {
  count: number;
}

export interface PaperRef {
  key: string;
  title: string;
  date: string;
  year: number;
}

export interface CommunityRef {
  id: number;
  label: string;
}

export interface PaperDetails {
  kind: 'paper';
  key: string;
  title: string;
  date: string;
  year: number;
  /** Null when the source has no arXiv category (BibTeX, RIS…). */
  category: { key: string; code: string; name: string } | null;
  /** OpenAlex topics and keywords. */
  topics: NodeRef[];
  venue: string | null;
  hasCode: boolean;
  /** In the paper's order, first author first. */
  authors: NodeRef[];
  /** The source listed only the first authors (`et al.`). */
  authorsTruncated: boolean;
  affiliations: NodeRef[];
  abstract: string;
  community: CommunityRef | null;
  /** The paper's own page when an id is known (arXiv abstract, DOI), else an arXiv title search. */
  links: { arxiv: string | null; doi: string | null; arxivSearch: string };
  /** The papers most like this one, best first (as the graph file ranks them); empty when none is close. */
  related: RelatedRef[];
}

/** A related paper and how alike the two are (text cosine plus shared-author bonus, see `src/core/similarity`). */
export interface RelatedRef {
  key: string;
  title: string;
  year: number;
  score: number;
  reasons: RelatedReasonRefs;
}

/** Why two papers are related, with the shared authors resolved to names (see `formatRelatedReasons`). */
export interface RelatedReasonRefs {
  sharedAuthors: NodeRef[];
  /** Distinctive terms both share, heaviest first. */
  sharedTerms: string[];
  sameCommunity: boolean;
  sameCategory: boolean;
  /** `cites`: the described paper cites the related one; `cited-by`: the other way. */
  citation: 'cites' | 'cited-by' | null;
}

export interface AuthorDetails {
  kind: 'author';
  key: string;
  name: string;
  /** Other spellings met in the sources (`Vitoria Barin-Pacela`). */
  otherSpellings: string[];
  paperCount: number;
  /** Newest first, ties by title. */
  papers: PaperRef[];
  /** Most joint papers first, ties by name. */
  coauthors: { key: string; name: string; jointPapers: number }[];
  /** The author's papers per category, most first; `code` tells apart categories sharing a name. */
  categories: (CountedRef & { code: string })[];
  /** Affiliations listed on the author's papers, most first. */
  affiliations: CountedRef[];
  community: CommunityRef | null;
  /** Their community in the co-authorship network (people who publish together). */
  collaborationCommunity: CommunityRef | null;
}

export interface CategoryDetails {
  kind: 'category';
  key: string;
  name: string;
  code: string;
  paperCount: number;
  papers: PaperRef[];
  /** Most papers in the category first, ties by name. */
  authors: CountedRef[];
  community: CommunityRef | null;
}

export interface AffiliationDetails {
  kind: 'affiliation';
  key: string;
  name: string;
  slug: string;
  paperCount: number;
  papers: PaperRef[];
  authors: CountedRef[];
  community: CommunityRef | null;
}

export interface TopicDetails {
  kind: 'topic';
  key: string;
  name: string;
  scheme: 'openalex' | 'keyword';
  paperCount: number;
  papers: PaperRef[];
  authors: CountedRef[];
  community: CommunityRef | null;
}

export type NodeDetails = PaperDetails | AuthorDetails | CategoryDetails | AffiliationDetails | TopicDetails;
