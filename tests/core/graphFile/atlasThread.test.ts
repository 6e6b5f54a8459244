/**
 * The build compresses the compact files on a worker thread while it writes graph.json (`startAtlasFiles`):
 * the files must be byte for byte those `writeAtlasFiles` writes on the calling thread.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/core/ingest';
import { runPipeline } from '../../../src/core/pipeline';
import { startAtlasFiles, writeAtlasFiles } from '../../../src/core/graphFile/compact/node';

const dir = mkdtempSync(join(tmpdir(), 'atlas-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const contents = (at: string) => Object.fromEntries(readdirSync(at).sort().map((file) => [file, readFileSync(join(at, file))]));

describe('compact files compressed on a worker thread', () => {
  it('are the very files written on the calling thread (seed listing)', async () => {
    const { inputs } = await readInputs(['data/seed-papers.txt']);
    const { graph } = runPipeline(inputs);
    writeAtlasFiles(graph, join(dir, 'here'));
    const pending = startAtlasFiles(graph, join(dir, 'thread'), { thread: true });
    pending.finish();
    const here = contents(join(dir, 'here'));
    expect(Object.keys(here)).toContain('structure.bin');
    expect(Object.keys(here).filter((file) => file.startsWith('text-')).length).toBeGreaterThan(0);
    expect(contents(join(dir, 'thread'))).toEqual(here);
  });
});
