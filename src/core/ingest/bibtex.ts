/**
 * BibTeX / BibLaTeX (`.bib`, as Zotero, JabRef, Google Scholar and publishers export it). Entries are cut
 * out by `bibtexScan` (positions, broken braces), the fields that carry LaTeX — names, title, venue,
 * keywords, year, month — are decoded by @retorquere/bibtex-parser (accents, `Last, First`, `{Protected}`
 * case, `@string` macros), and long free text (abstract) by a light decoder, because the library's LaTeX
 * grammar costs tens of milliseconds per abstract.
 */
import { parse as parseWithLibrary, type Creator } from '@retorquere/bibtex-parser';
import { collapseWhitespace, decodeLatexAccents, isCategoryCode, isTruncationMarker, mentionsCode } from './arxivFields';
import { plainValue, scanEntries, scanFields, type ScannedEntry, type ScannedField } from './bibtexScan';
import { arxivIdFrom, arxivIdFromUrl, dateFromIsoLike, dateFromParts, keywordTopics, LineCounter, normalizeDoi } from './fields';
import { withoutExtras, type ParsedInput, type PaperRecord, type Rejected } from './types';

export const BIBTEX_FORMAT = 'bibtex';

/** Fields decoded by the library; everything else is read from the raw text or ignored. */
const LATEX_FIELDS = new Set(['author', 'title', 'year', 'month', 'date', 'journal', 'journaltitle', 'booktitle']);
const NOT_RECORDS = new Set(['string', 'comment', 'preamble']);
const LIBRARY_OPTIONS = { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' } as const;
/** HTML-ish markup the library emits for `\emph`, `\textbf`, `\textsc`, sub/superscripts. */
const MARKUP = /<\/?(?:i|b|sup|sub|sc|span|nc)(?:\s[^>]*)?>/g;

type Outcome = { paper: PaperRecord } | { field: string; reason: string };

/**
 * `{\''u}` (two apostrophes for a double quote: real NIME data) would read as an acute accent plus a
 * stray quote; it is meant as an umlaut.
 */
const fixDoubledApostrophe = (text: string) => text.replace(/\\''/g, '\\"');

/** Abstract and other prose: accents decoded, common escapes and dashes turned into text. */
function looseText(raw: string): string {
  const text = fixDoubledApostrophe(raw.replace(/^[{"]|[}"]$/g, ''))
    .replace(/\\([&%$#_])/g, '$1')
    .replace(/\\(?:emph|textit|textbf|textsc|texttt|url)\s*\{([^{}]*)\}/g, '$1')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``|''/g, '"')
    .replace(/~/g, ' ');
  return collapseWhitespace(decodeLatexAccents(text).replace(/[{}]/g, '')).normalize('NFC');
}

function personName(creator: Creator): string {
  if (creator.name) return collapseWhitespace(creator.name);
  const last = [creator.prefix, creator.lastName].filter(Boolean).join(' ');
  const name = [creator.firstName, last].filter(Boolean).join(' ');
  return collapseWhitespace(creator.suffix ? `${name}, ${creator.suffix}` : name).normalize('NFC');
}

type DecodedFields = Record<string, unknown> & { author?: Creator[] };

/** A value with nothing for LaTeX to do: `{plain text}`, `"plain text"` or a number. */
const PLAIN_VALUE = /^(?:\{[^{}\\$~%]*\}|"[^{}\\$~%"]*"|\d+)$/;

/**
 * Fast path for entries whose LaTeX-bearing fields are plain text (most of a modern UTF-8 `.bib`): the
 * library costs several milliseconds per field, seconds per thousand entries. Names split as BibTeX
 * does — on ` and `, then `Last, First` / `Last, Jr, First` / `First von Last` — which for brace-free
 * text gives what the library gives.
 */
function plainFields(fields: ScannedField[]): DecodedFields | null {
  const result: DecodedFields = {};
  for (const { name, raw } of fields) {
    if (!LATEX_FIELDS.has(name)) continue;
    if (!PLAIN_VALUE.test(raw)) return null;
    const value = collapseWhitespace(raw.replace(/^[{"]|[}"]$/g, ''));
    if (name === 'author') result.author = value.split(/\s+and\s+/i).map(creatorFromPlain);
    else result[name] = name === 'month' ? value : value.replace(/--/g, '–');
  }
  return result;
}

function creatorFromPlain(name: string): Creator {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length === 2) return { lastName: parts[0], firstName: parts[1] };
  if (parts.length === 3) return { lastName: parts[0], suffix: parts[1], firstName: parts[2] };
  return { name }; // `First von Last` reads right as written; more commas: leave as the source wrote it
}

function decodeWithLibrary(type: string, key: string, fields: ScannedField[], strings: string, commasSplitNames = false): { fields: DecodedFields } | { field: string; reason: string } {
  const latex = fields
    .filter((f) => LATEX_FIELDS.has(f.name))
    .map((f) => `  ${f.name} = ${f.name === 'author' ? authorSource(f.raw, commasSplitNames) : f.raw}`);
  const source = fixDoubledApostrophe(`@${type}{${key},\n${latex.join(',\n')}\n}`);
  const library = parseWithLibrary(source, strings ? { ...LIBRARY_OPTIONS, strings } : LIBRARY_OPTIONS);
  if (!commasSplitNames && library.errors.some((e) => /unexpected \d+-part name/.test(e.error))) {
    // `A One, B Two, C Three and D Four`: commas where ` and ` belongs; the library would drop names.
    return decodeWithLibrary(type, key, fields, strings, true);
  }
  if (library.errors.length > 0 || library.entries.length !== 1) {
    const message = library.errors[0]?.error.replace(/ at line \d+, column \d+.*$/s, '') ?? 'no entry found';
    return { field: 'entry', reason: `cannot parse: ${message}` };
  }
  return { fields: library.entries[0].fields as DecodedFields };
}

function authorSource(raw: string, commasSplitNames: boolean): string {
  // `Fl\o and Hans`: a control word before ` and ` would swallow the space and glue two names together.
  const braced = raw.replace(/(\\[A-Za-z]+)(\s+and\s)/g, '{$1}$2');
  if (!commasSplitNames) return braced;
  return braced
    .split(/\s+and\s+/)
    .map((name) => ((name.match(/,/g)?.length ?? 0) > 2 ? name.replace(/,/g, ' and ') : name))
    .join(' and ');
}

function readEntry(entry: ScannedEntry, strings: string, file: string, line: number, cutLine: number | null): Outcome {
  if (entry.unclosedAt !== null) {
    const where = cutLine === null ? 'the end of the file' : `the next entry at line ${cutLine}`;
    return { field: 'entry', reason: `unbalanced braces: @${entry.type} is not closed before ${where}` };
  }
  const scanned = scanFields(entry.body);
  if (!scanned) return { field: 'entry', reason: 'malformed entry: expected "key, name = value, …" (a missing comma or quote?)' };
  const raw = new Map(scanned.fields.map((f) => [f.name, f.raw]));
  const plain = plainFields(scanned.fields);
  const decoded = plain ? { fields: plain } : decodeWithLibrary(entry.type, scanned.key, scanned.fields, strings);
  if (!('fields' in decoded)) return decoded as Outcome;
  const fields = decoded.fields;
  // NFC: the library composes accents as combining marks; UTF-8 sources mostly use precomposed letters.
  const text = (name: string): string => (typeof fields[name] === 'string' ? collapseWhitespace((fields[name] as string).replace(MARKUP, '')).normalize('NFC') : '');

  const title = text('title');
  if (!title) return { field: 'title', reason: 'missing or empty title' };

  const authors: string[] = [];
  let authorsTruncated = false;
  for (const creator of fields.author ?? []) {
    const name = personName(creator);
    if (isTruncationMarker(name)) authorsTruncated = true;
    else if (name) authors.push(name);
  }
  if (authors.length === 0) return { field: 'author', reason: 'missing or empty author' };

  // BibLaTeX `date` (2019-03-12) is the precise form; BibTeX `year` + `month` the classic one.
  const yearText = text('year');
  const date = (yearText ? dateFromParts(/\d{4}/.exec(yearText)?.[0], text('month')) : null) ?? dateFromIsoLike(text('date'));
  if (!date) return { field: 'year', reason: yearText ? `year is not a 4-digit year: "${yearText}"` : 'missing year' };

  const eprint = plainValue(raw.get('eprint') ?? '');
  const eprintType = plainValue(raw.get('archiveprefix') ?? raw.get('eprinttype') ?? '').toLowerCase();
  const arxivId =
    (eprintType === '' || eprintType === 'arxiv' ? arxivIdFrom(eprint) : null) ??
    arxivIdFromUrl(plainValue(raw.get('url') ?? '')) ??
    (/arxiv/i.test(text('journal')) ? arxivIdFrom(/arxiv:\s*(\S+)/i.exec(text('journal'))?.[1]) : null);
  const primaryClass = plainValue(raw.get('primaryclass') ?? raw.get('eprintclass') ?? '');
  const abstract = raw.has('abstract') ? looseText(raw.get('abstract')!) : '';

  return {
    paper: {
      file,
      line,
      title,
      authors,
      authorsTruncated,
      date,
      category: primaryClass && isCategoryCode(primaryClass) ? primaryClass : null,
      hasCode: mentionsCode(abstract, plainValue(raw.get('note') ?? ''), plainValue(raw.get('url') ?? '')),
      abstract,
      affiliations: [],
      ...withoutExtras(),
      // Keywords in source order (the library sorts them), decoded like the abstract.
      topics: keywordTopics(raw.has('keywords') ? looseText(raw.get('keywords')!).split(/[,;]/) : []),
      doi: normalizeDoi(plainValue(raw.get('doi') ?? '')),
      arxivId,
      sourceId: scanned.key,
      venue: text('journal') || text('journaltitle') || text('booktitle') || null,
    },
  };
}

/** Parses a `.bib` file. Never throws for bad input: a broken entry is rejected alone, the rest still import. */
export function parseBibtex(text: string, file: string): ParsedInput {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  const lines = new LineCounter(text);
  let strings = '';
  for (const entry of scanEntries(text)) {
    const line = lines.lineAt(entry.start);
    if (entry.type === 'string' && entry.unclosedAt === null) {
      strings += `${entry.text}\n`; // the library resolves macros given as @string source
      continue;
    }
    if (NOT_RECORDS.has(entry.type)) continue;
    let outcome: Outcome;
    try {
      const cutLine = typeof entry.unclosedAt === 'number' ? lines.lineAt(entry.unclosedAt) : null;
      outcome = readEntry(entry, strings, file, line, cutLine);
    } catch (err) {
      // The library throws on some LaTeX it cannot tokenise; that is this entry's problem only.
      outcome = { field: 'entry', reason: `cannot parse: ${(err as Error).message.split('\n')[0]}` };
    }
    if ('paper' in outcome) papers.push(outcome.paper);
    else rejected.push({ file, line, field: outcome.field, reason: outcome.reason });
  }
  return { file, format: BIBTEX_FORMAT, records: papers.length + rejected.length, papers, rejected };
}

/** Lines holding only `%` comments or nothing, then `@word{` / `@word(`: how a `.bib` file starts. */
export function looksLikeBibtex(head: string, fileName: string): boolean {
  const start = head.replace(/^(?:\s*%[^\n]*\n)*\s*/, '');
  if (/^@[ \t]*[A-Za-z]+\s*[{(]/.test(start)) return true;
  // Exporters (JabRef) may put a plain-text banner first: trust the extension only with an entry in sight.
  return /\.bib$/i.test(fileName) && /^[ \t]*@[ \t]*[A-Za-z]+\s*[{(]/m.test(head);
}
