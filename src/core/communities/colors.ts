import type { AbstractGraph } from 'graphology-types';
import type { Community } from './types';

/**
 * Hand-picked, mutually distinguishable hues (Tableau 10 without its grey, plus cyan, olive, violet):
 * the largest communities, which get the smallest ids, get the clearest colours.
 */
export const PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#17becf', '#bcbd22', '#6a3d9a',
];

/** Golden angle in degrees: successive hues land as far as possible from all earlier ones. */
const GOLDEN_ANGLE = 137.508;

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const k = (n: number) => (n + hue / 30) % 12;
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const value = lightness - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** '#rrggbb' for a community id: the palette first, then golden-angle hues (lightness alternates to add contrast). */
export function communityColor(id: number): string {
  if (id < PALETTE.length) return PALETTE[id];
  const n = id - PALETTE.length;
  return hslToHex((n * GOLDEN_ANGLE + 15) % 360, 0.6, n % 2 === 0 ? 0.55 : 0.42);
}

/** Colours every node by its community, using the colours chosen for the communities. */
export function applyCommunityStyle(graph: AbstractGraph, communities: readonly Community[]): void {
  const colorOf = new Map(communities.map((community) => [community.id, community.color]));
  graph.updateEachNodeAttributes((_node, attributes) => {
    attributes.color = colorOf.get(attributes.community) ?? communityColor(attributes.community);
    return attributes;
  });
}
