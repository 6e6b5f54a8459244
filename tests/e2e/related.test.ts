/**
 * "Related papers" in a real browser: a paper's panel lists the papers the graph file ranks as most like
 * it, in that order, and clicking one opens it (and flies the map to it), so related work is one click away.
 */
import { describe, expect, test } from 'vitest';
import type { GraphFile, PaperNode } from '../../src/core/graphFile';
import { atlasSuite } from './suite';
import { nodePosition, seedGraph, settle } from './helpers';

const atlas = atlasSuite();
const graph: GraphFile = seedGraph();
const papers = new Map(graph.nodes.filter((n) => n.attributes.kind === 'paper').map((n) => [n.key, n.attributes as PaperNode]));
const hash = (key: string) => `#node=${encodeURIComponent(key)}`;
const entry = (key: string) => `${papers.get(key)!.title} ${papers.get(key)!.year}`;

describe('related papers in the panel', () => {
  // The paper with the longest list (ties: first in the file), so the order is really checked.
  const [key, paper] = [...papers].reduce((best, next) => (next[1].related.length > best[1].related.length ? next : best));

  test('a paper lists its related papers in the file’s order; a click opens one and flies to it', async () => {
    expect(paper.related.length).toBeGreaterThan(2);
    const page = await atlas.open(hash(key));
    const panel = page.getByRole('complementary', { name: paper.title });
    await panel.waitFor();
    const list = panel.getByRole('list', { name: 'Related papers' });
    expect(await list.getByRole('button').allTextContents()).toEqual(paper.related.map((r) => entry(r.key)));
    await page.screenshot({ path: '/tmp/atlas-related.png' });

    const next = paper.related[1].key;
    await list.getByRole('button', { name: papers.get(next)!.title }).click();
    await page.getByRole('complementary', { name: papers.get(next)!.title }).waitFor();
    expect(page.url()).toContain(hash(next));
    await settle(page);
    const box = (await page.locator('.sigma-container').boundingBox())!;
    const at = (await nodePosition(page, next))!;
    expect(at.x).toBeGreaterThan(box.x);
    expect(at.x).toBeLessThan(box.x + box.width);
    expect(at.y).toBeGreaterThan(box.y);
    expect(at.y).toBeLessThan(box.y + box.height);
    // The opened paper shows its own related papers: one can keep clicking through related work.
    const onward = papers.get(next)!.related.map((r) => entry(r.key));
    expect(onward.length).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Related papers' }).getByRole('button').allTextContents()).toEqual(onward);
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
