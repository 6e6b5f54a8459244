/**
 * The README's first command: `npm start` builds the bundled data when needed, serves the explorer
 * and prints its URL; a person opening that URL sees the map of the bundled papers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, foreignRequests, freePort, inkedPixels, launchBrowser, screenshotMap, waitForMap } from './helpers';

let child: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
});

function startAndWaitForUrl(port: number): Promise<string> {
  child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true, // its own process group, so the server and its children stop together
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/running at (http:\/\/\S+)/)?.[1];
      if (url) resolve(url);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing its URL:\n${output}`)));
  });
}

test('npm start serves the explorer on the bundled graph and prints where', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const url = await startAndWaitForUrl(port);
  expect(url).toBe(`http://127.0.0.1:${port}/`);
  const graph = JSON.parse(readFileSync(join(ROOT, 'public/graph.json'), 'utf8'));

  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}?debug`);
  await waitForMap(page);

  expect(await page.getByText(`${graph.nodes.length} nodes · ${graph.edges.length} links`).count()).toBe(1);
  const pixels = await screenshotMap(page, '/tmp/atlas-start.png');
  expect(inkedPixels(pixels) / (pixels.width * pixels.height)).toBeGreaterThan(0.01);
  expect(foreignRequests(requests, `http://127.0.0.1:${port}`)).toEqual([]);
  expect(errors).toEqual([]);
});
