/**
 * One build-benchmark case in its own process, so peak memory is the case's own. Prints one JSON line.
 * Usage: tsx scripts/bench/pipeline-case.ts (--papers N | --real) [--only communities] [--graph-out PATH]
 *
 * Each phase's wall time and peak RSS: the kernel's high-water mark (VmHWM) is reset before each phase
 * (`/proc/self/clear_refs` ← 5), so a phase's peak is its own, on top of what earlier phases still hold.
 * Synthetic corpora are generated in memory first; that is `generate`, not `parse` (only the real set parses).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readInputs } from '../../src/core/ingest';
import type { ParsedInput } from '../../src/core/ingest/types';
import { runPipeline, PHASES } from '../../src/core/pipeline';
import { compactSizes, writeGraphFiles } from '../../src/core/graphFile/compact/node';
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
  // A phase started early and finished later (work on a second thread in between) adds up its parts.
  if (current) {
    const before = phases[current.name];
    phases[current.name] = { ms: (before?.ms ?? 0) + now - current.start, peakRssMb: Math.max(before?.peakRssMb ?? 0, peakRssMb()) };
  }
  current = null;
  if (name === null) return;
  resetPeak();
  current = { name, start: performance.now() };
}

async function loadInputs(): Promise<{ inputs: ParsedInput[]; name: string; papers: number }> {
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
  return { inputs, name: real ? REAL_CASE : sizeName(papers), papers };
}

async function main() {
  if (args.only === 'communities') return communitiesOnly();
  const real = args.real === true;
  const { inputs, name, papers } = await loadInputs();
  const { graph } = runPipeline(inputs, { onPhaseStart: (phase) => enter(phase) });
  enter('write');
  // What `npm run build:graph` writes: graph.json in chunks (a 100k-paper file is past V8's limit for one
  // string), then the compact files beside it. Its gzipped size is measured after, outside the phase.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-write-'));
  const path = args['graph-out'] ?? join(dir, 'graph.json');
  let bytes: number | undefined = 0;
  let gzipped: number | undefined = 0;
  let writeError: string | null = null;
  // The build's own peak: what follows (gzipping graph.json, encoding the compact parts again for their sizes) is not the build.
  let buildPeakRssMb = 0;
  try {
    bytes = writeGraphFiles(graph, path); // as the CLI writes them
    enter(null);
    buildPeakRssMb = process.resourceUsage().maxRSS / 1024;
    const count = new Writable({ write: (chunk: Buffer, _encoding, done) => ((gzipped! += chunk.length), done()) });
    await pipeline(createReadStream(path), createGzip(), count);
  } catch (err) {
    // Reported, not fatal: the phases before it were measured.
    writeError = (err as Error).message;
    bytes = gzipped = undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
      layout, resettable, totalPeakRssMb: buildPeakRssMb || process.resourceUsage().maxRSS / 1024, processPeakRssMb: process.resourceUsage().maxRSS / 1024, graphPath: path ?? null,
    }),
  );
}

/**
 * The 1M-paper check: the graph and Louvain only (related work, layout and the file would not fit the budget),
 * then igraph's Louvain and Leiden on the same graph. The corpus and graph are dropped and collected before
 * Python starts, so the two processes do not hold the graph at once (~10 GB at 1M papers).
 */
async function communitiesOnly(): Promise<void> {
  const python = '/usr/bin/python3';
  const haveIgraph = spawnSync(python, ['-c', 'import igraph']).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-igraph-'));
  try {
    const result = await buildAndDetect(haveIgraph ? dir : null);
    await collectGarbage();
    const rssDuringIgraphMb = process.memoryUsage().rss / 2 ** 20;
    let reference: Record<string, number> | { skipped: string } = { skipped: `python3-igraph not installed for ${python}` };
    if (haveIgraph) {
      const start = performance.now();
      const run = spawnSync(python, [join(ROOT, 'scripts/bench/igraph-modularity.py'), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
      reference = run.status === 0 ? { ...JSON.parse(run.stdout), seconds: (performance.now() - start) / 1000 } : { skipped: `igraph failed: ${run.stderr.trim().split('\n').pop()}` };
    }
    console.log(JSON.stringify({ ...result, reference, rssDuringIgraphMb }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function buildAndDetect(igraphDir: string | null) {
  const { inputs, name, papers } = await loadInputs();
  enter('graph');
  const graph = buildGraph(inputs);
  enter('communities');
  const { modularity, count } = detectCommunities(graph, { seed: 42 });
  enter(null);
  const totalPeakRssMb = process.resourceUsage().maxRSS / 1024;
  if (igraphDir) writeIgraphInput(graph, igraphDir);
  return { name, papers, nodes: graph.order, edges: graph.size, communityCount: count, modularity, phases, resettable, totalPeakRssMb };
}

/** The files scripts/bench/igraph-modularity.py reads: edges.txt ("u v"), weights.txt, membership.txt, in node order. */
function writeIgraphInput(graph: AbstractGraph, dir: string): void {
  const index = new Map<string, number>();
  graph.forEachNode((node) => void index.set(node, index.size));
  const writer = (file: string) => {
    const fd = openSync(join(dir, file), 'w');
    let chunk = '';
    return {
      line(text: string) {
        chunk += text + '\n';
        if (chunk.length < 1 << 20) return;
        writeSync(fd, chunk);
        chunk = '';
      },
      close() {
        writeSync(fd, chunk);
        closeSync(fd);
      },
    };
  };
  const edges = writer('edges.txt');
  const weights = writer('weights.txt');
  graph.forEachEdge((_edge, attributes, source, target) => {
    edges.line(`${index.get(source)} ${index.get(target)}`);
    weights.line(String(attributes.weight ?? 1));
  });
  edges.close();
  weights.close();
  const membership = writer('membership.txt');
  graph.forEachNode((_node, attributes) => membership.line(String(attributes.community)));
  membership.close();
}

/**
 * A full collection, then a pause while V8's background unmapper hands the freed pages back to the system
 * (it does so asynchronously: RSS falls over the next second or so), before the next process starts.
 */
async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  for (let i = 0, before = Infinity; i < 40 && process.memoryUsage().rss < 0.98 * before; i++) {
    before = process.memoryUsage().rss;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
