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
 *   open community overview only: a click on the biggest community → sigma's first render of it (drawn with its
 *                  neighbourhood, framed on it), and → the frame after that render (the browser drew it)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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
  /** To the frame after that render (the browser drew it). */
  openCommunityFrameMs: number | null;
  /** The page's `atlas:*` performance marks (ms since navigation start): where the time to the first frame goes. */
  marks: Record<string, number>;
  samples: { hovers: number; searches: number; frames: number };
}

export interface ViewOptions {
  hovers?: number;
  timeoutMs?: number;
  /** Forces the overview on or off (default: the app decides by size). */
  overview?: boolean;
  /** Only loading: first render, graph ready, the marks and opening a community (no hover, search or camera). */
  loadOnly?: boolean;
  /** Saves a screenshot of the first frame (the map as it is when the graph is ready) to `${screenshots}/NAME.png`. */
  screenshots?: string;
  /** Loads each graph this many times (fresh page each); each result is the median of the runs. */
  repeat?: number;
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

/**
 * Clicks the biggest community of the overview and times it to sigma's first render of the opened community
 * (`rendered`, JavaScript only) and to the animation frame after it (`shown`: the browser has drawn that frame,
 * which in software WebGL can take seconds more).
 */
async function timedOpenCommunity(page: Page): Promise<{ rendered: number; shown: number } | null> {
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
      new Promise<{ rendered: number; shown: number }>((resolve) => {
        let start = 0;
        window.addEventListener('click', () => void (start = performance.now()), { capture: true, once: true });
        const sigma = window.__atlas!.sigma;
        const overview = sigma.getGraph();
        let done = false;
        sigma.on('afterRender', () => {
          if (done || sigma.getGraph() === overview) return;
          done = true;
          const rendered = performance.now() - start;
          requestAnimationFrame(() => resolve({ rendered, shown: performance.now() - start }));
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
async function measure(browser: Browser, url: string, hovers: number, loadOnly: boolean, screenshot: string | null): Promise<ViewResult> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 600_000 });
  const { firstRenderMs, graphReadyMs, overview, marks } = await page.evaluate(() => {
    const { sigma, firstRenderAt, graphReadyAt } = window.__atlas!;
    const drawn = sigma.getGraph();
    const onOverview = drawn.order > 0 && drawn.nodes()[0].startsWith('community:');
    const marks: Record<string, number> = {};
    for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith('atlas:')) marks[mark.name.slice(6)] ??= Math.round(mark.startTime);
    return { firstRenderMs: firstRenderAt, graphReadyMs: graphReadyAt, overview: onOverview ? { communities: drawn.order, links: drawn.size } : null, marks };
  });
  if (screenshot) await page.screenshot({ path: screenshot });
  if (loadOnly) {
    const open = overview ? await timedOpenCommunity(page) : null;
    await page.close();
    return {
      firstRenderMs, graphReadyMs, overview, marks, hoverMs: NaN, hoverP95Ms: NaN, searchMs: NaN, cameraFrameMs: NaN,
      openCommunityMs: open?.rendered ?? null, openCommunityFrameMs: open?.shown ?? null, samples: { hovers: 0, searches: 0, frames: 0 },
    };
  }
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
  const open = overview ? await timedOpenCommunity(page) : null;
  await page.close();
  return {
    firstRenderMs, graphReadyMs, overview, marks, hoverMs: median(enter), hoverP95Ms: p95(enter), searchMs: median(searches), cameraFrameMs: camera.median ?? NaN,
    openCommunityMs: open?.rendered ?? null, openCommunityFrameMs: open?.shown ?? null, samples: { hovers: enter.length, searches: searches.length, frames: camera.frames },
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

/** Field by field median of repeated runs (marks too); the first run's overview and sample counts. */
function medianOf(runs: ViewResult[]): ViewResult {
  const of = (pick: (r: ViewResult) => number | null) => median(runs.map(pick).filter((x): x is number => x !== null && !Number.isNaN(x)));
  const markNames = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))];
  const open = of((r) => r.openCommunityMs);
  const openFrame = of((r) => r.openCommunityFrameMs);
  return {
    ...runs[0],
    firstRenderMs: of((r) => r.firstRenderMs), graphReadyMs: of((r) => r.graphReadyMs), hoverMs: of((r) => r.hoverMs), hoverP95Ms: of((r) => r.hoverP95Ms),
    searchMs: of((r) => r.searchMs), cameraFrameMs: of((r) => r.cameraFrameMs), openCommunityMs: Number.isNaN(open) ? null : open,
    openCommunityFrameMs: Number.isNaN(openFrame) ? null : openFrame,
    marks: Object.fromEntries(markNames.map((name) => [name, of((r) => r.marks[name] ?? null)])),
  };
}

/**
 * Serves the app once and measures each graph (`file`: a graph file, or a compact `.atlas` directory); a graph
 * that throws is reported as skipped.
 */
export async function benchView(graphs: { name: string; file: string }[], options: ViewOptions = {}): Promise<Record<string, ViewResult | { skipped: string }>> {
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
  const forced = options.overview === undefined ? '' : `&overview=${options.overview ? 1 : 0}`;
  if (options.screenshots) mkdirSync(options.screenshots, { recursive: true });
  try {
    for (const name of ready) {
      const timeout = options.timeoutMs ?? 600_000;
      const url = `http://127.0.0.1:${port}/?debug${forced}&graph=${encodeURIComponent(`bench-graphs/${name}.atlas/`)}`;
      const runs: ViewResult[] = [];
      for (let run = 0; run < (options.repeat ?? 1); run++) {
        let timer: NodeJS.Timeout | undefined;
        const screenshot = options.screenshots && run === 0 ? join(options.screenshots, `${name}.png`) : null;
        // A fresh browser per run: a closed page's drawing of a million edges can keep the shared GPU process
        // (software WebGL) busy for many seconds, which the next page's first frame would wait for.
        const browser = await launchBrowser();
        const measured = measure(browser, url, options.hovers ?? 10, options.loadOnly ?? false, screenshot);
        measured.catch(() => {}); // past the timeout it fails once the browser closes: already reported as skipped
        try {
          runs.push(await Promise.race([measured, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`over ${timeout / 1000} s`)), timeout)))]));
        } catch (err) {
          results[name] = { skipped: (err as Error).message.split('\n')[0] };
          break;
        } finally {
          clearTimeout(timer);
          await browser.close();
        }
      }
      if (runs.length === (options.repeat ?? 1)) results[name] = medianOf(runs);
    }
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  return results;
}

// `tsx scripts/bench/view.ts --compact GRAPH.json DIR`: the child process of writeCompactFiles.
// `tsx scripts/bench/view.ts [--overview=0|1] [--load-only] [--repeat=N] [--screenshots=DIR] NAME=PATH …`: measures graph
// files or .atlas directories on their own (keep a built corpus's .atlas directory and re-measure only the browser part).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--compact') writeAtlasFiles(readGraphFileItems(argv[1]), argv[2]);
  else {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { overview: { type: 'string' }, 'load-only': { type: 'boolean' }, repeat: { type: 'string' }, screenshots: { type: 'string' } },
    });
    const graphs = positionals.map((arg) => {
      const [name, file] = arg.includes('=') ? arg.split('=') : [basename(arg).replace(/\.(json|atlas\/?)$/, ''), arg];
      if (!existsSync(file)) throw new Error(`${file}: not found`);
      return { name, file };
    });
    const options: ViewOptions = {
      overview: values.overview === undefined ? undefined : values.overview === '1', loadOnly: values['load-only'], repeat: Number(values.repeat ?? 1),
      screenshots: values.screenshots, timeoutMs: 1_200_000,
    };
    console.log(JSON.stringify(await benchView(graphs, options), null, 2));
  }
}
