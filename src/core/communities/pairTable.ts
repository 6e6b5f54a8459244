/**
 * A hash table from pairs of non-negative int32s to int32s, in one Int32Array (open addressing, linear probing;
 * each slot holds key, key, value side by side, so a lookup is mostly one cache miss, not three). A shared one
 * (threads/sharedArrays.ts): V8 does not count it as external memory, and it is half a plain array's size and
 * nothing for the collector to visit. The vocabulary looks up a word pair per adjacent two words: tens of
 * millions at 100k papers. A `Map` keyed by the packed pair boxes every key past 2^31 as a heap number, and that
 * churn was most of the labels phase.
 */
import { sharedInt32 } from '../threads/sharedArrays';

const STRIDE = 3; // first, second, value
/** Grown (doubled) past this load: linear probing stays short, and the table stays a third of a Map's size. */
const MAX_LOAD = 0.7;

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class PairTable {
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let count = 16;
    while (count * MAX_LOAD < capacity) count *= 2;
    this.slots = sharedInt32(count * STRIDE).fill(-1);
    this.mask = count - 1;
  }

  /** Offset of (a, b)'s slot, or of the empty slot where it would go. */
  private find(a: number, b: number): number {
    // MurmurHash3's finaliser, twice (of a, then of that xor b): linear probing needs every bit of both in the low bits.
    let i = fmix(fmix(a) ^ b) & this.mask;
    const { slots, mask } = this;
    for (;;) {
      const at = i * STRIDE;
      if (slots[at] === -1 || (slots[at] === a && slots[at + 1] === b)) return at;
      i = (i + 1) & mask;
    }
  }

  /** The value of (a, b), or -1 when absent. */
  get(a: number, b: number): number {
    const at = this.find(a, b);
    return this.slots[at] === -1 ? -1 : this.slots[at + 2];
  }

  /** Sets (a, b) → value; `a` and `b` must be ≥ 0. */
  set(a: number, b: number, value: number): void {
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    const at = this.find(a, b);
    if (this.slots[at] === -1) this.size++;
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = sharedInt32(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] === -1) continue;
      const to = this.find(old[at], old[at + 1]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
      this.slots[to + 2] = old[at + 2];
    }
  }
}
