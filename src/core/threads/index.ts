/**
 * Work on a second thread for a synchronous build (Node only). The build is one synchronous pipeline; the
 * machine it targets has two cores, and some phases need nothing the phases before them still change.
 * `startInThread` runs such a phase's kernel in a worker and returns at once; `result()` blocks (Atomics.wait)
 * until the kernel is done. A kernel is a plain function over plain data and typed arrays, run from its own
 * source (with the helper functions of its module it calls), so no worker bundle is needed and it runs the
 * same under tsx, vitest or a bundler. It must not use imports or module-level names besides `helpers`.
 * A kernel that needs its module (imports, constants) runs with `startModuleInThread`: the worker imports it.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface Pending<O> {
  /** The kernel's output; throws what the kernel threw. Call once. */
  result(): O;
}

/**
 * Worker-side code both kinds of worker end with: `post(message)` hands the kernel's output (or its error) to the
 * caller and wakes it. Typed arrays in the output, and in its objects one level down, move instead of being copied;
 * those on a SharedArrayBuffer (sharedArrays.ts) cannot move and need not: they are shared.
 */
const POST = `
const post = (message) => {
  const out = message.out || {};
  const views = Object.values(out).flatMap((v) => (ArrayBuffer.isView(v) ? [v] : v && typeof v === 'object' ? Object.values(v).filter(ArrayBuffer.isView) : []));
  const moved = views.map((view) => view.buffer).filter((buffer) => buffer instanceof ArrayBuffer);
  workerData.port.postMessage(message, [...new Set(moved)]);
  workerData.port.close();
  Atomics.store(workerData.done, 0, 1);
  Atomics.notify(workerData.done, 0);
};
const failed = (err) => post({ error: String((err && err.stack) || err) });
`;

// esbuild (under tsx) wraps nested named functions in `__name(fn, "name")`; the worker gets that helper too.
const workerSource = (kernel: string, helpers: string[]) => `
const { workerData } = require('node:worker_threads');
const __name = (f) => f;
${helpers.join('\n')}
${POST}
try {
  post({ out: (${kernel})(workerData.input) });
} catch (err) {
  failed(err);
}
`;

/**
 * For a kernel that needs its module's imports and constants (a tokeniser with its stopword lists and regular
 * expressions): the worker imports the module itself and calls the named export. Our modules are TypeScript,
 * so the worker registers tsx's loader first; it does not inherit it under vitest, whose loader is its own.
 */
const moduleWorkerSource = `
const { workerData } = require('node:worker_threads');
${POST}
(async () => {
  const { input, loader, module, name } = workerData;
  if (loader) (await import(loader)).register();
  post({ out: (await import(module))[name](input) });
})().catch(failed);
`;

/** Runs `kernel(input)` on a worker thread; `input` is copied (structured clone) when the thread starts. */
export function startInThread<I, O extends object>(kernel: (input: I) => O, input: I, helpers: ((...args: never[]) => unknown)[] = []): Pending<O> {
  const source = workerSource(kernel.toString(), helpers.map(String));
  return startWorker(source, { input }, kernel.name);
}

/**
 * Runs the function exported as `name` by `module` (a file URL, e.g. `new URL('./kernel.ts', import.meta.url)`)
 * on a worker thread, with `input` copied as for `startInThread`; typed arrays in its output are transferred.
 */
export function startModuleInThread<I, O extends object>(module: URL, name: string, input: I): Pending<O> {
  const loader = module.pathname.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
  return startWorker(moduleWorkerSource, { input, loader, module: module.href, name }, name, []);
}

function startWorker<O>(source: string, data: object, name: string, execArgv?: string[]): Pending<O> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(source, { eval: true, workerData: { ...data, port: port2, done }, transferList: [port2], execArgv });
  worker.unref();
  return {
    result() {
      Atomics.wait(done, 0, 0);
      const message = receiveMessageOnPort(port1)?.message as { out?: O; error?: string } | undefined;
      port1.close();
      void worker.terminate();
      if (!message?.out) throw new Error(`${name} failed on its thread: ${message?.error ?? 'no result'}`);
      return message.out;
    },
  };
}

/** The same contract on the calling thread: for inputs too small to be worth a thread. */
export function runHere<I, O>(kernel: (input: I) => O, input: I): Pending<O> {
  return { result: () => kernel(input) };
}
