/**
 * `npm run bench:view [-- --big PATH] [--hovers N]`: how fast the explorer shows a graph and
 * answers a hover, in Debian's Chromium (software WebGL here: expect a GPU to be much faster).
 *
 *   graph ready    navigation start → graph file fetched, parsed and validated (`atlas:graph-ready` mark)
 *   first render   navigation start → sigma has drawn the graph (`window.__atlas.firstRenderAt`)
 *   hover → frame  pointer moves onto a node → highlight drawn and the next animation frame ran
 *   leave → frame  pointer moves off → full picture restored, next animation frame ran
 *
 * Graphs: the seed fixture and a ~10k-node graph built by `npm run build:graph` from four pages
 * of the arXiv OAI-PMH dump in ../shared/datasets (cached in bench-results/), or `--big PATH`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { ROOT, atlasPath, launchBrowser, seedGraphJson, settle, startAtlas } from '../tests/e2e/helpers';

const { values: args } = parseArgs({ options: { big: { type: 'string' }, hovers: { type: 'string' }, loads: { type: 'string' } } });
const HOVERS = Number(args.hovers ?? 15);
const LOADS = Number(args.loads ?? 3);
const RESULTS = join(ROOT, 'bench-results');
const DATASET = join(ROOT, '../shared/datasets/arxiv-oai-pmh-cs');
const PAGES = [1, 2, 3, 4].map((p) => join(DATASET, `oai_listrecords_cs_page${p}.xml`));

function bigGraphPath(): string | null {
  if (args.big) return args.big;
  const cached = join(RESULTS, 'graph-arxiv-4pages.json');
  if (existsSync(cached)) return cached;
  if (!PAGES.every(existsSync)) return null;
  console.error(`building the ~10k-node graph from ${DATASET} (a minute or two)…`);
  const built = spawnSync('npm', ['run', '--silent', 'build:graph', '--', '-q', ...PAGES.flatMap((p) => ['--input', p]), '--out', cached], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return built.status === 0 ? cached : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

async function firstRender(browser: Browser, url: string): Promise<{ ready: number; drawn: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 300_000 });
  const times = await page.evaluate(() => ({
    ready: performance.getEntriesByName('atlas:graph-ready')[0]?.startTime ?? NaN,
    drawn: window.__atlas!.firstRenderAt,
  }));
  await page.close();
  return times;
}

/** Moves the pointer to (x, y) and times it to sigma's next render and the frame after it. */
function timedMove(page: Page, x: number, y: number): Promise<number | null> {
  // No named functions in here: tsx would wrap them in a `__name` helper the page lacks.
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
        // The pointer missed the node (nothing to redraw): no sample.
        setTimeout(() => {
          if (!done) resolve(null);
          done = true;
        }, 20_000);
      }),
  );
  return page.waitForTimeout(50).then(() => page.mouse.move(x, y)).then(() => measured);
}

async function hoverLatencies(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 300_000 });
  await settle(page, 1000);
  const box = (await page.locator('.sigma-container').boundingBox())!;
  // The biggest nodes on screen: the ones a person hovers, and the heaviest neighbourhoods.
  const targets = await page.evaluate((count) => {
    const { graph, nodePosition } = window.__atlas!;
    return graph
      .nodes()
      .sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size'))
      .map((key) => ({ key, at: nodePosition(key) }))
      .filter((t) => t.at !== null)
      .slice(0, count);
  }, HOVERS);
  const enter: number[] = [];
  const leave: number[] = [];
  for (const { at } of targets) {
    const enterMs = await timedMove(page, at!.x, at!.y);
    if (enterMs === null) continue;
    enter.push(enterMs);
    const leaveMs = await timedMove(page, box.x + 2, box.y + 2);
    if (leaveMs !== null) leave.push(leaveMs);
  }
  await page.close();
  return { enter, leave };
}

const graphs: { name: string; json: string }[] = [{ name: 'seed', json: seedGraphJson() }];
const big = bigGraphPath();
if (big) graphs.push({ name: 'arXiv cs, 4 pages', json: readFileSync(big, 'utf8') });
else console.error('no ~10k-node graph: dataset not found and no --big PATH given; measuring the seed graph only');

const served = Object.fromEntries(graphs.map((g, i) => [`g${i}.json`, g.json]));
const server = await startAtlas(served);
const browser = await launchBrowser();
const rows = [];
try {
  for (const [i, g] of graphs.entries()) {
    const file = JSON.parse(served[`g${i}.json`]);
    const url = server.origin + atlasPath(`g${i}.json`);
    const loads: { ready: number; drawn: number }[] = [];
    for (let n = 0; n < LOADS; n++) loads.push(await firstRender(browser, url));
    const { enter, leave } = await hoverLatencies(browser, url);
    rows.push({
      graph: g.name, nodes: file.nodes.length, edges: file.edges.length,
      graphReadyMs: median(loads.map((l) => l.ready)), firstRenderMs: median(loads.map((l) => l.drawn)), hoverMs: median(enter), hoverP95Ms: p95(enter), leaveMs: median(leave), leaveP95Ms: p95(leave),
      hoverSamples: enter.length,
    });
  }
} finally {
  await browser.close();
  await server.close();
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '—');
console.log('\nPaper Atlas view benchmark (headless Chromium, software WebGL; medians, p95 over hovers)\n');
console.log('| graph | nodes | edges | graph ready | first render | hover → frame (p95) | leave → frame (p95) | hovers |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.graph} | ${r.nodes} | ${r.edges} | ${fmt(r.graphReadyMs)} | ${fmt(r.firstRenderMs)} | ${fmt(r.hoverMs)} (${fmt(r.hoverP95Ms)}) | ${fmt(r.leaveMs)} (${fmt(r.leaveP95Ms)}) | ${r.hoverSamples} |`);
}
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'view.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2) + '\n');
