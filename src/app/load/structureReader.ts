/** Reading structure.bin into checked arrays (`readStructure`), on the page's thread or in a web worker. */
import { CompactFormatError, readStructure, type StructureData } from '../../core/graphFile/compact/read';
import { download, gunzip } from './bytes';
import type { StructureReply, StructureRequest } from './structureWorker';

/** structure.bin downloaded, unpacked and read on this thread. */
export async function readStructureHere(url: URL, label: string, signal?: AbortSignal): Promise<StructureData> {
  const bytes = await download(url, label, signal);
  performance.mark('atlas:structure-downloaded');
  const raw = await gunzip(bytes);
  performance.mark('atlas:structure-unzipped');
  return readStructure(raw);
}

/**
 * structure.bin downloaded, unpacked and read in a web worker (structureWorker.ts): 2–3 s of work at 100k papers
 * that would otherwise hold up the overview's first frame and the pointer. On this page's thread when no worker
 * can start.
 */
export function readStructureInWorker(url: URL, label: string, signal?: AbortSignal): Promise<StructureData> {
  if (typeof Worker === 'undefined') return readStructureHere(url, label, signal);
  return new Promise((resolve, reject) => {
    const request: StructureRequest = { url: url.href, label };
    const worker = new Worker(new URL('./structureWorker.ts', import.meta.url), { type: 'module', name: JSON.stringify(request) });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(new DOMException('The graph load was aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', abort);
    worker.onmessage = ({ data: reply }: MessageEvent<StructureReply>) => {
      stop();
      if ('error' in reply) return reject(reply.error.name === 'CompactFormatError' ? new CompactFormatError(reply.error.message) : new Error(reply.error.message));
      for (const [name, at] of Object.entries(reply.timings)) performance.mark(`atlas:${name}`, { startTime: at - performance.timeOrigin });
      resolve(reply.data);
    };
    // Errors inside the worker come back as messages: this is a worker that could not start (or run) at all.
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      readStructureHere(url, label, signal).then(resolve, reject);
    };
  });
}
