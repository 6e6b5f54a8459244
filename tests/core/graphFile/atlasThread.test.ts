/**
 * The build signs and compresses the compact files on a worker thread while it writes graph.json
 * (`startAtlasFiles`): the files must be byte for byte those `writeAtlasFiles` writes on the calling thread,
 * and hold the parts `signAtlas` gives with the same fingerprint — the id of all of them, in each of them.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/core/ingest';
import { runPipeline } from '../../../src/core/pipeline';
import { fileURLToPath } from 'node:url';
import {
  nativeFingerprint, partFiles, publishedId, readAtlasFiles, ShardBytesWriter, signInput, signParts, startAtlasFiles, writeAtlasFiles, writeClaimedShards, writeParts,
} from '../../../src/core/graphFile/compact/node';
import { encodeUnsigned, signAtlas } from '../../../src/core/graphFile/compact/encode';

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

    const signed = signAtlas(encodeUnsigned(graph), nativeFingerprint);
    const read = readAtlasFiles(join(dir, 'thread'));
    expect(signed.id).toMatch(/^[0-9a-f]{16}$/);
    expect(signed.id).not.toBe('0000000000000000');
    expect(read.manifest.id).toBe(signed.id);
    expect(read.structure).toEqual(signed.structure);
    expect(read.labels).toEqual(JSON.parse(signed.labels));
    expect(read.report).toEqual(JSON.parse(signed.report));
    expect(read.overview).toEqual(JSON.parse(signed.overview));
    expect(read.text).toEqual(signed.text.map((shard) => JSON.parse(shard)));
    expect([read.labels, read.report, read.overview, ...read.text].every((part) => (part as { id: string }).id === signed.id)).toBe(true);
  });

  // The build's thread, done with graph.json, claims text shards too once the signing thread has published the id.
  // Who writes which shard is a race there; here the caller takes every shard, the signing thread the other parts.
  it('text shards written by the caller once the id is out are the very files the signing thread writes', async () => {
    const page = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));
    const { graph } = runPipeline((await readInputs([page])).inputs, { layoutIterations: 2 });
    const alone = join(dir, 'alone');
    writeAtlasFiles(graph, alone);

    const shared = join(dir, 'shared');
    mkdirSync(shared);
    const writer = new ShardBytesWriter(graph.order);
    const parts = encodeUnsigned(graph, { textSink: writer });
    const input = signInput([parts.structure, parts.labels, parts.report, parts.overview], writer.written().shards, partFiles(parts.manifest, shared));
    expect(publishedId(input)).toBeNull();
    const id = signParts(input);
    expect(publishedId(input)).toBe(id);
    expect(writeClaimedShards(input, publishedId(input)!)).toBe(parts.manifest.text.length); // as finish() does
    expect(parts.manifest.text.length).toBeGreaterThan(1);
    writeParts(input, id); // the signing thread's share: no shard left to claim

    const { 'manifest.json': _manifest, ...expected } = contents(alone);
    expect(readAtlasFiles(alone).manifest.id).toBe(id);
    expect(contents(shared)).toEqual(expected);
  });
});

