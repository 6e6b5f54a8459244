/**
 * `npm start`: builds the bundled graph when needed (`npm run build:graph`: no graph file yet, one
 * older than the bundled listing, or one the app could not load), builds the
 * explorer and serves it with `vite preview` (the production bundle, under its real CSP), then
 * prints the local URL. PORT and HOST override where it listens (default localhost:4173).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { parseGraphFile } from '../src/core/graphFile';
import { DEFAULT_INPUT, DEFAULT_OUT } from '../src/cli/buildGraph';
import { atlasDirFor, writeAtlasFiles } from '../src/core/graphFile/compact/node';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/** Why the graph file must be (re)built, or null when the one there is usable. */
function rebuildReason(): string | null {
  if (!existsSync(DEFAULT_OUT)) return 'is missing';
  if (statSync(DEFAULT_OUT).mtimeMs < statSync(DEFAULT_INPUT).mtimeMs) return `is older than ${DEFAULT_INPUT}`;
  try {
    const parsed = parseGraphFile(JSON.parse(readFileSync(DEFAULT_OUT, 'utf8')));
    return parsed.ok ? null : `cannot be loaded (${parsed.error})`;
  } catch (err) {
    return `cannot be loaded (${(err as Error).message})`;
  }
}

const reason = rebuildReason();
if (reason) {
  console.log(`${DEFAULT_OUT} ${reason}: building it with \`npm run build:graph\`…`);
  const built = spawnSync('npm', ['run', '--silent', 'build:graph'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('Could not build the graph file; see the messages above.');
    process.exit(built.status ?? 1);
  }
}

// The app loads the compact files beside graph.json first: write them for a graph built without them.
const atlasManifest = join(atlasDirFor(DEFAULT_OUT), 'manifest.json');
if (!existsSync(atlasManifest) || statSync(atlasManifest).mtimeMs < statSync(DEFAULT_OUT).mtimeMs) {
  const parsed = parseGraphFile(JSON.parse(readFileSync(DEFAULT_OUT, 'utf8')));
  if (parsed.ok) writeAtlasFiles(parsed.graph, atlasDirFor(DEFAULT_OUT));
}

console.log('Building the explorer…');
await build({ root, logLevel: 'warn' });
const server = await preview({
  root,
  preview: { port: Number(process.env.PORT) || 4173, host: process.env.HOST || 'localhost', open: false },
});
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.preview.port}/`;
console.log(`\nPaper Atlas is running at ${url}  (Ctrl+C to stop)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
