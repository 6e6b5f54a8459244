/**
 * Position-keeping JSON helpers: the items of a top-level array (CSL-JSON, an OpenAlex API page's
 * `results`) with the line each starts on, and a line-at-a-time reader for JSON Lines formats. A plain
 * `JSON.parse` of a whole file loses positions and fails as a whole on one cut record; these keep every
 * item apart so a broken one is rejected alone.
 */
import { LineCounter } from './fields';
import type { ParsedInput, PaperRecord, Rejected } from './types';

export type Json = Record<string, unknown>;
export type Outcome = { paper: PaperRecord } | { field: string; reason: string };

export interface ArrayItem {
  /** 1-based line where the item starts. */
  line: number;
  text: string;
  /** The file ended inside this item. */
  truncated: boolean;
}

/** End of a JSON string starting at `i` (the opening quote); -1 when it runs off the text. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 92) j++; // backslash
    else if (ch === 34) return j + 1;
  }
  return -1;
}

/**
 * The items of the JSON array whose `[` is at `open`, in order. Only nesting and strings are tracked
 * (each item is `JSON.parse`d by the caller), so a syntax error stays inside its item.
 */
export function scanArrayItems(text: string, open: number): { items: ArrayItem[]; closed: boolean } {
  const lines = new LineCounter(text);
  const items: ArrayItem[] = [];
  let i = open + 1;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i])) i++;
    if (i >= text.length) return { items, closed: false };
    if (text[i] === ']') return { items, closed: true };
    const start = i;
    let depth = 0;
    let end = -1;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') {
        const after = stringEnd(text, i);
        if (after === -1) break;
        i = after - 1;
      } else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth === 0) break; // the array's own `]` after a bare value
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      } else if (ch === ',' && depth === 0) {
        end = i;
        break;
      }
    }
    if (end === -1 && i < text.length && depth === 0 && i > start) end = i; // bare value before `]`
    const truncated = end === -1;
    items.push({ line: lines.lineAt(start), text: text.slice(start, truncated ? text.length : end), truncated });
    if (truncated) return { items, closed: false };
    i = end;
  }
}

/** Parses one item or line as a JSON object, or says why it is not one. */
export function parseObject(text: string): { ok: true; value: Json } | { ok: false; field: string; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, field: 'json', reason: `not valid JSON: ${(err as Error).message.split('\n')[0]}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: 'json', reason: 'valid JSON but not an object' };
  return { ok: true, value: value as Json };
}

/** Receives a JSON Lines file one line at a time (from a stream or a string) and builds its `ParsedInput`. */
export interface LineReader {
  add(lineText: string, line: number): void;
  finish(): ParsedInput;
}

/** A `LineReader` for a format whose lines are JSON objects read by `readRecord`; blank lines are skipped. */
export function jsonLinesReader(format: string, file: string, readRecord: (record: Json, line: number) => Outcome): LineReader {
  const papers: PaperRecord[] = [];
  const rejected: Rejected[] = [];
  return {
    add(lineText, line) {
      const trimmed = lineText.trim();
      if (!trimmed) return;
      const parsed = parseObject(trimmed);
      const outcome: Outcome = parsed.ok ? readRecord(parsed.value, line) : parsed;
      if ('paper' in outcome) papers.push(outcome.paper);
      else rejected.push({ file, line, field: outcome.field, reason: outcome.reason });
    },
    finish: () => ({ file, format, records: papers.length + rejected.length, papers, rejected }),
  };
}

/** Feeds a whole text to a `LineReader` line by line, without splitting it into an array. */
export function readLinesOf(text: string, reader: LineReader): ParsedInput {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    reader.add(text.slice(start, end === -1 ? text.length : end), line);
    start = end === -1 ? text.length : end + 1;
  }
  return reader.finish();
}
