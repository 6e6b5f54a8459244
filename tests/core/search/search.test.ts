import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchNodes, type SearchGroup } from '../../../src/core/search';
import { buildAtlasGraph, paperKeyOf, SAMPLE_PAPERS, sampleGraph } from '../../helpers/sampleGraph';

const index = buildSearchIndex(sampleGraph());
const search = (query: string, limitPerKind?: number) => searchNodes(index, query, { limitPerKind });
const group = (groups: SearchGroup[], kind: string) => groups.find((g) => g.kind === kind);
const topKey = (query: string, kind: string) => group(search(query), kind)?.hits[0]?.key;

describe('searchNodes: finding people however their name is typed', () => {
  it.each(['vitoria', 'Vitória', 'VITÓRIA BARIN', 'barin pacela', 'Vitoria Barin-Pacela'])('%s finds Vitória Barin-Pacela', (query) => {
    expect(topKey(query, 'author')).toBe('author:vitoria-barin-pacela');
  });

  it('finds people by accent-free spellings of names with ę, ł and é', () => {
    expect(topKey('jastrzebski', 'author')).toBe('author:stanislaw-jastrzebski');
    expect(topKey('stanislaw', 'author')).toBe('author:stanislaw-jastrzebski');
    expect(topKey('brebisson', 'author')).toBe('author:alexandre-de-brebisson');
    expect(topKey('von kugelgen', 'author')).toBe('author:julius-von-kugelgen');
  });

  it('matches a query typed with decomposed accents (as some keyboards send it)', () => {
    expect(topKey('Jastrze\u0328bski', 'author')).toBe('author:stanislaw-jastrzebski');
  });

  it('completes prefixes while the user types', () => {
    expect(topKey('bord', 'author')).toBe('author:florian-bordes');
    expect(topKey('flor bor', 'author')).toBe('author:florian-bordes');
    expect(topKey('balest', 'author')).toBe('author:randall-balestriero');
  });

  it('forgives typos in longer words', () => {
    expect(topKey('balestiero', 'author')).toBe('author:randall-balestriero');
    expect(topKey('Pascal Vinsent', 'author')).toBe('author:pascal-vincent');
    expect(topKey('jastrzebsky', 'author')).toBe('author:stanislaw-jastrzebski');
  });

  it('shows how many papers a person has, counting every spelling', () => {
    const hit = group(search('vitoria'), 'author')!.hits[0];
    expect(hit).toMatchObject({ label: 'Vitória Barin-Pacela', detail: '2 papers' });
    expect(group(search('jastrzebski'), 'author')!.hits[0].detail).toBe('1 paper');
  });
});

describe('searchNodes: papers, categories and affiliations', () => {
  it('requires every word of a multi-word query', () => {
    const papers = group(search('self supervised vision'), 'paper')!;
    expect(papers.hits.map((h) => h.key)).toEqual([
      paperKeyOf('Objectives Matter: Understanding the Impact of Self-Supervised Objectives on Vision Transformer Representations'),
    ]);
    expect(group(search('self supervised'), 'paper')!.total).toBe(7);
  });

  it('finds a title word written with accents from a plain query', () => {
    expect(topKey('deja vu', 'paper')).toBe(paperKeyOf('Do SSL Models Have Déjà Vu? A Case of Unintended Memorization in Self-supervised Learning'));
  });

  it('describes papers by year, category and first author, as a citation would', () => {
    const masked = group(search('masked siamese'), 'paper')!.hits[0];
    expect(masked).toMatchObject({ label: 'Masked Siamese Networks for Label-Efficient Learning', detail: '2022 · cs.LG · Assran et al.' });
    const cheap = group(search('cheap linear attention'), 'paper')!.hits[0];
    expect(cheap.detail).toBe('2016 · cs.LG · de Brébisson & Vincent');
  });

  it('finds categories by code and by name, the exact name first', () => {
    expect(group(search('cs.LG'), 'category')!.hits).toEqual([expect.objectContaining({ key: 'category:cs.LG', label: 'Machine Learning', detail: 'cs.LG' })]);
    expect(topKey('stat.ML', 'category')).toBe('category:stat.ML');
    expect(group(search('machine learning'), 'category')!.hits.map((h) => h.detail)).toEqual(['cs.LG', 'stat.ML']);
  });

  it('finds affiliations by name and by slug, with their paper count', () => {
    expect(group(search('mila'), 'affiliation')!.hits[0]).toMatchObject({ key: 'affiliation:mila', detail: '3 papers' });
    expect(topKey('meta-ai', 'affiliation')).toBe('affiliation:meta-ai');
    expect(topKey('eth zurich', 'affiliation')).toBe('affiliation:eth-zurich');
  });

  it('falls back to any word when no node has them all', () => {
    const authors = group(search('florian vincent'), 'author')!;
    expect(authors.hits.map((h) => h.key).sort()).toEqual(['author:florian-bordes', 'author:pascal-vincent']);
  });
});

describe('searchNodes: grouping and ranking', () => {
  it('groups hits as author, paper, category, affiliation and drops empty groups', () => {
    // `ma`: Mahmoud Assran, Masked Siamese…, Machine Learning; `mi`: Ishan Misra, …Model Mistakes…, Mila.
    expect(search('ma').map((g) => g.kind)).toEqual(['author', 'paper', 'category']);
    expect(search('mi').map((g) => g.kind)).toEqual(['author', 'paper', 'affiliation']);
    expect(search('learning').map((g) => g.kind)).toEqual(['paper', 'category']);
    expect(search('bordes').map((g) => g.kind)).toEqual(['author']);
  });

  it('orders each group by score, then alphabetically', () => {
    for (const query of ['ma', 'mi', 'learning', 'self', 'quantized', 'vincent']) {
      for (const { hits } of search(query, 50)) {
        for (let i = 1; i < hits.length; i++) {
          const [a, b] = [hits[i - 1], hits[i]];
          expect(a.score > b.score || (a.score === b.score && a.label.localeCompare(b.label) <= 0), `${query}: ${a.label} before ${b.label}`).toBe(true);
        }
      }
    }
  });

  it('keeps at most limitPerKind hits per group but reports the total', () => {
    const papers = group(search('learning', 3), 'paper')!;
    expect(papers.hits).toHaveLength(3);
    expect(papers.total).toBeGreaterThan(3);
    // Every title with the word "learning" is counted.
    expect(group(search('learning', 100), 'paper')!.hits).toHaveLength(papers.total);
  });

  it('puts the exact name first when two people share the same words in another order', () => {
    const collapse = SAMPLE_PAPERS[0];
    const graph = buildAtlasGraph([
      { ...collapse, title: 'Understanding Dimensional Collapse in Contrastive Self-supervised Learning', authors: ['Li Jing', 'Pascal Vincent', 'Yann LeCun'], date: '2021-10-18', category: 'cs.CV', affiliations: [] },
      // Hypothetical namesake: both names score the same, so only exactness can tell them apart.
      { ...collapse, title: 'A Study of Contrastive Objectives', authors: ['Jing Li'], date: '2022-01-01', affiliations: [] },
    ]);
    const authors = (query: string) => group(searchNodes(buildSearchIndex(graph), query), 'author')!.hits.map((h) => h.label);
    expect(authors('li jing')).toEqual(['Li Jing', 'Jing Li']);
    expect(authors('Jing Li')).toEqual(['Jing Li', 'Li Jing']);
  });

  it('does not expand a single letter to every word starting with it', () => {
    expect(search('m')).toEqual([]);
  });

  it('returns nothing for an empty, blank or unmatched query', () => {
    expect(search('')).toEqual([]);
    expect(search('   \t')).toEqual([]);
    expect(search('qwxzv')).toEqual([]);
  });
});
