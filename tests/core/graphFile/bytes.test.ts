/**
 * Strings in structure.bin are written straight into the writer's buffer, their UTF-8 length counted first.
 * They must be exactly TextEncoder's bytes after a varint of their length, for any text a key or landmark may
 * hold (accents, CJK, emoji as surrogate pairs, lone surrogates as U+FFFD), and read back by ByteReader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../../src/core/graphFile/compact/bytes';

const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));
const samples = ['', 'plain ascii', 'Vitória · Alexandre de Brébisson', '日本語のテキスト', 'emoji 😀 and 𝔐', 'lone \ud800 high', 'lone \udc00 low', 'ends high \ud83d', '\u07ff\u0800\uffff', 'x'.repeat(5000)];

describe('ByteWriter.string', () => {
  it("writes each string as a varint of its length and TextEncoder's bytes, and reads back", () => {
    const strings = [...samples, ...readFileSync(SEED, 'utf8').split('\n')];
    const writer = new ByteWriter();
    for (const text of strings) writer.string(text);
    const bytes = writer.finish();

    const expected = new ByteWriter();
    for (const text of strings) {
      const utf8 = new TextEncoder().encode(text);
      expected.varint(utf8.length);
      expected.bytes(utf8);
    }
    expect(bytes).toEqual(expected.finish());
    const reader = new ByteReader(bytes, 'strings.bin');
    // Lone surrogates come back as U+FFFD, as UTF-8 cannot carry them.
    expect(strings.map(() => reader.string())).toEqual(strings.map((text) => new TextDecoder().decode(new TextEncoder().encode(text))));
  });
});
