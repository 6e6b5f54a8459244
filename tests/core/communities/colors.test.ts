import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { applyCommunityStyle, communityColor, type Community } from '../../../src/core/communities';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]));

describe('communityColor', () => {
  it('gives a valid #rrggbb for any id, the same one every time', () => {
    for (let id = 0; id < 500; id++) {
      expect(communityColor(id)).toMatch(/^#[0-9a-f]{6}$/);
      expect(communityColor(id)).toBe(communityColor(id));
    }
  });

  it('keeps the 12 largest communities clearly apart', () => {
    const colors = Array.from({ length: 12 }, (_v, id) => communityColor(id));
    for (let a = 0; a < colors.length; a++) {
      for (let b = a + 1; b < colors.length; b++) expect(distance(colors[a], colors[b]), `${a} vs ${b}`).toBeGreaterThan(60);
    }
  });

  it('keeps going with distinct colours past the palette', () => {
    const colors = Array.from({ length: 200 }, (_v, id) => communityColor(id));
    expect(new Set(colors).size).toBe(200);
    // Neighbouring ids (often neighbouring clusters on screen) never get near-identical colours.
    for (let id = 1; id < colors.length; id++) expect(distance(colors[id], colors[id - 1])).toBeGreaterThan(40);
  });
});

const NO_FACTS = { terms: [], paperCount: 0, topAuthors: [], topSubjects: [], years: null };

describe('applyCommunityStyle', () => {
  it('colours each node with its community’s colour', () => {
    const graph = new Graph({ type: 'undirected' });
    graph.addNode('author:a', { kind: 'author', community: 0 });
    graph.addNode('author:b', { kind: 'author', community: 1 });
    graph.addNode('author:c', { kind: 'author', community: 1 });
    const communities: Community[] = [
      { id: 0, label: 'mri · reconstruction', size: 1, color: '#112233', ...NO_FACTS },
      { id: 1, label: 'self-supervised · vision', size: 2, color: '#445566', ...NO_FACTS },
    ];
    applyCommunityStyle(graph, communities);
    expect(graph.mapNodes((_n, a) => a.color)).toEqual(['#112233', '#445566', '#445566']);
  });
});
