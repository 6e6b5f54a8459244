/**
 * The export menu in a real browser: the PNG is the map at 2× its on-screen size with a legend drawn
 * in, and data exports contain exactly what the filters and the view switch leave on the map.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { computeVisibility, defaultFilters } from '../../src/core/filters';
import { parseGraphFile } from '../../src/core/graphFile';
import { axeScan, seriousViolations } from './a11y';
import { atlasSuite } from './suite';
import { distinctColours, inkedPixels, seedGraphJson } from './helpers';
import { decodePng, type Pixels } from './png';

const atlas = atlasSuite();
const parsed = parseGraphFile(JSON.parse(seedGraphJson()));
if (!parsed.ok) throw new Error(parsed.error);
const graph = parsed.graph;

/** Opens the menu, clicks `item` and returns the downloaded file's name and bytes. */
async function exportVia(page: Page, item: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** Pixels of a rectangle, as a Pixels image of its own. */
function crop(image: Pixels, x: number, y: number, width: number, height: number): Pixels {
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) data.set(image.data.subarray(((y + row) * image.width + x) * 4, ((y + row) * image.width + x + width) * 4), row * width * 4);
  return { width, height, data };
}

/** Pixels close to the legend's text colour (#1f2328). */
function darkTextPixels(image: Pixels): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i] < 70 && image.data[i + 1] < 70 && image.data[i + 2] < 80) count++;
  return count;
}

/** The legend box's top border: the first long horizontal run of its border colour (#d0d7de), or null. */
function legendTopBorder(image: Pixels, minRun: number): { x: number; y: number; width: number } | null {
  const border = (i: number) => Math.abs(image.data[i] - 208) + Math.abs(image.data[i + 1] - 215) + Math.abs(image.data[i + 2] - 222) < 20;
  for (let y = 0; y < image.height; y++) {
    let start = 0;
    for (let x = 0; x <= image.width; x++) {
      if (x < image.width && border((y * image.width + x) * 4)) continue;
      if (x - start >= minRun) return { x: start, y, width: x - start };
      start = x + 1;
    }
  }
  return null;
}

describe('export menu', () => {
  test('PNG 2× is twice the map size, drawn (not blank), with a legend box in its emptiest corner', async () => {
    const page = await atlas.open();
    const { width, height } = await page.evaluate(() => window.__atlas!.sigma.getDimensions());
    const { name, bytes } = await exportVia(page, /^PNG 2×/);
    expect(name).toBe('paper-atlas-full@2x.png');
    writeFileSync('/tmp/atlas-export-2x.png', bytes); // to look at
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([width * 2, height * 2]);
    expect(inkedPixels(png) / (png.width * png.height)).toBeGreaterThan(0.01);
    expect(distinctColours(png)).toBeGreaterThan(8);
    // The legend: a bordered box at least 200 CSS px wide, with dark text inside.
    const box = legendTopBorder(png, 400);
    expect(box).not.toBeNull();
    const inside = crop(png, box!.x, box!.y, box!.width, Math.min(300, png.height - box!.y));
    expect(darkTextPixels(inside)).toBeGreaterThan(1000);
  });

  test('the open menu passes axe (WCAG 2.1 A/AA) and is reachable with the keyboard', async () => {
    const page = await atlas.open();
    const summary = page.getByText('Export', { exact: true });
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^GEXF/ }).waitFor();
    await page.screenshot({ path: '/tmp/atlas-export-menu.png' }); // to look at
    const scan = await axeScan(page);
    expect(scan.passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
    expect(seriousViolations(scan)).toEqual([]);
  });

  test('PNG 1× is the map at its on-screen size', async () => {
    const page = await atlas.open();
    const { width, height } = await page.evaluate(() => window.__atlas!.sigma.getDimensions());
    const png = decodePng((await exportVia(page, /^PNG 1×/)).bytes);
    expect([png.width, png.height]).toEqual([width, height]);
    expect(inkedPixels(png)).toBeGreaterThan(0);
  });

  test('GEXF after a filter has exactly the visible nodes, as the legend counts them', async () => {
    const page = await atlas.open();
    await page.getByRole('checkbox', { name: /^Papers/ }).uncheck();
    await expect.poll(() => page.getByTestId('count-paper').textContent()).toMatch(/^0 \//);
    const { name, bytes } = await exportVia(page, /^GEXF/);
    expect(name).toBe('paper-atlas-full.gexf');
    const exported = parse(Graph, bytes.toString('utf8'));
    const shown = await Promise.all(['author', 'category', 'affiliation'].map((k) => page.getByTestId(`count-${k}`).textContent()));
    const visibleInLegend = shown.reduce((sum, text) => sum + Number(text!.split(' / ')[0]), 0);
    expect(exported.order).toBe(visibleInLegend);
    const { hidden } = computeVisibility(graph, { ...defaultFilters(), kinds: ['author', 'category', 'affiliation', 'topic'] });
    expect(new Set(exported.nodes())).toEqual(new Set(graph.filterNodes((key) => !hidden.has(key))));
    exported.forEachNode((key, a) => expect(a.kind, key).not.toBe('paper'));
  });

  test('in the co-authorship view, exports hold its authors and co-author links only', async () => {
    const page = await atlas.open('#view=coauthor');
    const gexf = parse(Graph, (await exportVia(page, /^GEXF/)).bytes.toString('utf8'));
    const authors = graph.filterNodes((_k, a) => a.kind === 'author');
    expect(new Set(gexf.nodes())).toEqual(new Set(authors));
    expect(gexf.size).toBe(graph.filterEdges((_e, a) => a.kind === 'coauthor').length);
    const csv = await exportVia(page, /^Authors CSV/);
    expect(csv.name).toBe('paper-atlas-collaboration-authors.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFkey,name,papers,')).toBe(true);
    // Header plus one CRLF-terminated line per author (author names hold no line breaks).
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(authors.length + 1);
  });
});
