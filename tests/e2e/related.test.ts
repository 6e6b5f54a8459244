/**
 * "Related papers" in a real browser: a paper's panel lists the papers the graph file ranks as most like
 * it, in that order, each with why (shared authors as links, terms, cluster, citation), and clicking one
 * opens it (and flies the map to it), so a person can walk from paper to paper.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphFile, PaperNode } from '../../src/core/graphFile';
import { formatRelatedReasons } from '../../src/core/details';
import { atlasSuite } from './suite';
import { nodePosition, seedGraph, settle } from './helpers';

const atlas = atlasSuite();
const graph: GraphFile = seedGraph();
const papers = new Map(graph.nodes.filter((n) => n.attributes.kind === 'paper').map((n) => [n.key, n.attributes as PaperNode]));
const names = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
const hash = (key: string) => `#node=${encodeURIComponent(key)}`;
const entry = (key: string) => `${papers.get(key)!.title} ${papers.get(key)!.year}`;
/** The reason line the panel should show, from the file's data (author keys resolved to names). */
const reasonLine = ({ reasons }: PaperNode['related'][number]) =>
  formatRelatedReasons({ ...reasons, sharedAuthors: reasons.sharedAuthors.map((key) => ({ key, name: names.get(key)! })) });
const relatedTitles = (page: Page) => page.getByRole('list', { name: 'Related papers' }).locator('button.related-paper').allTextContents();

async function expectOnMap(page: Page, key: string) {
  await settle(page);
  const box = (await page.locator('.sigma-container').boundingBox())!;
  const at = (await nodePosition(page, key))!;
  expect(at.x).toBeGreaterThan(box.x);
  expect(at.x).toBeLessThan(box.x + box.width);
  expect(at.y).toBeGreaterThan(box.y);
  expect(at.y).toBeLessThan(box.y + box.height);
}

describe('related papers in the panel', () => {
  // The paper with the longest list (ties: first in the file), so the order is really checked.
  const [key, paper] = [...papers].reduce((best, next) => (next[1].related.length > best[1].related.length ? next : best));

  test('a paper lists its related papers in the file’s order; a click opens one and flies to it', async () => {
    expect(paper.related.length).toBeGreaterThan(2);
    const page = await atlas.open(hash(key));
    const panel = page.getByRole('complementary', { name: paper.title });
    await panel.waitFor();
    const list = panel.getByRole('list', { name: 'Related papers' });
    expect(await relatedTitles(page)).toEqual(paper.related.map((r) => entry(r.key)));
    await page.screenshot({ path: '/tmp/atlas-related.png' });

    const next = paper.related[1].key;
    await list.getByRole('button', { name: papers.get(next)!.title }).click();
    await page.getByRole('complementary', { name: papers.get(next)!.title }).waitFor();
    expect(page.url()).toContain(hash(next));
    await expectOnMap(page, next);
    // The opened paper shows its own related papers: one can keep clicking through related work.
    const onward = papers.get(next)!.related.map((r) => entry(r.key));
    expect(onward.length).toBeGreaterThan(0);
    expect(await relatedTitles(page)).toEqual(onward);
  });

  test('each related paper says why it is listed; its shared authors are links', async () => {
    // A paper whose related list includes shared authors, so the links are really checked.
    const [withAuthors, paperWithAuthors] = [...papers].find(([, p]) => p.related.some((r) => r.reasons.sharedAuthors.length > 0))!;
    const page = await atlas.open(hash(withAuthors));
    const list = page.getByRole('complementary', { name: paperWithAuthors.title }).getByRole('list', { name: 'Related papers' });
    await list.waitFor();
    const lines = await list.getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('.related-reasons')?.textContent ?? ''));
    expect(lines).toEqual(paperWithAuthors.related.map(reasonLine));
    expect(lines.some((line) => /shared authors?: /.test(line))).toBe(true);

    const related = paperWithAuthors.related.find((r) => r.reasons.sharedAuthors.length > 0)!;
    const author = related.reasons.sharedAuthors[0];
    const item = list.getByRole('listitem').nth(paperWithAuthors.related.indexOf(related));
    await item.locator('.related-reasons').getByRole('button', { name: names.get(author)!, exact: true }).click();
    await page.getByRole('complementary', { name: names.get(author)! }).waitFor();
    expect(page.url()).toContain(hash(author));
  });

  test('a walk from paper to related paper to related paper, by clicks in the panel, and back through history', async () => {
    // Start where two steps are possible without coming back: a related paper with a related paper of its own.
    const start = [...papers].find(([key, p]) => p.related.some((r) => papers.get(r.key)!.related.some((s) => s.key !== key)))!;
    const first = start[1].related.find((r) => papers.get(r.key)!.related.some((s) => s.key !== start[0]))!.key;
    const second = papers.get(first)!.related.find((s) => s.key !== start[0])!.key;
    const page = await atlas.open(hash(start[0]));
    const walk = [start[0], first, second];
    for (let i = 1; i < walk.length; i++) {
      const from = papers.get(walk[i - 1])!;
      const to = papers.get(walk[i])!;
      await page
        .getByRole('complementary', { name: from.title })
        .getByRole('list', { name: 'Related papers' })
        .locator('button.related-paper', { hasText: to.title })
        .click();
      await page.getByRole('complementary', { name: to.title }).waitFor();
      expect(page.url()).toContain(hash(walk[i]));
      await expectOnMap(page, walk[i]);
    }
    await page.goBack();
    await page.getByRole('complementary', { name: papers.get(first)!.title }).waitFor();
    await page.goBack();
    await page.getByRole('complementary', { name: start[1].title }).waitFor();
  });

  test('a paper with no related paper shows no "Related papers" section', async () => {
    const lonely = [...papers].find(([, p]) => p.related.length === 0)!;
    const page = await atlas.open(hash(lonely[0]));
    const panel = page.getByRole('complementary', { name: lonely[1].title });
    await panel.waitFor();
    expect(await panel.getByRole('heading', { name: 'Authors' }).count()).toBe(1);
    expect(await panel.getByRole('heading', { name: 'Related papers' }).count()).toBe(0);
    expect(await panel.getByRole('list', { name: 'Related papers' }).count()).toBe(0);
  });
});
