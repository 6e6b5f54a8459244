/**
 * Many small typed arrays carved out of a few big ones. At 100k papers each paper's term list (and vector)
 * would otherwise be its own ArrayBuffer: hundreds of thousands of off-heap allocations whose accounting
 * kept triggering full garbage collections of a heap that had nothing to free.
 */
const CHUNK = 1 << 20;

export class Int32Arena {
  private chunk = new Int32Array(0);
  private used = 0;

  /** A fresh zeroed view of `length` int32s. */
  take(length: number): Int32Array {
    if (this.used + length > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(CHUNK, length));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}

export class Float64Arena {
  private chunk = new Float64Array(0);
  private used = 0;

  take(length: number): Float64Array {
    if (this.used + length > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(CHUNK, length));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}
