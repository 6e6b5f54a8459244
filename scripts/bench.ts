/**
 * `npm run bench [-- --sizes 1k,10k,100k,oai] [--skip-view] [--quick] [--only communities] [--out PATH]`
 *
 * Builds seeded synthetic corpora (src/core/synthetic) of each size and the real 5,000-paper arXiv OAI-PMH set
 * (`oai`, from ../shared/datasets; skipped with a message when absent), each in its own process, and reports per
 * build phase wall time and peak RSS, the graph file's size raw and gzipped, the growth exponent of every phase
 * between successive sizes, layout quality (with --compare-fa2: multilevel against plain ForceAtlas2 on the 10k corpus), the
 * explorer's first render, hover, search and camera-frame times in headless Chromium. Writes bench/results.json.
 *   --quick              sizes 1k,10k,oai
 *   --compare-fa2        also lay out the 10k corpus with plain ForceAtlas2 and compare quality (minutes)
 *   --only communities   graph + Louvain only, with igraph's modularity beside ours (for `--sizes 1m`)
 *   --keep DIR           keep each case's graph file in DIR (NAME.json); then measure only the browser part again:
 *                        `tsx scripts/bench/view.ts --compact DIR/NAME.json DIR/NAME.atlas` once, and
 *                        `tsx scripts/bench/view.ts --load-only --repeat=3 NAME=DIR/NAME.atlas` as often as needed
 */
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REAL_CASE, ROOT, haveRealSet, parseSize, sizeName } from './bench/cases';
import { growthExponents, growthTable, phaseTable, rssTable, formatTable, type CaseResult } from './bench/report';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' }, 'skip-view': { type: 'boolean' }, quick: { type: 'boolean' }, only: { type: 'string' },
    out: { type: 'string' }, 'view-timeout': { type: 'string' }, 'compare-fa2': { type: 'boolean' }, keep: { type: 'string' },
  },
});
const DEFAULT_SIZES = args.quick ? '1k,10k,oai' : '1k,10k,100k,oai';
const tokens = (args.sizes ?? DEFAULT_SIZES).split(',').map((s) => s.trim()).filter(Boolean);
const OUT = resolve(args.out ?? join(ROOT, 'bench/results.json'));
const GRAPHS = args.keep ? resolve(args.keep) : mkdtempSync(join(tmpdir(), 'atlas-bench-'));
mkdirSync(GRAPHS, { recursive: true });
/** Graph files above this are not measured in the browser (turning one into compact files reads it whole into one Buffer). */
const VIEW_MAX_BYTES = 2 * 2 ** 30;

/** Node flags of `npm run build:graph` (package.json; why: scripts/build-graph.ts), so the bench builds as it does. */
const BUILD_NODE_FLAGS: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  .scripts['build:graph'].split(/\s+/)
  .filter((token: string) => token.startsWith('--'));

function runChild(script: string, childArgs: string[], heapMb: number): string {
  // execArgv carries tsx's loader; the heap limit lets the 1M case grow past Node's default.
  return execFileSync(process.execPath, [...process.execArgv, ...BUILD_NODE_FLAGS, `--max-old-space-size=${heapMb}`, join(ROOT, script), ...childArgs], {
    encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'],
  });
}
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').pop()!);

const cases: { name: string; args: string[]; papers: number }[] = [];
for (const token of tokens) {
  if (token === 'oai' || token === REAL_CASE) {
    if (haveRealSet()) cases.push({ name: REAL_CASE, args: ['--real'], papers: 5000 });
    else console.error(`skipped: ${REAL_CASE} (../shared/datasets/arxiv-oai-pmh-cs not found)`);
    continue;
  }
  const papers = parseSize(token);
  if (papers === null) throw new Error(`--sizes: "${token}" is not a size (1k, 10k, 100k, 1m, a number) or "oai"`);
  cases.push({ name: sizeName(papers), args: ['--papers', String(papers)], papers });
}
cases.sort((a, b) => a.papers - b.papers);

const results: CaseResult[] = [];
for (const c of cases) {
  console.error(`build: ${c.name}…`);
  const childArgs = [...c.args, ...(args.only ? ['--only', args.only] : ['--graph-out', join(GRAPHS, `${c.name}.json`)])];
  try {
    results.push(lastJson(runChild('scripts/bench/pipeline-case.ts', childArgs, c.papers >= 500_000 ? 20_000 : 8_000)));
  } catch (err) {
    console.error(`failed: ${c.name}: ${(err as Error).message.split('\n')[0]}`);
  }
}

console.log(`\nBuild (one process per case; seconds; peak RSS = the process's high-water mark)\n`);
console.log(phaseTable(results));
for (const r of results.filter((r) => r.writeError)) console.log(`${r.name}: graph file not written: ${r.writeError}`);
console.log(`\nPeak RSS during each phase (MB; the high-water mark is reset at each phase start)\n`);
console.log(rssTable(results));
const synthetic = results.filter((r) => r.name !== REAL_CASE);
const growth = growthExponents(synthetic);
if (growth.length) {
  console.log(`\nGrowth exponent per phase, log(t₂/t₁)/log(n₂/n₁) over papers (1 = linear, n log n ≈ 1.1, 2 = quadratic; ⚠ above 1.3)\n`);
  console.log(growthTable(growth));
}
for (const r of results.filter((r) => r.reference)) console.log(`\n${r.name}: ${describeReference(r.modularity, r.reference!)}`);

const quality = results.filter((r) => r.layout);
if (quality.length) {
  console.log(`\nLayout quality of each build (lower is better: edge length and same-community distance relative to random pairs, normalized stress)\n`);
  console.log(formatTable(['case', 'layout', 'edge length', 'cohesion', 'stress'], quality.map((r) => [r.name, r.layout!.method, r.layout!.edgeLength.toFixed(3), r.layout!.cohesion.toFixed(3), r.layout!.stress.toFixed(3)])));
}

/** Our modularity beside igraph's Louvain and Leiden on the same graph (scripts/bench/igraph-modularity.py). */
function describeReference(ours: number, reference: Record<string, number> | { skipped: string }): string {
  if ('skipped' in reference) return `modularity ours ${ours.toFixed(4)}; igraph skipped: ${reference.skipped}`;
  const { louvain, louvainSeconds, leiden, leidenSeconds, peakRssMb } = reference as Record<string, number>;
  return `modularity ours ${ours.toFixed(4)} (igraph scores our partition ${reference.ours.toFixed(4)}); ` +
    `igraph Louvain ${louvain.toFixed(4)} in ${louvainSeconds.toFixed(0)} s, Leiden ${leiden.toFixed(4)} in ${leidenSeconds.toFixed(0)} s; ` +
    `ours is ${((100 * ours) / leiden).toFixed(1)}% of Leiden (Python peak RSS ${peakRssMb?.toFixed(0) ?? '?'} MB)`;
}

let layoutQuality: unknown = null;
if (!args.only && args['compare-fa2']) {
  console.error('layout quality: multilevel vs plain ForceAtlas2 on the 10k corpus (plain FA2 takes minutes)…');
  layoutQuality = lastJson(runChild('scripts/bench/layout-quality.ts', ['--papers', '10000'], 8_000));
  const q = layoutQuality as { nodes: number; rows: { method: string; iterations: number; ms: number; edgeLength: number; cohesion: number; stress: number }[] };
  console.log(`\nLayout quality on the 10k corpus (${q.nodes} nodes; lower is better; random positions for scale)\n`);
  console.log(formatTable(['layout', 'iterations', 'time s', 'edge length', 'cohesion', 'stress'], q.rows.map((r) => [r.method, String(r.iterations), (r.ms / 1000).toFixed(1), r.edgeLength.toFixed(3), r.cohesion.toFixed(3), r.stress.toFixed(3)])));
}

let view: Record<string, unknown> = {};
if (!args.only && !args['skip-view']) {
  // Measured on compact files, as the app loads by default: the case's own (`NAME.atlas/`) when it wrote them,
  // else written from its graph file. Big graphs open on their level-of-detail overview.
  const graphs: { name: string; file: string }[] = [];
  for (const r of results) {
    const atlas = join(GRAPHS, `${r.name}.atlas`);
    const manifest = join(atlas, 'manifest.json');
    if (statSync(manifest, { throwIfNoEntry: false }) && JSON.parse(readFileSync(manifest, 'utf8')).nodeCount === r.nodes) {
      graphs.push({ name: r.name, file: atlas });
      continue;
    }
    const path = join(GRAPHS, `${r.name}.json`);
    const bytes = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes > VIEW_MAX_BYTES) view[r.name] = { skipped: `graph file ${(bytes / 2 ** 20).toFixed(0)} MB is over the ${VIEW_MAX_BYTES / 2 ** 20} MB view limit` };
    else if (bytes) graphs.push({ name: r.name, file: path });
  }
  console.error(`view: ${graphs.map((g) => g.name).join(', ')} in headless Chromium…`);
  const { benchView } = await import('./bench/view');
  view = { ...view, ...(await benchView(graphs, { timeoutMs: Number(args['view-timeout'] ?? 300) * 1000 })) };
  console.log(`\nExplorer in headless Chromium (software WebGL; ms, medians; big graphs: on the overview, then the graph is built behind it)\n`);
  const f = (x: number | null) => (x !== null && Number.isFinite(x) ? String(Math.round(x)) : '—');
  console.log(formatTable(['case', 'first view', 'first render', 'graph ready', 'hover (p95)', 'search', 'camera frame', 'open community (drawn)'], Object.entries(view).map(([name, v]) => {
    if ('skipped' in (v as object)) return [name, `skipped: ${(v as { skipped: string }).skipped}`, '', '', '', '', '', ''];
    const m = v as import('./bench/view').ViewResult;
    const first = m.overview ? `overview, ${m.overview.communities} communities` : 'full graph';
    return [name, first, f(m.firstRenderMs), f(m.graphReadyMs), `${f(m.hoverMs)} (${f(m.hoverP95Ms)})`, f(m.searchMs), f(m.cameraFrameMs), m.openCommunityMs === null ? '—' : `${f(m.openCommunityMs)} (${f(m.openCommunityFrameMs)})`];
  })));
}
if (!args.keep) rmSync(GRAPHS, { recursive: true, force: true });

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), freeMemoryGb: Math.round(freemem() / 2 ** 30),
  node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
};
mkdirSync(resolve(OUT, '..'), { recursive: true });
writeFileSync(OUT, JSON.stringify({ at: new Date().toISOString(), machine, sizes: tokens, cases: results, growth, layoutQuality, view }, null, 2) + '\n');
console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadAverage.join(' ')}`);
console.log(`wrote ${OUT}`);
