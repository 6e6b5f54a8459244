/**
 * Shared browser-test plumbing: build the app once per test file and serve it with `vite preview`
 * (the production bundle, under its real Content-Security-Policy), serve test graph files next to
 * it, drive Debian's Chromium, and read what the screen shows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serializeGraph, type GraphFile } from '../../src/core/graphFile';
import { parseListing } from '../../src/core/ingest/listing';
import { runPipeline } from '../../src/core/pipeline';
import { decodePng, type Pixels } from './png';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let seedJson: string | undefined;
/** The bundled seed listing through the real build pipeline: exactly what `npm run build:graph` writes. */
export function seedGraphJson(): string {
  seedJson ??= serializeGraph(runPipeline([parseListing(readFileSync(join(ROOT, 'data/seed-papers.txt'), 'utf8'), 'data/seed-papers.txt')]).graph);
  return seedJson;
}
export const seedGraph = (): GraphFile => JSON.parse(seedGraphJson());

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update'];

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Graph files served at `/test-graphs/<name>`; a name missing from the map is a 404. */
export type TestGraphs = Record<string, string>;

function testGraphsPlugin(graphs: TestGraphs): Plugin {
  return {
    name: 'atlas-test-graphs',
    configurePreviewServer(server) {
      server.middlewares.use('/test-graphs/', (req, res) => {
        const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]);
        const body = graphs[name];
        res.statusCode = body === undefined ? 404 : 200;
        res.setHeader('Content-Type', body === undefined ? 'text/plain' : 'application/json');
        res.end(body ?? 'not found');
      });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface AtlasServer {
  origin: string;
  close(): Promise<void>;
}

/** Builds the app into a temporary folder and serves it on a free local port. */
export async function startAtlas(graphs: TestGraphs): Promise<AtlasServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    plugins: [testGraphsPlugin(graphs)],
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A page plus everything it did that a test may want to assert on afterwards. */
export interface AtlasPage {
  page: Page;
  /** Every request URL the page made. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

export async function openAtlas(browser: Browser, server: AtlasServer, path: string): Promise<AtlasPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.origin + path);
  return { page, requests, errors };
}

/** URL of the app showing a served test graph, with the debug hooks on. */
export const atlasPath = (graph: string, hash = '') => `/?debug&graph=${encodeURIComponent(`test-graphs/${graph}`)}${hash}`;

/** Waits until sigma has drawn the graph. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__atlas !== undefined);
  await settle(page);
}

/** Lets camera animations and pending frames finish. */
export async function settle(page: Page, ms = 800): Promise<void> {
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function screenshotMap(page: Page, file?: string): Promise<Pixels> {
  const png = await page.locator('.sigma-container').screenshot({ path: file });
  return decodePng(png);
}

/** Pixels that differ from the map's background colour (its top-left corner). */
export function inkedPixels(pixels: Pixels): number {
  const { data } = pixels;
  const [r, g, b] = data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) count++;
  }
  return count;
}

/** Distinct colours, coarsely bucketed so anti-aliasing does not count. */
export function distinctColours(pixels: Pixels): number {
  const seen = new Set<number>();
  const { data } = pixels;
  for (let i = 0; i < data.length; i += 4) seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
  return seen.size;
}

/** Share of pixels that changed between two screenshots of the same size. */
export function changedShare(a: Pixels, b: Pixels): number {
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 30) changed++;
  }
  return changed / (a.width * a.height);
}

/** Where a node is drawn on the page (from the debug hooks), or null if hidden / unknown. */
export function nodePosition(page: Page, node: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((key) => window.__atlas!.nodePosition(key), node);
}

/** Requests that left the page's origin (there must be none). */
export const foreignRequests = (requests: string[], origin: string) =>
  requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));


/** The production build served by `vite preview`, with test files written into it, and a browser. */
export interface BuiltApp {
  origin: string;
  browser: Browser;
  /** Where the build was written: test files go under it. */
  outDir: string;
  close(): Promise<void>;
}

/** Builds the app into a temporary directory, lets `writeFiles` add files to it, serves it and launches Chromium. */
export async function serveBuiltApp(name: string, writeFiles: (outDir: string) => void): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), `atlas-${name}-`));
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  writeFiles(outDir);
  const port = await freePort();
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  const browser = await launchBrowser();
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    outDir,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
