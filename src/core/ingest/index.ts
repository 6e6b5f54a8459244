/** The ingest domain: input files in, `PaperRecord`s (plus rejected records and file errors) out. */
export type { PaperRecord, ParsedInput, Rejected } from './types';
export { ARXIV_JSONL_FORMAT, parseArxivJsonl } from './arxivJsonl';
export { OAI_PMH_FORMAT, parseOaiPmh } from './oaiPmh';
export { ARXIV_ATOM_FORMAT, parseArxivAtom } from './arxivAtom';
export { LISTING_FORMAT, looksLikeListing, parseListing } from './listing';
export { BIBTEX_FORMAT, parseBibtex } from './bibtex';
export { RIS_FORMAT, parseRis } from './ris';
export { CSL_JSON_FORMAT, parseCslJson } from './cslJson';
export { OPENALEX_FORMAT, parseOpenAlex } from './openAlex';
export { PAPERS_JSONL_FORMAT, PaperInputSchema, parsePapersJsonl, type PaperInput } from './paperJsonl';
export { FORMAT_NAMES, INPUT_FORMATS } from './formats';
export { detectFormat } from './detect';
export { readInputs, type InputError, type ReadOptions, type ReadResult } from './readInputs';
