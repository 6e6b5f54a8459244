/**
 * The explorer with a keyboard only, no mouse at all: from the top of the page to an author, a
 * paper, a co-author and back to the search box; the filters and zoom buttons; focus always
 * somewhere sensible and always visible. And a deep link, which must not steal focus on load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphFile, PaperNode } from '../../src/core/graphFile';
import { serializeGraph } from '../../src/core/graphFile';
import { parseListing } from '../../src/core/ingest/listing';
import { runPipeline } from '../../src/core/pipeline';
import { atlasSuite } from './suite';
import { ROOT, seedGraph, seedGraphJson } from './helpers';
import { focusState } from './a11y';

/** The seed plus 45 papers by Pascal Vincent: an author whose paper list is long enough to fold. */
function longListsGraphJson(): string {
  const seed = readFileSync(join(ROOT, 'data/seed-papers.txt'), 'utf8');
  const extra = Array.from({ length: 45 }, (_, i) => `LGMar ${(i % 28) + 1}, 2021\nA Study of Long Lists Number ${i + 1}Pascal Vincent, Ada Lovelace\nAbstract ${i + 1}.`);
  return serializeGraph(runPipeline([parseListing([seed, ...extra].join('\n'), 'long-lists.txt')]).graph);
}

const atlas = atlasSuite(() => ({ 'seed.json': seedGraphJson(), 'long-lists.json': longListsGraphJson() }));
const open = atlas.open;
const graph: GraphFile = seedGraph();
const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper') as { key: string; attributes: PaperNode }[];
const bordesPapers = papers.filter((p) => p.attributes.authors.includes('author:florian-bordes'));

/** Asserts focus is on `expected` (a substring of its description) and draws an unclipped ring. */
async function expectFocusVisibleOn(page: Page, expected: string | RegExp) {
  const focus = await focusState(page);
  expect(focus.element).toMatch(expected);
  expect(focus, `focus ring of ${focus.element}`).toMatchObject({ ring: true, clippedBy: null });
}

/** Presses Tab until `done` says yes (at most `max` times); every stop on the way shows its ring. */
async function tabUntil(page: Page, done: () => Promise<boolean>, max = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusState(page);
    stops.push(focus.element);
    expect(focus, `focus ring at Tab stop ${i + 1}: ${focus.element}`).toMatchObject({ ring: true, clippedBy: null });
    if (await done()) return stops;
  }
  throw new Error(`never got there; Tab stops were:\n${stops.join('\n')}`);
}

const focusedIn = (page: Page, selector: string) => () => page.evaluate((s) => document.activeElement?.closest(s) !== null, selector);
const cameraRatio = (page: Page) => page.evaluate(() => window.__atlas!.sigma.getCamera().ratio);
const cameraMoving = (page: Page) => page.evaluate(() => window.__atlas!.sigma.getCamera().isAnimated());
const heading = (page: Page) => page.locator('#details-title');

describe('keyboard only', () => {
  test('search → author → paper → co-author → Escape back to the search box, focus always in view', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    await expectFocusVisibleOn(page, /^input#search-input/);

    await page.keyboard.type('bordes');
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await page.keyboard.press('Enter');
    // Focus moves to the panel heading: what was opened is read, and Tab continues from there.
    await expect.poll(() => heading(page).textContent()).toBe('Florian Bordes');
    await expectFocusVisibleOn(page, /^h2#details-title "Florian Bordes"/);

    await page.keyboard.press('Tab');
    expect(await focusedIn(page, 'ol[aria-label="Papers"]')()).toBe(true);
    const firstPaper = (await page.evaluate(() => document.activeElement!.querySelector('.item-title')!.textContent))!;
    expect(bordesPapers.map((p) => p.attributes.title)).toContain(firstPaper);
    await expectFocusVisibleOn(page, /^button\.node-link/);

    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: firstPaper }).waitFor();
    await expectFocusVisibleOn(page, `h2#details-title "${firstPaper.slice(0, 30)}`);

    // On through the paper's panel to its authors; Space works like Enter on a button.
    await tabUntil(page, focusedIn(page, 'ol[aria-label="Authors"]'), 10);
    const author = (await page.evaluate(() => document.activeElement!.textContent))!;
    await page.keyboard.press('Space');
    await page.getByRole('complementary', { name: author }).waitFor();
    await expectFocusVisibleOn(page, `h2#details-title "${author}"`);

    await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Details' }).waitFor();
    expect(page.url()).not.toContain('#node=');
    await expectFocusVisibleOn(page, /^input#search-input/);
    // Focus came back without covering the page with the last query's suggestions.
    expect(await page.getByRole('listbox', { name: 'Suggestions' }).isVisible()).toBe(false);
  });

  test('kind and category filters, a community and the zoom buttons work with Space and Enter', async () => {
    const page = await open();
    await page.getByRole('combobox', { name: /search/i }).focus();
    const papersBox = page.getByRole('checkbox', { name: /^Papers/ });

    await tabUntil(page, () => papersBox.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('count-paper').textContent()).toBe(`0 / ${papers.length}`);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('count-paper').textContent()).toBe(`${papers.length}`);

    const community = page.getByRole('list', { name: 'Communities' }).getByRole('button').nth(1);
    await tabUntil(page, () => community.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Enter');
    await expect.poll(() => community.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => community.getAttribute('aria-pressed')).toBe('false');

    // "None" turns itself off but keeps the focus (a disabled button would drop it to <body>).
    const none = page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'None' });
    await tabUntil(page, () => none.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('count-paper').textContent()).toBe(`0 / ${papers.length}`);
    expect(await none.getAttribute('aria-disabled')).toBe('true');
    await expectFocusVisibleOn(page, /^button "None"/);
    const cvBox = page.getByRole('checkbox', { name: /cs\.CV/ });
    await tabUntil(page, () => cvBox.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Space');
    expect(page.url()).toContain('cat=cs.CV');

    const start = await cameraRatio(page);
    await tabUntil(page, () => page.getByRole('button', { name: 'Zoom in' }).evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Enter');
    await expect.poll(() => cameraRatio(page)).toBeLessThan(start);
    // Each press animates from where the camera is: let one finish before the next (a loaded machine draws slowly).
    await expect.poll(() => cameraMoving(page)).toBe(false);
    const zoomedIn = await cameraRatio(page);
    await page.keyboard.press('Tab');
    await expectFocusVisibleOn(page, /^button "Zoom out"/);
    await page.keyboard.press('Space');
    await expect.poll(() => cameraRatio(page)).toBeGreaterThan(zoomedIn);
    await expect.poll(() => cameraMoving(page)).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => cameraRatio(page)).toBeGreaterThan(start);
    await page.keyboard.press('Tab');
    await expectFocusVisibleOn(page, /^button "Fit the whole graph"/);
    await page.keyboard.press('Enter');
    await expect.poll(() => cameraRatio(page)).toBe(1);
    await page.screenshot({ path: '/tmp/atlas-keyboard-zoom.png' });
  });

  test('"Show all" hands focus to the first newly shown paper, not to the page', async () => {
    const page = await open('', 'long-lists.json');
    const search = page.getByRole('combobox', { name: /search/i });
    await search.focus();
    await page.keyboard.type('pascal vincent');
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Pascal Vincent' }).waitFor();
    const showAll = page.getByRole('button', { name: /^Show all \d+$/ });
    await tabUntil(page, () => showAll.evaluate((el) => el === document.activeElement), 60);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li') !== null)).toBe(true);
    // The 41st item: the first one the fold hid.
    const position = await page.evaluate(() => [...document.activeElement!.closest('ol')!.children].indexOf(document.activeElement!.closest('li')!));
    expect(position).toBe(40);
    await expectFocusVisibleOn(page, /^button\.node-link/);
  });
});

describe('focus and deep links', () => {
  test('a deep link opens the panel but leaves focus at the top: the first Tab reaches the search box', async () => {
    const page = await open('#node=author%3Aflorian-bordes');
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    expect((await focusState(page)).element).toBe('body');
    await page.keyboard.press('Tab');
    await expectFocusVisibleOn(page, /^input#search-input/);
  });

  test('a click on a node takes focus to the panel heading, ready for Tab', async () => {
    const page = await open();
    const at = (await page.evaluate(() => window.__atlas!.nodePosition('author:pascal-vincent')))!;
    await page.mouse.click(at.x, at.y);
    await page.getByRole('complementary', { name: 'Pascal Vincent' }).waitFor();
    expect((await focusState(page)).element).toMatch(/^h2#details-title "Pascal Vincent"/);
  });

  test('back/forward while focus is in a panel list keeps focus in the panel, not on <body>', async () => {
    const page = await open();
    await page.getByRole('combobox', { name: /search/i }).focus();
    await page.keyboard.type('bordes');
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // opens the first paper; focus on its heading
    await page.keyboard.press('Tab');
    await page.goBack(); // the focused button goes away with the paper's panel
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    await expect.poll(async () => (await focusState(page)).element).toMatch(/^h2#details-title "Florian Bordes"/);
    await page.goBack(); // and with no selection left, to the search box
    await page.getByRole('complementary', { name: 'Details' }).waitFor();
    await expect.poll(async () => (await focusState(page)).element).toMatch(/^input#search-input/);
  });
});
