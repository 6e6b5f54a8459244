import { foldText } from '../identity/fold';
import type { AtlasGraph, NodeAttributes, PaperNode } from '../graphFile';

const ASCII = /^[\x00-\x7f]*$/;

/** Accent- and case-insensitive form used for indexing and querying alike (`Jastrzębski` → `jastrzebski`). */
export function normalizeTerm(term: string): string {
  // Most words are ASCII: skip the Unicode decomposition for them (millions of calls on a big graph).
  return ASCII.test(term) ? term.toLowerCase() : foldText(term);
}

/** Folded text as a plain run of words, so `Barin-Pacela` and `barin pacela` compare equal. */
export function exactForm(text: string): string {
  return normalizeTerm(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Every text that counts as the node's exact name. */
export function exactNames(node: NodeAttributes): string[] {
  switch (node.kind) {
    case 'paper':
      return [node.title];
    case 'author':
      return node.aliases.includes(node.name) ? node.aliases : [node.name, ...node.aliases];
    case 'category':
      return [node.name, node.code];
    case 'affiliation':
      return [node.name, node.slug];
    case 'topic':
      return [node.name];
  }
}

/** `Alexandre de Brébisson` → `de Brébisson`: last word plus the lowercase particles before it. */
export function surname(name: string): string {
  const words = name.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1])) start--;
  return words.slice(start).join(' ');
}

/** `Assran et al.`, `de Brébisson & Vincent`, `Vincent`: how a citation names a paper's authors. */
export function shortAuthors(graph: AtlasGraph, paper: PaperNode): string {
  const names: string[] = [];
  for (const key of paper.authors.slice(0, 2)) {
    const author = graph.hasNode(key) ? graph.getNodeAttributes(key) : null;
    if (author?.kind === 'author') names.push(surname(author.name));
  }
  if (names.length === 0) return '';
  const more = paper.authorsTruncated || paper.authors.length > 2;
  if (names.length === 1 && !more && paper.authors.length === 1) return names[0];
  if (names.length === 2 && !more) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line context shown under a hit. */
export function hitDetail(graph: AtlasGraph, node: NodeAttributes): string {
  switch (node.kind) {
    case 'paper':
      return [String(node.year), node.category, shortAuthors(graph, node)].filter(Boolean).join(' · ');
    case 'author':
      return plural(node.paperCount, 'paper');
    case 'category':
      return node.code;
    case 'affiliation':
      return plural(node.paperCount, 'paper');
    case 'topic':
      return `${node.scheme === 'openalex' ? 'OpenAlex topic' : 'keyword'} · ${plural(node.paperCount, 'paper')}`;
  }
}

export const hitLabel = (node: NodeAttributes) => (node.kind === 'paper' ? node.title : node.name);

export const compareLabels = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
