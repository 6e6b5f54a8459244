/**
 * The corpus vocabulary on a real arXiv OAI-PMH page, against counts taken here straight from the tokeniser:
 * how the related-papers terms are spelled (commonest written form; ties: shortest, then alphabetical).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LabelCorpus } from '../../../src/core/communities/labels';
import { phrases, termKey } from '../../../src/core/communities/terms';
import { buildGraph } from '../../../src/core/graph';
import { parseOaiPmh } from '../../../src/core/ingest';

const OAI_PAGE = fileURLToPath(new URL('../../../../shared/datasets/arxiv-oai-pmh-cs/oai_listrecords_cs_page1.xml', import.meta.url));

describe('Vocabulary.unigrams on a real OAI-PMH page', () => {
  const graph = buildGraph([parseOaiPmh(readFileSync(OAI_PAGE, 'utf8'), OAI_PAGE)]);
  const { index, terms, display } = new LabelCorpus(graph).vocabulary.unigrams();

  it('spells each term as its commonest written form, ties to the shortest then the alphabetically first', () => {
    const uses = new Map<string, Map<string, number>>(); // key → written form → uses
    graph.forEachNode((_key, node) => {
      if (node.kind !== 'paper') return;
      for (const text of [node.title, node.abstract]) {
        for (const phrase of phrases(text)) {
          for (const word of phrase) {
            const forms = uses.get(termKey(word)) ?? uses.set(termKey(word), new Map()).get(termKey(word))!;
            forms.set(word, (forms.get(word) ?? 0) + 1);
          }
        }
      }
    });
    const expected = new Map(
      [...uses].map(([key, forms]) => [key, [...forms].sort(([a, x], [b, y]) => y - x || a.length - b.length || (a < b ? -1 : 1))[0][0]]),
    );
    expect(terms.length).toBe(expected.size);
    expect(terms.length).toBe([...index].filter((u) => u >= 0).length);
    // Real text writes many terms in more than one form (plurals): the rule is exercised, not only the identity.
    expect([...uses.values()].filter((forms) => forms.size > 1).length).toBeGreaterThan(200);
    expect(new Map(terms.map((key, u) => [key, display[u]]))).toEqual(expected);
  });
});
