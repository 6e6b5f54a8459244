/**
 * The reading side alone (what the app bundles): decode and merge the parts, their schemas, helpers.
 * The encoder lives in encode.ts, which the app never needs.
 */
export { decodeStructure, readStructure, structureBuffers, graphSteps, graphFromStructure, mergeLabels, mergeTextShard, mergeReport, readOverviewPart, type CompactGraph, type StructureData } from './decode';
export { CompactFormatError, isGzip } from './bytes';
export * from './schema';

/** Which text shard holds node `index`, or -1. */
export function shardOf(text: { start: number; end: number }[], index: number): number {
  let lo = 0;
  let hi = text.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index < text[mid].start) hi = mid - 1;
    else if (index >= text[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
