/**
 * `npm run build:graph` writes the compact files beside graph.json; read back from disk (gzip) they
 * decode to exactly that graph.json, and building twice writes the same bytes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuildGraph } from '../../../src/cli/buildGraph';
import { serializeGraph } from '../../../src/core/graphFile';
import { decodeStructure, mergeLabels, mergeReport, mergeTextShard } from '../../../src/core/graphFile/compact';
import { readAtlasFiles } from '../../../src/core/graphFile/compact/node';

const dir = mkdtempSync(join(tmpdir(), 'atlas-compact-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { out: () => {}, err: () => {} };

describe('the build writes compact files beside graph.json', () => {
  it('seed: <name>.atlas/ decodes to exactly <name>.json; a second build writes the same bytes', { timeout: 300_000 }, async () => {
    expect(await runBuildGraph(['--input', 'data/seed-papers.txt', '--out', join(dir, 'a', 'seed.json'), '-q'], quiet)).toBe(0);
    expect(await runBuildGraph(['--input', 'data/seed-papers.txt', '--out', join(dir, 'b', 'seed.json'), '-q'], quiet)).toBe(0);
    const files = readAtlasFiles(join(dir, 'a', 'seed.atlas'));
    expect(Object.keys(files.sizes).sort()).toEqual(['labels.json.gz', 'manifest.json', 'overview.json.gz', 'report.json.gz', 'structure.bin', ...files.manifest.text.map((t) => t.file)].sort());

    const state = decodeStructure(files.structure);
    mergeLabels(state, files.labels);
    files.text.forEach((shard) => mergeTextShard(state, shard));
    mergeReport(state, files.report);
    expect(serializeGraph(state.graph)).toBe(readFileSync(join(dir, 'a', 'seed.json'), 'utf8'));

    for (const file of readdirSync(join(dir, 'a', 'seed.atlas'))) {
      expect(readFileSync(join(dir, 'b', 'seed.atlas', file)).equals(readFileSync(join(dir, 'a', 'seed.atlas', file))), file).toBe(true);
    }
    // The first view is the structure: a small fraction of graph.json on the wire.
    expect(files.sizes['structure.bin']).toBeLessThan(readFileSync(join(dir, 'a', 'seed.json')).length / 10);
  });
});
