/**
 * Typed arrays the garbage collector does not count. V8 counts every ArrayBuffer's bytes as its isolate's
 * external memory, and each 64 MB of it since the last full collection starts another full collection: at
 * 100k papers, with a heap of a million graph objects, each took 1.4–2.7 s and freed little, four times a build.
 * SharedArrayBuffer bytes are not counted per isolate (V8's BackingStore::PerIsolateAccountingLength), and a
 * worker thread shares them rather than copying or transferring them.
 *
 * For the build's big, long-lived arrays. Where SharedArrayBuffer does not exist (a browser page that is not
 * cross-origin isolated) these are plain arrays. Posting one to a thread shares it, so neither side may write
 * it afterwards while the other reads it; `.slice()` of one is a plain array.
 */
// Function declarations that name nothing outside themselves: thread kernels take them as helpers (threads/index.ts).
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new (typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer)(length * 4));
}
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new (typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer)(length * 8));
}
export function sharedInt8(length: number): Int8Array {
  return new Int8Array(new (typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer)(length));
}
export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new (typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer)(length));
}

/** `sharedInt32` holding `values`. */
export function sharedInt32Of(values: ArrayLike<number>): Int32Array {
  const array = sharedInt32(values.length);
  array.set(values);
  return array;
}

/** `sharedFloat64` holding `values`. */
export function sharedFloat64Of(values: ArrayLike<number>): Float64Array {
  const array = sharedFloat64(values.length);
  array.set(values);
  return array;
}
