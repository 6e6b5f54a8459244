/** Communities: who clusters with whom (Louvain), what each cluster is about (labels), and its colour. */
export { createRng } from './rng';
export { detectCommunities, DEFAULT_SEED } from './detect';
export { labelCommunities } from './labels';
export { communityColor, applyCommunityStyle, PALETTE } from './colors';
export { phrases, termKey, isStopword, STOPWORDS } from './terms';
export type { Community, DetectOptions, DetectResult, LabelOptions } from './types';
export { applySizes, SIZE_RANGES } from './sizes';
