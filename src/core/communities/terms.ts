/**
 * Turning paper text into label terms: lowercase words (hyphenated compounds such as `self-supervised`
 * kept whole), minus English and academic stopwords, with plurals folded onto one key so
 * `representation` and `representations` count as one term.
 */

const ENGLISH = `a about above after again against all almost along already also although always am among an and
another any are around as at be because been before being below between both but by can cannot could did do does
doing done down during each either else enough etc even ever every few for from further had has have having he her
here hers herself him himself his how however i if in into is it its itself just least less like made make makes many
may me might more most much must my neither never no nor not now of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps rather same several shall she should since so some such than
that the their theirs them themselves then there therefore these they this those though through thus to too toward
towards under until up upon us very via was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself`;

// Words every abstract uses whatever its topic: they say nothing about what a community studies.
const ACADEMIC = `abstract achieve achieved achieves achieving address addresses allow allows analyze analyse apply
applied applies approach approaches article available based best better beyond called case cases challenge
challenging code common compare compared comparison competitive conduct consider considered consists contribution
contributions current demonstrate demonstrated demonstrates describe design despite develop developed different
directly due easily effective effectively efficient empirical empirically enable enables especially et al evaluate
evaluated evaluation evidence example examples existing experiment experimental experiments explore extensive
extensively find finding findings first focus follow following found framework furthermore general give given
good high higher highly however identify important improve improved improvement improvements improves
improving include including increase increasingly instead introduce introduced introduces introducing investigate
issue key known lack large larger latter lead leading leads leverage leveraging limited lower main make making
method methods moreover much need needed new non novel number observe observed obtain obtained offer open order
outperform outperforming outperforms overall paper particular particularly perform performance performs possible
potential present presented presents previous previously prior problem problems promising propose proposed
proposes provide provided provides publicly rate recent recently related relatively remain report require requires
research respectively result results reveal second set setting settings show showed shown shows significant
significantly simple simply single small specific specifically state-of-the-art sota strong studies study
substantial successful suggest superior take task tasks technique techniques terms third three towards trained
two typically understand understanding usage use used useful uses using usually various well whereas wide widely
work works yield yields`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${ACADEMIC}`.split(/\s+/).filter(Boolean));

/**
 * A word (starting with a letter, so bare numbers like `72.4` or `2022` never become terms, and
 * hyphenated compounds like `self-supervised` stay whole), or punctuation that ends a phrase.
 */
const TOKEN = /(\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)|[.,;:!?()[\]{}"“”]/gu;

/** Words that end like a plural but are not one (`series` is no `sery`, `bias` no `bia`). */
const NOT_PLURALS: ReadonlySet<string> = new Set(['series', 'species', 'bias', 'atlas', 'canvas', 'alias', 'lens', 'news']);
/** Singulars ending in `-che`, whose plural must not lose its `e` like `patches` → `patch`. */
const CHE_SINGULARS: ReadonlySet<string> = new Set(['cache', 'niche', 'headache', 'avalanche', 'cliche', 'psyche']);

/**
 * Light stemming: folds an English plural onto its singular so both spellings count as one term
 * (`representations` → `representation`, `queries` → `query`, `patches` → `patch`, `classes` → `class`).
 * Plurals only, as an S-stemmer does: `learning` and `learned` stay apart, so a term still reads as a
 * word and distinct senses (`training` the noun, `trained`) are not conflated. Words in `-ss`, `-us`,
 * `-is` (`loss`, `corpus`, `analysis`) are singular already.
 */
export function termKey(word: string): string {
  const n = word.length;
  if (n < 4 || word[n - 1] !== 's' || NOT_PLURALS.has(word)) return word;
  if (n > 4 && word[n - 2] === 'e') {
    if (word[n - 3] === 'i') return `${word.slice(0, -3)}y`;
    // `-es` after a sibilant belongs to the plural: patches, meshes, classes, boxes.
    const c = word[n - 3];
    const h = c === 'h' && (word[n - 4] === 'c' || word[n - 4] === 's');
    if ((h && !CHE_SINGULARS.has(word.slice(0, -1))) || (c === 's' && word[n - 4] === 's') || c === 'x') return word.slice(0, -2);
  }
  const before = word[n - 2];
  return before === 's' || before === 'u' || before === 'i' ? word : word.slice(0, -1);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || (word.endsWith('s') && STOPWORDS.has(termKey(word)));
}

/**
 * Splits text into phrases of candidate words: each phrase is a run of non-stopwords, so adjacent
 * words of one phrase can form a bigram (`masked image`), and a stopword or punctuation separates them.
 * Runs on every title and abstract, so it is one regex pass without intermediate strings.
 */
export function phrases(text: string): string[][] {
  const cleaned = text
    .toLowerCase()
    .replace(/https?:\/\/\S+|\\[a-z]+|'s\b/g, ' '); // URLs, LaTeX commands (\emph), possessives
  const result: string[][] = [];
  let phrase: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(cleaned); match; match = TOKEN.exec(cleaned)) {
    const word = match[1];
    if (word !== undefined && word.length >= 2 && !isStopword(word)) phrase.push(word);
    else if (phrase.length) {
      result.push(phrase);
      phrase = [];
    }
  }
  if (phrase.length) result.push(phrase);
  return result;
}
