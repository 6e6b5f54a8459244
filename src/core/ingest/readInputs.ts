/**
 * Turns the paths a user gave into parsed inputs: expands directories, reads one file at a time, checks
 * the bytes are UTF-8 text, detects the format and dispatches to its parser. Anything wrong with a file
 * as a whole becomes a one-line `InputError` naming it; problems inside a file are the parser's `rejected`.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectFormat } from './detect';
import { formatByName, KNOWN_FORMATS, FORMAT_NAMES, type InputFormat } from './formats';
import type { LineReader } from './jsonScan';
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
  /** A format name (see `FORMAT_NAMES`) that overrides content detection for every file. */
  format?: string;
}

/** Enough bytes to detect any format (detection looks at 16 KiB of text). */
const HEAD_BYTES = 64 * 1024;

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

function notUtf8(byte: number, line: number): string {
  return `not UTF-8 text: invalid byte sequence at byte ${byte} (line ${line})`;
}

function decodeUtf8(bytes: Uint8Array, stream = false): Decoded {
  try {
    // fatal: a mis-encoded file must be refused, not silently filled with U+FFFD. The BOM is consumed.
    // `stream`: a head cut inside a multi-byte character is not an error.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream }) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, message: notUtf8(offset, line) };
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

/** The first bytes of a file and its size, without reading the rest. */
async function readHead(file: string): Promise<{ head: Buffer; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/**
 * Feeds a file to a `LineReader` one line at a time from a stream: memory holds one line, not the file.
 * UTF-8 is checked line by line, with the same byte/line message as for whole files.
 */
async function streamLines(file: string, reader: LineReader): Promise<ParsedInput | InputError> {
  const stream = createReadStream(file);
  let pending: Buffer[] = [];
  let line = 1;
  let lineStartByte = 0;
  let sawText = false;
  const emit = (bytes: Buffer): string | null => {
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) return notUtf8(lineStartByte + firstInvalidUtf8(bytes), line);
    const text = decoded.text.replace(/\r$/, '');
    if (text.trim() !== '') sawText = true;
    reader.add(text, line);
    lineStartByte += bytes.length + 1;
    line++;
    return null;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        const part = chunk.subarray(start, nl);
        const problem = emit(pending.length ? Buffer.concat([...pending, part]) : part);
        pending = [];
        start = nl + 1;
        if (problem) return { file, message: `${file}: ${problem}` };
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
    if (pending.length) {
      const problem = emit(Buffer.concat(pending));
      if (problem) return { file, message: `${file}: ${problem}` };
    }
  } catch (err) {
    return { file, message: `${file}: ${describeFsError(err)}` };
  } finally {
    stream.destroy();
  }
  if (!sawText) return { file, message: `${file}: file holds only whitespace` };
  return reader.finish();
}

function runParser(format: InputFormat, text: string, file: string): ParsedInput | InputError {
  try {
    return format.parse(text, file);
  } catch (err) {
    // Parsers report bad records as `rejected`; reaching here is a parser bug, still one line per file.
    return { file, message: `${file}: ${format.name} parser failed: ${(err as Error).message.split('\n')[0]}` };
  }
}

async function readOne(file: string, forced: InputFormat | undefined): Promise<ParsedInput | InputError> {
  // The head decides the format and whether the file streams (JSON Lines) or is read whole.
  let head: { head: Buffer; size: number };
  try {
    head = await readHead(file);
  } catch (err) {
    return { file, message: `${file}: ${describeFsError(err)}` };
  }
  if (head.head.length === 0) return { file, message: `${file}: file is empty` };
  const headText = decodeUtf8(head.head, head.size > head.head.length);
  if (!headText.ok) return { file, message: `${file}: ${headText.message}` };
  const headFormatName = forced?.name ?? detectFormat(headText.text.replace(/^\uFEFF/, ''), file);
  const headFormat = headFormatName === null ? undefined : formatByName(headFormatName);
  const lineReader = headFormat?.lineReader?.(file, headText.text.replace(/^\uFEFF/, ''));
  if (lineReader) return streamLines(file, lineReader);

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { file, message: `${file}: ${describeFsError(err)}` };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { file, message: `${file}: ${decoded.message}` };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { file, message: `${file}: file holds only whitespace` };
  // Detection on the whole text when the head was not enough (a head of blank lines, a cut listing line).
  const formatName = headFormatName ?? detectFormat(text, file);
  const format = formatName === null ? undefined : formatByName(formatName);
  if (!format) return { file, message: `${file}: unknown format (expected ${KNOWN_FORMATS}; or name one with --format)` };
  return runParser(format, text, file);
}

/**
 * Reads every input named by `paths` (files, or directories walked recursively), one file at a time.
 * File paths are reported as given (relative stays relative). A file reached twice is read once.
 */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const errors: InputError[] = [];
  const inputs: ParsedInput[] = [];
  const forced = options.format === undefined ? undefined : formatByName(options.format);
  if (options.format !== undefined && !forced) {
    return { inputs, errors: [{ file: '', message: `unknown format "${options.format}" (known: ${FORMAT_NAMES.join(', ')})` }] };
  }
  const seen = new Set<string>();
  for (const file of await expand(paths, errors)) {
    const key = path.resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    options.onFile?.(file);
    const result = await readOne(file, forced);
    if ('message' in result) errors.push(result);
    else inputs.push(result);
  }
  return { inputs, errors };
}
