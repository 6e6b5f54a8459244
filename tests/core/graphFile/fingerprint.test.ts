/**
 * The compact files' id is a fingerprint of their content. The encoder hashes the text shards as strings,
 * without encoding hundreds of MB to bytes first: the id must be the one their UTF-8 bytes give, for any text
 * a paper may hold (accents, CJK, emoji as surrogate pairs, and lone surrogates, which UTF-8 writes as U+FFFD).
 * The build uses Node's SHA-256 instead (`nativeFingerprint`); it must hold to the same rule.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/graphFile/compact/bytes';
import { nativeFingerprint } from '../../../src/core/graphFile/compact/node';

const utf8 = (text: string) => new TextEncoder().encode(text);
const SEED = fileURLToPath(new URL('../../../data/seed-papers.txt', import.meta.url));

describe.each([
  ['fingerprint (anywhere)', fingerprint],
  ['nativeFingerprint (what the build writes)', nativeFingerprint],
])('%s of strings', (_name, fingerprint) => {
  const samples = ['', 'plain ascii', 'Vitória · Alexandre de Brébisson', '日本語のテキスト', 'emoji 😀 and 𝔐', 'lone \ud800 high', 'lone \udc00 low', 'ends high \ud83d', '\u07ff\u0800\uffff'];

  it('equals the fingerprint of the UTF-8 bytes, sample by sample and all at once', () => {
    for (const text of samples) expect(fingerprint([text]), JSON.stringify(text)).toBe(fingerprint([utf8(text)]));
    expect(fingerprint(samples)).toBe(fingerprint(samples.map(utf8)));
  });

  it('equals it on the real seed listing, and tells one changed character apart', () => {
    const seed = readFileSync(SEED, 'utf8');
    expect(fingerprint([seed])).toBe(fingerprint([utf8(seed)]));
    expect(fingerprint([seed.replace('Vitória', 'Vitoria')])).not.toBe(fingerprint([seed]));
  });
});
