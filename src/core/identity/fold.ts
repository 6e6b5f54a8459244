/**
 * Accent-, case- and spacing-insensitive folding of names, shared by identity resolution and search.
 * NFD strips combining marks (é → e); a few letters have no decomposition and are mapped by hand.
 */
const EXTRA_FOLDS: Record<string, string> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', đ: 'd', Đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(EXTRA_RE, (c) => EXTRA_FOLDS[c])
    .toLowerCase();
}

/** URL- and key-safe slug: folded, runs of anything but letters and digits become one `-`. */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldText(text)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > maxLength ? slug.slice(0, maxLength).replace(/-+$/, '') : slug;
}

/** Tidies whitespace in a name as written: trims, collapses runs, puts a space after an initial (`J.Smith`). */
export function tidyName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/\.(?=\p{Lu})/gu, '. ')
    .trim();
}
