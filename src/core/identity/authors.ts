/**
 * One author node per person. Two spellings are the same person when they fold to the same slug:
 * they differ only by accents, case, spacing or punctuation (`Vitória Barin-Pacela` / `Vitoria Barin-Pacela`).
 */
import { slugify, tidyName } from './fold';

export interface AuthorIdentity {
  key: string;
  /** Display spelling: the most informative one seen. */
  name: string;
  /** Every spelling seen, sorted. */
  aliases: string[];
}

export function authorKey(name: string): string {
  return `author:${slugify(tidyName(name), 120)}`;
}

/** Non-ASCII letters carry what an ASCII spelling lost (`Vitória` over `Vitoria`). */
function nonAsciiLetters(spelling: string): number {
  return spelling.match(/[^\x00-\x7f]/g)?.length ?? 0;
}

export class AuthorRegistry {
  private readonly spellings = new Map<string, Map<string, number>>();

  /** Records a spelling and returns the person's key. */
  add(rawName: string): string {
    const spelling = tidyName(rawName);
    const key = authorKey(spelling);
    let seen = this.spellings.get(key);
    if (!seen) this.spellings.set(key, (seen = new Map()));
    seen.set(spelling, (seen.get(spelling) ?? 0) + 1);
    return key;
  }

  resolve(key: string): AuthorIdentity {
    const seen = this.spellings.get(key);
    if (!seen) throw new Error(`unknown author ${key}`);
    const aliases = [...seen.keys()].sort();
    const name = pickDisplayName(seen);
    return { key, name, aliases };
  }

  get size(): number {
    return this.spellings.size;
  }
}

/** Most informative spelling (accents kept), then the most frequent, then the longest; alphabetical on a full tie. */
function pickDisplayName(seen: Map<string, number>): string {
  let best = '';
  let bestScore: number[] = [];
  // Sorted so that a full tie keeps the alphabetically first spelling.
  for (const spelling of [...seen.keys()].sort()) {
    const score = [nonAsciiLetters(spelling), seen.get(spelling)!, spelling.length];
    if (isGreater(score, bestScore)) [best, bestScore] = [spelling, score];
  }
  return best;
}

function isGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== (b[i] ?? -1)) return a[i] > (b[i] ?? -1);
  return false;
}
