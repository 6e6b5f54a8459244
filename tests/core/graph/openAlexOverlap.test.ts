/**
 * Real cross-file overlap: the OpenAlex search page (200 works) and three DOI-lookup pages (150 works) share
 * 83 works (SOURCE.txt), and OpenAlex itself holds a few works twice under two W ids. Pairs below were found
 * by reading the raw JSON (same DOI, or same title with/without DOI) and checked by hand.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, mergePapers } from '../../../src/core/graph';
import { readInputs } from '../../../src/core/ingest';
import type { AuthorNode } from '../../../src/core/graphFile';

const DIR = resolve(import.meta.dirname, '../../../../shared/datasets/openalex-works-biodiversity');
const FILES = ['works_biodiversity_finance.200.jsonl', 'works_by_doi_chunk1.api_page.json', 'works_by_doi_chunk2.api_page.json', 'works_by_doi_chunk3.api_page.json'].map((f) => resolve(DIR, f));

async function load() {
  if (!FILES.every(existsSync)) return { skip: `OpenAlex overlap tests skipped: data not found in ${DIR}` };
  const { inputs, errors } = await readInputs(FILES);
  if (errors.length) return { skip: `OpenAlex overlap tests skipped: no OpenAlex parser wired into readInputs (${errors[0].message})` };
  return { inputs };
}
const loaded = await load();
if (loaded.skip) console.warn(loaded.skip);

const W = (id: string) => `https://openalex.org/${id}`;

describe.skipIf(!loaded.inputs)('OpenAlex works across files', () => {
  const inputs = loaded.inputs!;
  const merged = mergePapers(inputs);
  const graph = buildGraph(inputs);
  const { duplicates } = graph.getAttribute('report');
  const sourceIds = (i: number) => merged[i].sources.map((s) => s.sourceId);
  const paperOf = (id: string) => merged.findIndex((m) => m.sources.some((s) => s.sourceId === id || s.sourceId === W(id)));
  const together = (a: string, b: string) => paperOf(a) !== -1 && paperOf(a) === paperOf(b);

  // Different W ids that are one work: same DOI twice in OpenAlex, or a preprint (no DOI) and its article.
  const CROSS_ID_MERGES: [string, string, RegExp][] = [
    ['W297480756', 'W3122683044', /^same DOI 10\.1596\/11185 /], // Managing National Parks: article and book records
    ['W2526253498', 'W4392695770', /^same DOI 10\.4337\/9781035335510 /], // Biodiversity in the Balance
    ['W2041234663', 'W2242043546', /^same title and year \(/], // Mountford & Keppler 1999: RePEc preprint + article
    ['W1954383359', 'W3123744915', /^same title and year \(/], // Aylward & Lutz 2003: book + RePEc preprint
    ['W2166021157', 'W3141880290', /^same title and year \(/], // Cervigni 1998: article + record without DOI
  ];

  it('merges every work found in two files into one paper, and never splits a work', () => {
    const ids = inputs.flatMap((i) => i.papers.map((p) => p.sourceId!));
    const repeated = ids.length - new Set(ids).size;
    expect(repeated).toBeGreaterThan(70); // 83 shared works, less the ones rejected for having no author
    for (const id of new Set(ids)) expect(new Set(merged.map((_, i) => i).filter((i) => sourceIds(i).includes(id))).size, id).toBe(1);
    expect(duplicates).toHaveLength(repeated + CROSS_ID_MERGES.length);
    expect(merged).toHaveLength(ids.length - repeated - CROSS_ID_MERGES.length);
  });

  it('merges one work held under two OpenAlex ids, naming the rule', () => {
    for (const [a, b, reason] of CROSS_ID_MERGES) {
      expect(together(a, b), `${a} + ${b}`).toBe(true);
      const later = merged[paperOf(a)].reasons.filter((r) => reason.test(r));
      expect(later.length, `${a} + ${b}`).toBeGreaterThan(0);
    }
  });

  it('keeps same-titled works with different DOIs apart (journal vs SSRN, article vs book chapter, two translations)', () => {
    const apart = [
      ['W3122364323', 'W2171769921'], // Rausser & Small 2000: JPE vs SSRN
      ['W1553022322', 'W4255507160'], // Waldman & Shevah 2000: article vs chapter
      ['W4250207371', 'W4241638013'], // OECD: English 1999 vs Russian 2000
      ['W4255146478', 'W1506779856'], // Strigl: 2003 article vs 2006 chapter
    ];
    for (const [a, b] of apart) {
      expect(paperOf(a), a).not.toBe(-1);
      expect(together(a, b), `${a} + ${b}`).toBe(false);
    }
  });

  it('joins `M. Waldman` to `Miriam Waldman` through their co-author `Y. Shevah` / `Yehuda Shevah`', () => {
    const waldman = graph.getNodeAttributes('author:miriam-waldman') as AuthorNode;
    expect(waldman.aliases).toEqual(['M. Waldman', 'Miriam Waldman']);
    expect(waldman.paperCount).toBe(2);
    expect((graph.getNodeAttributes('author:yehuda-shevah') as AuthorNode).aliases).toEqual(['Y. Shevah', 'Yehuda Shevah']);
    expect(graph.hasNode('author:m-waldman')).toBe(false);
  });
});
