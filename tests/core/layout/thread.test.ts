/**
 * The build runs the multilevel layout's refining iterations on a worker thread (`startLayout`), from the
 * kernel's own source: the drawing must be the very one `layoutGraph` gives on the calling thread.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../../src/core/communities';
import { buildGraph } from '../../../src/core/graph';
import { layoutGraph } from '../../../src/core/layout';
import { startLayout } from '../../../src/core/layout/thread';
import { generateCorpus } from '../../../src/core/synthetic';

const positions = (graph: Graph) => graph.mapNodes((_n, a) => [a.x as number, a.y as number]);

describe('layout refined on a worker thread', () => {
  const base = buildGraph([generateCorpus({ papers: 1500, seed: 3 }).input]) as unknown as Graph;
  detectCommunities(base, { seed: 42 });

  it('gives the same positions as the same-thread multilevel layout, and writes nothing before finish()', () => {
    const here = base.copy();
    layoutGraph(here, { seed: 7, method: 'multilevel', iterations: 12 });
    const threaded = base.copy();
    const pending = startLayout(threaded, { seed: 7, method: 'multilevel', iterations: 12, thread: true });
    expect(threaded.someNode((_n, a) => a.x !== undefined && a.x !== base.getNodeAttribute(_n, 'x'))).toBe(false);
    pending.finish();
    expect(positions(threaded)).toEqual(positions(here));
    // The iterations did move nodes: a drawing with none differs.
    const unrefined = base.copy();
    layoutGraph(unrefined, { seed: 7, method: 'multilevel', iterations: 0 });
    expect(positions(unrefined)).not.toEqual(positions(here));
  });
});
