/** The ingest domain: input files in, `PaperRecord`s (plus rejected records and file errors) out. */
export type { PaperRecord, ParsedInput, Rejected } from './types';
export { ARXIV_JSONL_FORMAT, parseArxivJsonl } from './arxivJsonl';
export { OAI_PMH_FORMAT, parseOaiPmh } from './oaiPmh';
export { ARXIV_ATOM_FORMAT, parseArxivAtom } from './arxivAtom';
export { LISTING_FORMAT, looksLikeListing, parseListing } from './listing';
export { detectFormat } from './detect';
export { readInputs, type InputError, type ReadOptions, type ReadResult } from './readInputs';
