/**
 * Byte-level building blocks of the compact structure: LEB128 varints, zigzag for signed numbers,
 * float64 for values that do not fit a fixed decimal scale, length-prefixed UTF-8 strings.
 * The reader checks every read against the end, so a truncated or corrupted file becomes a
 * `CompactFormatError` naming the offset, never an out-of-range read or a hang.
 */
import { sharedUint8 } from '../../threads/sharedArrays';

export class CompactFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompactFormatError';
  }
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

const FLOAT_BYTES = new Uint8Array(8);
const FLOAT_VIEW = new DataView(FLOAT_BYTES.buffer);

/** Bytes of a string in UTF-8, as TextEncoder writes it (a lone surrogate as the three bytes of U+FFFD). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // four bytes for two UTF-16 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Bytes written one value at a time, for the build: in shared arrays (threads/sharedArrays.ts), so the
 * tens of MB a 100k-paper structure takes do not make V8 collect the graph's heap, and reach the thread
 * that compresses them without a copy.
 */
export class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  /** `capacity`: bytes to start with, when about known (each doubling past it copies what was written). */
  constructor(capacity = 1024) {
    this.buffer = sharedUint8(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = sharedUint8(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** Unsigned integer up to 2^53, 7 bits a byte. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint needs a non-negative safe integer, got ${value}`);
    while (value >= 0x80) {
      this.byte((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.byte(value);
  }

  /** Signed integer: 0, -1, 1, -2, … → 0, 1, 2, 3, … so small magnitudes stay one byte. */
  zigzag(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  float64(value: number): void {
    FLOAT_VIEW.setFloat64(0, value, true);
    this.bytes(FLOAT_BYTES);
  }

  /**
   * Written in place (`encodeInto`), not encoded into a buffer of its own first: a 100k-paper structure holds a
   * quarter of a million strings, and as many small ArrayBuffers made V8 collect the whole heap.
   */
  string(value: string): void {
    const length = utf8Length(value);
    this.varint(length);
    this.reserve(length);
    utf8Encoder.encodeInto(value, this.buffer.subarray(this.length, this.length + length));
    this.length += length;
  }

  /** A copy of the bytes written. */
  finish(): Uint8Array {
    const bytes = sharedUint8(this.length);
    bytes.set(this.buffer.subarray(0, this.length));
    return bytes;
  }

  /** The bytes written so far, as a view of the writer's buffer (no copy): valid until the next write. */
  written(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Strings up to this many bytes are tried as plain ASCII first. */
const ASCII_FAST_PATH_MAX = 64;

export class ByteReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array, private readonly name: string) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  get atEnd(): boolean {
    return this.offset === this.data.length;
  }

  private need(count: number, what: string): void {
    if (this.offset + count > this.data.length) {
      throw new CompactFormatError(`${this.name} is truncated: ${what} at byte ${this.offset} needs ${count} byte(s), the file has ${this.data.length}`);
    }
  }

  byte(what = 'a byte'): number {
    this.need(1, what);
    return this.data[this.offset++];
  }

  bytes(count: number, what: string): Uint8Array {
    this.need(count, what);
    const slice = this.data.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  varint(what = 'a number'): number {
    // Most numbers here are one or two bytes: read them without the bounds check of each byte.
    const data = this.data;
    const at = this.offset;
    if (at + 1 < data.length) {
      const b0 = data[at];
      if (b0 < 0x80) {
        this.offset = at + 1;
        return b0;
      }
      const b1 = data[at + 1];
      if (b1 < 0x80) {
        this.offset = at + 2;
        return (b0 & 0x7f) + b1 * 0x80;
      }
    }
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 8; shift++) {
      const b = this.byte(what);
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
    throw new CompactFormatError(`${this.name} is corrupted: ${what} at byte ${this.offset} is not a valid number`);
  }

  zigzag(what?: string): number {
    const raw = this.varint(what);
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  float64(what = 'a number'): number {
    this.need(8, what);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  string(what = 'a string'): string {
    const length = this.varint(what);
    const bytes = this.bytes(length, what);
    // Most strings here are short ASCII keys: building them directly is several times faster than TextDecoder.
    if (length <= ASCII_FAST_PATH_MAX) {
      let ascii = true;
      for (let i = 0; i < length && ascii; i++) ascii = bytes[i] < 0x80;
      if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
    }
    try {
      return utf8Decoder.decode(bytes);
    } catch {
      throw new CompactFormatError(`${this.name} is corrupted: ${what} ending at byte ${this.offset} is not UTF-8`);
    }
  }

  /** An index into a table of `size` entries. */
  index(size: number, what: string): number {
    const value = this.varint(what);
    if (value >= size) throw new CompactFormatError(`${this.name} is corrupted: ${what} ${value} at byte ${this.offset} is out of range (0–${size - 1})`);
    return value;
  }
}

/** gzip files start with these two bytes; a server that already un-gzipped a part hands over plain bytes. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Stable 64-bit content fingerprint (two FNV-1a 32 lanes), hex: names a build, busts caches. */
export function fingerprint(parts: (Uint8Array | string)[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const mix = (byte: number) => {
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995) ^ (b >>> 15);
  };
  for (const part of parts) {
    if (typeof part !== 'string') {
      for (let i = 0; i < part.length; i++) mix(part[i]);
      continue;
    }
    // A string's UTF-8 bytes, as TextEncoder would give them (lone surrogates as U+FFFD), without allocating
    // them: the text shards are hundreds of MB at 100k papers.
    for (let i = 0; i < part.length; i++) {
      let c = part.charCodeAt(i);
      if (c < 0x80) {
        mix(c);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < part.length ? part.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          mix(0xf0 | (c >> 18)), mix(0x80 | ((c >> 12) & 0x3f)), mix(0x80 | ((c >> 6) & 0x3f)), mix(0x80 | (c & 0x3f));
          continue;
        }
        c = 0xfffd;
      }
      if (c < 0x800) mix(0xc0 | (c >> 6)), mix(0x80 | (c & 0x3f));
      else mix(0xe0 | (c >> 12)), mix(0x80 | ((c >> 6) & 0x3f)), mix(0x80 | (c & 0x3f));
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
