/**
 * The explorer's speed on built graphs, in Debian's headless Chromium (software WebGL here: a GPU is far faster).
 *   first render   navigation start → sigma has drawn the graph (`window.__atlas.firstRenderAt`)
 *   hover          pointer onto one of the biggest nodes → highlight drawn and the next frame ran (median, p95)
 *   search         a title word typed into the search box → first suggestion in the DOM (median)
 *   camera frame   median time between two frames while the camera glides (1 s animation)
 */
import type { Browser, Page } from 'playwright-core';
import { atlasPath, launchBrowser, startAtlas } from '../../tests/e2e/helpers';

export interface ViewResult {
  firstRenderMs: number;
  hoverMs: number;
  hoverP95Ms: number;
  searchMs: number;
  cameraFrameMs: number;
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

// No named functions inside page.evaluate callbacks: tsx would wrap them in a `__name` helper the page
// lacks (and the app's CSP forbids evaluating strings).
async function measure(browser: Browser, url: string, hovers: number): Promise<ViewResult> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 300_000 });
  const firstRenderMs = await page.evaluate(() => window.__atlas!.firstRenderAt);
  await page.waitForTimeout(1000);

  const box = (await page.locator('.sigma-container').boundingBox())!;
  const targets = await page.evaluate((count) => {
    const { graph, nodePosition } = window.__atlas!;
    return graph
      .nodes()
      .sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size'))
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

  // Title words of a few papers, as a person would type them; the first query also waits for the index.
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

  const camera = await cameraFrames(page);
  await page.close();
  return {
    firstRenderMs, hoverMs: median(enter), hoverP95Ms: p95(enter), searchMs: median(searches), cameraFrameMs: camera.median ?? NaN,
    samples: { hovers: enter.length, searches: searches.length, frames: camera.frames },
  };
}

/** Serves the app once and measures each graph (a JSON string); a graph that throws is reported as skipped. */
export async function benchView(
  graphs: { name: string; json: string }[],
  options: { hovers?: number; timeoutMs?: number } = {},
): Promise<Record<string, ViewResult | { skipped: string }>> {
  const served = Object.fromEntries(graphs.map((g) => [`${g.name}.json`, g.json]));
  const server = await startAtlas(served);
  const browser = await launchBrowser();
  const results: Record<string, ViewResult | { skipped: string }> = {};
  try {
    for (const g of graphs) {
      const timeout = options.timeoutMs ?? 600_000;
      let timer: NodeJS.Timeout | undefined;
      try {
        results[g.name] = await Promise.race([
          measure(browser, server.origin + atlasPath(`${g.name}.json`), options.hovers ?? 10),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`over ${timeout / 1000} s`)), timeout))),
        ]);
      } catch (err) {
        results[g.name] = { skipped: (err as Error).message.split('\n')[0] };
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
