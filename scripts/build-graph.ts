// CLI entry of `npm run build:graph`; the logic lives in src/cli/buildGraph.ts so tests can call it in-process.
// package.json runs it with a 128 MB semi-space instead of 16: the build allocates hundreds of MB of short-lived
// objects next to a heap of a million long-lived ones, and with the default young generation what is still in
// use at each scavenge (a chunk of the file being written, a table being filled) is promoted, then dies in the
// old generation, whose collections mark the whole graph. Writing the 20k-paper graph file: 5.8 s → 1.9 s (64 MB).
// At 100k papers, with the build's big arrays off the heap (threads/sharedArrays.ts), 128 MB beat 16, 32, 64 and
// 256 in main-thread scavenge time (9.3-9.7 s against 14.1, 11.3, 10.6-11.5 and 9.8) and end to end.
import { runBuildGraph } from '../src/cli/buildGraph';

const onTerminal = process.stderr.isTTY;
runBuildGraph(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: (line) => (onTerminal ? process.stderr.write(`\r\x1b[K${line}`) : console.error(line)),
}).then(
  (code) => {
    if (onTerminal) process.stderr.write('\r\x1b[K');
    process.exitCode = code;
  },
  (err: Error) => {
    // A bug, not bad input: say so plainly; the stack only on request.
    console.error(`internal error: ${err.message}${process.env.DEBUG ? `\n${err.stack}` : ' (set DEBUG=1 for details)'}`);
    process.exitCode = 1;
  },
);
