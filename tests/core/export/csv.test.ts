/**
 * CSV tables of what the map shows. Parsed back with a small RFC 4180 reader here and with Python's
 * csv module (an independent reader), and compared with the visible papers and authors.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph, scopedPapers } from '../../../src/core/export';
import { computeVisibility, defaultFilters } from '../../../src/core/filters';
import type { AtlasGraph } from '../../../src/core/graphFile';
import { seedAtlasGraph, TRICKY_AUTHOR, TRICKY_TITLE, trickyGraph } from './graphs';

/** RFC 4180: quoted fields may hold commas, CRLF and doubled quotes; records end with CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('last record does not end with CRLF');
  return rows;
}

/** Python's csv module, reading the file the way a script would (utf-8-sig drops the byte-order mark). */
function readWithPython(text: string): string[][] {
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-csv-')), 'table.csv');
  writeFileSync(file, text);
  const script = 'import csv, json, sys\nwith open(sys.argv[1], encoding="utf-8-sig", newline="") as f:\n    print(json.dumps(list(csv.reader(f))))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}

const records = (text: string) => {
  const [header, ...rows] = readCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
};

function visibleUnder(graph: AtlasGraph, filters: Partial<ReturnType<typeof defaultFilters>>, network: 'knowledge' | 'coauthor' = 'knowledge') {
  const { hidden } = computeVisibility(graph, { ...defaultFilters(), ...filters }, network);
  return new Set(graph.filterNodes((key) => !hidden.has(key)));
}

describe('CSV export', () => {
  it('is UTF-8 with a byte-order mark and CRLF line ends; Python reads the same rows as our RFC 4180 reader', () => {
    const text = exportGraph(trickyGraph(), 'csv-papers');
    expect(text.startsWith('\uFEFFkey,title,authors,year,category,community_id,community,doi,arxiv_id\r\n')).toBe(true);
    expect(readWithPython(text)).toEqual(readCsv(text.slice(1)));
  });

  it('papers: one row per visible paper, with title, authors, year, category and community as the graph has them', () => {
    const graph = seedAtlasGraph();
    const community = graph.getAttribute('communities')[1];
    const visible = visibleUnder(graph, { community: community.id });
    const rows = records(exportGraph(graph, 'csv-papers', { visible }));
    const papers = graph.filterNodes((key, a) => a.kind === 'paper' && visible.has(key));
    expect(papers.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.key)).toEqual(papers);
    for (const row of rows) {
      const paper = graph.getNodeAttributes(row.key);
      if (paper.kind !== 'paper') throw new Error(`${row.key} is not a paper`);
      expect(row).toEqual({
        key: row.key,
        title: paper.title,
        authors: paper.authors.map((a) => graph.getNodeAttribute(a, 'label')).join('; ') + (paper.authorsTruncated ? '; et al.' : ''),
        year: String(paper.year),
        category: paper.category ?? '',
        community_id: String(community.id),
        community: community.label,
        doi: paper.doi ?? '',
        arxiv_id: paper.arxivId ?? '',
      });
    }
  });

  it('quotes commas, quotes and line breaks so the tricky title survives, in our reader and in Python', () => {
    const text = exportGraph(trickyGraph(), 'csv-papers');
    const tricky = records(text).find((r) => r.title.startsWith('Commas'))!;
    expect(tricky.title).toBe(TRICKY_TITLE);
    expect(tricky.authors).toBe(`${TRICKY_AUTHOR}; Florian Bordes; et al.`);
    const python = readWithPython(text);
    expect(python.some((row) => row[1] === TRICKY_TITLE)).toBe(true);
  });

  it('authors: the visible authors with their papers, papers shown, co-author count and names (most joint papers first)', () => {
    const graph = trickyGraph();
    const visible = visibleUnder(graph, { years: [2023, 2025] });
    const rows = records(exportGraph(graph, 'csv-authors', { visible }));
    const authors = graph.filterNodes((key, a) => a.kind === 'author' && visible.has(key));
    expect(rows.map((r) => r.key)).toEqual(authors);
    const bordes = rows.find((r) => r.name === 'Florian Bordes')!;
    const bordesPapers = graph.filterNodes((key, a) => a.kind === 'paper' && visible.has(key) && a.authors.includes('author:florian-bordes'));
    const coauthors = graph.filterEdges('author:florian-bordes', (_e, a) => a.kind === 'coauthor');
    const bordesNode = graph.getNodeAttributes('author:florian-bordes');
    if (bordesNode.kind !== 'author') throw new Error('Florian Bordes is not an author node');
    expect(bordes).toMatchObject({
      papers: String(bordesNode.paperCount),
      papers_shown: String(bordesPapers.length),
      coauthors: String(coauthors.length),
    });
    // Randall Balestriero and Pascal Vincent share the most papers with him in the sample.
    expect(bordes.coauthor_names.split('; ').slice(0, 2).sort()).toEqual(['Pascal Vincent', 'Randall Balestriero']);
    expect(bordes.coauthor_names.split('; ')).toHaveLength(coauthors.length);
  });

  it('collaboration view: papers are those of the visible authors, communities are co-authorship communities', () => {
    const graph = trickyGraph();
    const visible = visibleUnder(graph, { community: 10 }, 'coauthor');
    const scope = { view: 'collaboration' as const, visible };
    const authorRows = records(exportGraph(graph, 'csv-authors', scope));
    expect(authorRows.length).toBe(graph.filterNodes((_k, a) => a.kind === 'author' && a.collabCommunity === 10).length);
    for (const row of authorRows) expect(row).toMatchObject({ community_id: '10', community: 'collab alpha · "q" & <x>' });
    const paperRows = records(exportGraph(graph, 'csv-papers', scope));
    const expected = graph.filterNodes((_k, a) => a.kind === 'paper' && a.authors.some((x) => visible.has(x)));
    expect(paperRows.map((r) => r.key)).toEqual(expected);
    expect(scopedPapers(graph, scope).map(([k]) => k)).toEqual(expected);
  });
});
