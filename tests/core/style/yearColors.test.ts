import { describe, expect, it } from 'vitest';
import { UNDATED_COLOR, yearColor, yearColoring, yearRamp, yearRampStops } from '../../../src/core/style/yearColors';
import { authorKey, paperKeyOf, SAMPLE_PAPERS, sampleGraph } from '../../helpers/sampleGraph';

/** WCAG relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('yearRamp', () => {
  it('starts at viridis dark violet and gets strictly lighter towards the newest year (readable in greyscale)', () => {
    expect(yearRamp(0)).toBe('#440154');
    const samples = Array.from({ length: 41 }, (_, i) => luminance(yearRamp(i / 40)));
    for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeGreaterThan(samples[i - 1]);
  });

  it('stops short of the yellow end that vanishes on the light map', () => {
    // Contrast of the newest colour against the map background #f6f6f3 stays at least 1.7:1 (pure viridis yellow: 1.2:1).
    const newest = luminance(yearRamp(1));
    expect((luminance('#f6f6f3') + 0.05) / (newest + 0.05)).toBeGreaterThan(1.7);
    expect((luminance('#f6f6f3') + 0.05) / (luminance('#fde725') + 0.05)).toBeLessThan(1.3);
  });

  it('clamps out-of-range and non-finite input', () => {
    expect(yearRamp(-3)).toBe(yearRamp(0));
    expect(yearRamp(7)).toBe(yearRamp(1));
    expect(yearRamp(Number.NaN)).toBe(yearRamp(0));
  });

  it('maps a year within a span, the middle colour for a one-year span', () => {
    expect(yearColor(2016, [2016, 2024])).toBe(yearRamp(0));
    expect(yearColor(2024, [2016, 2024])).toBe(yearRamp(1));
    expect(yearColor(2020, [2016, 2024])).toBe(yearRamp(0.5));
    expect(yearColor(2021, [2021, 2021])).toBe(yearRamp(0.5));
  });

  it('gives the legend gradient stops from oldest to newest', () => {
    const stops = yearRampStops(5);
    expect(stops).toHaveLength(5);
    expect(stops[0]).toBe(yearRamp(0));
    expect(stops[4]).toBe(yearRamp(1));
    expect(new Set(stops).size).toBe(5);
  });
});

describe('yearColoring', () => {
  const graph = sampleGraph();
  const coloring = yearColoring(graph);
  const years = SAMPLE_PAPERS.map((p) => Number(p.date.slice(0, 4)));
  const span: [number, number] = [Math.min(...years), Math.max(...years)];

  it('spans the papers’ years and colours every node', () => {
    expect(coloring.span).toEqual(span);
    expect(coloring.colors.size).toBe(graph.order);
  });

  it('colours a paper by its own year', () => {
    const title = 'Operationalizing Quantized Disentanglement';
    expect(coloring.colors.get(paperKeyOf(title))).toBe(yearColor(2025, span));
  });

  it('colours an author by the mean year of their papers', () => {
    const theirs = SAMPLE_PAPERS.filter((p) => p.authors.includes('Pascal Vincent')).map((p) => Number(p.date.slice(0, 4)));
    const mean = theirs.reduce((a, b) => a + b, 0) / theirs.length;
    expect(theirs.length).toBeGreaterThan(3);
    expect(coloring.years.get(authorKey('Pascal Vincent'))).toBeCloseTo(mean, 10);
    expect(coloring.colors.get(authorKey('Pascal Vincent'))).toBe(yearColor(mean, span));
    // Someone active only in 2016–2017 reads older than someone active in 2022–2023.
    expect(coloring.years.get(authorKey('Alexandre de Brébisson'))).toBeLessThan(coloring.years.get(authorKey('Mahmoud Assran'))!);
  });

  it('gives a node without papers the neutral colour', () => {
    const copy = graph.copy();
    copy.addNode('category:cs.AI', { kind: 'category', label: 'AI', community: 0, x: 0, y: 0, size: 2, color: '#4e79a7', name: 'AI', code: 'cs.AI', paperCount: 0 });
    expect(yearColoring(copy).colors.get('category:cs.AI')).toBe(UNDATED_COLOR);
  });
});
