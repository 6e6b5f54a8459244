/**
 * The input formats, by name: how to parse each, and for JSON Lines formats how to read them a line at a
 * time so a big file never sits in memory whole. The names are what `--format` accepts.
 */
import { ARXIV_ATOM_FORMAT, parseArxivAtom } from './arxivAtom';
import { ARXIV_JSONL_FORMAT, arxivJsonlReader, parseArxivJsonl } from './arxivJsonl';
import { BIBTEX_FORMAT, parseBibtex } from './bibtex';
import { CSL_JSON_FORMAT, parseCslJson } from './cslJson';
import type { LineReader } from './jsonScan';
import { LISTING_FORMAT, parseListing } from './listing';
import { OAI_PMH_FORMAT, parseOaiPmh } from './oaiPmh';
import { isOpenAlexPage, OPENALEX_FORMAT, openAlexLinesReader, parseOpenAlex } from './openAlex';
import { PAPERS_JSONL_FORMAT, papersJsonlReader, parsePapersJsonl } from './paperJsonl';
import { parseRis, RIS_FORMAT } from './ris';
import type { ParsedInput } from './types';

export interface InputFormat {
  name: string;
  /** What a user would call it, for messages. */
  description: string;
  parse: (text: string, file: string) => ParsedInput;
  /** Line-at-a-time reader for JSON Lines content; `head` (the file's start) says whether this file is such. */
  lineReader?: (file: string, head: string) => LineReader | null;
}

export const INPUT_FORMATS: readonly InputFormat[] = [
  { name: LISTING_FORMAT, description: 'a listing (three lines a paper)', parse: (text, file) => parseListing(text, file) },
  { name: ARXIV_JSONL_FORMAT, description: 'Kaggle arXiv JSON Lines', parse: parseArxivJsonl, lineReader: (file) => arxivJsonlReader(file) },
  { name: OAI_PMH_FORMAT, description: 'arXiv OAI-PMH XML', parse: parseOaiPmh },
  { name: ARXIV_ATOM_FORMAT, description: 'an arXiv API Atom feed', parse: parseArxivAtom },
  { name: BIBTEX_FORMAT, description: 'BibTeX', parse: parseBibtex },
  { name: RIS_FORMAT, description: 'RIS', parse: parseRis },
  { name: CSL_JSON_FORMAT, description: 'CSL-JSON', parse: parseCslJson },
  {
    name: OPENALEX_FORMAT,
    description: 'OpenAlex works (JSON Lines or API pages)',
    parse: parseOpenAlex,
    // An API page is one JSON document: read whole. JSON Lines of works stream.
    lineReader: (file, head) => (isOpenAlexPage(head) ? null : openAlexLinesReader(file)),
  },
  { name: PAPERS_JSONL_FORMAT, description: 'papers JSON Lines', parse: parsePapersJsonl, lineReader: (file) => papersJsonlReader(file) },
];

export const FORMAT_NAMES: readonly string[] = INPUT_FORMATS.map((f) => f.name);

export function formatByName(name: string): InputFormat | undefined {
  return INPUT_FORMATS.find((f) => f.name === name);
}

/** `a listing (…), Kaggle arXiv JSON Lines, … or papers JSON Lines`, for "unknown format" messages. */
export const KNOWN_FORMATS = `${INPUT_FORMATS.slice(0, -1).map((f) => f.description).join(', ')} or ${INPUT_FORMATS[INPUT_FORMATS.length - 1].description}`;
