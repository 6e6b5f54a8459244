/**
 * Field cleaning shared by the arXiv-family parsers (Kaggle JSON Lines, OAI-PMH, Atom): whitespace,
 * names, dates, category codes and the "has code" signal. Pure string functions, no I/O.
 */

/** Collapses runs of whitespace (arXiv hard-wraps titles and abstracts at ~80 columns) and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `First Last Suffix`, whitespace tidied. The Kaggle parser splits hyphenated initials
 * (`C.-P.` becomes `C. -P.`), so a space between an initial's dot and a hyphen is dropped.
 */
export function personName(forenames: string, keyname: string, suffix = ''): string {
  return collapseWhitespace([forenames, keyname, suffix].join(' ')).replace(/\.\s+-/g, '.-');
}

/** `et al.` / `and others` in an author slot: the list was cut short, the slot is no person. */
export function isTruncationMarker(name: string): boolean {
  return /^(?:et\.?\s*al\.?|and\s+others|others)$/i.test(name.trim());
}

/** Distinct non-empty strings, first occurrence order kept (affiliations repeat per author). */
export function distinctInOrder(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v) seen.add(v);
  return [...seen];
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function isoIfValid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one; UTC keeps it free of the local time zone.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * RFC 2822 date (`Mon, 2 Apr 2007 19:18:42 GMT`) to `YYYY-MM-DD`, the calendar day as written
 * (arXiv stamps in GMT), so the result never depends on the machine's time zone. Null when invalid.
 */
export function isoDateFromRfc2822(value: string): string | null {
  const m = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\b/.exec(value);
  if (!m) return null;
  const month = MONTHS[m[2].toLowerCase()];
  return month ? isoIfValid(Number(m[3]), month, Number(m[1])) : null;
}

/** `YYYY-MM-DD` (optionally followed by a time, as in Atom's `2026-04-23T17:58:27Z`) to `YYYY-MM-DD`. */
export function isoDateFromIso(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  return m ? isoIfValid(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** arXiv category code: `cs.LG`, `hep-ph`, `cond-mat.stat-mech`, `astro-ph.GA`, legacy `solv-int`. */
export function isCategoryCode(code: string): boolean {
  return /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/.test(code);
}

/** The primary category: arXiv lists it first in a space-separated `categories` field. */
export function primaryCategory(categories: string): string {
  return categories.trim().split(/\s+/)[0] ?? '';
}

const CODE_HOST_URL = /\b(?:github\.com|bitbucket\.org|gitlab(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)*sourceforge\.net)\b/i;
// "Our code is publicly available", "Source code of our algorithm is available at", "code available at";
// the verb must follow `code` closely: cs.IT abstracts say "...code when channel state is available at the receiver".
const CODE_AVAILABLE =
  /\b(?:source\s+)?code(?:\s+and\s+\w+)?(?:\s+(?:of|for)(?:\s+\S+){1,4}?)?\s+(?:is|are|will\s+be|has\s+been|have\s+been)\s+(?:made\s+)?(?:publicly\s+|freely\s+|openly\s+)?available\b(?!\s+(?:up)?on\s+request)/i;
const CODE_AVAILABLE_AT = /\bcode\s+available\s+(?:at|from|on)\b/i;

/** The text points at released code: a code-hosting URL or an explicit "code is available" statement. */
export function mentionsCode(...texts: string[]): boolean {
  return texts.some((t) => CODE_HOST_URL.test(t) || CODE_AVAILABLE.test(t) || CODE_AVAILABLE_AT.test(t));
}

const COMBINING: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331',
};
const SPECIAL_LETTERS: Record<string, string> = {
  O: 'Ø', o: 'ø', L: 'Ł', l: 'ł', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
};

/**
 * LaTeX accents in names (`Bal\'azs`, `\v{S}r\'amek`, `{\O}bro`) to Unicode. Only needed where arXiv gives
 * the raw submitter string (the Kaggle `authors` field); the parsed fields are already Unicode.
 */
export function decodeLatexAccents(text: string): string {
  if (!text.includes('\\')) return text;
  const accent = (cmd: string, letter: string) => (letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter) + COMBINING[cmd];
  return text
    .replace(/\\(['`^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g, (_, cmd, a, b) => accent(cmd, a ?? b))
    .replace(/\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))/g, (_, cmd, a, b) => accent(cmd, a ?? b))
    .replace(/\\(ss|ae|AE|oe|OE|aa|AA|O|o|L|l|i|j)(?![A-Za-z])\s?/g, (_, name: string) => SPECIAL_LETTERS[name])
    .replace(/[{}]/g, '')
    .normalize('NFC');
}
