/**
 * Build-pipeline benchmark: each case runs in its own process (so peak memory is its own) and prints one JSON line.
 * Cases: the bundled seed, the real arXiv OAI-PMH pages (5,000 papers), and that corpus replicated to 20k and
 * 100k papers (each replica renames its papers and people, so the graph grows as disjoint copies).
 * Usage: tsx scripts/bench-pipeline.ts [--quick]   (or --case NAME for one case, JSON out)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../src/core/ingest';
import type { ParsedInput } from '../src/core/ingest/types';
import { runPipeline, PHASES } from '../src/core/pipeline';
import { serializeGraph } from '../src/core/graphFile';

const ROOT = resolve(import.meta.dirname, '..');
const OAI_DIR = resolve(ROOT, '../shared/datasets/arxiv-oai-pmh-cs');
const CASES: Record<string, { paths: string[]; replicas: number }> = {
  seed: { paths: [join(ROOT, 'data/seed-papers.txt')], replicas: 1 },
  'oai-5k': { paths: [OAI_DIR], replicas: 1 },
  'oai-x4-20k': { paths: [OAI_DIR], replicas: 4 },
  'oai-x20-100k': { paths: [OAI_DIR], replicas: 20 },
};

function replicate(inputs: ParsedInput[], replicas: number): ParsedInput[] {
  if (replicas === 1) return inputs;
  return Array.from({ length: replicas }, (_, r) =>
    inputs.map((input) => ({
      ...input,
      file: `${input.file}#${r}`,
      papers: input.papers.map((p) => ({ ...p, title: `${p.title} (replica ${r})`, authors: p.authors.map((a) => `${a} R${r}`) })),
    })),
  ).flat();
}

async function runCase(name: string) {
  const { paths, replicas } = CASES[name];
  let t = performance.now();
  const read = await readInputs(paths);
  const readMs = performance.now() - t;
  const inputs = replicate(read.inputs, replicas);
  const { graph, timings } = runPipeline(inputs);
  t = performance.now();
  const json = serializeGraph(graph);
  const writeMs = performance.now() - t;
  const papers = inputs.reduce((n, i) => n + i.papers.length, 0);
  return {
    name, papers, nodes: graph.order, edges: graph.size, communityCount: graph.getAttribute('communities').length,
    modularity: graph.getAttribute('modularity'), read: readMs, ...timings, serialize: writeMs,
    mb: json.length / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

type Row = Awaited<ReturnType<typeof runCase>>;

function table(rows: Row[]): string {
  const cols: [string, (r: Row) => string][] = [
    ['case', (r) => r.name], ['papers', (r) => String(r.papers)], ['nodes', (r) => String(r.nodes)], ['edges', (r) => String(r.edges)],
    ['comms', (r) => String(r.communityCount)], ['Q', (r) => r.modularity.toFixed(3)],
    ...(['read', ...PHASES, 'serialize'] as const).map((p): [string, (r: Row) => string] => [`${p} ms`, (r) => Math.round(r[p]).toString()]),
    ['µs/paper (all but read, layout)', (r) => ((PHASES.filter((p) => p !== 'layout').reduce((ms, p) => ms + r[p], r.serialize) * 1000) / r.papers).toFixed(0)],
    ['file MB', (r) => r.mb.toFixed(1)], ['peak RSS MB', (r) => r.peakRssMb.toFixed(0)],
  ];
  const cells = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  return cells.map((c, n) => c.map((v, i) => v.padStart(widths[i])).join('  ') + (n === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  const only = argv.indexOf('--case');
  if (only >= 0) {
    console.log(JSON.stringify(await runCase(argv[only + 1])));
    return;
  }
  const haveData = existsSync(OAI_DIR) && readdirSync(OAI_DIR).length > 0;
  const names = Object.keys(CASES).filter((n) => n === 'seed' || (haveData && !(argv.includes('--quick') && n === 'oai-x20-100k')));
  if (!haveData) console.error(`(${OAI_DIR} not found: only the seed case runs)`);
  const rows: Row[] = [];
  for (const name of names) {
    console.error(`pipeline: ${name}…`);
    const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--case', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    rows.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  console.log('\nBuild pipeline (one process per case; same machine, same run)\n');
  console.log(table(rows));
  console.log('(replicated cases read the 5k files once and copy the records in memory, so their read time does not grow)');
  const base = rows.find((r) => r.name === 'oai-5k');
  for (const r of rows.filter((r) => r.name.startsWith('oai-x'))) {
    const scale = r.papers / base!.papers;
    const ratio = (p: keyof Row) => ((r[p] as number) / (base![p] as number)).toFixed(1);
    console.log(`${r.name} vs oai-5k: ${scale.toFixed(0)}× the papers → graph ${ratio('graph')}×, communities ${ratio('communities')}×, labels ${ratio('labels')}×, layout ${ratio('layout')}×, peak RSS ${ratio('peakRssMb')}×`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
