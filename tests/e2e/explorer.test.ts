/**
 * A newcomer's path through the explorer in a real browser: see the map, find a person, read
 * their papers, follow a paper to its authors and back, hover, clear, step back in history.
 */
import { describe, expect, test } from 'vitest';
import type { GraphFile, PaperNode } from '../../src/core/graphFile';
import { atlasSuite } from './suite';
import { changedShare, distinctColours, inkedPixels, nodePosition, screenshotMap, seedGraph, settle } from './helpers';

const atlas = atlasSuite();
const open = atlas.open;
const graph: GraphFile = seedGraph();
const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper') as { key: string; attributes: PaperNode }[];
const papersOf = (author: string) => papers.filter((p) => p.attributes.authors.includes(author));

describe('the explorer', () => {
  test('draws the graph in community colours, with a legend of kinds and communities', async () => {
    const page = await open();
    const pixels = await screenshotMap(page, '/tmp/atlas-map.png');
    // Not a blank canvas: a good share of the map is inked, in many colours (communities).
    expect(inkedPixels(pixels)).toBeGreaterThan(pixels.width * pixels.height * 0.02);
    expect(distinctColours(pixels)).toBeGreaterThan(30);

    const counts = (kind: string) => graph.nodes.filter((n) => n.attributes.kind === kind).length;
    for (const kind of ['paper', 'author', 'category', 'affiliation']) {
      await expect.poll(() => page.getByTestId(`count-${kind}`).textContent()).toBe(String(counts(kind)));
    }
    const communities = page.getByRole('list', { name: 'Communities' }).getByRole('button');
    // "All communities" plus one entry per community, each with its label.
    expect(await communities.count()).toBe(graph.attributes.communities.length + 1);
    for (const c of graph.attributes.communities) await expect.poll(() => communities.filter({ hasText: c.label }).count()).toBeGreaterThan(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'self'");
  });

  test('searching "bordes" and pressing Enter opens the author with all of his papers', async () => {
    const page = await open();
    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill('bordes');
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    await listbox.waitFor();
    expect(await listbox.getByRole('group').first().textContent()).toMatch(/^Authors/);
    await page.screenshot({ path: '/tmp/atlas-search.png' });
    await search.press('Enter');

    const panel = page.getByRole('complementary', { name: 'Florian Bordes' });
    await panel.waitFor();
    const expected = papersOf('author:florian-bordes').map((p) => p.attributes.title).sort();
    const listed = await panel.getByRole('list', { name: 'Papers' }).getByRole('button').allTextContents();
    expect(listed.map((t) => t.replace(/ \d{4}$/, '')).sort()).toEqual(expected);
    expect(page.url()).toContain('#node=author%3Aflorian-bordes');
    await settle(page);
    await page.screenshot({ path: '/tmp/atlas-author.png' });
  });

  test('arrow keys move through suggestions (aria-activedescendant) and Enter takes the active one', async () => {
    const page = await open();
    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill('vincent');
    await page.getByRole('listbox').waitFor();
    const options = page.getByRole('option');
    expect(await options.count()).toBeGreaterThan(1);
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    const second = options.nth(1);
    expect(await search.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    expect(await second.getAttribute('aria-selected')).toBe('true');
    const label = (await second.locator('.search-option-label').textContent())!;
    await search.press('Enter');
    await expect.poll(() => page.locator('#details-title').textContent()).toBe(label);
  });

  test('a paper in the panel opens with its authors in order, et al., abstract and an outbound link', async () => {
    const page = await open('#node=author%3Aflorian-bordes');
    const paper = papersOf('author:florian-bordes').find((p) => p.attributes.authorsTruncated && p.attributes.abstract)!;
    await page.getByRole('list', { name: 'Papers' }).getByRole('button', { name: paper.attributes.title }).click();

    const panel = page.getByRole('complementary', { name: paper.attributes.title });
    await panel.waitFor();
    const authorNames = paper.attributes.authors.map((a) => graph.nodes.find((n) => n.key === a)!.attributes.label);
    expect(await panel.getByRole('list', { name: 'Authors' }).getByRole('button').allTextContents()).toEqual(authorNames);
    expect(await panel.getByText(/^et al\./).count()).toBe(1);
    expect(await panel.locator('.abstract').textContent()).toBe(paper.attributes.abstract);
    const link = panel.getByRole('link', { name: /arXiv/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('href')).toContain(encodeURIComponent(paper.attributes.title));
    await page.screenshot({ path: '/tmp/atlas-paper.png' });

    // Paper → author → paper, by clicks in the panel only.
    const coauthor = paper.attributes.authors.find((a) => a !== 'author:florian-bordes')!;
    const coauthorName = graph.nodes.find((n) => n.key === coauthor)!.attributes.label;
    await panel.getByRole('button', { name: coauthorName, exact: true }).click();
    await page.getByRole('complementary', { name: coauthorName }).waitFor();
    expect(page.url()).toContain(`#node=${encodeURIComponent(coauthor)}`);
  });

  test('hovering a node highlights its neighbourhood; moving off restores the picture', async () => {
    const page = await open();
    const before = await screenshotMap(page);
    const at = (await nodePosition(page, 'author:pascal-vincent'))!;
    await page.mouse.move(at.x, at.y);
    await settle(page, 200);
    const hovered = await screenshotMap(page, '/tmp/atlas-hover.png');
    // The rest fades and unrelated edges hide: a large part of the picture changes.
    expect(changedShare(before, hovered)).toBeGreaterThan(0.01);
    await page.mouse.move(5, 200);
    await settle(page, 200);
    expect(changedShare(before, await screenshotMap(page))).toBeLessThan(0.002);
  });

  test('clicking a node selects it; a click on empty space and Escape clear the selection', async () => {
    const page = await open();
    const at = (await nodePosition(page, 'author:pascal-vincent'))!;
    await page.mouse.click(at.x, at.y);
    await page.getByRole('complementary', { name: 'Pascal Vincent' }).waitFor();
    // The highlight stays after the mouse leaves.
    const box = (await page.locator('.sigma-container').boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + 3);
    await settle(page, 200);
    const selectedPicture = await screenshotMap(page);
    await page.mouse.click(box.x + 3, box.y + 3);
    await page.getByRole('complementary', { name: 'Details' }).waitFor();
    await settle(page, 200);
    expect(changedShare(selectedPicture, await screenshotMap(page))).toBeGreaterThan(0.01);

    await page.mouse.click(at.x, at.y);
    await page.getByRole('complementary', { name: 'Pascal Vincent' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Details' }).waitFor();
    expect(page.url()).not.toContain('#node=');
  });

  test('back and forward step through selections', async () => {
    const page = await open();
    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill('bordes');
    await search.press('Enter');
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    await page.getByRole('list', { name: 'Co-authors' }).getByRole('button').first().click();
    const coauthor = (await page.locator('#details-title').textContent())!;
    expect(coauthor).not.toBe('Florian Bordes');

    await page.goBack();
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    await page.goBack();
    await page.getByRole('complementary', { name: 'Details' }).waitFor();
    await page.goForward();
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
  });

  test('zoom buttons zoom the map and fit brings the whole graph back', async () => {
    const page = await open();
    const ratio = () => page.evaluate(() => window.__atlas!.sigma.getCamera().ratio);
    const start = await ratio();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(ratio).toBeLessThan(start);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(ratio).toBeGreaterThan(start);
    await page.getByRole('button', { name: 'Fit the whole graph' }).click();
    await expect.poll(ratio).toBe(1);
  });
});
