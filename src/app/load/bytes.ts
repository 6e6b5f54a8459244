/** Fetching compact parts as bytes, and unpacking them: shared by the page and the structure worker. */
import { isGzip } from '../../core/graphFile/compact/bytes';

/** The bytes as sent (gzipped): unpacking is left to whoever needs them, when they do. */
export async function download(url: URL | string, label: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

/** The browser's own inflate (DecompressionStream); bytes that are not gzip pass through. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  // Some servers send .gz files with Content-Encoding: gzip, and the browser has already unpacked them.
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
