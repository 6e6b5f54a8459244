import { describe, expect, it } from 'vitest';
import { AuthorRegistry, authorKey, namesCompatible, parseName } from '../../../src/core/identity';

const compatible = (a: string, b: string) => namesCompatible(parseName(a)!, parseName(b)!);

describe('name parts', () => {
  it('splits given names from the surname, with particles, initials and the `Last, First` form', () => {
    expect(parseName('Yann LeCun')).toEqual({ given: [{ text: 'yann', abbreviated: false }], surname: 'lecun' });
    expect(parseName('LeCun, Y.')).toEqual({ given: [{ text: 'y', abbreviated: true }], surname: 'lecun' });
    expect(parseName('J.-P. Dupont')!.given).toEqual([{ text: 'j', abbreviated: true }, { text: 'p', abbreviated: true }]);
    expect(parseName('JP Dupont')!.given.map((g) => g.text)).toEqual(['j', 'p']);
    expect(parseName('Laurens van der Maaten')!.surname).toBe('van der maaten');
    expect(parseName('Martin Luther King Jr.')!.surname).toBe('king');
    // A comma before a suffix is not the `Last, First` comma (real OAI-PMH spelling).
    expect(parseName('Robert W. Heath, Jr.')).toEqual({ given: [{ text: 'robert', abbreviated: false }, { text: 'w', abbreviated: true }], surname: 'heath' });
    expect(authorKey('Robert W. Heath, Jr.')).toBe('author:robert-w-heath-jr');
    expect(authorKey('LeCun, Y.')).toBe(authorKey('Y. LeCun'));
    expect(parseName('Sudha')).toBeNull();
  });

  it('tells which spellings could be one person', () => {
    expect(compatible('Y. LeCun', 'Yann LeCun')).toBe(true);
    expect(compatible('Y LeCun', 'Yann Lecun')).toBe(true);
    expect(compatible('J.-P. Dupont', 'Jean-Pierre Dupont')).toBe(true);
    expect(compatible('J. Smith', 'John Q. Smith')).toBe(true);
    expect(compatible('J. R. Smith', 'John Q. Smith')).toBe(false);
    expect(compatible('Y. LeCun', 'Xavier LeCun')).toBe(false);
    expect(compatible('Y. LeCun', 'Yann Bengio')).toBe(false);
    expect(compatible('Vitória Barin-Pacela', 'V. Barin-Pacela')).toBe(true);
  });
});

describe('initials resolution', () => {
  it('merges `Y. LeCun` into `Yann LeCun` when they share a co-author (even spelled differently)', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Yann LeCun', 'Léon Bottou', 'Yoshua Bengio']);
    r.addPaper(['Y. LeCun', 'L. Bottou']);
    r.addPaper(['LeCun, Y.', 'Patrick Haffner']);
    const key = r.keyOf('Yann LeCun');
    expect(key).toBe('author:yann-lecun');
    expect(r.keyOf('Y. LeCun')).toBe(key);
    // `LeCun, Y.` is the spelling key of `Y. LeCun` (natural order), so it follows it.
    expect(r.keyOf('LeCun, Y.')).toBe(key);
    const identity = r.resolve(key);
    expect(identity.name).toBe('Yann LeCun');
    expect(identity.aliases).toEqual(['LeCun, Y.', 'Y. LeCun', 'Yann LeCun']);
    expect(r.ambiguous()).toEqual([]);
    // Bottou merged too (shares LeCun); Bengio and Haffner stay themselves.
    expect(r.size).toBe(4);
  });

  it('keeps the full name as display even when the initials are more frequent, and keeps accents', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Vitória Barin-Pacela', 'Pascal Vincent']);
    for (let i = 0; i < 3; i++) r.addPaper(['V. Barin-Pacela', 'P. Vincent']);
    const identity = r.resolve(r.keyOf('V. Barin-Pacela'));
    expect(identity).toEqual({ key: 'author:vitoria-barin-pacela', name: 'Vitória Barin-Pacela', aliases: ['V. Barin-Pacela', 'Vitória Barin-Pacela'] });
    // `P. Vincent` shares Vitória (as `V. Barin-Pacela`) with `Pascal Vincent`: merged as well.
    expect(r.keyOf('P. Vincent')).toBe('author:pascal-vincent');
    expect(r.size).toBe(2);
  });

  it('reports `Y. Li` when two full names fit, and merges neither', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Yang Li', 'Wei Zhang']);
    r.addPaper(['Yu Li', 'Wei Zhang']);
    r.addPaper(['Y. Li', 'W. Zhang']);
    expect(r.keyOf('Y. Li')).toBe('author:y-li');
    expect(r.size).toBe(5);
    // `W. Zhang` wrote with a `Y. Li`, Wei Zhang with Yang and Yu Li: which one is unknown, so no shared context either.
    expect(r.ambiguous()).toEqual([
      { name: 'Y. Li', candidates: ['author:yang-li', 'author:yu-li'], reason: '2 full names fit "Y. Li" (Yang Li, Yu Li); kept apart' },
      { name: 'W. Zhang', candidates: ['author:wei-zhang'], reason: 'only "Wei Zhang" fits "W. Zhang", but they share no co-author; kept apart' },
    ]);
  });

  it('keeps apart an abbreviated name with no co-author in common', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Yann LeCun', 'Léon Bottou']);
    r.addPaper(['Y. LeCun', 'Alan Turing']);
    expect(r.keyOf('Y. LeCun')).toBe('author:y-lecun');
    expect(r.ambiguous()).toEqual([
      { name: 'Y. LeCun', candidates: ['author:yann-lecun'], reason: 'only "Yann LeCun" fits "Y. LeCun", but they share no co-author; kept apart' },
    ]);
  });

  it('keeps apart two spellings signing the same paper: they are two people', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Yang Li', 'Y. Li', 'Wei Zhang']);
    r.addPaper(['Yang Li', 'Wei Zhang']);
    expect(r.keyOf('Y. Li')).not.toBe(r.keyOf('Yang Li'));
    expect(r.ambiguous()[0].reason).toMatch(/sign the same paper/);
  });

  it('merges on the evidence of one merged paper: same slot in two sources’ author lists', () => {
    const r = new AuthorRegistry();
    // The arXiv record names him in full; the BibTeX copy of that paper uses initials; he has another BibTeX paper alone.
    r.addPaper(['Yann LeCun', 'Léon Bottou'], [['LeCun, Y.', 'Bottou, L.']]);
    r.addPaper(['LeCun, Y.']);
    expect(r.keyOf('LeCun, Y.')).toBe('author:yann-lecun');
    expect(r.ambiguous()).toEqual([]);
    // `Bottou, L.` only appears in the duplicate's list: an alias of whoever held the slot, no node of its own.
    expect(r.resolve('author:leon-bottou').aliases).toEqual(['Bottou, L.', 'Léon Bottou']);
    expect(r.size).toBe(2);
  });

  it('ignores a duplicate list whose names do not fit the slot', () => {
    const r = new AuthorRegistry();
    r.addPaper(['Yann LeCun', 'Léon Bottou'], [['Léon Bottou', 'Yann LeCun']]);
    expect(r.resolve('author:yann-lecun').aliases).toEqual(['Yann LeCun']);
  });

  it('resolves the same way whatever the order of addition', () => {
    const papers = [['Yann LeCun', 'Léon Bottou'], ['Y. LeCun', 'L. Bottou'], ['Yang Li', 'Wei Zhang'], ['Yu Li', 'Wei Zhang'], ['Y. Li', 'W. Zhang']];
    const summary = (order: string[][]) => {
      const r = new AuthorRegistry();
      order.forEach((names) => r.addPaper(names));
      const names = papers.flat().sort();
      return { keys: names.map((n) => r.keyOf(n)), ambiguous: r.ambiguous().map((a) => a.name).sort() };
    };
    expect(summary([...papers].reverse())).toEqual(summary(papers));
  });
});
