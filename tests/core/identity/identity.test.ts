import { describe, expect, it } from 'vitest';
import { AuthorRegistry, affiliationNameFromSlug, categoryName, foldText, resolveAffiliation, slugify } from '../../../src/core/identity';

describe('author identity', () => {
  it('merges spellings that differ only by accents, case or spacing, keeping every alias', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Vitória Barin-Pacela']);
    r.addPaper(['Vitoria Barin-Pacela']);
    r.addPaper(['vitoria  barin-pacela ']);
    const a = r.keyOf('Vitória Barin-Pacela');
    expect(a).toBe('author:vitoria-barin-pacela');
    expect(r.keyOf('Vitoria Barin-Pacela')).toBe(a);
    expect(r.keyOf('vitoria  barin-pacela ')).toBe(a);
    expect(r.size).toBe(1);
    expect(r.resolve(a).aliases).toEqual(['Vitoria Barin-Pacela', 'Vitória Barin-Pacela', 'vitoria barin-pacela']);
    // The accented spelling carries more information, even when the ASCII one is more frequent.
    r.addPaper(['Vitoria Barin-Pacela']);
    expect(r.resolve(a).name).toBe('Vitória Barin-Pacela');
  });

  it('keeps different people apart and folds letters NFD cannot decompose', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Stanisław Jastrzębski', 'Florian Bordes', 'Florian Knoll', 'Alexandre de Brébisson', "Pierluca D'Oro"]);
    expect(r.keyOf('Stanisław Jastrzębski')).toBe('author:stanislaw-jastrzebski');
    expect(r.keyOf('Florian Bordes')).not.toBe(r.keyOf('Florian Knoll'));
    expect(r.keyOf('Alexandre de Brébisson')).toBe('author:alexandre-de-brebisson');
    expect(r.keyOf("Pierluca D'Oro")).toBe('author:pierluca-doro');
    expect(r.size).toBe(5);
  });

  it('puts a space after an initial glued to the next name', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Matthew J.Muckley']);
    r.addPaper(['Matthew J. Muckley']);
    const k = r.keyOf('Matthew J. Muckley');
    expect(r.keyOf('Matthew J.Muckley')).toBe(k);
    expect(r.resolve(k).aliases).toEqual(['Matthew J. Muckley']);
  });

  it('prefers the more frequent spelling when accents do not decide', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Yann LeCun']);
    r.addPaper(['Yann Lecun']);
    r.addPaper(['Yann Lecun']);
    expect(r.resolve(r.keyOf('Yann LeCun')).name).toBe('Yann Lecun');
  });

  it('throws on a key it never saw', () => {
    expect(() => new AuthorRegistry().resolve('author:nobody')).toThrow(/unknown author author:nobody/);
  });
});

describe('folding and slugs', () => {
  it('folds accents and special letters', () => {
    expect(foldText('Gaëtan Vignoud')).toBe('gaetan vignoud');
    expect(foldText('Øre Łódź Straße')).toBe('ore lodz strasse');
    expect(slugify('Do SSL Models Have Déjà Vu? A Case')).toBe('do-ssl-models-have-deja-vu-a-case');
  });
});

describe('affiliations', () => {
  it('gives known slugs their display names', () => {
    expect(affiliationNameFromSlug('meta-ai')).toBe('Meta AI');
    expect(affiliationNameFromSlug('mila')).toBe('Mila');
    expect(affiliationNameFromSlug('eth-zurich')).toBe('ETH Zurich');
  });
  it('gives unknown slugs a readable fallback', () => {
    expect(affiliationNameFromSlug('university-of-toronto')).toBe('University of Toronto');
    expect(affiliationNameFromSlug('ibm-ai-lab')).toBe('IBM AI Lab');
  });
  it('turns affiliation names from metadata into slug keys and keeps the name', () => {
    expect(resolveAffiliation('  Stanford   University ')).toEqual({ key: 'affiliation:stanford-university', slug: 'stanford-university', name: 'Stanford University' });
    expect(resolveAffiliation('mila')).toEqual({ key: 'affiliation:mila', slug: 'mila', name: 'Mila' });
    expect(resolveAffiliation('   ')).toBeNull();
  });
});

describe('categories', () => {
  it('names arXiv categories, with an archive fallback', () => {
    expect(categoryName('cs.LG')).toBe('Machine Learning');
    expect(categoryName('stat.ML')).toBe('Machine Learning (Statistics)');
    expect(categoryName('cs.NE')).toBe('Neural and Evolutionary Computing');
    expect(categoryName('math.GT')).toBe('Mathematics (math.GT)');
    expect(categoryName('weird')).toBe('weird');
  });
});
