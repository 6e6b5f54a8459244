/**
 * The two views of the data in a real browser: the knowledge graph and the co-authorship network
 * (authors only, sized by papers, linked by joint papers), one sigma instance for both; and colour
 * by year with its legend ramp. Both are in the URL, so a link and back/forward restore them.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuthorNode, GraphFile, PaperNode } from '../../src/core/graphFile';
import { parseGraphFile } from '../../src/core/graphFile';
import { yearColor } from '../../src/core/style/yearColors';
import { summarizeTopics } from '../../src/core/topics';
import { atlasSuite } from './suite';
import { changedShare, inkedPixels, nodePosition, screenshotMap, seedGraph, settle } from './helpers';

const atlas = atlasSuite();
const graph: GraphFile = seedGraph();
const authors = graph.nodes.filter((n) => n.attributes.kind === 'author') as { key: string; attributes: AuthorNode }[];
const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper') as { key: string; attributes: PaperNode }[];
const coauthorEdges = graph.edges.filter((e) => e.attributes.kind === 'coauthor');

const drawnGraph = (page: Page) =>
  page.evaluate(() => {
    const g = window.__atlas!.sigma.getGraph();
    return { order: g.order, size: g.size, kinds: [...new Set(g.mapNodes((_k, a) => a.kind))] };
  });
const viewButton = (page: Page, name: string) => page.getByRole('group', { name: 'View' }).getByRole('button', { name });
const canvases = (page: Page) => page.locator('.sigma-container canvas').count();

describe('co-authorship view', () => {
  test('switching shows only authors and their co-authorship links, in one sigma instance; switching back restores the graph', async () => {
    const page = await atlas.open();
    const before = await screenshotMap(page);
    const canvasCount = await canvases(page);
    await page.evaluate(() => ((window.__atlas!.sigma as unknown as { marker: string }).marker = 'first'));

    await viewButton(page, 'Co-authorship').click();
    await expect.poll(() => drawnGraph(page)).toEqual({ order: authors.length, size: coauthorEdges.length, kinds: ['author'] });
    expect(await viewButton(page, 'Co-authorship').getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('view=coauthor');
    await settle(page);
    const network = await screenshotMap(page, '/tmp/atlas-coauthor.png');
    expect(inkedPixels(network)).toBeGreaterThan(network.width * network.height * 0.01);
    expect(changedShare(before, network)).toBeGreaterThan(0.02);
    // Papers are not drawn; the legend counts authors only.
    expect(await nodePosition(page, papers[0].key)).toBeNull();
    expect(await page.getByTestId('count-author').textContent()).toBe(String(authors.length));
    expect(await page.getByRole('checkbox', { name: /^Papers/ }).count()).toBe(0);
    // Same renderer, same WebGL canvases: switching views creates no new contexts.
    expect(await page.evaluate(() => (window.__atlas!.sigma as unknown as { marker?: string }).marker)).toBe('first');
    expect(await canvases(page)).toBe(canvasCount);

    await viewButton(page, 'Knowledge graph').click();
    await expect.poll(() => drawnGraph(page).then((g) => g.order)).toBe(graph.nodes.length);
    expect(page.url()).not.toContain('view=coauthor');
    expect(await canvases(page)).toBe(canvasCount);
  });

  test('node size follows paper count and link thickness joint papers', async () => {
    const page = await atlas.open('#view=coauthor');
    await expect.poll(() => drawnGraph(page).then((g) => g.order)).toBe(authors.length);
    const byPapers = [...authors].sort((a, b) => b.attributes.paperCount - a.attributes.paperCount);
    const most = byPapers[0];
    const fewest = byPapers.at(-1)!;
    expect(most.attributes.paperCount).toBeGreaterThan(fewest.attributes.paperCount);
    const size = (key: string) => page.evaluate((k) => window.__atlas!.sigma.getNodeDisplayData(k)!.size, key);
    expect(await size(most.key)).toBeGreaterThan(await size(fewest.key));

    const byWeight = [...coauthorEdges].sort((a, b) => b.attributes.weight - a.attributes.weight);
    expect(byWeight[0].attributes.weight).toBeGreaterThan(byWeight.at(-1)!.attributes.weight);
    const thickness = (key: string) => page.evaluate((k) => window.__atlas!.sigma.getEdgeDisplayData(k)!.size, key);
    expect(await thickness(byWeight[0].key)).toBeGreaterThan(await thickness(byWeight.at(-1)!.key));
  });

  test('clicking an author opens the same author panel; the view survives a reload and back/forward', async () => {
    const page = await atlas.open();
    await viewButton(page, 'Co-authorship').click();
    await expect.poll(() => drawnGraph(page).then((g) => g.order)).toBe(authors.length);
    await settle(page);
    const at = (await nodePosition(page, 'author:pascal-vincent'))!;
    await page.mouse.click(at.x, at.y);
    const panel = page.getByRole('complementary', { name: 'Pascal Vincent' });
    await panel.waitFor();
    const theirs = papers.filter((p) => p.attributes.authors.includes('author:pascal-vincent')).length;
    expect(await panel.getByRole('list', { name: 'Papers' }).getByRole('button').count()).toBe(theirs);
    expect(page.url()).toContain('view=coauthor');
    expect(page.url()).toContain('node=author%3Apascal-vincent');

    // A copied link reopens the co-authorship view with the author selected.
    const second = await atlas.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await second.goto(page.url());
    await second.waitForFunction(() => window.__atlas !== undefined);
    await second.getByRole('complementary', { name: 'Pascal Vincent' }).waitFor();
    expect(await second.evaluate(() => window.__atlas!.sigma.getGraph().order)).toBe(authors.length);
    expect(await viewButton(second, 'Co-authorship').getAttribute('aria-pressed')).toBe('true');
    await second.close();

    // Back: the author closes; back again: the knowledge graph; forward: the co-authorship view.
    await page.goBack();
    await page.getByRole('complementary', { name: 'Details' }).waitFor();
    expect(await drawnGraph(page).then((g) => g.order)).toBe(authors.length);
    await page.goBack();
    await expect.poll(() => drawnGraph(page).then((g) => g.order)).toBe(graph.nodes.length);
    await page.goForward();
    await expect.poll(() => drawnGraph(page).then((g) => g.order)).toBe(authors.length);
  });

  test('a year filter keeps only the authors with a paper in those years', async () => {
    const page = await atlas.open('#view=coauthor');
    await page.getByRole('group', { name: 'Years' }).getByRole('combobox', { name: 'From' }).selectOption('2023');
    const active = new Set(papers.filter((p) => p.attributes.year >= 2023).flatMap((p) => p.attributes.authors));
    await expect.poll(() => page.getByTestId('count-author').textContent()).toBe(`${active.size} / ${authors.length}`);
    const inactive = authors.find((a) => !active.has(a.key))!;
    expect(await nodePosition(page, inactive.key)).toBeNull();
  });
});

describe('from the keyboard', () => {
  test('Tab from the search box reaches the view and colour switches; Enter and Space press them', async () => {
    const page = await atlas.open();
    await page.getByRole('combobox', { name: /search/i }).focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 5 && (await focused()) !== 'Co-authorship'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Co-authorship');
    await page.keyboard.press('Enter');
    await expect.poll(() => drawnGraph(page).then((g) => g.order)).toBe(authors.length);
    for (let i = 0; i < 5 && (await focused()) !== 'Year'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Year');
    await page.keyboard.press('Space');
    await page.getByTestId('year-ramp').waitFor();
    expect(page.url()).toContain('view=coauthor');
    expect(page.url()).toContain('color=year');
  });
});

describe('co-authorship communities', () => {
  test('the legend and the topics tab list the co-authorship communities; choosing one highlights its authors', async () => {
    const collaboration = graph.attributes.collaboration.communities;
    expect(collaboration.length).toBeGreaterThan(1);
    const parsed = parseGraphFile(graph);
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = summarizeTopics(parsed.graph, collaboration);
    const page = await atlas.open('#view=coauthor');
    const legend = page.getByRole('list', { name: 'Co-author communities' });
    expect((await legend.locator('.legend-name').allTextContents()).slice(1)).toEqual(expected.map((t) => t.label));

    await page.getByRole('tab', { name: 'Topics' }).click();
    const list = page.getByRole('tabpanel', { name: 'Topics' }).getByRole('list', { name: 'Co-author communities' });
    expect(await list.locator('.topic-label').allTextContents()).toEqual(expected.map((t) => t.label));
    const chosen = expected[0];
    const members = authors.filter((a) => a.attributes.collabCommunity === chosen.id).map((a) => a.key);
    const outsider = authors.find((a) => a.attributes.collabCommunity !== chosen.id)!.key;
    await list.getByRole('button', { name: chosen.label }).first().click();
    await settle(page);
    await page.screenshot({ path: '/tmp/atlas-coauthor-topic.png' });
    const color = (key: string) => page.evaluate((k) => window.__atlas!.sigma.getNodeDisplayData(k)!.color, key);
    expect(await color(outsider)).toBe('#e3e4e8');
    for (const key of members) expect(await color(key)).toBe(chosen.color);
  });
});

describe('colour by year', () => {
  test('recolours the map on a sequential ramp, with a legend from the first to the last year', async () => {
    const page = await atlas.open();
    const before = await screenshotMap(page);
    expect(await page.getByTestId('year-ramp').count()).toBe(0);
    await page.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Year' }).click();
    expect(page.url()).toContain('color=year');
    const ramp = page.getByTestId('year-ramp');
    await ramp.waitFor();
    const years = papers.map((p) => p.attributes.year);
    const span: [number, number] = [Math.min(...years), Math.max(...years)];
    expect(await ramp.locator('.year-ramp-labels').textContent()).toBe(`${span[0]}${span[1]}`);
    expect(await ramp.getByRole('img').getAttribute('aria-label')).toContain(`${span[0]}`);

    await settle(page, 300);
    const after = await screenshotMap(page, '/tmp/atlas-year-colours.png');
    expect(changedShare(before, after)).toBeGreaterThan(0.005);
    expect(inkedPixels(after)).toBeGreaterThan(after.width * after.height * 0.02);
    const paper = papers[0];
    const color = await page.evaluate((k) => window.__atlas!.sigma.getNodeDisplayData(k)!.color, paper.key);
    expect(color).toBe(yearColor(paper.attributes.year, span));
    await page.screenshot({ path: '/tmp/atlas-year-page.png' });

    await page.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Community' }).click();
    await expect.poll(() => page.evaluate((k) => window.__atlas!.sigma.getNodeDisplayData(k)!.color, paper.key)).toBe(paper.attributes.color);
    expect(await page.getByTestId('year-ramp').count()).toBe(0);
  });
});
