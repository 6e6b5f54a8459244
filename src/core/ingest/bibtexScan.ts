/**
 * Splits BibTeX text into entries and entry bodies into fields, keeping where each entry starts.
 * The parsing library reports neither positions nor which entry a brace imbalance broke, and it is
 * slow on long abstracts (its LaTeX grammar); cutting entries here gives line numbers, confines a
 * broken entry to itself and lets the caller hand the library only the fields that need LaTeX.
 */

export interface ScannedEntry {
  /** Entry type, lower-case (`article`, `string`, `comment`). */
  type: string;
  /** Offset of the `@`. */
  start: number;
  /** The full entry text from `@` to the closing delimiter (or to where it was cut off). */
  text: string;
  /** Text between the opening and closing delimiters. */
  body: string;
  /** Null when the entry closed; otherwise where it was found to be cut (`line N` / `end of file`). */
  unclosedAt: number | 'eof' | null;
}

const ENTRY_START = /@[ \t]*([A-Za-z][\w-]*)\s*([{(])/y;
/** A new entry at the start of a line: where an unclosed entry is assumed to end. */
const LINE_ENTRY_START = /[ \t]*@[ \t]*[A-Za-z][\w-]*\s*[{(]/y;

/** Every `@type{…}` / `@type(…)` in the text, in order. Text between entries is a comment (BibTeX's rule). */
export function scanEntries(text: string): ScannedEntry[] {
  const entries: ScannedEntry[] = [];
  let pos = 0;
  while (pos < text.length) {
    const at = text.indexOf('@', pos);
    if (at === -1) break;
    ENTRY_START.lastIndex = at;
    const m = ENTRY_START.exec(text);
    if (!m) {
      pos = at + 1;
      continue;
    }
    const open = ENTRY_START.lastIndex; // just after the delimiter
    const closer = m[2] === '{' ? '}' : ')';
    let depth = 0;
    let i = open;
    let unclosedAt: number | 'eof' | null = 'eof';
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === '}' && depth > 0) depth--;
      else if (ch === closer && depth === 0) {
        unclosedAt = null;
        break;
      } else if (ch === '\n') {
        LINE_ENTRY_START.lastIndex = i + 1;
        if (LINE_ENTRY_START.test(text)) {
          unclosedAt = i + 1;
          break;
        }
      }
    }
    const end = unclosedAt === null ? i + 1 : Math.min(i, text.length);
    entries.push({ type: m[1].toLowerCase(), start: at, text: text.slice(at, end), body: text.slice(open, unclosedAt === null ? i : end), unclosedAt });
    pos = end;
  }
  return entries;
}

export interface ScannedField {
  /** Field name, lower-case. */
  name: string;
  /** The value as written (`{…}`, `"…"`, a number, a macro, or parts joined by `#`). */
  raw: string;
}

/** Citation key and fields of an entry body, or null when the body does not follow `key, name = value, …`. */
export function scanFields(body: string): { key: string; fields: ScannedField[] } | null {
  const comma = body.indexOf(',');
  const key = (comma === -1 ? body : body.slice(0, comma)).trim();
  if (!key || /[\s{}="]/.test(key)) return null;
  const fields: ScannedField[] = [];
  let i = comma === -1 ? body.length : comma + 1;
  const skipSpace = () => {
    while (i < body.length && /[\s,]/.test(body[i])) i++;
  };
  for (skipSpace(); i < body.length; skipSpace()) {
    const name = /^[^\s=,{}"#]+/.exec(body.slice(i, i + 200))?.[0];
    if (!name) return null;
    i += name.length;
    while (/\s/.test(body[i] ?? '')) i++;
    if (body[i] !== '=') return null;
    i++;
    const valueStart = i;
    for (;;) {
      while (/\s/.test(body[i] ?? '')) i++;
      const end = valueEnd(body, i);
      if (end === -1) return null;
      i = end;
      while (/\s/.test(body[i] ?? '')) i++;
      if (body[i] !== '#') break;
      i++;
    }
    fields.push({ name: name.toLowerCase(), raw: body.slice(valueStart, i).trim() });
    // Fields are separated by commas. A missing one before the next `name =` (real exports have
    // `url = {…}\n keywords = …`) is forgiven, as the value is unambiguous; anything else is not.
    if (i < body.length && body[i] !== ',' && !/^[A-Za-z][\w-]*\s*=/.test(body.slice(i, i + 100))) return null;
  }
  return { key, fields };
}

/** End offset of one value part starting at `i`: a braced or quoted string, or a bare number/macro. */
function valueEnd(body: string, i: number): number {
  const first = body[i];
  if (first === '{' || first === '"') {
    let depth = 0;
    for (let j = i; j < body.length; j++) {
      const ch = body[j];
      if (ch === '\\') j++;
      else if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth === 0 && first === '{') return j + 1;
        if (depth < 0) return -1;
      } else if (ch === '"' && first === '"' && depth === 0 && j > i) return j + 1;
    }
    return -1;
  }
  const bare = /^[^\s,#{}"]+/.exec(body.slice(i, i + 200))?.[0];
  return bare ? i + bare.length : -1;
}

/** A value written as `{…}` or `"…"` without LaTeX processing: outer delimiters and inner braces dropped. */
export function plainValue(raw: string): string {
  return raw.replace(/^[{"]|[}"]$/g, '').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}
