/**
 * The app on compact graph files (src/core/graphFile/compact): it downloads the manifest, the binary
 * structure and the labels to draw the map, and a paper's text shard only once the paper is opened;
 * the panel then shows the abstract. A big graph (here forced with `?overview=1`) draws its overview from the
 * small overview part and reads the structure in a worker behind it. Missing compact files fall back to
 * graph.json beside them; a damaged structure is a readable error, not a blank page.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import Graph from 'graphology';
import type { AtlasGraph, PaperNode } from '../../src/core/graphFile';
import { writeAtlasFiles } from '../../src/core/graphFile/compact/node';
import { buildOverview, communityKey, overviewInputFromGraph } from '../../src/core/overview';
import { foreignRequests, inkedPixels, openAtlas, screenshotMap, seedGraph, seedGraphJson, serveBuiltApp, waitForMap, type AtlasPage, type BuiltApp } from './helpers';

let app: BuiltApp;
let origin: string;
let browser: Browser;
let current: AtlasPage | undefined;
const file = seedGraph();
const graph = Graph.from(file) as AtlasGraph;
const papers = file.nodes.filter((n) => n.attributes.kind === 'paper') as { key: string; attributes: PaperNode }[];
/** A paper with an abstract whose title no other paper shares a first word with, for a one-hit search. */
const paper = papers.find((p) => p.attributes.abstract.length > 100 && papers.filter((o) => o.attributes.title.split(' ')[0] === p.attributes.title.split(' ')[0]).length === 1)!;
const communityKeys = buildOverview(overviewInputFromGraph(graph)).communities.map((c) => communityKey(c.id)).sort();

beforeAll(async () => {
  app = await serveBuiltApp('compact-e2e', (outDir) => {
    const dir = join(outDir, 'test-atlas');
    mkdirSync(dir, { recursive: true });
    writeAtlasFiles(graph, join(dir, 'seed.atlas'));
    writeFileSync(join(dir, 'only-json.json'), seedGraphJson());
    writeAtlasFiles(graph, join(dir, 'damaged.atlas'));
    writeFileSync(join(dir, 'damaged.atlas', 'structure.bin'), Buffer.from('PATL\u0001 not a header'));
    // Compact files written before the overview part existed.
    writeAtlasFiles(graph, join(dir, 'no-overview.atlas'));
    const manifest = JSON.parse(readFileSync(join(dir, 'no-overview.atlas', 'manifest.json'), 'utf8'));
    rmSync(join(dir, 'no-overview.atlas', manifest.overview));
    delete manifest.overview;
    writeFileSync(join(dir, 'no-overview.atlas', 'manifest.json'), JSON.stringify(manifest));
  });
  ({ origin, browser } = app);
});

afterAll(() => app?.close());

afterEach(async () => {
  if (!current) return;
  expect(foreignRequests(current.requests, origin)).toEqual([]);
  await current.page.close();
  current = undefined;
});

const open = async (graphPath: string, hash = '', query = '') =>
  (current = await openAtlas(browser, { origin, close: async () => {} }, `/?debug${query}&graph=${encodeURIComponent(graphPath)}${hash}`));
const partsRequested = (requests: string[]) => requests.filter((url) => url.includes('/test-atlas/')).map((url) => new URL(url).pathname.replace('/test-atlas/', ''));

describe('loading compact graph files', () => {
  test('the map comes from the structure; a paper’s text shard is fetched only when it is opened', async () => {
    const atlas = await open('test-atlas/seed.atlas/');
    await waitForMap(atlas.page);
    expect(await atlas.page.getByText(`${graph.order} nodes · ${graph.size} links`).count()).toBe(1);
    const pixels = await screenshotMap(atlas.page, '/tmp/atlas-compact-map.png');
    expect(inkedPixels(pixels) / (pixels.width * pixels.height)).toBeGreaterThan(0.01);
    // In request order, each once (React's development double effects aside).
    const before = [...new Set(partsRequested(atlas.requests))];
    expect(before.slice(0, 2)).toEqual(['seed.atlas/manifest.json', 'seed.atlas/structure.bin']);
    expect(before).toContain('seed.atlas/labels.json.gz');
    expect(before.filter((p) => p.includes('text-'))).toEqual([]);

    // Search works on the titles from the labels part.
    const search = atlas.page.getByRole('combobox', { name: /search/i });
    await search.fill(paper.attributes.title.split(' ')[0]);
    await atlas.page.getByRole('option', { name: new RegExp(paper.attributes.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
    await search.press('Enter');
    const panel = atlas.page.getByRole('complementary', { name: paper.attributes.title });
    await panel.waitFor();
    await panel.getByText(paper.attributes.abstract.slice(0, 60)).waitFor();
    await atlas.page.screenshot({ path: '/tmp/atlas-compact-panel.png' });
    expect([...new Set(partsRequested(atlas.requests))].filter((p) => p.includes('text-'))).toEqual(['seed.atlas/text-0.json.gz']);
    expect(atlas.errors).toEqual([]);
  });

  test('a link to a paper shows its title and abstract once their parts arrive', async () => {
    const atlas = await open('test-atlas/seed.atlas/', `#node=${encodeURIComponent(paper.key)}`);
    const panel = atlas.page.getByRole('complementary', { name: paper.attributes.title });
    await panel.waitFor();
    await panel.getByText(paper.attributes.abstract.slice(0, 60)).waitFor();
    expect(atlas.errors).toEqual([]);
  });

  test('no compact files next to the graph: graph.json beside them is loaded', async () => {
    const atlas = await open('test-atlas/only-json.atlas/');
    await waitForMap(atlas.page);
    expect(await atlas.page.getByText(`${graph.order} nodes · ${graph.size} links`).count()).toBe(1);
    expect([...new Set(partsRequested(atlas.requests))]).toEqual(['only-json.atlas/manifest.json', 'only-json.json']);
    expect(atlas.errors).toEqual([]);
  });

  test('a damaged structure file: a readable error, no canvas', async () => {
    const atlas = await open('test-atlas/damaged.atlas/');
    const alert = atlas.page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('malformed');
    expect(text).toContain('damaged.atlas/structure.bin');
    expect(await atlas.page.locator('canvas').count()).toBe(0);
    expect(atlas.errors).toEqual([]);
  });

  test('a big graph (overview forced on): the first frame comes from the overview part, the structure is read in a worker', async () => {
    const atlas = await open('test-atlas/seed.atlas/', '', '&overview=1');
    await waitForMap(atlas.page);
    expect((await atlas.page.evaluate(() => window.__atlas!.sigma.getGraph().nodes())).sort()).toEqual(communityKeys);
    const parts = [...new Set(partsRequested(atlas.requests))];
    expect(parts[0]).toBe('seed.atlas/manifest.json');
    expect(parts).toContain('seed.atlas/overview.json.gz');
    // The structure was read off the page's thread: only the worker marks when it finished decoding.
    const marks = await atlas.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toContain('atlas:structure-decoded');
    expect(marks.indexOf('atlas:overview-built')).toBeLessThan(marks.indexOf('atlas:first-render'));
    // The graph behind it is the whole graph, searchable.
    expect(await atlas.page.getByText(`${graph.order} nodes · ${graph.size} links`).count()).toBe(1);
    expect(atlas.errors).toEqual([]);
  });

  test('compact files without the overview part: the overview is computed from the structure', async () => {
    const atlas = await open('test-atlas/no-overview.atlas/', '', '&overview=1');
    await waitForMap(atlas.page);
    expect((await atlas.page.evaluate(() => window.__atlas!.sigma.getGraph().nodes())).sort()).toEqual(communityKeys);
    expect(partsRequested(atlas.requests).filter((p) => p.endsWith('overview.json.gz'))).toEqual([]);
    expect(await atlas.page.getByText(`${graph.order} nodes · ${graph.size} links`).count()).toBe(1);
    expect(atlas.errors).toEqual([]);
  });

  test('a damaged structure behind the overview: the overview first, then a readable error', async () => {
    const atlas = await open('test-atlas/damaged.atlas/', '', '&overview=1');
    const alert = atlas.page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('malformed');
    expect(text).toContain('damaged.atlas/structure.bin');
    expect(await atlas.page.evaluate(() => performance.getEntriesByName('atlas:first-render').length)).toBeGreaterThan(0);
    expect(await atlas.page.locator('canvas').count()).toBe(0);
    expect(atlas.errors).toEqual([]);
  });
});
