/**
 * One build-benchmark case in its own process, so peak memory is the case's own. Prints one JSON line.
 * Usage: tsx scripts/bench/pipeline-case.ts (--papers N | --real) [--only communities] [--graph-out PATH]
 *
 * Each phase's wall time and peak RSS: the kernel's high-water mark (VmHWM) is reset before each phase
 * (`/proc/self/clear_refs` ← 5), so a phase's peak is its own, on top of what earlier phases still hold.
 * Synthetic corpora are generated in memory first; that is `generate`, not `parse` (only the real set parses).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { readInputs } from '../../src/core/ingest';
import type { ParsedInput } from '../../src/core/ingest/types';
import { runPipeline, PHASES } from '../../src/core/pipeline';
import { graphFileChunks } from '../../src/core/graphFile';
import { compactSizes } from '../../src/core/graphFile/compact/node';
import { buildGraph } from '../../src/core/graph';
import { detectCommunities } from '../../src/core/communities';
import { generateCorpus } from '../../src/core/synthetic';
import { chooseMethod, layoutQuality } from '../../src/core/layout';
import { OAI_DIR, REAL_CASE, ROOT, sizeName } from './cases';
import type { AbstractGraph } from 'graphology-types';

const { values: args } = parseArgs({ options: { papers: { type: 'string' }, real: { type: 'boolean' }, only: { type: 'string' }, 'graph-out': { type: 'string' } } });

export interface PhaseResult {
  ms: number;
  peakRssMb: number;
}

let resettable = true;
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    resettable = false; // not Linux, or not allowed: peaks are then cumulative
  }
}
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

const phases: Record<string, PhaseResult> = {};
let current: { name: string; start: number } | null = null;
function enter(name: string | null): void {
  const now = performance.now();
  if (current) phases[current.name] = { ms: now - current.start, peakRssMb: peakRssMb() };
  current = null;
  if (name === null) return;
  resetPeak();
  current = { name, start: performance.now() };
}

async function main() {
  const real = args.real === true;
  const papersWanted = Number(args.papers ?? 0);
  let inputs: ParsedInput[];
  if (real) {
    enter('parse');
    const read = await readInputs([OAI_DIR]);
    inputs = read.inputs;
  } else {
    enter('generate');
    inputs = [generateCorpus({ papers: papersWanted, abstractWords: papersWanted >= 1e6 ? [0, 0] : undefined }).input];
  }
  const papers = inputs.reduce((n, i) => n + i.papers.length, 0);
  const name = real ? REAL_CASE : sizeName(papers);

  if (args.only === 'communities') {
    // The 1M-paper check: the graph and Louvain only (related work, layout and the file would not fit the budget).
    enter('graph');
    const graph = buildGraph(inputs);
    enter('communities');
    const { modularity, count } = detectCommunities(graph, { seed: 42 });
    enter(null);
    const totalPeakRssMb = process.resourceUsage().maxRSS / 1024;
    const reference = await igraphReference(graph);
    console.log(JSON.stringify({ name, papers, nodes: graph.order, edges: graph.size, communityCount: count, modularity, phases, resettable, totalPeakRssMb, reference }));
    return;
  }

  const { graph } = runPipeline(inputs, { onPhaseStart: (phase) => enter(phase) });
  enter('write');
  // Streamed like the CLI writes it (a 100k-paper file is past V8's limit for one string), gzipped on the way.
  const path = args['graph-out'];
  let bytes: number | undefined = 0;
  let gzipped: number | undefined = 0;
  let writeError: string | null = null;
  try {
    const file = path ? createWriteStream(path) : null;
    const gz = createGzip();
    gz.on('data', (b: Buffer) => (gzipped! += b.length));
    for (const chunk of graphFileChunks(graph)) {
      bytes += Buffer.byteLength(chunk);
      if (!gz.write(chunk)) await once(gz, 'drain');
      if (file && !file.write(chunk)) await once(file, 'drain');
    }
    gz.end();
    file?.end();
    await finished(gz);
    if (file) await finished(file);
  } catch (err) {
    // Reported, not fatal: the phases before it were measured.
    writeError = (err as Error).message;
    bytes = gzipped = undefined;
  }
  enter(null);
  // What the explorer downloads first (src/core/graphFile/compact): the bytes-per-node target.
  const compact = compactSizes(graph, null);
  // Not a phase: how good the drawing is, in scale-free numbers (src/core/layout/quality.ts).
  const layout = { method: chooseMethod(graph.order), ...layoutQuality(graph) };
  console.log(
    JSON.stringify({
      name, papers, nodes: graph.order, edges: graph.size, communityCount: graph.getAttribute('communities').length,
      modularity: graph.getAttribute('modularity'), phases, phaseOrder: [real ? 'parse' : 'generate', ...PHASES, 'write'],
      fileBytes: bytes, gzipBytes: gzipped, compact: { structureGzipBytesPerNode: compact.bytesPerNode.structure, labelsGzipBytesPerNode: compact.labels.gzip / Math.max(1, graph.order), structureGzipBytes: compact.structure.gzip }, bytesPerNode: bytes && bytes / graph.order, gzipBytesPerNode: gzipped && gzipped / graph.order, writeError,
      layout, resettable, totalPeakRssMb: process.resourceUsage().maxRSS / 1024, graphPath: path ?? null,
    }),
  );
}

/** igraph's Louvain and Leiden modularity on the same graph (scripts/bench/igraph-modularity.py), if igraph is installed. */
async function igraphReference(graph: AbstractGraph): Promise<Record<string, number> | { skipped: string }> {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import igraph']).status !== 0) return { skipped: `python3-igraph not installed for ${python}` };
  const dir = mkdtempSync(join(tmpdir(), 'atlas-igraph-'));
  const file = join(dir, 'graph.txt');
  const index = new Map<string, number>();
  graph.forEachNode((node) => void index.set(node, index.size));
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)));
  await write(`${graph.order}\n`);
  let chunk = '';
  for (const { attributes, source, target } of graph.edgeEntries()) {
    chunk += `${index.get(source)} ${index.get(target)} ${attributes.weight ?? 1}\n`;
    if (chunk.length > 1 << 20) [await write(chunk), (chunk = '')];
  }
  chunk += 'membership\n';
  for (const { attributes } of graph.nodeEntries()) {
    chunk += `${attributes.community}\n`;
    if (chunk.length > 1 << 20) [await write(chunk), (chunk = '')];
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  const run = spawnSync(python, [join(ROOT, 'scripts/bench/igraph-modularity.py'), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) return { skipped: `igraph failed: ${run.stderr.trim().split('\n').pop()}` };
  return JSON.parse(run.stdout);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
