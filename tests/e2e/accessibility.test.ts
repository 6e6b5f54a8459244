/**
 * What assistive technology meets: axe-core's WCAG 2.1 A/AA rules on every screen a person can
 * reach (the map, the open search, an author, a paper, the error screen), and the things a
 * screen-reader user depends on: a named, described map and live announcements of what changed.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphFile, PaperNode } from '../../src/core/graphFile';
import { atlasSuite } from './suite';
import { atlasPath, foreignRequests, openAtlas, seedGraph } from './helpers';
import { accessibleNode, axeScan, seriousViolations } from './a11y';

const atlas = atlasSuite();
const open = atlas.open;
const graph: GraphFile = seedGraph();
const papers = graph.nodes.filter((n) => n.attributes.kind === 'paper') as { key: string; attributes: PaperNode }[];
const bordesPapers = papers.filter((p) => p.attributes.authors.includes('author:florian-bordes'));

/** Scans the page and fails with every serious or critical violation spelled out. */
async function expectNoSeriousViolations(page: Page, screen: string) {
  const scan = await axeScan(page);
  // Not an empty pass: the rules that matter here found elements to check.
  expect(scan.passed).toEqual(expect.arrayContaining(['color-contrast', 'document-title', 'html-has-lang']));
  expect(seriousViolations(scan), `axe on ${screen}`).toEqual([]);
  return scan;
}

async function searchFor(page: Page, text: string) {
  const search = page.getByRole('combobox', { name: /search/i });
  await search.fill(text);
  return search;
}

describe('axe-core finds no serious or critical WCAG 2.1 A/AA violation', () => {
  test('the scan catches a violation when there is one', async () => {
    const page = await open();
    // A button with no name and faint grey text: what a regression would look like. (Styled
    // through the CSSOM: the page's CSP refuses style attributes in markup.)
    await page.evaluate(() => {
      const unnamed = document.createElement('button');
      const faint = document.createElement('p');
      faint.textContent = 'faint';
      faint.style.color = '#ccc';
      document.querySelector('header')!.append(unnamed, faint);
    });
    const ids = seriousViolations(await axeScan(page)).map((line) => line.split(' ')[1]);
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
  });

  test('on the map as it opens', async () => {
    await expectNoSeriousViolations(await open(), 'the initial map');
  });

  test('with search suggestions open', async () => {
    const page = await open();
    await searchFor(page, 'bordes');
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await page.getByRole('combobox', { name: /search/i }).press('ArrowDown');
    await expectNoSeriousViolations(page, 'the open search');
  });

  test('on an author panel', async () => {
    const page = await open('#node=author%3Aflorian-bordes');
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    await expectNoSeriousViolations(page, 'an author panel');
  });

  test('on a paper panel', async () => {
    const paper = bordesPapers.find((p) => p.attributes.abstract)!;
    const page = await open(`#node=${encodeURIComponent(paper.key)}`);
    await page.getByRole('complementary', { name: paper.attributes.title }).waitFor();
    await expectNoSeriousViolations(page, 'a paper panel');
  });

  test('on the topics tab with a topic chosen', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'Topics' }).click();
    const topics = page.getByRole('list', { name: 'Topics' });
    await topics.getByRole('button', { pressed: false }).first().click();
    await expect.poll(() => topics.getByRole('button', { pressed: true }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'the topics tab');
  });

  test('in the co-authorship view coloured by year, with an author open', async () => {
    const page = await open('#node=author%3Aflorian-bordes&view=coauthor&color=year');
    await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
    await page.getByTestId('year-ramp').waitFor();
    await expectNoSeriousViolations(page, 'the co-authorship view');
  });

  test('on the error screen (no graph file)', async () => {
    const { page, requests, errors } = await openAtlas(atlas.browser, atlas.server, atlasPath('missing.json'));
    try {
      await page.getByRole('alert').waitFor();
      await expectNoSeriousViolations(page, 'the error screen');
      // The message sits in the page's main landmark, where a screen reader looks for content.
      expect(await page.getByRole('main').getByRole('alert').textContent()).toContain('No graph file yet');
      expect(foreignRequests(requests, atlas.server.origin)).toEqual([]);
      expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('screen-reader affordances', () => {
  test('the map is a named region that says what it shows and how to use it', async () => {
    const page = await open();
    const region = await accessibleNode(page, '.graph-view');
    expect(region.role).toBe('region');
    expect(region.name).toBe('Graph map');
    expect(region.description).toContain(`${graph.nodes.length} papers, authors, arXiv categories and affiliations`);
    expect(region.description).toMatch(/click a node/i);
    expect(region.description).toMatch(/search box/i);
    expect(await page.getByRole('region', { name: 'Graph map' }).getByRole('img', { name: `Graph of ${graph.nodes.length} nodes` }).count()).toBe(1);
  });

  test('a polite live region announces each selection, whatever made it, and its clearing', async () => {
    const page = await open();
    const status = page.locator('#selection-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe('');

    const search = await searchFor(page, 'bordes');
    await search.press('Enter');
    await expect.poll(() => status.textContent()).toBe(`Selected author Florian Bordes, ${bordesPapers.length} papers`);

    const paper = bordesPapers.find((p) => p.attributes.authorsTruncated)!;
    await page.getByRole('list', { name: 'Papers' }).getByRole('button', { name: paper.attributes.title }).click();
    const authors = paper.attributes.authors.length;
    await expect.poll(() => status.textContent()).toBe(`Selected paper ${paper.attributes.title}, ${paper.attributes.year}, ${authors} authors et al.`);

    await page.goBack(); // history changes are announced too
    await expect.poll(() => status.textContent()).toBe(`Selected author Florian Bordes, ${bordesPapers.length} papers`);

    await page.keyboard.press('Escape');
    await expect.poll(() => status.textContent()).toBe('Selection cleared');
  });

  test('a polite live region counts the search suggestions as one types, and says when nothing matches', async () => {
    const page = await open();
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    await searchFor(page, 'bordes');
    const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    await options.first().waitFor();
    const shown = await options.count();
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${shown} suggestions?: 1 author[,.]`));

    await searchFor(page, 'vincent');
    await expect.poll(() => options.count()).not.toBe(shown);
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${await options.count()} suggestions?: `));

    await searchFor(page, 'qqxqq');
    await expect.poll(() => status.textContent()).toBe('No match for qqxqq');
  });
});

describe('reduced motion', () => {
  /**
   * Selects Florian Bordes from search and records every camera state until it settles: a glide passes through
   * states between start and end, a jump does not. (Counting states, not frames: a loaded machine may draw
   * only a few frames of a glide, but never none.)
   */
  async function cameraAfterSelecting(page: Page) {
    const search = await searchFor(page, 'Florian Bordes');
    await page.getByRole('option', { name: /Florian Bordes/ }).first().waitFor();
    await page.evaluate(() => {
      const camera = window.__atlas!.sigma.getCamera();
      const seen: { x: number; y: number; ratio: number }[] = [];
      (window as unknown as { __cameraStates: typeof seen }).__cameraStates = seen;
      camera.on('updated', (state) => seen.push({ x: state.x, y: state.y, ratio: state.ratio }));
    });
    await search.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__atlas!.sigma.getCamera().ratio)).toBeLessThan(1);
    await expect.poll(() => page.evaluate(() => window.__atlas!.sigma.getCamera().isAnimated())).toBe(false);
    const settled = await page.evaluate(() => window.__atlas!.sigma.getCamera().getState());
    const states = await page.evaluate(() => (window as unknown as { __cameraStates: { x: number; y: number; ratio: number }[] }).__cameraStates);
    const between = states.filter((s) => s.ratio !== settled.ratio || s.x !== settled.x || s.y !== settled.y);
    return { between, settled };
  }

  test('with prefers-reduced-motion the camera jumps to the selection instead of gliding', async () => {
    const page = await open();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { between, settled } = await cameraAfterSelecting(page);
    expect(settled.ratio).toBeLessThan(1);
    expect(between).toEqual([]);
  });

  test('without it, the camera glides: it passes through states between start and selection', async () => {
    const page = await open();
    const { between } = await cameraAfterSelecting(page);
    expect(between.length).toBeGreaterThan(0);
  });
});
