/**
 * One author node per person, decided in two passes over all papers.
 * 1. `addPaper` collects spellings and who wrote with whom. Spellings folding to the same slug (accents, case,
 *    spacing, punctuation: `Vitória Barin-Pacela` / `Vitoria Barin-Pacela`) are one person outright.
 * 2. The first query resolves initials: an abbreviated name (`Y. LeCun`) joins a full one (`Yann LeCun`) only
 *    when exactly one full name with that surname fits its initials AND the two share context: a co-author
 *    (the same spelling key, or the same first initial + surname when only one full name has it) or the same
 *    slot in two sources' author lists of one merged paper. Two fitting full names, no shared context, or both
 *    spellings signing one paper: kept apart and reported in `ambiguous()` rather than guessed. Candidates are
 *    looked up by first initial + surname, so this stays near-linear. Full names never merge with each other
 *    here (`Nico` / `Nicola`), and a duplicate's spelling that does not fit its slot is left out.
 */
import type { AmbiguousAuthor } from '../graphFile/schema';
import { slugify, tidyName } from './fold';
import { isAbbreviated, nameSignature, namesCompatible, naturalOrder, parseName, type NameParts } from './names';

export interface AuthorIdentity {
  key: string;
  /** Display spelling: the most informative one seen (full name over initials, accents kept). */
  name: string;
  /** Every spelling seen, sorted. */
  aliases: string[];
}

/** Slug of the name in natural order: `LeCun, Y.` and `Y. LeCun` are one spelling key. */
export function authorKey(name: string): string {
  return `author:${slugify(naturalOrder(name), 120)}`;
}

interface Resolution {
  /** Spelling key → person key, for the keys that merged into another. */
  mergedInto: Map<string, string>;
  /** Person key → every spelling key it covers (itself first). */
  members: Map<string, string[]>;
  ambiguous: AmbiguousAuthor[];
}

export class AuthorRegistry {
  /** Spelling key → spelling → count, in first-seen order. */
  private readonly spellings = new Map<string, Map<string, number>>();
  /** Keys that sign some paper's author list (the others were only seen in a duplicate's list). */
  private readonly signing = new Set<string>();
  private readonly coauthors = new Map<string, Set<string>>();
  /** Keys seen at the same position of two author lists of one paper (symmetric). */
  private readonly sameSlot = new Map<string, Set<string>>();
  private resolution: Resolution | null = null;
  /** parseName per spelling: names repeat across papers and parsing folds and splits. */
  private readonly parsed = new Map<string, NameParts | null>();

  /** @param maxCoauthors lists longer than this give no co-author context (hyperauthorship would be quadratic). */
  constructor(private readonly maxCoauthors = 50) {}

  /**
   * Records one paper's author list. `otherListings` are the same paper's author lists from merged duplicate
   * sources: a compatible spelling in the same position is the same person (`Y. LeCun` at 2 in a BibTeX entry,
   * `Yann LeCun` at 2 in the arXiv record).
   */
  addPaper(names: string[], otherListings: string[][] = []): void {
    this.resolution = null;
    const keys = names.map((name) => this.record(name));
    for (const key of keys) this.signing.add(key);
    if (keys.length <= this.maxCoauthors) {
      for (const key of keys) for (const other of keys) if (other !== key) setOf(this.coauthors, key).add(other);
    }
    for (const listing of otherListings) {
      listing.slice(0, names.length).forEach((name, i) => {
        const [a, b] = [this.parse(names[i]), this.parse(name)];
        if (!a || !b || !namesCompatible(a, b)) return;
        const key = this.record(name);
        if (key === keys[i]) return;
        setOf(this.sameSlot, key).add(keys[i]);
        setOf(this.sameSlot, keys[i]).add(key);
      });
    }
  }

  /** The person key a spelling belongs to. */
  keyOf(name: string): string {
    const key = authorKey(name);
    return this.resolved().mergedInto.get(key) ?? key;
  }

  resolve(key: string): AuthorIdentity {
    const members = this.resolved().members.get(key);
    if (!members) throw new Error(`unknown author ${key}`);
    const seen = new Map<string, number>();
    for (const member of members) for (const [spelling, count] of this.spellings.get(member)!) seen.set(spelling, (seen.get(spelling) ?? 0) + count);
    return { key, name: this.pickDisplayName(seen), aliases: [...seen.keys()].sort() };
  }

  /** Abbreviated names left apart, with the full names they could be. */
  ambiguous(): AmbiguousAuthor[] {
    return this.resolved().ambiguous;
  }

  /** Number of people (author nodes). */
  get size(): number {
    return this.resolved().members.size;
  }

  private record(rawName: string): string {
    const spelling = tidyName(rawName);
    const key = authorKey(spelling);
    const seen = setOf(this.spellings, key, () => new Map<string, number>());
    seen.set(spelling, (seen.get(spelling) ?? 0) + 1);
    return key;
  }

  private resolved(): Resolution {
    return (this.resolution ??= this.resolveInitials());
  }

  private resolveInitials(): Resolution {
    const parts = new Map<string, NameParts | null>();
    for (const [key, seen] of this.spellings) parts.set(key, this.parse(seen.keys().next().value!));
    // Full names by first initial + surname: the only ones an abbreviated name can fit.
    const fullBySignature = new Map<string, string[]>();
    for (const key of this.signing) {
      const p = parts.get(key);
      if (p && !isAbbreviated(p)) setOf(fullBySignature, nameSignature(p), () => [] as string[]).push(key);
    }
    // A co-author counts by signature (`L. Bottou` = `Léon Bottou`) only when one full name has that signature;
    // otherwise (`Y. Li`: Yang or Yu?) only the exact spelling key counts.
    const coauthorTokens = (key: string) =>
      new Set(
        [...(this.coauthors.get(key) ?? [])].map((c) => {
          const cp = parts.get(c);
          return cp && (fullBySignature.get(nameSignature(cp))?.length ?? 0) <= 1 ? `sig:${nameSignature(cp)}` : `key:${c}`;
        }),
      );
    const mergedInto = new Map<string, string>();
    const ambiguous: AmbiguousAuthor[] = [];
    for (const key of this.signing) {
      const p = parts.get(key);
      if (!p || !isAbbreviated(p)) continue;
      const candidates = (fullBySignature.get(nameSignature(p)) ?? []).filter((full) => namesCompatible(p, parts.get(full)!));
      if (candidates.length === 0) continue;
      const name = this.spellingOf(key);
      const verdict = this.judge(key, name, p, candidates, coauthorTokens);
      if (verdict === null) mergedInto.set(key, candidates[0]);
      else ambiguous.push({ name, candidates: [...candidates].sort(), reason: verdict });
    }
    const members = new Map<string, string[]>();
    for (const key of this.signing) if (!mergedInto.has(key)) members.set(key, [key]);
    for (const [key, person] of mergedInto) members.get(person)!.push(key);
    // A spelling seen only in a duplicate source's list is an alias of whoever held that slot.
    for (const [key, partners] of this.sameSlot) {
      if (this.signing.has(key)) continue;
      const people = new Set([...partners].map((partner) => mergedInto.get(partner) ?? partner));
      for (const person of people) members.get(person)!.push(key);
    }
    return { mergedInto, members, ambiguous };
  }

  /** Null when merging `key` into its only candidate is safe; otherwise why it is not. */
  private judge(key: string, name: string, p: NameParts, candidates: string[], coauthorTokens: (key: string) => Set<string>): string | null {
    const names = candidates.map((c) => this.spellingOf(c));
    if (candidates.length > 1) return `${candidates.length} full names fit "${name}" (${names.join(', ')}); kept apart`;
    const [full] = candidates;
    if (this.coauthors.get(key)?.has(full)) return `"${name}" and "${names[0]}" sign the same paper, so they are two people; kept apart`;
    if (this.sameSlot.get(key)?.has(full)) return null;
    const self = `sig:${nameSignature(p)}`;
    const theirs = coauthorTokens(full);
    for (const token of coauthorTokens(key)) if (token !== self && theirs.has(token)) return null;
    return `only "${names[0]}" fits "${name}", but they share no co-author; kept apart`;
  }

  /** Display spelling of one spelling key, before any merge. */
  private spellingOf(key: string): string {
    return this.pickDisplayName(this.spellings.get(key)!);
  }

  private parse(spelling: string): NameParts | null {
    let parts = this.parsed.get(spelling);
    if (parts === undefined) this.parsed.set(spelling, (parts = parseName(spelling)));
    return parts;
  }

  /** Full name over initials, then accents kept, then the most frequent, then the longest; alphabetical on a full tie. */
  private pickDisplayName(seen: Map<string, number>): string {
    let best = '';
    let bestScore: number[] = [];
    // Sorted so that a full tie keeps the alphabetically first spelling.
    for (const spelling of [...seen.keys()].sort()) {
      const parts = this.parse(spelling);
      const score = [parts && isAbbreviated(parts) ? 0 : 1, nonAsciiLetters(spelling), seen.get(spelling)!, spelling.length];
      if (isGreater(score, bestScore)) [best, bestScore] = [spelling, score];
    }
    return best;
  }
}

function setOf<K, V>(map: Map<K, V>, key: K, make: () => V = () => new Set() as V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** Non-ASCII letters carry what an ASCII spelling lost (`Vitória` over `Vitoria`). */
function nonAsciiLetters(spelling: string): number {
  return spelling.match(/[^\x00-\x7f]/g)?.length ?? 0;
}

function isGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== (b[i] ?? -1)) return a[i] > (b[i] ?? -1);
  return false;
}
