/**
 * Layout quality and time: multilevel against plain ForceAtlas2 (and random positions as the floor)
 * on one synthetic corpus, after the same graph and communities. Prints one JSON line.
 * Usage: tsx scripts/bench/layout-quality.ts [--papers 10000] [--fa2-iterations N] [--ml-iterations N]
 */
import { parseArgs } from 'node:util';
import { generateCorpus } from '../../src/core/synthetic';
import { buildGraph } from '../../src/core/graph';
import { detectCommunities } from '../../src/core/communities';
import { defaultIterations, layoutGraph, layoutQuality, multilevelIterations, type LayoutMethod } from '../../src/core/layout';
import { createRng } from '../../src/core/communities/rng';

const { values } = parseArgs({ options: { papers: { type: 'string' }, 'fa2-iterations': { type: 'string' }, 'ml-iterations': { type: 'string' }, only: { type: 'string' } } });
const papers = Number(values.papers ?? 10_000);
const graph = buildGraph([generateCorpus({ papers }).input]);
detectCommunities(graph, { seed: 42 });

function run(method: LayoutMethod, iterations: number) {
  const copy = graph.copy();
  const start = performance.now();
  layoutGraph(copy, { seed: 42, method, iterations });
  const ms = performance.now() - start;
  return { method, iterations, ms: Math.round(ms), ...layoutQuality(copy) };
}

const rows = [];
const random = graph.copy();
const rng = createRng(5);
random.updateEachNodeAttributes((_n, a) => ({ ...a, x: rng() * 1000, y: rng() * 1000 }));
rows.push({ method: 'random', iterations: 0, ms: 0, ...layoutQuality(random) });
if (values.only !== 'forceAtlas2') rows.push(run('multilevel', Number(values['ml-iterations'] ?? multilevelIterations(graph.order))));
if (values.only !== 'multilevel') rows.push(run('forceAtlas2', Number(values['fa2-iterations'] ?? defaultIterations(graph.order))));
console.log(JSON.stringify({ papers, nodes: graph.order, edges: graph.size, rows }));
