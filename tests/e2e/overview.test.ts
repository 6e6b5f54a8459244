/**
 * The level-of-detail overview in a real browser, forced on (`?overview=1`) for the seed graph on its compact
 * files (the path big graphs take: the overview is drawn from the decoded structure, the graph built after):
 * one node per community; a click opens that community framed, the others faded, drawn with its neighbourhood
 * only (the whole graph once it is cleared or the selection leaves it); a button returns; zooming far in shows
 * every node; a search result picked on the overview lands on its node.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Graph from 'graphology';
import type { AtlasGraph, PaperNode } from '../../src/core/graphFile';
import { writeAtlasFiles } from '../../src/core/graphFile/compact/node';
import { buildOverview, communityKey, groupNeighbourhood, overviewInputFromGraph } from '../../src/core/overview';
import { axeScan, seriousViolations } from './a11y';
import { foreignRequests, inkedPixels, nodePosition, openAtlas, screenshotMap, seedGraph, seedGraphJson, serveBuiltApp, settle, type AtlasPage, type BuiltApp } from './helpers';

const FADED = '#e3e4e8';
const file = seedGraph();
const graph = Graph.from(file) as AtlasGraph;
const overview = buildOverview(overviewInputFromGraph(graph));
const biggest = [...overview.communities].sort((a, b) => b.members - a.members)[0];
const members = graph.filterNodes((_k, n) => n.community === biggest.id);
const neighbourhood = groupNeighbourhood(graph, new Set(members));
const papers = file.nodes.filter((n) => n.attributes.kind === 'paper') as { key: string; attributes: PaperNode }[];
/** A paper outside the biggest community whose first title word no other paper starts with: a one-hit search. */
const uniqueFirstWord = (p: { attributes: PaperNode }) => papers.filter((o) => o.attributes.title.split(' ')[0] === p.attributes.title.split(' ')[0]).length === 1;
const paper = papers.find((p) => p.attributes.community !== biggest.id && uniqueFirstWord(p))!;
/** One inside the biggest community. */
const memberPaper = papers.find((p) => p.attributes.community === biggest.id && uniqueFirstWord(p))!;

let app: BuiltApp;
let origin: string;
let browser: Browser;
let current: AtlasPage | undefined;

beforeAll(async () => {
  app = await serveBuiltApp('overview-e2e', (outDir) => {
    mkdirSync(join(outDir, 'test-atlas'), { recursive: true });
    writeAtlasFiles(graph, join(outDir, 'test-atlas', 'seed.atlas'));
    writeFileSync(join(outDir, 'test-atlas', 'seed.json'), seedGraphJson());
  });
  ({ origin, browser } = app);
});

afterAll(() => app?.close());

afterEach(async () => {
  if (!current) return;
  expect(foreignRequests(current.requests, origin)).toEqual([]);
  expect(current.errors).toEqual([]);
  await current.page.close();
  current = undefined;
});

/** Opens the seed with the overview forced on and waits until the graph behind it is built too. */
async function openOverview(graphPath = 'test-atlas/seed.atlas/', hash = ''): Promise<Page> {
  current = await openAtlas(browser, { origin, close: async () => {} }, `/?debug&overview=1&graph=${encodeURIComponent(graphPath)}${hash}`);
  await current.page.waitForFunction(() => window.__atlas !== undefined);
  await settle(current.page);
  return current.page;
}

const drawn = (page: Page) => page.evaluate(() => window.__atlas!.sigma.getGraph().nodes());
const drawnOrder = (page: Page) => page.evaluate(() => window.__atlas!.sigma.getGraph().order);
const displayColor = (page: Page, node: string) => page.evaluate((key) => window.__atlas!.sigma.getNodeDisplayData(key)?.color, node);
const levelBar = (page: Page) => page.getByRole('group', { name: 'Level of detail' });

/** Clicks the biggest community's node on the overview. */
async function clickBiggest(page: Page): Promise<void> {
  const at = (await nodePosition(page, biggest.key))!;
  await page.mouse.click(at.x, at.y);
}

/** Opens the biggest community and waits until its neighbourhood is drawn and still. */
async function openBiggest(page: Page): Promise<void> {
  await clickBiggest(page);
  await expect.poll(() => drawnOrder(page)).toBe(neighbourhood.order);
  await settle(page);
}

/** Searches for a paper by the first word of its title and picks the first suggestion; waits for its panel. */
async function pickFromSearch(page: Page, title: string): Promise<void> {
  const search = page.getByRole('combobox', { name: /search/i });
  await search.fill(title.split(' ')[0]);
  await page.getByRole('option').first().waitFor();
  await search.press('Enter');
  await page.getByRole('complementary', { name: title }).waitFor();
}

async function insideMap(page: Page, node: string): Promise<boolean> {
  const at = await nodePosition(page, node);
  const box = (await page.locator('.sigma-container').boundingBox())!;
  return at !== null && at.x >= box.x && at.x <= box.x + box.width && at.y >= box.y && at.y <= box.y + box.height;
}

describe('the level-of-detail overview', () => {
  test('opens on one node per community, drawn and labelled; hovering one fades the unrelated', async () => {
    const page = await openOverview();
    expect((await drawn(page)).sort()).toEqual(overview.communities.map((c) => c.key).sort());
    expect(overview.communities.length).toBe(file.attributes.communities.length);
    const pixels = await screenshotMap(page, '/tmp/atlas-overview-map.png');
    expect(inkedPixels(pixels) / (pixels.width * pixels.height)).toBeGreaterThan(0.01);
    expect(await levelBar(page).textContent()).toContain(`${overview.communities.length} communities of ${graph.order} nodes`);
    expect(await page.getByRole('img', { name: `Overview of ${overview.communities.length} communities` }).count()).toBe(1);
    // Drawn where its members are, in its colour.
    expect(await displayColor(page, biggest.key)).toBe(biggest.color);

    const linked = new Set(overview.links.flatMap((l) => (l.source === biggest.id ? [l.target] : l.target === biggest.id ? [l.source] : [])));
    const unrelated = overview.communities.find((c) => c.id !== biggest.id && !linked.has(c.id))!;
    const at = (await nodePosition(page, biggest.key))!;
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => displayColor(page, unrelated.key)).toBe(FADED);
    if (linked.size) expect(await displayColor(page, communityKey([...linked][0]))).not.toBe(FADED);
    await page.screenshot({ path: '/tmp/atlas-overview-hover.png' });
    await page.mouse.move(5, 500);
    await expect.poll(() => displayColor(page, unrelated.key)).not.toBe(FADED);
    expect(seriousViolations(await axeScan(page)), 'axe on the overview').toEqual([]);
  });

  test('the legend\'s community filter leaves only that community on the overview', async () => {
    const page = await openOverview();
    await page.getByRole('list', { name: 'Communities' }).getByRole('button').filter({ hasText: biggest.label }).first().click();
    const hidden = (key: string) => page.evaluate((k) => window.__atlas!.sigma.getNodeDisplayData(k)?.hidden, key);
    const other = overview.communities.find((c) => c.id !== biggest.id)!;
    await expect.poll(() => hidden(other.key)).toBe(true);
    expect(await hidden(biggest.key)).toBe(false);
    await screenshotMap(page, '/tmp/atlas-overview-filtered.png');
  });

  test('a click on a community draws it with its neighbourhood, framed, the others faded; Escape draws the whole graph; a button returns', async () => {
    const page = await openOverview();
    const canvases = await page.locator('.sigma-container canvas').count();
    await clickBiggest(page);
    // Only what the opened community needs: its members, their neighbours, the edges that touch it.
    await expect.poll(() => drawnOrder(page)).toBe(neighbourhood.order);
    expect(neighbourhood.order).toBeLessThan(graph.order);
    expect(await page.evaluate(() => window.__atlas!.sigma.getGraph().size)).toBe(neighbourhood.size);
    await settle(page);
    const outsider = neighbourhood.findNode((_key, n) => n.community !== biggest.id)!;
    expect(await displayColor(page, outsider)).toBe(FADED);
    const far = graph.findNode((key) => !neighbourhood.hasNode(key))!;
    expect(await displayColor(page, far)).toBeUndefined();
    for (const key of members) {
      expect(await displayColor(page, key)).not.toBe(FADED);
      expect(await insideMap(page, key), `${key} is on screen`).toBe(true);
    }
    const pixels = await screenshotMap(page, '/tmp/atlas-overview-community.png');
    expect(inkedPixels(pixels) / (pixels.width * pixels.height)).toBeGreaterThan(0.01);
    // The same sigma instance draws both levels: no new WebGL contexts.
    expect(await page.locator('.sigma-container canvas').count()).toBe(canvases);

    expect(seriousViolations(await axeScan(page)), 'axe on an opened community').toEqual([]);

    // Clearing the community shows everything.
    await page.keyboard.press('Escape');
    await expect.poll(() => drawnOrder(page)).toBe(graph.order);
    await settle(page);
    expect(await displayColor(page, far)).not.toBe(FADED);

    await levelBar(page).getByRole('button', { name: /overview/i }).click();
    await expect.poll(() => drawnOrder(page)).toBe(overview.communities.length);
    await settle(page);
    expect(await displayColor(page, biggest.key)).toBe(biggest.color);
    await screenshotMap(page, '/tmp/atlas-overview-back.png');
  });

  test('in an opened community a member can be selected (still drawn in part); a node outside it draws the whole graph', async () => {
    const page = await openOverview();
    await openBiggest(page);
    await pickFromSearch(page, memberPaper.attributes.title);
    await settle(page);
    expect(await drawnOrder(page)).toBe(neighbourhood.order);
    expect(await page.evaluate((key) => window.__atlas!.sigma.getNodeDisplayData(key)?.highlighted, memberPaper.key)).toBe(true);

    await pickFromSearch(page, paper.attributes.title);
    await expect.poll(() => drawnOrder(page)).toBe(graph.order);
  });

  test('another topic chosen in an opened community is drawn in part too, and framed', async () => {
    const page = await openOverview();
    await openBiggest(page);
    // A smaller community, away from the biggest one.
    const other = [...overview.communities].sort((a, b) => b.members - a.members).find((c) => c.id !== biggest.id && c.members >= 3)!;
    const otherMembers = graph.filterNodes((_k, n) => n.community === other.id);
    const otherNeighbourhood = groupNeighbourhood(graph, new Set(otherMembers));
    await page.getByRole('tab', { name: 'Topics' }).click();
    await page.getByRole('tabpanel', { name: 'Topics' }).getByRole('button', { name: other.label }).click();
    await expect.poll(() => drawnOrder(page)).toBe(otherNeighbourhood.order);
    await settle(page, 1200);
    for (const key of otherMembers) {
      expect(await displayColor(page, key)).not.toBe(FADED);
      expect(await insideMap(page, key), `${key} is on screen`).toBe(true);
    }
    await screenshotMap(page, '/tmp/atlas-overview-other-topic.png');
  });

  test('zooming far into the overview shows every node; "Show all nodes" does too', async () => {
    const page = await openOverview();
    await page.evaluate(() => window.__atlas!.sigma.getCamera().setState({ ratio: 0.1 }));
    await expect.poll(() => drawnOrder(page)).toBe(graph.order);
    await levelBar(page).getByRole('button', { name: /overview/i }).click();
    await expect.poll(() => drawnOrder(page)).toBe(overview.communities.length);
    await levelBar(page).getByRole('button', { name: 'Show all nodes' }).click();
    await expect.poll(() => drawnOrder(page)).toBe(graph.order);
  });

  test('a search result picked on the overview lands on its node in the full graph', async () => {
    const page = await openOverview();
    await pickFromSearch(page, paper.attributes.title);
    await expect.poll(() => drawnOrder(page)).toBe(graph.order);
    await settle(page, 1200);
    expect(page.url()).toContain(`#node=${encodeURIComponent(paper.key)}`);
    expect(await page.evaluate((key) => window.__atlas!.sigma.getNodeDisplayData(key)?.highlighted, paper.key)).toBe(true);
    expect(await insideMap(page, paper.key)).toBe(true);
    await page.screenshot({ path: '/tmp/atlas-overview-search.png' });
    // Clearing the selection stays in the full graph.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await settle(page);
    expect(await drawnOrder(page)).toBe(graph.order);
  });

  test('a link to a node opens the full graph at it; graph.json gets the same overview', async () => {
    const linked = await openOverview('test-atlas/seed.atlas/', `#node=${encodeURIComponent(paper.key)}`);
    await linked.getByRole('complementary', { name: paper.attributes.title }).waitFor();
    expect(await drawnOrder(linked)).toBe(graph.order);
    await current!.page.close();
    current = undefined;

    const page = await openOverview('test-atlas/seed.json');
    expect((await drawn(page)).sort()).toEqual(overview.communities.map((c) => c.key).sort());
  });
});
