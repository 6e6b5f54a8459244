/**
 * The title/author line of the listing format:
 *
 *   `TITLE` glued to `First Author, Second Author, … [et al.] [· slug, slug]`
 *
 * The title and the first author are joined with no space, so the boundary has to be inferred. Signals,
 * in order of trust:
 *   (a) a lexicon of names seen unambiguously elsewhere (non-first authors, plus caller-supplied names),
 *       compared accent-, case- and punctuation-insensitively;
 *   (b) name shape: 2–4 capitalised tokens, optional lowercase particles in the middle;
 *   (c) the boundary sits where there is no space before it (a glue point), so candidate positions are
 *       only the few case transitions near the end of the segment.
 * A lexicon match wins (longest if several); otherwise the longest shape-valid name; otherwise the line
 * is refused rather than guessed.
 */

/** Set of normalised names (see `normaliseName`). */
export type Lexicon = ReadonlySet<string>;

/** Longest first-author name considered, in UTF-16 units; keeps the candidate scan bounded per line. */
export const MAX_NAME_LENGTH = 80;

/** Lowercase particles allowed inside a name (never first or last). */
const PARTICLES = new Set([
  'de', 'von', 'van', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'des', 'le', 'la', 'bin', 'ibn',
  'al', 'ter', 'ten', 'zu',
]);

const UP = '\\p{Lu}\\p{M}*';
const LO = '[\\p{Ll}\\p{M}]';
/** Internal capitals are only allowed after these prefixes: McKenzie, MacDonald, DeVries, LeCun, LaFleur, DiCaprio. */
const WORD = `(?:Mc|Mac|De|Le|La|Di|Du|Da|Van|Von)?${UP}${LO}+`;
const INITIAL = `${UP}\\.`;
/** D'Oro, O'Brien, L'Heureux, d'Alembert. */
const APOSTROPHE_PREFIX = `(?:[DOL]|d|l)['’]`;
const PART = `(?:${APOSTROPHE_PREFIX})?(?:${WORD}|${INITIAL})`;
/** One name token: parts joined by hyphens (Chin-Wei, Barin-Pacela), or a run of initials (J., J.-P.). */
const NAME_TOKEN = new RegExp(`^${PART}(?:[-‐]${PART})*$`, 'u');

const DIACRITICS = /\p{M}/gu;
const APOSTROPHES = /[’‘`´ʼ]/g;
const HYPHENS = /[‐‑‒–—]/g;
const DOTS = /\./g;
const SPACES = /\s+/g;

/** ASCII letters, apostrophes, hyphens, single inner spaces: lowercasing is the whole normalisation. */
function isPlainName(name: string): boolean {
  if (name.length === 0) return false;
  let prevSpace = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45)) return false;
  }
  return !prevSpace;
}

/** Lexicon key: accents, case, dots and space runs do not matter (`Vitória` = `vitoria`, `J.` = `J`). */
export function normaliseName(name: string): string {
  if (isPlainName(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(DOTS, ' ')
    .replace(SPACES, ' ')
    .trim();
}

export function buildLexicon(names: Iterable<string>): Set<string> {
  const lexicon = new Set<string>();
  for (const n of names) {
    if (typeof n !== 'string') continue;
    const key = normaliseName(n);
    if (key.includes(' ')) lexicon.add(key);
  }
  return lexicon;
}

/** Fast path for the common token: one ASCII capital followed by ASCII lowercase letters. */
function isPlainWord(t: string, start: number, end: number): boolean {
  let code = t.charCodeAt(start);
  if (code < 65 || code > 90 || end - start < 2) return false;
  for (let i = start + 1; i < end; i++) {
    code = t.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * Does `name` (from offset `from` on) look like a personal name: 2–4 capitalised tokens, lowercase
 * particles only in the middle, single spaces. Works in place: it runs on every candidate boundary.
 */
export function isNameShaped(name: string, from = 0): boolean {
  const length = name.length - from;
  if (length < 3 || length > MAX_NAME_LENGTH) return false;
  let tokens = 0;
  let core = 0;
  let particleLast = false;
  for (let start = from; ; ) {
    let end = name.indexOf(' ', start);
    if (end < 0) end = name.length;
    if (end === start || ++tokens > 6) return false;
    if (isPlainWord(name, start, end)) {
      core++;
      particleLast = false;
    } else {
      const token = name.slice(start, end);
      if (PARTICLES.has(token)) {
        if (tokens === 1) return false;
        particleLast = true;
      } else if (NAME_TOKEN.test(token)) {
        core++;
        particleLast = false;
      } else return false;
    }
    if (end === name.length) break;
    start = end + 1;
  }
  return !particleLast && core >= 2 && core <= 4;
}

/** Characters that cannot appear in an author name; used to tell author segments from title fragments. */
const NOT_IN_NAMES = new Set([...'0123456789:;?!()[]{}"“”«»@#/\\|<>=+*&%$^~_·'].map((c) => c.charCodeAt(0)));

/** Loose test for a later author (the list after the first comma is trusted, but title fragments are not). */
export function isAuthorish(segment: string): boolean {
  if (segment.length < 2 || segment.length > MAX_NAME_LENGTH || !isLetter(segment[0]!)) return false;
  let words = 1;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (NOT_IN_NAMES.has(c)) return false;
    if (c === 32 && segment.charCodeAt(i - 1) !== 32) words++;
  }
  return words <= 6;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const NOT_AFTER_TITLE = /[\s‐’]/u;

function isLetter(c: string): boolean {
  return isLetterCode(c.charCodeAt(0), c);
}

function isLetterCode(code: number, c: string): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(c);
}

/** A title cannot end in whitespace, a hyphen or an apostrophe, so no boundary right after one of these. */
function canEndTitleCode(code: number, c: string): boolean {
  if (code <= 32) return false;
  if (code < 128) return code !== 45 && code !== 39;
  return !NOT_AFTER_TITLE.test(c);
}

/**
 * Where the first author starts in `segment` (the text before the comma that opens the later authors),
 * or -1. Position 0 is never a candidate: the caller checks the empty-title case separately.
 */
export function findAuthorStart(segment: string, lexicon: Lexicon): number {
  const useLexicon = lexicon.size > 0;
  let shapeHit = -1;
  for (let i = Math.max(1, segment.length - MAX_NAME_LENGTH); i < segment.length - 1; i++) {
    const code = segment.charCodeAt(i);
    const prev = segment.charCodeAt(i - 1);
    // A glue point is a case transition (LearningMahmoud, MRIJure) or, for lexicon names, any letter
    // right after punctuation (sentences?tom); never after a space, hyphen or apostrophe.
    if (code < 128 ? code < 65 || code > 90 : !UPPER.test(segment[i]!)) {
      if (!useLexicon || !isLetterCode(code, segment[i]!) || isLetterCode(prev, segment[i - 1]!)) continue;
    }
    if (prev < 128 ? prev <= 32 || prev === 45 || prev === 39 : !canEndTitleCode(prev, segment[i - 1]!)) continue;
    if (useLexicon && lexicon.has(normaliseName(segment.slice(i)))) return i; // ascending i: the first hit is the longest
    if (shapeHit < 0 && isNameShaped(segment, i)) shapeHit = i;
  }
  return shapeHit;
}

export interface TitleLine {
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  affiliations: string[];
}

export type TitleLineResult = ({ ok: true } & TitleLine) | { ok: false; field: 'title' | 'authors'; reason: string };


function snippet(text: string, max = 60): string {
  return text.length <= max ? `'${text}'` : `'…${text.slice(text.length - max)}'`;
}

/** `title+authors [et al.]` cut at its commas (a title may itself contain commas). */
interface Segmented {
  text: string;
  authorsTruncated: boolean;
  segments: string[];
  /** Offset of each trimmed segment in `text`. */
  starts: number[];
}

const isBlank = (code: number) => code === 32 || code === 9 || code === 0xa0 || code === 0x200b;

/**
 * Where a trailing `et al.` starts in `text[0, end)`: the index of the separator run (`[\s,]+`) before
 * `et[.] al[.]`, any case, or -1. Hand-rolled: it runs on every title line.
 */
function etAlStart(text: string, end: number): number {
  let i = end - 1;
  if (text.charCodeAt(i) === 46) i--; // `al.`
  if ((text.charCodeAt(i) | 32) !== 108 || (text.charCodeAt(i - 1) | 32) !== 97) return -1;
  i -= 2;
  const afterEt = i;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (i === afterEt) return -1; // `et` and `al` need a space between them
  if (text.charCodeAt(i) === 46) i--; // `et.`
  if ((text.charCodeAt(i) | 32) !== 116 || (text.charCodeAt(i - 1) | 32) !== 101) return -1;
  i -= 2;
  const beforeEt = i;
  while (i >= 0 && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 44)) i--;
  return i === beforeEt ? -1 : i + 1; // a space or comma must come before `et`
}

function segment(head: string): Segmented {
  let text = head.trim();
  const etAl = etAlStart(text, text.length);
  const authorsTruncated = etAl >= 0;
  if (authorsTruncated) text = text.slice(0, etAl);
  const starts: number[] = [];
  const segments: string[] = [];
  for (let pos = 0; ; ) {
    const comma = text.indexOf(',', pos);
    let end = comma < 0 ? text.length : comma;
    let start = pos;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    starts.push(start);
    segments.push(text.slice(start, end));
    if (comma < 0) break;
    pos = comma + 1;
  }
  return { text, authorsTruncated, segments, starts };
}

/** A title/author line, cut once, so the lexicon pass and the split pass share the work. */
export interface PreparedTitleLine {
  line: string;
  /** The line without its `· affiliations` tail (or the whole line when it has none). */
  head: Segmented;
  affiliations: string[];
  /** `·` was taken as the affiliation separator (it may still be the title's). */
  hasAffiliations: boolean;
}

export function prepareTitleLine(line: string): PreparedTitleLine {
  const text = line.trim();
  const dot = text.lastIndexOf('·');
  if (dot <= 0 || !isBlank(text.charCodeAt(dot - 1))) return { line: text, head: segment(text), affiliations: [], hasAffiliations: false };
  const affiliations = text
    .slice(dot + 1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return { line: text, head: segment(text.slice(0, dot)), affiliations, hasAffiliations: true };
}

const NO_LEXICON: Lexicon = new Set();

/**
 * A later author we can trust: name-shaped, or known from the lexicon. The lexicon holds every later
 * segment of the file, title fragments included when a title has commas (`Fast, Slow and DeepJohn Smith`),
 * so a known segment only counts when it does not itself split into a title and a name.
 */
function isStrictAuthor(segment: string, lexicon: Lexicon): boolean {
  if (isNameShaped(segment)) return true;
  return lexicon.size > 0 && lexicon.has(normaliseName(segment)) && findAuthorStart(segment, NO_LEXICON) < 0;
}

/** Splits a segmented `title+authors` into title and author list. */
function splitSegmented(seg: Segmented, lexicon: Lexicon): TitleLineResult {
  const { text, segments, starts, authorsTruncated } = seg;
  if (text === '') return { ok: false, field: 'title', reason: 'the title/author line has neither a title nor authors' };
  const n = segments.length;
  if (segments[0] === '') return { ok: false, field: 'title', reason: `the title is empty (${snippet(text)})` };
  if (segments.some((s) => s === '')) {
    return { ok: false, field: 'authors', reason: `the author list has an empty name between commas (${snippet(text)})` };
  }

  // Segment j holds the glue point; every later segment is an author. First try the j right before the
  // longest run of strictly shaped (or known) names at the end; then, if a later author is oddly shaped,
  // earlier j's before loosely author-like segments. Never split inside a segment that is itself a name.
  let strictJ = n - 1; // invariant: segments strictJ+1..n-1 all pass
  while (strictJ > 0 && isStrictAuthor(segments[strictJ]!, lexicon)) strictJ--;
  let looseJ = strictJ;
  while (looseJ > 0 && isAuthorish(segments[looseJ]!)) looseJ--;
  // Try strictJ, then looseJ..strictJ-1.
  for (let k = looseJ - 1; k < strictJ; k++) {
    const j = k < looseJ ? strictJ : k;
    const at = findAuthorStart(segments[j]!, lexicon);
    if (at < 0) continue;
    const cut = starts[j]! + at;
    const firstAuthor = text.slice(cut, starts[j]! + segments[j]!.length);
    segments.splice(0, j + 1, firstAuthor); // the segments are this split's own: reuse them as the author list
    return {
      ok: true,
      title: text.slice(0, cut).trim(),
      authors: segments,
      authorsTruncated,
      affiliations: [],
    };
  }
  if (looseJ === 0 && isStrictAuthor(segments[0]!, lexicon)) {
    return { ok: false, field: 'title', reason: `the title is empty: the line starts with the author list (${snippet(text)})` };
  }
  return {
    ok: false,
    field: 'authors',
    reason: `cannot tell where the title ends and the first author begins: no name is glued to the end of the title (${snippet(text)})`,
  };
}

/** Splits a prepared title/author line. Never throws. */
export function splitPrepared(prepared: PreparedTitleLine, lexicon: Lexicon): TitleLineResult {
  if (prepared.line === '') return { ok: false, field: 'title', reason: 'the title/author line is empty' };
  const withAffiliations = splitSegmented(prepared.head, lexicon);
  if (withAffiliations.ok) {
    withAffiliations.affiliations = prepared.affiliations;
    return withAffiliations;
  }
  if (!prepared.hasAffiliations) return withAffiliations;
  // The `·` may belong to the title; try the whole line before giving up.
  const whole = splitSegmented(segment(prepared.line), lexicon);
  return whole.ok ? whole : withAffiliations;
}

/** Parses one title/author line on its own. Never throws. */
export function splitTitleLine(line: string, lexicon: Lexicon): TitleLineResult {
  return splitPrepared(prepareTitleLine(line), lexicon);
}

/**
 * Pass-1 helper: adds the segments after the first comma of a title/author line to `out`: the same
 * strings as `prepareTitleLine(line).head.segments.slice(1)`, without building the segmentation.
 */
export function addLaterSegments(line: string, out: Set<string>): void {
  let end = line.length;
  const dot = line.lastIndexOf('·');
  if (dot > 0 && isBlank(line.charCodeAt(dot - 1))) end = dot;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  const etAl = etAlStart(line, end);
  if (etAl >= 0) end = etAl;
  let comma = line.indexOf(',');
  while (comma >= 0 && comma < end) {
    let next = line.indexOf(',', comma + 1);
    if (next < 0 || next > end) next = end;
    let a = comma + 1;
    let b = next;
    while (a < b && isBlank(line.charCodeAt(a))) a++;
    while (b > a && isBlank(line.charCodeAt(b - 1))) b--;
    out.add(line.slice(a, b));
    comma = next === end ? -1 : next;
  }
}

/**
 * Names that are unambiguous in title/author lines: the authors after the first comma (the first author
 * is glued to the title), given as `head.segments.slice(1)` of prepared lines. Keeps the author-like ones
 * of two words or more; title fragments (a title may contain commas) rarely pass.
 */
export function laterAuthors(segments: Iterable<string>): string[] {
  const out: string[] = [];
  for (const s of segments) if (s.includes(' ') && isAuthorish(s)) out.push(s);
  return out;
}
