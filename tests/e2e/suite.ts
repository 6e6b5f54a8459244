import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { atlasPath, foreignRequests, launchBrowser, openAtlas, seedGraphJson, startAtlas, waitForMap, type AtlasPage, type AtlasServer, type TestGraphs } from './helpers';

/**
 * One app server and one browser per test file, serving `graphs`; `open` loads the seed map.
 * After every test, whatever it did: no request left the origin and the console stayed clean.
 */
export function atlasSuite(graphs: () => TestGraphs = () => ({ 'seed.json': seedGraphJson() })) {
  const suite = {} as { server: AtlasServer; browser: Browser; current?: AtlasPage };
  beforeAll(async () => {
    suite.server = await startAtlas(graphs());
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  afterEach(async () => {
    const atlas = suite.current;
    if (!atlas) return;
    suite.current = undefined;
    expect(foreignRequests(atlas.requests, suite.server.origin)).toEqual([]);
    expect(atlas.errors).toEqual([]);
    await atlas.page.close();
  });
  return {
    get server() {
      return suite.server;
    },
    get browser() {
      return suite.browser;
    },
    /** Opens `graph` (the seed by default) with an optional hash and waits for its first frame. */
    async open(hash = '', graph = 'seed.json'): Promise<Page> {
      suite.current = await openAtlas(suite.browser, suite.server, atlasPath(graph, hash));
      await waitForMap(suite.current.page);
      return suite.current.page;
    },
  };
}
