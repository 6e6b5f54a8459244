/**
 * The tokeniser behind labels and related papers: what counts as one term. Plurals fold onto their
 * singular (light stemming), other inflections do not, and stopwords never become terms.
 */
import { describe, expect, it } from 'vitest';
import { isStopword, phrases, termKey } from '../../../src/core/communities';

describe('termKey (light stemming)', () => {
  it('folds regular, -ies and sibilant -es plurals onto the singular', () => {
    const pairs = [
      ['representations', 'representation'], ['queries', 'query'], ['patches', 'patch'], ['approaches', 'approach'],
      ['classes', 'class'], ['meshes', 'mesh'], ['boxes', 'box'], ['caches', 'cache'], ['images', 'image'], ['sizes', 'size'],
    ];
    for (const [plural, singular] of pairs) expect([plural, termKey(plural)]).toEqual([plural, termKey(singular)]);
  });

  it('leaves singulars that end in s, and other inflections, alone', () => {
    for (const word of ['loss', 'corpus', 'analysis', 'series', 'species', 'bias', 'lens', 'gas', 'learning', 'learned', 'trained']) {
      expect(termKey(word)).toBe(word);
    }
  });
});

describe('phrases', () => {
  it('splits text into runs of content words, at stopwords and punctuation', () => {
    expect(phrases('We propose Masked Image Modeling, a method for learning visual representations.')).toEqual([
      ['masked', 'image', 'modeling'],
      ['learning', 'visual', 'representations'],
    ]);
  });

  it('drops numbers, URLs, LaTeX commands and plural stopwords', () => {
    expect(phrases('Accuracy 72.4% on \\emph{ImageNet} https://x.org/y results')).toEqual([['accuracy'], ['imagenet']]);
    expect(isStopword('experiments')).toBe(true);
    expect(isStopword('transformers')).toBe(false);
  });
});
