/**
 * Web worker: downloads, unpacks and reads structure.bin (`readStructure`) off the page's main thread, which
 * meanwhile draws the overview and answers the pointer. Posts the checked arrays back, typed arrays transferred.
 * The request comes as the worker's name: a message to a starting worker waits for the page's thread, which is
 * busy with the first frame just then; the name is there at once.
 */
import { readStructure, structureBuffers, type StructureData } from '../../core/graphFile/compact/structure';
import { download, gunzip } from './bytes';

export type StructureRequest = { url: string; label: string };
export type StructureReply = { data: StructureData; timings: Record<string, number> } | { error: { name: string; message: string } };

const scope = self as unknown as { name: string; postMessage(message: StructureReply, transfer?: Transferable[]): void };

async function read({ url, label }: StructureRequest): Promise<void> {
  try {
    // Absolute times (the worker's clock starts later than the page's), for the page's performance marks.
    const now = () => performance.timeOrigin + performance.now();
    const timings: Record<string, number> = { 'structure-requested': now() };
    const bytes = await download(url, label);
    timings['structure-downloaded'] = now();
    const raw = await gunzip(bytes);
    timings['structure-unzipped'] = now();
    const data = readStructure(raw);
    timings['structure-decoded'] = now();
    scope.postMessage({ data, timings }, structureBuffers(data));
  } catch (err) {
    scope.postMessage({ error: { name: (err as Error).name, message: (err as Error).message } });
  }
}

void read(JSON.parse(scope.name) as StructureRequest);
