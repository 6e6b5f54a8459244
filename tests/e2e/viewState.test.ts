/**
 * Filters and deep links in a real browser: what the legend counts and the map shows when kinds,
 * categories, years or a community are filtered, and that a copied URL reopens the same view.
 */
import { describe, expect, test } from 'vitest';
import type { GraphFile, PaperNode } from '../../src/core/graphFile';
import { atlasSuite } from './suite';
import { inkedPixels, nodePosition, screenshotMap, seedGraph } from './helpers';

const atlas = atlasSuite();
const open = atlas.open;
const graph: GraphFile = seedGraph();
const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper').map((n) => n.attributes as PaperNode);
const total = (kind: string) => graph.nodes.filter((n) => n.attributes.kind === kind).length;

const paperCount = (page: Awaited<ReturnType<typeof open>>) => page.getByTestId('count-paper').textContent();

describe('deep links', () => {
  test('a link with a selected node reopens it, with the camera on it', async () => {
    const page = await open('#node=author%3Aflorian-bordes');
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    await expect.poll(() => page.evaluate(() => window.__atlas!.sigma.getCamera().ratio)).toBeLessThan(1);
    const at = (await nodePosition(page, 'author:florian-bordes'))!;
    const box = (await page.locator('.sigma-container').boundingBox())!;
    expect(at.x).toBeGreaterThan(box.x);
    expect(at.x).toBeLessThan(box.x + box.width);
  });

  test('filters are written to the URL and restored from it', async () => {
    const page = await open();
    await page.getByRole('checkbox', { name: /^Papers/ }).uncheck();
    await page.getByRole('combobox').first().focus(); // leave the checkbox; the URL must already be there
    expect(page.url()).toContain('kinds=author,category,affiliation');
    const link = page.url();

    const second = await atlas.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await second.goto(link);
    await second.waitForFunction(() => window.__atlas !== undefined);
    expect(await second.getByRole('checkbox', { name: /^Papers/ }).isChecked()).toBe(false);
    expect(await second.getByTestId('count-paper').textContent()).toBe(`0 / ${total('paper')}`);
    await second.close();
  });
});

describe('filters hide nodes without moving them', () => {
  test('switching papers off empties their count and removes them from the map', async () => {
    const page = await open();
    const before = inkedPixels(await screenshotMap(page));
    const paperKey = graph.nodes.find((n) => n.attributes.kind === 'paper')!.key;
    const paperAt = await nodePosition(page, paperKey);
    const authorAt = await nodePosition(page, 'author:florian-bordes');
    await page.getByRole('checkbox', { name: /^Papers/ }).uncheck();
    await expect.poll(() => paperCount(page)).toBe(`0 / ${total('paper')}`);
    const after = inkedPixels(await screenshotMap(page, '/tmp/atlas-no-papers.png'));
    expect(after).toBeLessThan(before * 0.9);
    expect(await nodePosition(page, paperKey)).toBeNull();
    // No re-layout: the author is drawn exactly where it was.
    expect(await nodePosition(page, 'author:florian-bordes')).toEqual(authorAt);
    expect(paperAt).not.toBeNull();
  });

  test('categories: none, then one category, shows only its papers', async () => {
    const page = await open();
    const filters = page.getByRole('group', { name: 'Categories' });
    await filters.getByRole('button', { name: 'None' }).click();
    await expect.poll(() => paperCount(page)).toBe(`0 / ${total('paper')}`);
    await filters.getByRole('checkbox', { name: /cs\.CV/ }).check();
    const inCV = papers.filter((p) => p.category === 'cs.CV').length;
    await expect.poll(() => paperCount(page)).toBe(`${inCV} / ${total('paper')}`);
    await expect.poll(() => page.getByTestId('count-category').textContent()).toBe(`1 / ${total('category')}`);
    expect(page.url()).toContain('cat=cs.CV');
  });

  test('a year range keeps only the papers of those years', async () => {
    const page = await open();
    const years = page.getByRole('group', { name: 'Years' });
    await years.getByRole('combobox', { name: 'From' }).selectOption('2023');
    const since2023 = papers.filter((p) => p.year >= 2023).length;
    await expect.poll(() => paperCount(page)).toBe(`${since2023} / ${total('paper')}`);
    expect(page.url()).toMatch(/years=2023-\d{4}/);
  });

  test('choosing a community shows only it, in the legend counts and on the map', async () => {
    const page = await open();
    const biggest = [...graph.attributes.communities].sort((a, b) => b.size - a.size)[0];
    const before = inkedPixels(await screenshotMap(page));
    await page.getByRole('list', { name: 'Communities' }).getByRole('button', { name: biggest.label }).first().click();
    const inCommunity = papers.filter((p) => p.community === biggest.id).length;
    await expect.poll(() => paperCount(page)).toBe(`${inCommunity} / ${total('paper')}`);
    for (const other of graph.attributes.communities.filter((c) => c.id !== biggest.id)) {
      const members = graph.nodes.filter((n) => n.attributes.community === other.id).length;
      expect(await page.getByTestId(`community-count-${other.id}`).textContent()).toBe(`0 / ${members}`);
    }
    expect(inkedPixels(await screenshotMap(page, '/tmp/atlas-community.png'))).toBeLessThan(before * 0.7);
  });
});
