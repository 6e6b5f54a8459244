import { describe, expect, it } from 'vitest';
import { runHere, startInThread } from '../../../src/core/threads';
import { sharedFloat64, sharedInt32, sharedInt32Of, sharedFloat64Of, sharedUint8 } from '../../../src/core/threads/sharedArrays';

// Kernels run from their own source on the worker: no outer names.
function fillAndReturn(input: { shared: Int32Array; copied: Int32Array }) {
  input.shared[0] = 7; // the caller's memory
  input.copied[0] = 7; // the worker's copy
  const made = new Float64Array(new SharedArrayBuffer(16));
  made[1] = 2.5;
  return { shared: input.shared, made, plain: new Int32Array([1, 2, 3]) };
}

function fail(): { never: number } {
  throw new Error('kernel broke on purpose');
}

describe('shared arrays', () => {
  it('are zeroed, of the asked length, and not counted as ArrayBuffers in Node', () => {
    for (const array of [sharedInt32(5), sharedFloat64(5), sharedUint8(5)]) {
      expect(array.length).toBe(5);
      expect([...array]).toEqual([0, 0, 0, 0, 0]);
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    expect([...sharedInt32Of([3, -1, 4])]).toEqual([3, -1, 4]);
    expect([...sharedFloat64Of([0.5, 1e300])]).toEqual([0.5, 1e300]);
  });
});

describe('startInThread', () => {
  it('shares shared arrays both ways and moves plain ones back', () => {
    const shared = sharedInt32(2);
    const copied = new Int32Array(2);
    const out = startInThread(fillAndReturn, { shared, copied }).result();
    expect(shared[0]).toBe(7);
    expect(copied[0]).toBe(0);
    out.shared[1] = 9; // the same memory the caller holds
    expect(shared[1]).toBe(9);
    expect(out.made.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...out.made]).toEqual([0, 2.5]);
    expect([...out.plain]).toEqual([1, 2, 3]);
  });

  it('gives the same output as the same kernel run here', () => {
    const here = runHere(fillAndReturn, { shared: sharedInt32(2), copied: new Int32Array(2) }).result();
    const there = startInThread(fillAndReturn, { shared: sharedInt32(2), copied: new Int32Array(2) }).result();
    expect([...there.shared]).toEqual([...here.shared]);
    expect([...there.made]).toEqual([...here.made]);
  });

  it("reports the kernel's error through result()", () => {
    const pending = startInThread(fail, null);
    expect(() => pending.result()).toThrow(/fail failed on its thread: Error: kernel broke on purpose/);
  });
});
