/** The vocabulary's pair → id table must behave exactly as a Map keyed by the pair, through every growth. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from '../../../src/core/communities/pairTable';

describe('PairTable', () => {
  it('answers like a Map of pairs for any sequence of sets and gets, across growths', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }));
    const op = fc.oneof(fc.tuple(fc.constant('set' as const), pair, fc.integer({ min: 0, max: 2 ** 31 - 1 })), fc.tuple(fc.constant('get' as const), pair, fc.constant(0)));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const table = new PairTable(1);
        const map = new Map<string, number>();
        for (const [kind, [a, b], value] of ops) {
          if (kind === 'set') {
            table.set(a, b, value);
            map.set(`${a},${b}`, value);
          } else expect(table.get(a, b)).toBe(map.get(`${a},${b}`) ?? -1);
        }
        expect(table.size).toBe(map.size);
        for (const [key, value] of map) {
          const [a, b] = key.split(',').map(Number);
          expect(table.get(a, b)).toBe(value);
        }
      }),
    );
  });

  it('keeps a million distinct pairs apart (the 100k-paper vocabulary has millions of bigrams)', () => {
    const table = new PairTable();
    const n = 1_000_000;
    for (let i = 0; i < n; i++) table.set(i % 1000, Math.floor(i / 1000), i);
    expect(table.size).toBe(n);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (table.get(i % 1000, Math.floor(i / 1000)) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(table.get(1000, 0)).toBe(-1);
  });
});
