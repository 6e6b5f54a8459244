/**
 * Header lines of the listing format: `CATMon D, YYYY[Code]`, e.g. `LGApr 14, 2022Code`.
 *
 * Two levels: `matchHeader` is the loose test the parser resynchronises on (a short line that starts
 * with two capitals glued to letters and ends in a year), and `parseHeader` validates one such line
 * and explains what is wrong with it.
 */

/** Listing category codes → full arXiv codes. `ML` is statistics; everything else is a cs subject. */
export const CATEGORY_CODES: ReadonlyMap<string, string> = new Map([
  ['ML', 'stat.ML'],
  ...[
    'AI', 'AR', 'CC', 'CE', 'CG', 'CL', 'CR', 'CV', 'CY', 'DB', 'DC', 'DL', 'DM', 'DS', 'ET', 'FL', 'GL', 'GR', 'GT',
    'HC', 'IR', 'IT', 'LG', 'LO', 'MA', 'MM', 'MS', 'NA', 'NE', 'NI', 'OH', 'OS', 'PF', 'PL', 'RO', 'SC', 'SD', 'SE',
    'SI', 'SY',
  ].map((c): [string, string] => [c, `cs.${c}`]),
]);

/** Oldest and newest year accepted as plausible (no clock: results must not depend on the day the build runs). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

/** Month name at the end of the letter run (`LGApr` → `LG` + `Apr`); the category is whatever precedes it. */
const MONTH_SUFFIX =
  /^(.*?)(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)$/i;

/** Headers are short; anything longer is a title or abstract line whatever it ends with. */
export const MAX_HEADER_LENGTH = 48;

/**
 * Loose header shape: two capitals glued to more letters (`LGApr`, `XXApr`, `LGFoo`), an optional day and
 * comma, a number that should be the year, an optional `Code`. Title/author lines never end in digits and
 * abstracts are far longer, so this does not fire on them.
 */
const HEADER_LIKE = /^(\p{Lu}{2}\p{L}{0,14}(?: \p{L}{3,9})?)\.?[ \t]*(?:(\d{1,3})(?:[ \t]*,[ \t]*|[ \t]+))?(\d{1,6})[ \t]*(Code)?$/u;

/** Strict shape, for the cheap format sniff. */
const HEADER_STRICT = /^[A-Z]{2}(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}(?:Code)?$/;

export type HeaderResult =
  | { ok: true; category: string; date: string; hasCode: boolean }
  | { ok: false; field: 'header' | 'category' | 'date'; reason: string };

/** The loose header match of a trimmed line, or null when the line is not header-like. */
export function matchHeader(line: string): RegExpExecArray | null {
  return line.length >= 6 && line.length <= MAX_HEADER_LENGTH ? HEADER_LIKE.exec(line) : null;
}

export function isStrictHeader(line: string): boolean {
  return HEADER_STRICT.test(line);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `LGApr` → [`LG`, `Apr`]: the common shape without a regex, else the month found at the end of the run. */
function splitCategoryMonth(letters: string): [string, string] | null {
  if (letters.length === 5 && MONTHS.has(letters.slice(2).toLowerCase())) return [letters.slice(0, 2), letters.slice(2)];
  const m = MONTH_SUFFIX.exec(letters);
  return m ? [m[1]!, m[2]!] : null;
}

/** Validates one header-like line (trimmed); `match` is its `matchHeader` result when the caller has it. */
export function parseHeader(line: string, match?: RegExpExecArray | null): HeaderResult {
  const m = match ?? HEADER_LIKE.exec(line);
  const expected = "expected 'CATMon D, YYYY' with an optional 'Code' suffix, e.g. 'LGApr 14, 2022Code'";
  if (!m || line.length > MAX_HEADER_LENGTH) return { ok: false, field: 'header', reason: `header line is garbled: ${expected}` };
  const [, letterRun, dayText = '', yearText, code] = m as unknown as [string, string, string | undefined, string, string?];
  const letters = letterRun.replace(' ', '');

  const monthMatch = splitCategoryMonth(letters);
  if (!monthMatch) {
    const cat = letters.slice(0, 2);
    if (CATEGORY_CODES.has(cat)) {
      return { ok: false, field: 'date', reason: `'${letters.slice(2)}' is not a month name in header '${line}'` };
    }
    return { ok: false, field: 'header', reason: `header line '${line}' has no recognisable category and month: ${expected}` };
  }
  const [cat, monthName] = monthMatch;
  const category = CATEGORY_CODES.get(cat);
  if (!category) {
    return {
      ok: false,
      field: 'category',
      reason: `unknown category code '${cat}' in header '${line}' (known: ${[...CATEGORY_CODES.keys()].join(', ')})`,
    };
  }
  const month = MONTHS.get(monthName.toLowerCase())!;
  if (dayText === '') return { ok: false, field: 'date', reason: `date in header '${line}' has no day: ${expected}` };
  if (yearText.length !== 4) {
    return { ok: false, field: 'date', reason: `year '${yearText}' in header '${line}' is not a four-digit year` };
  }
  const year = Number(yearText);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, field: 'date', reason: `year ${year} in header '${line}' is not plausible (${MIN_YEAR}–${MAX_YEAR})` };
  }
  const day = Number(dayText);
  const maxDay = daysInMonth(year, month);
  if (day < 1 || day > maxDay) {
    return {
      ok: false,
      field: 'date',
      reason: `day ${dayText} in header '${line}' does not exist (${monthName} ${year} has ${maxDay} days)`,
    };
  }
  return { ok: true, category, date: `${year}-${pad2(month)}-${pad2(day)}`, hasCode: code === 'Code' };
}
