export { buildGraph, MAX_COAUTHORS_PER_PAPER } from './buildGraph';
export { mergePapers, type MergedPaper } from './mergePapers';
