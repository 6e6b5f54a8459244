/**
 * The compact graph files: what the first view downloads (structure.bin, binary), labels right after,
 * text shards on demand. See types.ts for what goes where. The app imports ./read only; the Node side
 * (writing files, sizes) is in ./node.
 */
export { encodeAtlas, TEXT_SHARD_TARGET_CHARS } from './encode';
export * from './read';
export type { CompactParts, CompactManifestData } from './types';
