/**
 * The explorer's speed on built graphs, in Debian's headless Chromium (software WebGL here: a GPU is far faster),
 * loaded the way the app loads by default: from compact files (src/core/graphFile/compact), written here from each
 * graph file in a child process (a 100k-paper graph file is past what one JavaScript string holds). Graphs past
 * OVERVIEW_ABOVE_NODES open on their level-of-detail overview; then what is measured is drawn on the overview.
 *   first render   navigation start → the first frame (`window.__atlas.firstRenderAt`): the overview for big graphs
 *   graph ready    navigation start → the whole graph built (search, panels, filters work): after the first frame
 *   search         a title word typed into the search box → first suggestion in the DOM (median)
 *   hover          pointer onto one of the biggest drawn nodes → highlight drawn and the next frame ran (median, p95),
 *                  once the search index is built (the page at rest)
 *   camera frame   median time between two frames while the camera glides (1 s animation)
 *   open community overview only: a click on the biggest community → the full graph drawn, framed on it
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { build, preview } from 'vite';
import type { Browser, Page } from 'playwright-core';
import type { AtlasGraph } from '../../src/core/graphFile';
import { writeAtlasFiles } from '../../src/core/graphFile/compact/node';
import { ROOT, freePort, launchBrowser } from '../../tests/e2e/helpers';

export interface ViewResult {
  firstRenderMs: number;
  graphReadyMs: number;
  /** What the first view drew: the overview's communities and links, or null for the full graph. */
  overview: { communities: number; links: number } | null;
  hoverMs: number;
  hoverP95Ms: number;
  searchMs: number;
  cameraFrameMs: number;
  openCommunityMs: number | null;
  samples: { hovers: number; searches: number; frames: number };
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] : NaN);

/** Moves the pointer to (x, y) and times it to sigma's next render and the frame after it; null if nothing redrew. */
function timedMove(page: Page, x: number, y: number): Promise<number | null> {
  const measured = page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        let start = 0;
        let done = false;
        window.addEventListener('mousemove', () => void (start = performance.now()), { capture: true, once: true });
        window.__atlas!.sigma.once('afterRender', () =>
          requestAnimationFrame(() => {
            if (!done) resolve(performance.now() - start);
            done = true;
          }),
        );
        setTimeout(() => {
          if (!done) resolve(null);
          done = true;
        }, 20_000);
      }),
  );
  return page.waitForTimeout(50).then(() => page.mouse.move(x, y)).then(() => measured);
}

/** Types `query` into the search box and times it to the first suggestion in the DOM. */
function timedSearch(page: Page, query: string): Promise<number | null> {
  return page.evaluate(
    (text) =>
      new Promise<number | null>((resolve) => {
        const input = document.getElementById('search-input') as HTMLInputElement;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (!document.querySelector('[role=option]')) return;
              observer.disconnect();
              resolve(performance.now() - start);
            });
            observer.observe(document.body, { childList: true, subtree: true });
            setValue.call(input, text);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            setTimeout(() => {
              observer.disconnect();
              resolve(null);
            }, 60_000);
          }),
        );
      }),
    query,
  );
}

/** Median time between frames while the camera glides for one second. */
function cameraFrames(page: Page): Promise<{ median: number | null; frames: number }> {
  return page.evaluate(
    () =>
      new Promise<{ median: number | null; frames: number }>((resolve) => {
        const sigma = window.__atlas!.sigma;
        const times: number[] = [];
        let gliding = true;
        sigma.on('afterRender', () => void (gliding && times.push(performance.now())));
        void sigma
          .getCamera()
          .animate({ x: 0.3, y: 0.7, ratio: 0.35 }, { duration: 1000 })
          .then(() => {
            gliding = false;
            const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
            resolve({ median: gaps.length ? gaps[Math.floor(gaps.length / 2)] : null, frames: times.length });
          });
      }),
  );
}

/** Clicks the biggest community of the overview and times it to the first frame of the full graph. */
async function timedOpenCommunity(page: Page): Promise<number | null> {
  await page.evaluate(() => window.__atlas!.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
  await page.waitForTimeout(500);
  const at = await page.evaluate(() => {
    const { sigma, nodePosition } = window.__atlas!;
    const biggest = sigma.getGraph().reduceNodes((best: string | null, key, a) => (best === null || a.size > sigma.getGraph().getNodeAttribute(best, 'size') ? key : best), null);
    return biggest === null ? null : nodePosition(biggest);
  });
  if (!at) return null;
  const done = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let start = 0;
        window.addEventListener('click', () => void (start = performance.now()), { capture: true, once: true });
        const sigma = window.__atlas!.sigma;
        const overview = sigma.getGraph();
        let done = false;
        sigma.on('afterRender', () => {
          if (done || sigma.getGraph() === overview) return;
          done = true;
          resolve(performance.now() - start);
        });
      }),
  );
  done.catch(() => {}); // awaited below, after the click
  await page.waitForTimeout(50);
  await page.mouse.click(at.x, at.y);
  return done;
}

// No named functions inside page.evaluate callbacks: tsx would wrap them in a `__name` helper the page
// lacks (and the app's CSP forbids evaluating strings).
async function measure(browser: Browser, url: string, hovers: number): Promise<ViewResult> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 600_000 });
  const { firstRenderMs, graphReadyMs, overview } = await page.evaluate(() => {
    const { sigma, firstRenderAt, graphReadyAt } = window.__atlas!;
    const drawn = sigma.getGraph();
    const onOverview = drawn.order > 0 && drawn.nodes()[0].startsWith('community:');
    return { firstRenderMs: firstRenderAt, graphReadyMs: graphReadyAt, overview: onOverview ? { communities: drawn.order, links: drawn.size } : null };
  });
  await page.waitForTimeout(1000);

  // Title words of a few papers, as a person would type them; the first query also waits for the index
  // (built after the graph: on a big graph, hovering is timed once the page is at rest).
  const words = await page.evaluate(() => {
    const found: string[] = [];
    window.__atlas!.graph.forEachNode((_key, a) => {
      if (a.kind !== 'paper' || found.length >= 6) return;
      const word = String(a.title).split(' ').find((w) => w.length >= 5);
      if (word) found.push(word.toLowerCase());
    });
    return found;
  });
  const searches: number[] = [];
  for (const [i, word] of words.entries()) {
    const ms = await timedSearch(page, word);
    if (ms !== null && i > 0) searches.push(ms);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // The biggest nodes of what is drawn: communities on the overview, nodes on the full graph.
  const box = (await page.locator('.sigma-container').boundingBox())!;
  const targets = await page.evaluate((count) => {
    const { sigma, nodePosition } = window.__atlas!;
    const drawn = sigma.getGraph();
    return drawn
      .nodes()
      .sort((a, b) => drawn.getNodeAttribute(b, 'size') - drawn.getNodeAttribute(a, 'size'))
      .slice(0, 200)
      .map((key) => nodePosition(key))
      .filter((at) => at !== null)
      .slice(0, count);
  }, hovers);
  const enter: number[] = [];
  for (const at of targets) {
    const ms = await timedMove(page, at!.x, at!.y);
    if (ms !== null) enter.push(ms);
    await timedMove(page, box.x + 2, box.y + 2);
  }

  const camera = await cameraFrames(page);
  const openCommunityMs = overview ? await timedOpenCommunity(page) : null;
  await page.close();
  return {
    firstRenderMs, graphReadyMs, overview, hoverMs: median(enter), hoverP95Ms: p95(enter), searchMs: median(searches), cameraFrameMs: camera.median ?? NaN,
    openCommunityMs, samples: { hovers: enter.length, searches: searches.length, frames: camera.frames },
  };
}

/** Reads a graph file of any size (one Buffer, each node and edge parsed on its own) — no schema check: our own build. */
export function readGraphFileItems(path: string): AtlasGraph {
  const bytes = readFileSync(path);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false }) as AtlasGraph;
  const text = (from: number, to: number) => JSON.parse(bytes.toString('utf8', from, to));
  let depth = 0;
  let inString = false;
  let escaped = false;
  let key = '';
  let keyStart = -1;
  let valueStart = -1;
  let itemStart = -1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) {
        inString = false;
        if (depth === 1 && keyStart >= 0) [key, keyStart] = [bytes.toString('utf8', keyStart, i), -1];
      }
    } else if (c === 0x22) {
      inString = true;
      if (depth === 1 && valueStart < 0) keyStart = i + 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === 1) valueStart = i;
      else if (depth === 2 && (key === 'nodes' || key === 'edges')) itemStart = i;
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 2 && itemStart >= 0) {
        const item = text(itemStart, i + 1);
        if (key === 'nodes') graph.addNode(item.key, item.attributes);
        else graph.addEdgeWithKey(item.key, item.source, item.target, item.attributes);
        itemStart = -1;
      } else if (depth === 1) {
        if (key === 'attributes') graph.replaceAttributes(text(valueStart, i + 1));
        valueStart = -1;
      }
    }
  }
  return graph;
}

/** `file` (a graph file) → compact files in `dir`, in a child process with room for a 100k-paper graph. */
function writeCompactFiles(file: string, dir: string): void {
  const script = fileURLToPath(import.meta.url);
  execFileSync(process.execPath, [...process.execArgv, '--max-old-space-size=8000', script, '--compact', file, dir], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Serves the app once and measures each graph (`file`: a graph file, or a compact `.atlas` directory); a graph
 * that throws is reported as skipped. `overview` forces the overview on or off (default: the app decides by size).
 */
export async function benchView(
  graphs: { name: string; file: string }[],
  options: { hovers?: number; timeoutMs?: number; overview?: boolean } = {},
): Promise<Record<string, ViewResult | { skipped: string }>> {
  const outDir = mkdtempSync(join(tmpdir(), 'atlas-bench-view-'));
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  mkdirSync(join(outDir, 'bench-graphs'));
  const results: Record<string, ViewResult | { skipped: string }> = {};
  const ready: string[] = [];
  for (const g of graphs) {
    const dir = join(outDir, 'bench-graphs', `${g.name}.atlas`);
    try {
      if (statSync(g.file).isDirectory()) symlinkSync(resolve(g.file), dir);
      else writeCompactFiles(g.file, dir);
      ready.push(g.name);
    } catch (err) {
      results[g.name] = { skipped: `compact files not written: ${(err as Error).message.split('\n')[0]}` };
    }
  }
  const port = await freePort();
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  const browser = await launchBrowser();
  const forced = options.overview === undefined ? '' : `&overview=${options.overview ? 1 : 0}`;
  try {
    for (const name of ready) {
      const timeout = options.timeoutMs ?? 600_000;
      let timer: NodeJS.Timeout | undefined;
      const url = `http://127.0.0.1:${port}/?debug${forced}&graph=${encodeURIComponent(`bench-graphs/${name}.atlas/`)}`;
      const measured = measure(browser, url, options.hovers ?? 10);
      measured.catch(() => {}); // past the timeout it fails once the browser closes: already reported as skipped
      try {
        results[name] = await Promise.race([
          measured,
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`over ${timeout / 1000} s`)), timeout))),
        ]);
      } catch (err) {
        results[name] = { skipped: (err as Error).message.split('\n')[0] };
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  return results;
}

// `tsx scripts/bench/view.ts --compact GRAPH.json DIR`: the child process of writeCompactFiles.
// `tsx scripts/bench/view.ts [--overview=0|1] NAME=PATH …`: measures graph files or .atlas directories on their own.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--compact') writeAtlasFiles(readGraphFileItems(rest[0]), rest[1]);
  else {
    const forced = /^--overview=([01])$/.exec(first ?? '');
    const graphs = (forced ? rest : [first, ...rest]).filter(Boolean).map((arg) => {
      const [name, file] = arg.includes('=') ? arg.split('=') : [basename(arg).replace(/\.(json|atlas\/?)$/, ''), arg];
      if (!existsSync(file)) throw new Error(`${file}: not found`);
      return { name, file };
    });
    console.log(JSON.stringify(await benchView(graphs, { overview: forced ? forced[1] === '1' : undefined, timeoutMs: 1_200_000 }), null, 2));
  }
}
