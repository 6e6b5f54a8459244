/**
 * Graphs the export tests write out and read back: the seed listing through the real pipeline, the
 * sample graph with a distinct co-authorship network, and a paper whose title holds every character
 * that breaks naive XML and CSV writers. Plus the independent reader (networkx, scripts/networkx-read.py).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AtlasGraph, Community } from '../../../src/core/graphFile';
import { parseListing } from '../../../src/core/ingest/listing';
import { runPipeline } from '../../../src/core/pipeline';
import { buildAtlasGraph, SAMPLE_PAPERS, type SamplePaper } from '../../helpers/sampleGraph';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let seed: AtlasGraph | undefined;
/** `data/seed-papers.txt` built exactly as `npm run build:graph` builds it (140 nodes). */
export function seedAtlasGraph(): AtlasGraph {
  seed ??= runPipeline([parseListing(readFileSync(join(ROOT, 'data/seed-papers.txt'), 'utf8'), 'data/seed-papers.txt')]).graph;
  return seed;
}

/** Quotes, commas, markup, a line break, a tab, accents and a C0 control character that XML 1.0 forbids. */
export const TRICKY_TITLE = 'Commas, "quotes" & <b>markup</b>: a\nline break,\ta tab, Kügelgen — naïve\u0001 résumé';
export const TRICKY_AUTHOR = 'Zoë "Z" O\'Brien, Jr.';

/**
 * The sample graph plus one tricky paper, with a co-authorship network unlike the full one (own
 * communities, labels, colours, positions), so a test can tell which view an export used.
 */
export function trickyGraph(): AtlasGraph {
  const tricky: SamplePaper = { ...SAMPLE_PAPERS[0], title: TRICKY_TITLE, authors: [TRICKY_AUTHOR, 'Florian Bordes'], date: '2024-02-02', community: 2 };
  const graph = buildAtlasGraph([...SAMPLE_PAPERS, tricky]);
  const collab: Community[] = [10, 11].map((id, i) => ({
    id, label: `collab ${i ? 'beta' : 'alpha'} · "q" & <x>`, size: 1, color: i ? '#aa00bb' : '#00cc11', terms: [], paperCount: 0, topAuthors: [], topSubjects: [], years: null,
  }));
  let i = 0;
  graph.forEachNode((key, node) => {
    if (node.kind !== 'author') return;
    graph.mergeNodeAttributes(key, { collabCommunity: 10 + (i % 2), collabX: 1000 + i, collabY: -500 - i * 2.5 });
    i++;
  });
  graph.setAttribute('collaboration', { modularity: 0.5, communities: collab });
  return graph;
}

/** The title as an XML 1.0 reader can return it: the forbidden control character dropped. */
export const xmlSafe = (text: string) => text.replace(/\u0001/g, '');

const PYTHON = '/usr/bin/python3';
const NETWORKX_SCRIPT = join(ROOT, 'scripts/networkx-read.py');

/** Why networkx cannot be used here, or null when it can. */
export function networkxMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `networkx missing for ${PYTHON}: run \`apt-get install python3-networkx\` (${probe.stderr || probe.error})`;
}

export interface NetworkxGraph {
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

/** Reads an export with networkx; throws (failing the test) when networkx is absent rather than passing silently. */
export function readWithNetworkx(text: string, extension: 'gexf' | 'graphml'): NetworkxGraph {
  const missing = networkxMissing();
  if (missing) throw new Error(missing);
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-export-')), `graph.${extension}`);
  writeFileSync(file, text);
  return JSON.parse(execFileSync(PYTHON, [NETWORKX_SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}
