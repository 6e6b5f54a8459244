/**
 * `npm start`: builds the bundled graph if there is none yet (`npm run build:graph`), builds the
 * explorer and serves it with `vite preview` (the production bundle, under its real CSP), then
 * prints the local URL. PORT and HOST override where it listens (default localhost:4173).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

if (!existsSync('public/graph.json')) {
  console.log('public/graph.json is missing: building it with `npm run build:graph`…');
  const built = spawnSync('npm', ['run', '--silent', 'build:graph'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('Could not build the graph file; see the messages above.');
    process.exit(built.status ?? 1);
  }
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
