/**
 * `npm run build:graph -- --export FORMAT --out FILE`: the build, then an export instead of graph.json.
 * Run in-process through runBuildGraph (the script is a thin wrapper, covered by buildGraph.test.ts).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { runBuildGraph } from '../../src/cli/buildGraph';
import { parseListing } from '../../src/core/ingest/listing';
import { runPipeline } from '../../src/core/pipeline';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = join(ROOT, 'data/seed-papers.txt');
/** The graph the build makes of the seed, to compare exports with. */
const seedGraph = runPipeline([parseListing(readFileSync(SEED, 'utf8'), SEED)]).graph;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBuildGraph(args, { out: (l) => out.push(l), err: (l) => err.push(l), progress: () => {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('build:graph --export', () => {
  it('writes a GEXF of the whole seed graph to --out, and no graph.json beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-export-cli-'));
    const file = join(dir, 'seed.gexf');
    const { code, stdout, stderr } = await run(['--input', SEED, '--export', 'gexf', '--out', file, '--quiet']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`wrote ${file}`);
    const graph = parse(Graph, readFileSync(file, 'utf8'));
    expect(graph.order).toBe(seedGraph.order);
    expect(graph.size).toBe(seedGraph.size);
    expect(existsSync(join(dir, 'graph.json'))).toBe(false);
  });

  it('--view collaboration exports the co-authorship network (VOSviewer JSON: authors only)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-export-cli-')), 'authors.json');
    const { code, stderr } = await run(['--input', SEED, '--export', 'vosviewer', '--view', 'collaboration', '--out', file, '--quiet']);
    expect(code, stderr).toBe(0);
    const vos = JSON.parse(readFileSync(file, 'utf8'));
    expect(vos.network.items).toHaveLength(seedGraph.filterNodes((_k, a) => a.kind === 'author').length);
    expect(vos.network.links).toHaveLength(seedGraph.filterEdges((_e, a) => a.kind === 'coauthor').length);
    expect(vos.config.terminology.items).toBe('authors');
  });

  it('refuses an unknown format, --export without --out, and --view without --export (exit 2, usage shown)', async () => {
    const unknown = await run(['--export', 'pajek', '--out', '/tmp/x.net']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--export must be one of gexf, graphml, vosviewer, csv-papers, csv-authors, got "pajek"/);
    const noOut = await run(['--export', 'gexf']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--export gexf needs --out FILE/);
    const loneView = await run(['--view', 'collaboration']);
    expect(loneView.code).toBe(2);
    expect(loneView.stderr).toMatch(/--view is full or collaboration, and only goes with --export/);
  });

  it('lists the export options in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--export +instead of the graph file, write gexf\|graphml\|vosviewer\|csv-papers\|csv-authors/);
  });
});
