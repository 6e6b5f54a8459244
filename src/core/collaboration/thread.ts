/**
 * The collaboration network with its communities and layout on a second thread (Node only), for the build:
 * `startCollaboration` reads the co-author edges into arrays and starts `placeCollaboration` in a worker as soon
 * as the graph is built; `finish()` writes the placement and names the groups (with the labels' corpus), the
 * same bytes as `collaborationNetwork`.
 */
import type { AtlasGraph } from '../graphFile';
import { runHere, startModuleInThread } from '../threads';
import { collaborationInput, writeCollaboration } from './index';
import { placeCollaboration, type PlaceInput, type Placement } from './place';
import type { CollaborationOptions } from './types';

/** Below this many co-authoring authors the network takes less than starting a worker that loads its modules. */
export const THREAD_FROM_AUTHORS = 10_000;

export interface PendingCollaboration {
  finish(options?: Pick<CollaborationOptions, 'corpus'>): void;
}

export function startCollaboration(graph: AtlasGraph, options: CollaborationOptions & { thread?: boolean } = {}): PendingCollaboration {
  const input = collaborationInput(graph, options);
  const inThread = options.thread ?? input.authors.length >= THREAD_FROM_AUTHORS;
  const placement = inThread
    ? startModuleInThread<PlaceInput, Placement>(new URL('./place.ts', import.meta.url), 'placeCollaboration', input)
    : runHere((i: PlaceInput) => placeCollaboration(i, options.onProgress), input);
  return { finish: (more = {}) => void writeCollaboration(graph, input, placement.result(), { ...options, ...more }) };
}
