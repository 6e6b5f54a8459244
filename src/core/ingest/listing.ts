/**
 * The listing format (`data/seed-papers.txt`): three lines a paper.
 *
 *   LGApr 14, 2022Code                                        ← header: category, date, optional `Code`
 *   Masked Siamese NetworksMahmoud Assran, Ishan Misra et al. · meta-ai, mila   ← title glued to authors
 *   We propose …                                              ← abstract
 *
 * Parsing is line-oriented and resynchronises on header lines: the text is cut into blocks at every
 * header-like line; a block is one record (header + title line + abstract, blank lines ignored). A block
 * that stops early is a truncated record; lines left over after the abstract (a record whose header is
 * missing or garbled, stray text) form one rejected entry of their own. Every record ends up in `papers`
 * or `rejected`, and nothing here throws.
 *
 * Two passes over the text: the first only collects the later authors of every title line (the lexicon
 * that helps find where each title ends), the second builds the records. Neither keeps per-line or
 * per-block objects alive, so a 100k-paper file costs little more than its papers.
 */
import { isStrictHeader, matchHeader, MAX_HEADER_LENGTH, parseHeader, type HeaderResult } from './listing/header';
import { addLaterSegments, buildLexicon, laterAuthors, prepareTitleLine, splitPrepared, type Lexicon } from './listing/names';
import { withoutExtras, type PaperRecord, type ParsedInput, type Rejected } from './types';

export { CATEGORY_CODES } from './listing/header';
export { splitTitleLine, buildLexicon } from './listing/names';

export const LISTING_FORMAT = 'listing';

/** Cheap sniff: the first non-blank line is a well-formed header. Looks at no more than that line. */
export function looksLikeListing(text: string): boolean {
  if (typeof text !== 'string') return false;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, Math.min(end, pos + 200)).trim();
    if (line !== '') return isStrictHeader(line);
    pos = end + 1;
  }
  return false;
}

/** Whitespace as `String.prototype.trim` sees it (plus a few harmless extras), by code unit. */
const isSpace = (code: number) =>
  code <= 32 || code === 0xa0 || code === 0xfeff || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;

/** Trimmed lines of a text, one at a time, without materialising an array of them. */
class Lines {
  /** 1-based number of the current line. */
  no = 0;
  line = '';
  private pos = 0;
  private done = false;
  private readonly nl: string;

  constructor(private readonly text: string) {
    // Line breaks: \n or \r\n (the \r goes with the trim); a file with only \r (classic Mac) splits on \r.
    this.nl = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? '\r' : '\n';
  }

  next(): boolean {
    if (this.done) return false;
    const { text, pos } = this;
    let end = text.indexOf(this.nl, pos);
    if (end < 0) {
      end = text.length;
      this.done = true;
    }
    this.no++;
    // Trim without allocating twice when the line has no surrounding whitespace (the common case).
    this.line =
      end > pos && !isSpace(text.charCodeAt(pos)) && !isSpace(text.charCodeAt(end - 1))
        ? text.slice(pos, end)
        : text.slice(pos, end).trim();
    this.pos = end + 1;
    return true;
  }
}

/**
 * Header recognition and validation, memoised by line text: header lines repeat (same category, same
 * day), so each spelling is matched and validated once across both passes. `null`: not header-like.
 */
class Headers {
  private readonly seen = new Map<string, HeaderResult | null>();

  get(line: string): HeaderResult | null {
    if (line.length > MAX_HEADER_LENGTH) return null; // title and abstract lines: no hashing, no regex
    let result = this.seen.get(line);
    if (result === undefined) {
      const match = matchHeader(line);
      result = match ? parseHeader(line, match) : null;
      this.seen.set(line, result);
    }
    return result;
  }
}

/** Pass 1: every author after the first comma of every title line (first non-blank line after a header). */
function collectLexicon(text: string, headers: Headers, knownNames: Iterable<string> | undefined): Set<string> {
  const names = new Set<string>(); // names repeat: validate and normalise each spelling once
  const lines = new Lines(text);
  let expectTitle = false;
  while (lines.next()) {
    const line = lines.line;
    if (line === '') continue;
    if (headers.get(line)) expectTitle = true;
    else if (expectTitle) {
      expectTitle = false;
      addLaterSegments(line, names);
    }
  }
  const lexicon = buildLexicon(laterAuthors(names));
  if (knownNames) for (const key of buildLexicon(knownNames)) lexicon.add(key);
  return lexicon;
}

/** One header and the lines after it up to the next header; only the first two non-blank ones matter. */
interface Block {
  /** 1-based line of the header; 0 for text before the first header. */
  headerNo: number;
  header: HeaderResult | null;
  /** First blank line between the header and the title line, 0 if none (an empty title line?). */
  leadingBlank: number;
  titleNo: number;
  title: string;
  abstractNo: number;
  abstract: string;
  strayCount: number;
  strayFirstNo: number;
  strayFirst: string;
  strayLastNo: number;
}

function preview(text: string, max = 60): string {
  return text.length <= max ? `'${text}'` : `'${text.slice(0, max)}…'`;
}

/** Pass 2, one block at a time. */
class RecordBuilder {
  readonly papers: PaperRecord[] = [];
  readonly rejected: Rejected[] = [];
  private readonly b: Block = {
    headerNo: 0, header: null, leadingBlank: 0, titleNo: 0, title: '', abstractNo: 0, abstract: '',
    strayCount: 0, strayFirstNo: 0, strayFirst: '', strayLastNo: 0,
  };

  constructor(
    private readonly file: string,
    private readonly lexicon: Lexicon,
  ) {}

  header(no: number, header: HeaderResult): void {
    const b = this.b;
    b.headerNo = no;
    b.header = header;
    b.leadingBlank = b.titleNo = b.abstractNo = b.strayCount = 0;
  }

  blank(no: number): void {
    const b = this.b;
    if (b.headerNo && !b.titleNo && !b.leadingBlank) b.leadingBlank = no;
  }

  text(no: number, line: string): void {
    const b = this.b;
    if (b.headerNo && !b.titleNo) {
      b.titleNo = no;
      b.title = line;
    } else if (b.headerNo && !b.abstractNo) {
      b.abstractNo = no;
      b.abstract = line;
    } else {
      if (!b.strayCount) {
        b.strayFirstNo = no;
        b.strayFirst = line;
      }
      b.strayCount++;
      b.strayLastNo = no;
    }
  }

  /** Closes the current block; `nextHeader` is the line of the header that ends it (0 at the end of the file). */
  end(nextHeader: number): void {
    const { b, file } = this;
    if (b.headerNo) this.record(nextHeader);
    if (b.strayCount) {
      const span = b.strayCount === 1 ? `line ${b.strayFirstNo}` : `${b.strayCount} lines (${b.strayFirstNo}–${b.strayLastNo})`;
      const where = b.headerNo ? `after the record at line ${b.headerNo}` : 'before the first header';
      this.rejected.push({
        file,
        line: b.strayFirstNo,
        field: 'header',
        reason:
          `${span} ${where} belong to no record (starting ${preview(b.strayFirst)}): a record header ` +
          `such as 'LGApr 14, 2022' is missing or garbled, so these lines were skipped`,
      });
    }
  }

  private reject(field: string, reason: string): void {
    this.rejected.push({ file: this.file, line: this.b.headerNo, field, reason });
  }

  private record(nextHeader: number): void {
    const b = this.b;
    const stop = () => (nextHeader ? `the next header arrives at line ${nextHeader}` : 'the file ends');
    const head = b.header!;
    if (!head.ok) return this.reject(head.field, head.reason);
    if (!b.titleNo) {
      return this.reject('title', `record is truncated: the header is not followed by a title/author line (${stop()})`);
    }
    const split = splitPrepared(prepareTitleLine(b.title), this.lexicon);
    if (!b.abstractNo) {
      if (b.leadingBlank && !split.ok) {
        return this.reject('title', `the title/author line (line ${b.leadingBlank}) is empty; line ${b.titleNo} reads like the abstract`);
      }
      return this.reject('abstract', `record is truncated: no abstract after the title/author line at line ${b.titleNo} (${stop()})`);
    }
    if (!split.ok) return this.reject(split.field, `${split.reason} (line ${b.titleNo})`);
    this.papers.push({
      file: this.file,
      line: b.headerNo,
      title: split.title,
      authors: split.authors,
      authorsTruncated: split.authorsTruncated,
      date: head.date,
      category: head.category,
      hasCode: head.hasCode,
      abstract: b.abstract,
      affiliations: split.affiliations,
      ...withoutExtras(),
    });
  }
}

function parseText(text: string, file: string, knownNames: Iterable<string> | undefined): ParsedInput {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const headers = new Headers();
  const builder = new RecordBuilder(file, collectLexicon(text, headers, knownNames));
  const lines = new Lines(text);
  let open = false; // a block (or stray text before the first header) is in progress
  while (lines.next()) {
    const { line, no } = lines;
    if (line === '') {
      builder.blank(no);
      continue;
    }
    const header = headers.get(line);
    if (header) {
      if (open) builder.end(no);
      builder.header(no, header);
    } else builder.text(no, line);
    open = true;
  }
  if (open) builder.end(0);
  const { papers, rejected } = builder;
  return { file, format: LISTING_FORMAT, records: papers.length + rejected.length, papers, rejected };
}

/**
 * Parses a listing file. `knownNames` extends the lexicon of author names used to find where a title
 * ends and its first author begins (names from other inputs, for instance). Never throws.
 */
export function parseListing(text: string, file: string, options?: { knownNames?: Iterable<string> }): ParsedInput {
  try {
    return parseText(typeof text === 'string' ? text : '', file, options?.knownNames);
  } catch (err) {
    // A parser bug must not take the whole ingest down; report the file as refused instead.
    return {
      file,
      format: LISTING_FORMAT,
      records: 1,
      papers: [],
      rejected: [{ file, line: 0, field: 'file', reason: `listing parser failed: ${(err as Error)?.message ?? String(err)}` }],
    };
  }
}
