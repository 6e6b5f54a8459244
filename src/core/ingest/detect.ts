/**
 * Which parser a file needs, judged from its content (a `.txt` may be a listing or a JSON dump; a `.xml`
 * may be OAI-PMH or Atom). Only the head of the text is examined, so sniffing stays cheap on big files.
 */
import { ARXIV_ATOM_FORMAT } from './arxivAtom';
import { ARXIV_JSONL_FORMAT } from './arxivJsonl';
import { LISTING_FORMAT, looksLikeListing } from './listing';
import { BIBTEX_FORMAT, looksLikeBibtex } from './bibtex';
import { CSL_JSON_FORMAT, looksLikeCslJson } from './cslJson';
import { OAI_PMH_FORMAT } from './oaiPmh';
import { isOpenAlexPage, OPENALEX_FORMAT } from './openAlex';
import { looksLikePapersJsonl, PAPERS_JSONL_FORMAT } from './paperJsonl';
import { looksLikeRis, RIS_FORMAT } from './ris';

/** Enough for an XML prolog with comments and a root element with namespace declarations, or a JSON line's keys. */
const HEAD_LENGTH = 16_384;

/**
 * Local name of the first element, skipping the XML declaration, comments, processing instructions and
 * a DOCTYPE; null when the head does not start like XML.
 */
function rootElementName(head: string): string | null {
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i])) i++;
    if (head[i] !== '<') return null;
    const closer = head.startsWith('<?', i) ? '?>' : head.startsWith('<!--', i) ? '-->' : head.startsWith('<!', i) ? '>' : null;
    if (closer === null) {
      const name = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head.slice(i, i + 200));
      return name ? name[1] : null;
    }
    const end = head.indexOf(closer, i + 2);
    if (end === -1) return null; // the prolog runs past the head: not a file we know
    i = end + closer.length;
  }
}

/** Kaggle snapshot lines are JSON objects carrying these arXiv-specific keys. */
function looksLikeArxivJsonl(head: string): boolean {
  return /"authors_parsed"\s*:/.test(head) || (/"categories"\s*:/.test(head) && /"update_date"\s*:/.test(head));
}

/** OpenAlex works carry their id as a URL: `"id": "https://openalex.org/W2741809807"`. */
function looksLikeOpenAlex(head: string): boolean {
  return isOpenAlexPage(head) || /"id"\s*:\s*"https:\/\/openalex\.org\/W\d+"/.test(head);
}

function detectJsonObjects(head: string): string | null {
  if (looksLikeArxivJsonl(head)) return ARXIV_JSONL_FORMAT;
  if (looksLikeOpenAlex(head)) return OPENALEX_FORMAT;
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'));
  return looksLikePapersJsonl(firstLine) ? PAPERS_JSONL_FORMAT : null;
}

/**
 * Returns the input format name (see `INPUT_FORMATS`) or null when the content matches none. Content
 * alone decides (extensions lie: dumps get saved as `.json`, `.txt`, `.dat`); the file name is only a
 * tie-break for a `.bib` that opens with a plain-text banner.
 */
export function detectFormat(text: string, fileName: string): string | null {
  const head = text.slice(0, HEAD_LENGTH).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return detectJsonObjects(head);
  if (head.startsWith('[')) return looksLikeCslJson(head) ? CSL_JSON_FORMAT : null;
  if (head.startsWith('<')) {
    const root = rootElementName(head);
    if (root === 'OAI-PMH') return OAI_PMH_FORMAT;
    // Any Atom feed parses, but only arXiv's carries the categories we need: require its namespace or host.
    if (root === 'feed' && /arxiv\.org/i.test(head)) return ARXIV_ATOM_FORMAT;
    // arXiv entries saved inside another wrapper element.
    if (/<(?:\w+:)?entry[\s>]/.test(head) && /arxiv\.org\/schemas\/atom/.test(head)) return ARXIV_ATOM_FORMAT;
    return null;
  }
  if (looksLikeRis(head)) return RIS_FORMAT;
  if (looksLikeBibtex(head, fileName)) return BIBTEX_FORMAT;
  // Whole lines only, so the listing sniff never sees a record cut mid-line.
  const lastNewline = head.lastIndexOf('\n');
  return looksLikeListing(text.length <= HEAD_LENGTH || lastNewline === -1 ? head : head.slice(0, lastNewline)) ? LISTING_FORMAT : null;
}
