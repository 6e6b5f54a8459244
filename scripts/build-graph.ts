// CLI entry of `npm run build:graph`; the logic lives in src/cli/buildGraph.ts so tests can call it in-process.
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
