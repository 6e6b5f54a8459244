/**
 * The graph file is written in chunks (a 100k-paper file is past V8's limit for one string): the chunks must
 * add up to exactly graphology's export, and a contract violation anywhere must still stop the build.
 */
import { describe, expect, it } from 'vitest';
import { graphFileChunks, parseGraphFile, serializeGraph } from '../../../src/core/graphFile';
import { runPipeline } from '../../../src/core/pipeline';
import { generateCorpus } from '../../../src/core/synthetic';

describe('graphFileChunks', () => {
  // 1,500 papers give several thousand nodes and edges: more than one chunk of each.
  const { graph } = runPipeline([generateCorpus({ papers: 1500, seed: 7 }).input], { layoutIterations: 2 });

  it('adds up to exactly JSON.stringify(graph.export()), in more than one chunk per list', () => {
    const chunks = [...graphFileChunks(graph)];
    expect(chunks.length).toBeGreaterThan(6);
    expect(chunks.join('')).toBe(JSON.stringify(graph.export()) + '\n');
    const reread = parseGraphFile(JSON.parse(serializeGraph(graph)));
    expect(reread.ok && reread.graph.order).toBe(graph.order);
  });

  it('names the node that breaks the contract', () => {
    const broken = graph.copy();
    const index = Math.floor(broken.order / 2);
    const victim = broken.nodes()[index];
    broken.setNodeAttribute(victim, 'x', Number.NaN);
    expect(() => [...graphFileChunks(broken)]).toThrow(new RegExp(`node ${index}: attributes\.x`));
  });
});
