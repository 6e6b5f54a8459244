/**
 * The build writes the compact text shards as UTF-8 while the encoder serialises them (compact/node.ts
 * `ShardBytesWriter`), and graph.json copies each paper's text from those bytes: each shard must be exactly its
 * joined JSON, and each node's recorded range exactly its entry — also when a shard outgrows its shared array
 * and moves to the next one.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/core/ingest';
import { runPipeline } from '../../../src/core/pipeline';
import { encodeUnsigned, joinShard, type TextShard } from '../../../src/core/graphFile/compact/encode';
import { ShardBytesWriter } from '../../../src/core/graphFile/compact/node';

const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));
const OPENALEX = fileURLToPath(new URL('../../../../shared/datasets/openalex-works-biodiversity', import.meta.url));
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice());
const accented = (shard: TextShard) => shard.entries.some((entry) => /[^\x00-\x7f]/.test(entry));

describe('text shards written as bytes', async () => {
  const encoded = await Promise.all(
    [OAI_PAGE, OPENALEX].map(async (path) => {
      const { graph } = runPipeline((await readInputs([path])).inputs, { layoutIterations: 2 });
      return { graph, strings: encodeUnsigned(graph) };
    }),
  );

  it('the real data sets make several shards each, with accented text in some', () => {
    for (const { strings } of encoded) expect(strings.text.length).toBeGreaterThan(1);
    expect(encoded.some(({ strings }) => strings.text.some(accented))).toBe(true);
  });

  // The default (64 MB: one array), arrays smaller than a shard (shards move mid-way), and smaller than an entry.
  for (const arrayBytes of [undefined, 200_000, 65_536, 20_000, 4_096, 1_000]) {
    it(`are each shard's joined JSON and each node's entry, in arrays of ${arrayBytes ?? 'the default'} bytes`, () => {
      for (const { graph, strings } of encoded) {
        const writer = new ShardBytesWriter(graph.order, arrayBytes);
        const parts = encodeUnsigned(graph, { textSink: writer });
        const written = writer.written();
        expect(parts.nodeText).toBeNull();
        expect(parts.manifest).toEqual(strings.manifest);
        expect(Array.from(parts.textFrom)).toEqual(Array.from(strings.nodeText.from));
        expect(written.shards.map(utf8)).toEqual(strings.text.map(joinShard));
        if (arrayBytes) expect(new Set(written.shards.map((shard) => shard.buffer)).size).toBeGreaterThan(1);
        strings.manifest.text.forEach(({ start, end }, shard) => {
          for (let node = start; node < end; node++) {
            expect(written.shardOf[node]).toBe(shard);
            const bytes = written.shards[shard].subarray(written.entryStart[node], written.entryEnd[node]);
            expect(utf8(bytes)).toBe(strings.nodeText.json[node]);
          }
        });
      }
    });
  }
});
