/**
 * PNG of the map as it is on screen (same camera, filters, highlight and colours) at 1× or 2× its CSS
 * size, with a legend drawn into the picture so it still explains itself in a paper or a slide.
 *
 * @sigma/export-image renders a temporary sigma instance onto a canvas; its size follows
 * window.devicePixelRatio, so we pin that to the wanted scale while the library draws (synchronously:
 * without `withTempRenderer` its whole render runs inside the call). The legend is then drawn on the
 * same 2D canvas. No SVG: sigma draws with WebGL programs (bordered and square nodes, its own label
 * placement), and an SVG re-drawing would be a different picture, not the one on screen.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { LegendEntries } from '../../core/export';
import type { NodeKind } from '../../core/graphFile';
import { yearRampStops } from '../../core/style/yearColors';
import type { AtlasSigma } from '../graph/useSigma';
import { LABEL_FONT } from '../graph/labels';

export interface LegendSpec {
  title: string;
  entries: LegendEntries;
  colorBy: 'community' | 'year';
}

const KIND_NAMES: Record<NodeKind, string> = { paper: 'Papers', author: 'Authors', category: 'Categories', affiliation: 'Affiliations', topic: 'Topics' };
const INK = '#1f2328';
const MUTED = '#57606a';
const MAX_LABEL_CHARS = 42;

/** The first opaque background behind the map, so the PNG looks like the page rather than transparent. */
function mapBackground(sigma: AtlasSigma): string {
  for (let el: HTMLElement | null = sigma.getContainer(); el; el = el.parentElement) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

function renderAtScale(sigma: AtlasSigma, scale: number): Promise<HTMLCanvasElement> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => scale });
  try {
    // The library is typed for untyped graphs; it only reads the instance's settings, camera and graph.
    return drawOnCanvas(sigma as unknown as Sigma, { backgroundColor: mapBackground(sigma) });
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** The kind's shape as the map draws it (see graph/programs.ts and legend/KindIcon.tsx). */
function drawKindIcon(ctx: CanvasRenderingContext2D, kind: NodeKind, cx: number, cy: number, r: number) {
  const disc = (radius: number, fill: string) => {
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
  };
  if (kind === 'category') {
    ctx.fillStyle = MUTED;
    ctx.fillRect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
  } else if (kind === 'author') {
    disc(r, MUTED);
    disc(r * 0.55, '#ffffff');
  } else {
    disc(r, MUTED);
    if (kind === 'topic') disc(r * 0.3, '#ffffff');
    if (kind === 'affiliation') {
      disc(r * 0.66, '#ffffff');
      disc(r * 0.41, MUTED);
    }
  }
}

const shorten = (text: string) => (text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text);

/** Pixels in a rectangle that differ from the picture's background (its top-left pixel). */
function inkIn(ctx: CanvasRenderingContext2D, left: number, top: number, width: number, height: number): number {
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  const { data } = ctx.getImageData(left, top, width, height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) ink++;
  return ink;
}

/** The corner where the legend hides the least of the map; bottom-left on a tie. */
function emptiestCorner(ctx: CanvasRenderingContext2D, width: number, height: number, pad: number): { left: number; top: number } {
  const right = ctx.canvas.width - pad - width;
  const bottom = ctx.canvas.height - pad - height;
  const corners = [
    { left: pad, top: bottom },
    { left: right, top: bottom },
    { left: pad, top: pad },
    { left: right, top: pad },
  ];
  const ink = corners.map((c) => inkIn(ctx, Math.round(c.left), Math.round(c.top), Math.round(width), Math.round(height)));
  return corners[ink.indexOf(Math.min(...ink))];
}

/** A boxed legend in the map's emptiest corner: title, kinds with their shapes, then communities or the year ramp. */
export function drawLegend(ctx: CanvasRenderingContext2D, legend: LegendSpec, scale: number) {
  const s = scale;
  const pad = 10 * s;
  const line = 18 * s;
  const font = (weight: number, size: number) => `${weight} ${size * s}px ${LABEL_FONT}`;
  const rows: { draw: (x: number, y: number) => void; width: number }[] = [];
  const text = (value: string, weight = 400, colour = INK, size = 12) => {
    ctx.font = font(weight, size);
    return { width: ctx.measureText(value).width, draw: (x: number, y: number) => ((ctx.font = font(weight, size)), (ctx.fillStyle = colour), ctx.fillText(value, x, y)) };
  };
  const withMarker = (marker: (x: number, y: number) => void, label: ReturnType<typeof text>) => ({
    width: 20 * s + label.width,
    draw: (x: number, y: number) => (marker(x + 6 * s, y - 4 * s), label.draw(x + 20 * s, y)),
  });

  rows.push(text(legend.title, 600, INK, 13));
  for (const { kind, count } of legend.entries.kinds) {
    rows.push(withMarker((x, y) => drawKindIcon(ctx, kind, x, y, 5.5 * s), text(`${KIND_NAMES[kind]} (${count})`)));
  }
  if (legend.colorBy === 'year' && legend.entries.years) {
    const [first, last] = legend.entries.years;
    const stops = yearRampStops();
    const rampWidth = 150 * s;
    rows.push({
      width: rampWidth + 70 * s,
      draw: (x, y) => {
        const gradient = ctx.createLinearGradient(x, 0, x + rampWidth, 0);
        stops.forEach((colour, i) => gradient.addColorStop(i / (stops.length - 1), colour));
        ctx.fillStyle = gradient;
        ctx.fillRect(x, y - 10 * s, rampWidth, 10 * s);
        text(`${first}–${last}`, 400, MUTED).draw(x + rampWidth + 6 * s, y);
      },
    });
  } else {
    for (const c of legend.entries.communities) {
      const swatch = (x: number, y: number) => ((ctx.fillStyle = c.color), ctx.fillRect(x - 5 * s, y - 5 * s, 10 * s, 10 * s));
      rows.push(withMarker(swatch, text(`${shorten(c.label)} (${c.count})`)));
    }
    if (legend.entries.moreCommunities > 0) rows.push(text(`and ${legend.entries.moreCommunities} more communities`, 400, MUTED));
  }

  const { width: canvasWidth, height: canvasHeight } = ctx.canvas;
  const fitting = rows.slice(0, Math.max(1, Math.floor((canvasHeight - 4 * pad) / line)));
  const boxWidth = Math.min(canvasWidth - 2 * pad, Math.max(...fitting.map((r) => r.width)) + 2 * pad);
  const boxHeight = fitting.length * line + pad;
  const { left, top } = emptiestCorner(ctx, boxWidth, boxHeight, pad);
  ctx.save();
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = '#d0d7de';
  ctx.lineWidth = s;
  ctx.fillRect(left, top, boxWidth, boxHeight);
  ctx.strokeRect(left, top, boxWidth, boxHeight);
  ctx.textBaseline = 'alphabetic';
  fitting.forEach((row, i) => row.draw(left + pad, top + pad / 2 + (i + 1) * line - 5 * s));
  ctx.restore();
}

/** The map at `scale`× its on-screen size, legend included, as a PNG blob. */
export async function mapPng(sigma: AtlasSigma, scale: number, legend: LegendSpec): Promise<Blob> {
  const canvas = await renderAtScale(sigma, scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
  drawLegend(ctx, legend, scale);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}
