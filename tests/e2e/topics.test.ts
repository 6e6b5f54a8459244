/**
 * The topics panel in a real browser: the communities as named clusters with their facts, biggest
 * first; choosing one frames it and fades the rest of the map; choosing it again or Escape lets go.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphFile } from '../../src/core/graphFile';
import { summarizeTopics } from '../../src/core/topics';
import { parseGraphFile } from '../../src/core/graphFile';
import { atlasSuite } from './suite';
import { changedShare, inkedPixels, nodePosition, screenshotMap, seedGraph, settle } from './helpers';

const atlas = atlasSuite();
const graph: GraphFile = seedGraph();
const parsed = parseGraphFile(graph);
if (!parsed.ok) throw new Error(parsed.error);
const topics = summarizeTopics(parsed.graph, graph.attributes.communities);
const FADED = '#e3e4e8';

const topicList = (page: Page) => page.getByRole('tabpanel', { name: 'Topics' }).getByRole('list', { name: 'Topics' });
const displayColor = (page: Page, node: string) => page.evaluate((key) => window.__atlas!.sigma.getNodeDisplayData(key)?.color, node);

async function openTopics(page: Page) {
  await page.getByRole('tab', { name: 'Topics' }).click();
  await topicList(page).waitFor();
}

describe('topics panel', () => {
  test('lists every community biggest first, with label, facts and top authors; the legend uses the same labels', async () => {
    const page = await atlas.open();
    const legendLabels = await page.getByRole('list', { name: 'Communities' }).locator('.legend-name').allTextContents();
    await openTopics(page);
    const items = topicList(page).getByRole('listitem');
    expect(await items.count()).toBe(graph.attributes.communities.length);
    const labels = await topicList(page).locator('.topic-label').allTextContents();
    expect(labels).toEqual(topics.map((t) => t.label));
    // The legend lists the same clusters under the same names, in the same order, after "All communities".
    expect(legendLabels.slice(1)).toEqual(labels);
    expect(await topicList(page).locator('.topic-facts').first().textContent()).toBe(topics[0].facts);
    expect(topics[0].facts).toMatch(/^\d+ papers · \d{4}–\d{4}$/);
    const firstAuthors = await items.first().getByRole('paragraph').filter({ hasText: 'Top authors' }).getByRole('button').allTextContents();
    expect(firstAuthors).toEqual(topics[0].topAuthors.map((a) => a.name));
    await page.screenshot({ path: '/tmp/atlas-topics.png' });
  });

  test('choosing a topic frames its nodes and fades the rest; again, or Escape, restores the map', async () => {
    const page = await atlas.open();
    await openTopics(page);
    const before = await screenshotMap(page);
    // A mid-sized topic, so framing it really moves the camera.
    const topic = topics[2];
    const members = graph.nodes.filter((n) => n.attributes.community === topic.id).map((n) => n.key);
    const outsider = graph.nodes.find((n) => n.attributes.community !== topic.id)!.key;
    const button = topicList(page).getByRole('button', { name: topic.label });
    await button.click();
    await settle(page);
    expect(await button.getAttribute('aria-pressed')).toBe('true');

    const chosen = await screenshotMap(page, '/tmp/atlas-topic-chosen.png');
    expect(changedShare(before, chosen)).toBeGreaterThan(0.02);
    expect(inkedPixels(chosen)).toBeGreaterThan(chosen.width * chosen.height * 0.005);
    expect(await page.evaluate(() => window.__atlas!.sigma.getCamera().ratio)).toBeLessThan(1);
    // Every member is in view, in its own colour; the rest are faded.
    const box = (await page.locator('.sigma-container').boundingBox())!;
    for (const key of members) {
      const at = (await nodePosition(page, key))!;
      expect(at.x).toBeGreaterThanOrEqual(box.x);
      expect(at.x).toBeLessThanOrEqual(box.x + box.width);
      expect(at.y).toBeGreaterThanOrEqual(box.y);
      expect(at.y).toBeLessThanOrEqual(box.y + box.height);
      expect(await displayColor(page, key)).not.toBe(FADED);
    }
    expect(await displayColor(page, outsider)).toBe(FADED);

    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await displayColor(page, outsider)).not.toBe(FADED);

    await button.click();
    expect(await displayColor(page, outsider)).toBe(FADED);
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await displayColor(page, outsider)).not.toBe(FADED);
  });

  test('a top author in a topic opens that author’s panel', async () => {
    const page = await atlas.open();
    await openTopics(page);
    const author = topics[0].topAuthors[0];
    await topicList(page).getByRole('listitem').first().getByRole('button', { name: author.name, exact: true }).click();
    await page.getByRole('complementary', { name: author.name }).waitFor();
    expect(page.url()).toContain(`#node=${encodeURIComponent(author.key)}`);
  });

  test('the sidebar tabs work with the arrow keys', async () => {
    const page = await atlas.open();
    const filtersTab = page.getByRole('tab', { name: 'Legend & filters' });
    expect(await filtersTab.getAttribute('aria-selected')).toBe('true');
    await filtersTab.focus();
    await page.keyboard.press('ArrowRight');
    await topicList(page).waitFor();
    expect(await page.getByRole('tab', { name: 'Topics' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('count-paper').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('count-paper').waitFor();
    expect(await filtersTab.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
