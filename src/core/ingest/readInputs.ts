/**
 * Turns the paths a user gave into parsed inputs: expands directories, reads one file at a time, checks
 * the bytes are UTF-8 text, detects the format and dispatches to its parser. Anything wrong with a file
 * as a whole becomes a one-line `InputError` naming it; problems inside a file are the parser's `rejected`.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArxivAtom, ARXIV_ATOM_FORMAT } from './arxivAtom';
import { parseArxivJsonl, ARXIV_JSONL_FORMAT } from './arxivJsonl';
import { detectFormat } from './detect';
import { LISTING_FORMAT, parseListing } from './listing';
import { parseOaiPmh, OAI_PMH_FORMAT } from './oaiPmh';
import type { ParsedInput } from './types';

export interface InputError {
  file: string;
  message: string;
}

export interface ReadResult {
  inputs: ParsedInput[];
  errors: InputError[];
}

export interface ReadOptions {
  /** Called before each file is read (progress reporting). */
  onFile?: (file: string) => void;
}

const PARSERS: Record<string, (text: string, file: string) => ParsedInput> = {
  [LISTING_FORMAT]: (text, file) => parseListing(text, file),
  [ARXIV_JSONL_FORMAT]: parseArxivJsonl,
  [OAI_PMH_FORMAT]: parseOaiPmh,
  [ARXIV_ATOM_FORMAT]: parseArxivAtom,
};

const KNOWN_FORMATS = 'a listing, Kaggle arXiv JSON Lines, arXiv OAI-PMH XML or an arXiv API Atom feed';

/** Documentation that sits next to data files (dataset provenance, READMEs) is not input. */
function isSkippedInWalk(name: string): boolean {
  return name.startsWith('.') || name === 'SOURCE.txt' || /^readme(?:\.|$)/i.test(name);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `cannot read (${code ?? (err as Error).message.split('\n')[0]})`;
  }
}

/** Byte offset of the first malformed UTF-8 sequence (only called once the strict decoder has refused). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (extra === 0) return i;
    // Ranges that exclude overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    let lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    let hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < lo || next > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += extra + 1;
  }
  return -1;
}

type Decoded = { ok: true; text: string } | { ok: false; message: string };

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    // fatal: a mis-encoded file must be refused, not silently filled with U+FFFD. The BOM is consumed.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, message: `not UTF-8 text: invalid byte sequence at byte ${offset} (line ${line})` };
  }
}

/**
 * Input files under `dir`, sorted by path (code-unit order, so the result ignores locale and file system).
 * A subdirectory that cannot be listed is reported and the walk goes on.
 */
async function walk(dir: string, visited: Set<string>, errors: InputError[]): Promise<string[]> {
  const files: string[] = [];
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return []; // a symlink loop, or the same tree given twice
    visited.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (isSkippedInWalk(entry.name)) continue;
      const full = path.join(dir, entry.name);
      // A dangling symlink is kept as a file: reading it then yields an error naming it.
      const linksToDirectory = entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isDirectory();
      if (entry.isDirectory() || linksToDirectory) files.push(...(await walk(full, visited, errors)));
      else files.push(full);
    }
  } catch (err) {
    errors.push({ file: dir, message: `${dir}: ${describeFsError(err)}` });
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files to read for each given path, in argument order; directories expanded. */
async function expand(paths: string[], errors: InputError[]): Promise<string[]> {
  const files: string[] = [];
  const visitedDirs = new Set<string>();
  for (const given of paths) {
    try {
      const info = await stat(given);
      if (!info.isDirectory()) {
        files.push(given);
        continue;
      }
      if (visitedDirs.has(await realpath(given))) continue; // the same folder named twice
      const errorsBefore = errors.length;
      const found = await walk(given, visitedDirs, errors);
      if (found.length === 0 && errors.length === errorsBefore) errors.push({ file: given, message: `${given}: directory holds no input files` });
      files.push(...found);
    } catch (err) {
      errors.push({ file: given, message: `${given}: ${describeFsError(err)}` });
    }
  }
  return files;
}

async function readOne(file: string): Promise<ParsedInput | InputError> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { file, message: `${file}: ${describeFsError(err)}` };
  }
  if (bytes.length === 0) return { file, message: `${file}: file is empty` };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { file, message: `${file}: ${decoded.message}` };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { file, message: `${file}: file holds only whitespace` };
  const format = detectFormat(text, file);
  if (format === null) return { file, message: `${file}: unknown format (expected ${KNOWN_FORMATS})` };
  try {
    return PARSERS[format](text, file);
  } catch (err) {
    // Parsers report bad records as `rejected`; reaching here is a parser bug, still one line per file.
    return { file, message: `${file}: ${format} parser failed: ${(err as Error).message.split('\n')[0]}` };
  }
}

/**
 * Reads every input named by `paths` (files, or directories walked recursively), one file at a time.
 * File paths are reported as given (relative stays relative). A file reached twice is read once.
 */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const errors: InputError[] = [];
  const inputs: ParsedInput[] = [];
  const seen = new Set<string>();
  for (const file of await expand(paths, errors)) {
    const key = path.resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    options.onFile?.(file);
    const result = await readOne(file);
    if ('message' in result) errors.push(result);
    else inputs.push(result);
  }
  return { inputs, errors };
}
