/**
 * Person names split into given names and surname, to tell whether an abbreviated spelling (`Y. LeCun`,
 * `J.-P. Dupont`, `LeCun, Y.`) can be the same person as a full one (`Yann LeCun`, `Jean-Pierre Dupont`).
 * Only compatibility is decided here; whether it is safe to merge is the registry's call (authors.ts).
 */
import { foldText, tidyName } from './fold';

/** Lower-case words that belong to the surname (`van der Maaten`, `de Brébisson`). */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'zu']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export interface GivenName {
  /** Folded letters: the whole word, or what is left of an abbreviation (`y` for `Y.`, `ch` for `Ch.`). */
  text: string;
  abbreviated: boolean;
}

export interface NameParts {
  given: GivenName[];
  /** Folded surname with its particles, spaces between words: `lecun`, `van der maaten`, `barin-pacela`. */
  surname: string;
}

const letters = (text: string) => foldText(text).replace(/[^a-z]/g, '');

/** `LeCun, Y.` → `Y. LeCun`; `Robert W. Heath, Jr.` stays as it is (the comma sets off a suffix). */
export function naturalOrder(raw: string): string {
  const name = tidyName(raw);
  const parts = name.split(',');
  if (parts.length !== 2 || !letters(parts[1]) || SUFFIXES.has(letters(parts[1]))) return name;
  return `${parts[1].trim()} ${parts[0].trim()}`;
}

/** Splits a name; null when there is no given name to compare (`Sudha`, empty). */
export function parseName(raw: string): NameParts | null {
  const name = naturalOrder(raw).replace(/,/g, ' ');
  const tokens = name.split(' ').filter((t) => letters(t) !== '');
  while (tokens.length > 2 && SUFFIXES.has(letters(tokens[tokens.length - 1]))) tokens.pop();
  if (tokens.length < 2) return null;
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has(letters(tokens[start - 1]))) start--;
  const surname = tokens.slice(start).map((t) => foldText(t).replace(/[^a-z-]/g, '')).join(' ');
  const nameHasLowerCase = /\p{Ll}/u.test(name);
  const given = tokens.slice(0, start).flatMap((t) => givenParts(t, nameHasLowerCase));
  return given.length ? { given, surname } : null;
}

function givenParts(token: string, nameHasLowerCase: boolean): GivenName[] {
  // `J.`, `J.P.`, `J.-P.`, `Ch.`: every dotted piece is an abbreviation.
  if (token.includes('.')) {
    return token.split(/[.-]/).map(letters).filter(Boolean).map((text) => ({ text, abbreviated: true }));
  }
  // `JP` in `JP Smith` is two initials; in an all-caps name it is just a word.
  if (nameHasLowerCase && /^\p{Lu}{2,3}$/u.test(token)) {
    return [...letters(token)].map((text) => ({ text, abbreviated: true }));
  }
  return token.split('-').map(letters).filter(Boolean).map((text) => ({ text, abbreviated: text.length === 1 }));
}

/** `Y. LeCun` is abbreviated; `Yann LeCun` and `Matthew J. Muckley` are full (the first given name decides). */
export function isAbbreviated(parts: NameParts): boolean {
  return parts.given[0].abbreviated;
}

function sameGiven(a: GivenName, b: GivenName): boolean {
  if (!a.abbreviated && !b.abbreviated) return a.text === b.text;
  return a.text.startsWith(b.text) || b.text.startsWith(a.text);
}

/**
 * Could both spellings name one person? Same surname, and every given name present on both sides agrees
 * (an initial agrees with any word it starts). A missing middle name is no contradiction: `J. Smith` fits
 * `John Q. Smith`; `J. R. Smith` does not fit `John Q. Smith`.
 */
export function namesCompatible(a: NameParts, b: NameParts): boolean {
  if (a.surname !== b.surname) return false;
  const shared = Math.min(a.given.length, b.given.length);
  for (let i = 0; i < shared; i++) if (!sameGiven(a.given[i], b.given[i])) return false;
  return true;
}

/** First initial + surname: how co-authors are compared, so `L. Bottou` and `Léon Bottou` count as one. */
export function nameSignature(parts: NameParts): string {
  return `${parts.given[0].text[0]} ${parts.surname}`;
}
