/**
 * Work on a second thread for a synchronous build (Node only). The build is one synchronous pipeline; the
 * machine it targets has two cores, and some phases need nothing the phases before them still change.
 * `startInThread` runs such a phase's kernel in a worker and returns at once; `result()` blocks (Atomics.wait)
 * until the kernel is done. A kernel is a plain function over plain data and typed arrays, run from its own
 * source (with the helper functions of its module it calls), so no worker bundle is needed and it runs the
 * same under tsx, vitest or a bundler. It must not use imports or module-level names besides `helpers`.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface Pending<O> {
  /** The kernel's output; throws what the kernel threw. Call once. */
  result(): O;
}

// esbuild (under tsx) wraps nested named functions in `__name(fn, "name")`; the worker gets that helper too.
const workerSource = (kernel: string, helpers: string[]) => `
const { workerData } = require('node:worker_threads');
const __name = (f) => f;
${helpers.join('\n')}
const { input, port, done } = workerData;
try {
  const out = (${kernel})(input);
  const buffers = Object.values(out).filter(ArrayBuffer.isView).map((a) => a.buffer);
  port.postMessage({ out }, [...new Set(buffers)]);
} catch (err) {
  port.postMessage({ error: String((err && err.stack) || err) });
}
port.close();
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
`;

/** Runs `kernel(input)` on a worker thread; `input` is copied (structured clone) when the thread starts. */
export function startInThread<I, O extends object>(kernel: (input: I) => O, input: I, helpers: ((...args: never[]) => unknown)[] = []): Pending<O> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const source = workerSource(kernel.toString(), helpers.map(String));
  const worker = new Worker(source, { eval: true, workerData: { input, port: port2, done }, transferList: [port2] });
  worker.unref();
  return {
    result() {
      Atomics.wait(done, 0, 0);
      const message = receiveMessageOnPort(port1)?.message as { out?: O; error?: string } | undefined;
      port1.close();
      void worker.terminate();
      if (!message?.out) throw new Error(`${kernel.name} failed on its thread: ${message?.error ?? 'no result'}`);
      return message.out;
    },
  };
}

/** The same contract on the calling thread: for inputs too small to be worth a thread. */
export function runHere<I, O>(kernel: (input: I) => O, input: I): Pending<O> {
  return { result: () => kernel(input) };
}
