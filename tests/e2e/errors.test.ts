/**
 * When the map cannot be shown, a person reads why instead of facing a blank canvas: no graph
 * file yet, a file that is not JSON, one that breaks the schema, or a browser without WebGL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { atlasPath, foreignRequests, launchBrowser, openAtlas, seedGraph, seedGraphJson, startAtlas, type AtlasServer } from './helpers';

let server: AtlasServer;
let browser: Browser;

const badSchema = seedGraph();
(badSchema.nodes[0].attributes as Record<string, unknown>).x = 'left';

beforeAll(async () => {
  server = await startAtlas({
    'seed.json': seedGraphJson(),
    'not-json.json': '{"nodes": [ this is not json',
    'bad-schema.json': JSON.stringify(badSchema),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function alertText(graph: string) {
  const atlas = await openAtlas(browser, server, atlasPath(graph));
  const alert = atlas.page.getByRole('alert');
  await alert.waitFor();
  const text = (await alert.textContent()) ?? '';
  await atlas.page.screenshot({ path: `/tmp/atlas-error-${graph.replace('.json', '')}.png` });
  expect(foreignRequests(atlas.requests, server.origin)).toEqual([]);
  expect(await atlas.page.locator('canvas').count()).toBe(0);
  await atlas.page.close();
  return { text, errors: atlas.errors };
}

describe('a graph file that cannot be used', () => {
  test('missing (404): says so and how to build it', async () => {
    const { text, errors } = await alertText('missing.json');
    expect(text).toContain('No graph file yet');
    expect(text).toContain('HTTP 404');
    expect(text).toContain('npm run build:graph');
    // The browser itself reports the failed request; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  test('not JSON: says the file is not valid JSON', async () => {
    const { text, errors } = await alertText('not-json.json');
    expect(text).toContain('not valid JSON');
    expect(errors).toEqual([]);
  });

  test('fails the schema: shows the schema error summary with its path', async () => {
    const { text, errors } = await alertText('bad-schema.json');
    expect(text).toContain('malformed');
    expect(text).toContain('nodes.0.attributes.x');
    expect(errors).toEqual([]);
  });
});

describe('a browser without WebGL', () => {
  test('explains that the map cannot be drawn, and search and the panel still work', async () => {
    const noWebGL = await launchBrowser(['--disable-webgl', '--disable-webgl2']);
    try {
      const atlas = await openAtlas(noWebGL, server, atlasPath('seed.json'));
      const page = atlas.page;
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('cannot draw the map');
      const search = page.getByRole('combobox', { name: /search/i });
      await search.fill('bordes');
      await search.press('Enter');
      await page.getByRole('complementary', { name: 'Florian Bordes' }).waitFor();
      await page.screenshot({ path: '/tmp/atlas-error-webgl.png' });
      expect(foreignRequests(atlas.requests, server.origin)).toEqual([]);
    } finally {
      await noWebGL.close();
    }
  });
});
