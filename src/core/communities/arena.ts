/**
 * Many small typed arrays carved out of a few big ones. At 100k papers each paper's term list (and vector)
 * would otherwise be its own ArrayBuffer: hundreds of thousands of off-heap allocations whose accounting
 * kept triggering full garbage collections of a heap that had nothing to free.
 */
const CHUNK = 1 << 20;

type TypedArray = Int32Array | Float64Array;

export class Arena<T extends TypedArray> {
  private chunk: T;
  private used = 0;

  constructor(private readonly allocate: (length: number) => T) {
    this.chunk = allocate(0);
  }

  /** A fresh zeroed view of `length` elements. */
  take(length: number): T {
    if (this.used + length > this.chunk.length) {
      this.chunk = this.allocate(Math.max(CHUNK, length));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + length) as T;
    this.used += length;
    return view;
  }
}

export const int32Arena = () => new Arena((length) => new Int32Array(length));
export const float64Arena = () => new Arena((length) => new Float64Array(length));
