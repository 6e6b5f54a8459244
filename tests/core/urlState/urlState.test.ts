import { describe, expect, it } from 'vitest';
import { defaultFilters, type FilterState } from '../../../src/core/filters';
import { decodeViewState, encodeViewState, sameViewState, type ViewState } from '../../../src/core/urlState';

const view = (selected: string | null, filters: Partial<FilterState> = {}, rest: Partial<Pick<ViewState, 'network' | 'colorBy'>> = {}): ViewState => ({
  selected,
  filters: { ...defaultFilters(), ...filters },
  network: 'knowledge',
  colorBy: 'community',
  ...rest,
});

describe('encodeViewState', () => {
  it('writes the plain view as an empty hash', () => {
    expect(encodeViewState(view(null))).toBe('');
    // All five kinds in another order is still the default.
    expect(encodeViewState(view(null, { kinds: ['author', 'topic', 'affiliation', 'paper', 'category'] }))).toBe('');
  });

  it('writes a readable hash with only what differs from the default', () => {
    const hash = encodeViewState(view('author:florian-bordes', { kinds: ['paper', 'author'], categories: ['cs.LG', 'cs.CV'], years: [2019, 2023], community: 2 }));
    expect(hash).toBe('#node=author%3Aflorian-bordes&kinds=paper,author&cat=cs.LG,cs.CV&years=2019-2023&community=2');
    expect(encodeViewState(view(null, { years: [2020, 2020] }))).toBe('#years=2020');
  });
});

describe('decodeViewState', () => {
  it('reads back every view it wrote', () => {
    const views: ViewState[] = [
      view(null),
      view('author:florian-bordes'),
      view('paper:do-ssl-models-have-deja-vu-a-case-of-unintended-memorization-2023', { community: 0 }),
      view('author:vitória barin-pacela', { kinds: [] }),
      view('author:stanisław-jastrzębski', { categories: [] }),
      view('affiliation:r&d #1, 100% sure?', { kinds: ['author'], categories: ['cs.LG', 'stat.ML', 'astro-ph.GA'] }),
      view('category:a=b&c=d', { years: [1991, 2025], community: 12 }),
      view('paper:emoji 🚀 + plus', { kinds: ['affiliation', 'category'], years: [2024, 2024] }),
      view(null, { categories: ['odd,code', 'with space', 'ünïcödé'] }),
    ];
    for (const state of views) {
      const decoded = decodeViewState(encodeViewState(state));
      expect(sameViewState(decoded, state), encodeViewState(state)).toBe(true);
      expect(decoded).toEqual(state);
    }
  });

  it('accepts the hash with or without its leading #', () => {
    expect(decodeViewState('node=author%3Apascal-vincent').selected).toBe('author:pascal-vincent');
    expect(decodeViewState('#node=author%3Apascal-vincent').selected).toBe('author:pascal-vincent');
  });

  it('puts a reversed year range the right way round', () => {
    expect(decodeViewState('#years=2023-2019').filters.years).toEqual([2019, 2023]);
  });

  it('drops unknown kinds but keeps the known ones', () => {
    expect(decodeViewState('#kinds=paper,type,author,venue').filters.kinds).toEqual(['paper', 'author']);
  });

  it('ignores garbled or unknown parameters and keeps the rest', () => {
    const decoded = decodeViewState('#foo=bar&node=%E0%A4%A&kinds=nope&years=last-decade&community=-1&cat=cs.LG,%ZZ&zzz');
    expect(decoded).toEqual(view(null, { categories: ['cs.LG'] }));
    expect(decodeViewState('#node=florian-bordes').selected).toBeNull(); // not a node key
    expect(decodeViewState('#years=2019-2020-2021&community=2.5').filters).toEqual(defaultFilters());
  });

  it('never throws, whatever is pasted', () => {
    for (const garbage of ['', '#', '#&&&', '#=', '#node', '#%', '#node=%', '#years=-', '#cat=,,,', '##node=x', '#community=99999999999999999999', 'x'.repeat(10_000)]) {
      expect(() => decodeViewState(garbage)).not.toThrow();
    }
    expect(decodeViewState('#cat=,,,').filters.categories).toEqual([]);
  });
});

describe('sameViewState', () => {
  it('compares what the user sees, not how the lists are ordered', () => {
    expect(sameViewState(view('author:x', { categories: ['cs.LG', 'cs.CV'] }), view('author:x', { categories: ['cs.CV', 'cs.LG'] }))).toBe(true);
    expect(sameViewState(view('author:x'), view('author:y'))).toBe(false);
    expect(sameViewState(view(null, { categories: null }), view(null, { categories: [] }))).toBe(false);
    expect(sameViewState(view(null, { community: 0 }), view(null))).toBe(false);
  });
});

describe('view and colour in the hash', () => {
  it('writes the co-authorship view and colour by year, and reads them back', () => {
    const state = view('author:florian-bordes', { years: [2019, 2023] }, { network: 'coauthor', colorBy: 'year' });
    const hash = encodeViewState(state);
    expect(hash).toBe('#node=author%3Aflorian-bordes&view=coauthor&color=year&years=2019-2023');
    expect(decodeViewState(hash)).toEqual(state);
    expect(encodeViewState(view(null, {}, { network: 'coauthor' }))).toBe('#view=coauthor');
    expect(encodeViewState(view(null, {}, { colorBy: 'year' }))).toBe('#color=year');
  });

  it('opens a hash written before views existed in the knowledge graph, coloured by community', () => {
    const old = decodeViewState('#node=author%3Aflorian-bordes&kinds=paper,author&community=2');
    expect(old).toEqual(view('author:florian-bordes', { kinds: ['paper', 'author'], community: 2 }));
  });

  it('ignores unknown view and colour values, and writes the defaults as nothing', () => {
    expect(decodeViewState('#view=3d&color=rainbow&node=author%3Ax')).toEqual(view('author:x'));
    expect(decodeViewState('#view=knowledge&color=community')).toEqual(view(null));
    expect(encodeViewState(decodeViewState('#view=knowledge&color=community'))).toBe('');
  });

  it('tells views apart by network and colour', () => {
    expect(sameViewState(view(null), view(null, {}, { network: 'coauthor' }))).toBe(false);
    expect(sameViewState(view(null), view(null, {}, { colorBy: 'year' }))).toBe(false);
  });

  it('accepts a selected topic node', () => {
    expect(decodeViewState('#node=topic%3Akw%3Aself-supervised').selected).toBe('topic:kw:self-supervised');
  });
});
