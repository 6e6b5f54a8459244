// `npm run bench`: the build pipeline's phases and memory, then the explorer's render and hover latency.
// Pass --quick to skip the 100k-paper case.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
execFileSync(tsx, [resolve(ROOT, 'scripts/bench-pipeline.ts'), ...args], { stdio: 'inherit' });
const view = resolve(ROOT, 'scripts/bench-view.ts');
if (existsSync(view)) execFileSync(tsx, [view, ...args], { stdio: 'inherit' });
