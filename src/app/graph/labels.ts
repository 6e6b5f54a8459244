/**
 * Canvas label drawing shared by every node program. Paper titles are long, so labels on the
 * map are cut to one short line; the hover box shows more. A white halo keeps text legible
 * over edges.
 */
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MAP_LABEL_CHARS = 34;
const HOVER_LABEL_CHARS = 90;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export const drawAtlasLabel: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const text = shorten(data.label, MAP_LABEL_CHARS);
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.lineWidth = 3;
  context.lineJoin = 'round';
  context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  context.strokeText(text, x, y);
  context.fillStyle = settings.labelColor.color ?? '#1f2328';
  context.fillText(text, x, y);
};

export const drawAtlasHover: NodeHoverDrawingFunction = (context, data, settings) => {
  const size = settings.labelSize;
  context.font = `600 ${size}px ${settings.labelFont}`;
  const text = data.label ? shorten(data.label, HOVER_LABEL_CHARS) : '';
  const padding = 4;
  const radius = data.size + padding;
  const width = text ? context.measureText(text).width + 2 * padding + 4 : 0;
  const height = Math.max(size + 2 * padding, 2 * radius);

  context.fillStyle = '#ffffff';
  context.shadowColor = 'rgba(0, 0, 0, 0.35)';
  context.shadowBlur = 8;
  context.beginPath();
  context.roundRect(data.x - radius, data.y - height / 2, 2 * radius + width, height, Math.min(radius, height / 2));
  context.fill();
  context.shadowBlur = 0;

  if (text) {
    context.fillStyle = '#111418';
    context.fillText(text, data.x + radius + 2, data.y + size / 3);
  }
};
