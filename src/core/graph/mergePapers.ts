/**
 * Records of the same paper from several sources merge into one, tried in this order:
 * 1. same arXiv id (version-less; an arXiv DataCite DOI counts as its arXiv id),
 * 2. same DOI (lower-case) and titles that agree (a DOI pasted onto the wrong entry happens in real data),
 * 3. same title (accent-, case- and punctuation-insensitive), first author and date under the rule in paperMatch.ts.
 * Records naming different DOIs or different arXiv ids never merge. Input order decides: the first record is
 * the base, later ones add what it lacks or do better (see `absorb`), so the same input merges the same way.
 */
import type { ParsedInput, PaperRecord } from '../ingest/types';
import { parseName } from '../identity';
import { arxivIdOf, datePrecision, datesMatch, doiOf, idsConflict, isArxivDoi, sameFirstAuthor, titleKey, titlesAgree, type DateMatch } from './paperMatch';

export interface MergedPaper {
  /** The merged record: the source record itself while there is one source (never mutated), a copy once others merge in. */
  record: PaperRecord;
  /** Every source record merged into this paper, first one first. */
  sources: PaperRecord[];
  /** Why each later source merged: parallel to `sources.slice(1)`. */
  reasons: string[];
}

type Match =
  | { paper: MergedPaper; via: PaperRecord; rule: 'arxiv' | 'doi'; id: string }
  | { paper: MergedPaper; via: PaperRecord; rule: 'title'; date: DateMatch };

interface Indexed {
  paper: MergedPaper;
  /** The source record that brought this id or title. */
  via: PaperRecord;
}

export function mergePapers(inputs: ParsedInput[]): MergedPaper[] {
  const byArxivId = new Map<string, Indexed>();
  const byDoi = new Map<string, Indexed>();
  const byTitle = new Map<string, Indexed[]>();
  const papers: MergedPaper[] = [];

  const index = (paper: MergedPaper, record: PaperRecord) => {
    const arxivId = arxivIdOf(record);
    const doi = doiOf(record);
    if (arxivId && !byArxivId.has(arxivId)) byArxivId.set(arxivId, { paper, via: record });
    if (doi && !byDoi.has(doi)) byDoi.set(doi, { paper, via: record });
    const key = titleKey(record.title);
    let sameTitle = byTitle.get(key);
    if (!sameTitle) byTitle.set(key, (sameTitle = []));
    sameTitle.push({ paper, via: record });
  };

  const find = (record: PaperRecord): Match | null => {
    const arxivId = arxivIdOf(record);
    const byId = arxivId ? byArxivId.get(arxivId) : undefined;
    if (byId && !idsConflict(byId.paper.record, record)) return { ...byId, rule: 'arxiv', id: arxivId! };
    const doi = doiOf(record);
    const byD = doi ? byDoi.get(doi) : undefined;
    if (byD && !idsConflict(byD.paper.record, record) && titlesAgree(byD.via.title, record.title)) return { ...byD, rule: 'doi', id: doi! };
    let best: Match | null = null;
    // An empty title (all punctuation) names nothing: no title match.
    for (const candidate of byTitle.get(titleKey(record.title) || '\0') ?? []) {
      if (idsConflict(candidate.paper.record, record) || !sameFirstAuthor(candidate.via, record)) continue;
      const date = datesMatch(candidate.via, record);
      if (date && (!best || (best.rule === 'title' && date.distance < best.date.distance))) best = { ...candidate, rule: 'title', date };
    }
    return best;
  };

  for (const input of inputs) {
    for (const record of input.papers) {
      const match = find(record);
      if (match) {
        match.paper.reasons.push(describeMatch(match, record));
        // Copied on the first merge only: most papers have one source, and a copy each costs ~0.5 KB at 1M papers.
        if (match.paper.record === match.paper.sources[0]) match.paper.record = copyRecord(match.paper.record);
        absorb(match.paper.record, record);
        match.paper.sources.push(record);
        index(match.paper, record);
        continue;
      }
      const paper: MergedPaper = { record, sources: [record], reasons: [] };
      papers.push(paper);
      index(paper, record);
    }
  }
  return papers;
}

function describeMatch(match: Match, duplicate: PaperRecord): string {
  const there = `the paper at ${match.via.file}:${match.via.line}; merged`;
  if (match.rule !== 'title') return `same ${match.rule === 'arxiv' ? 'arXiv id' : 'DOI'} ${match.id} as ${there}`;
  const dates = `(${duplicate.date} here, ${match.via.date} there`;
  const kind = match.date.kind;
  if (kind === 'date') return `same title and date as ${there}`;
  if (kind === 'day') return `same title and date ${dates}: time zones) as ${there}`;
  if (kind === 'year') return `same title and year ${dates}) as ${there}`;
  return `same title, a year apart ${dates}: preprint and publication) as ${there}`;
}

function copyRecord(record: PaperRecord): PaperRecord {
  return {
    ...record,
    authors: [...record.authors],
    affiliations: [...record.affiliations],
    authorAffiliations: record.authorAffiliations.map((a) => [...a]),
    topics: record.topics.map((t) => ({ ...t })),
    references: [...record.references],
  };
}

/** The richer value of each field wins; lists are united. */
function absorb(target: PaperRecord, extra: PaperRecord): void {
  // A complete author list beats a cut one; between two lists of the same kind, the longer one.
  // Per-author affiliations travel with their list, to stay parallel to it.
  const better =
    (target.authorsTruncated && !extra.authorsTruncated) ||
    (target.authorsTruncated === extra.authorsTruncated && extra.authors.length > target.authors.length);
  if (better) {
    target.authors = [...extra.authors];
    target.authorsTruncated = extra.authorsTruncated;
    target.authorAffiliations = extra.authorAffiliations.map((a) => [...a]);
  } else if (target.authorAffiliations.length === 0 && extra.authorAffiliations.length > 0 && sameSurnames(target.authors, extra.authors)) {
    target.authorAffiliations = extra.authorAffiliations.map((a) => [...a]);
  }
  target.hasCode ||= extra.hasCode;
  if (!target.abstract && extra.abstract) target.abstract = extra.abstract;
  target.category ??= extra.category;
  // A publication DOI says more than arXiv's DataCite one.
  if (extra.doi && (!target.doi || (isArxivDoi(target.doi) && !isArxivDoi(extra.doi)))) target.doi = extra.doi;
  target.arxivId ??= extra.arxivId;
  target.venue ??= extra.venue;
  target.sourceId ??= extra.sourceId;
  if (datePrecision(extra.date) > datePrecision(target.date)) target.date = extra.date;
  for (const a of extra.affiliations) if (!target.affiliations.includes(a)) target.affiliations.push(a);
  const topicKey = (t: PaperRecord['topics'][number]) => `${t.scheme}\n${titleKey(t.name)}`;
  const topics = new Set(target.topics.map(topicKey));
  for (const t of extra.topics) if (!topics.has(topicKey(t))) topics.add(topicKey(t)) && target.topics.push({ ...t });
  const references = new Set(target.references.map((r) => r.toLowerCase()));
  for (const r of extra.references) if (!references.has(r.toLowerCase())) references.add(r.toLowerCase()) && target.references.push(r);
}

/** Same people in the same order, judged by surname (sources spell given names differently). */
function sameSurnames(a: string[], b: string[]): boolean {
  const surname = (name: string) => parseName(name)?.surname ?? name.toLowerCase();
  return a.length === b.length && a.every((name, i) => surname(name) === surname(b[i]));
}
