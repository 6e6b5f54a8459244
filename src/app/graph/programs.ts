/**
 * How each node kind is drawn. The graph file says `kind`; sigma wants `type` (its program
 * name), so the node reducer maps one to the other with PROGRAM_OF_KIND.
 *
 *   paper        filled disc
 *   author       ring (community colour around a white core)
 *   category     square
 *   affiliation  target (disc, white ring, core)
 *   topic        disc with a white eye (OpenAlex topics, keywords)
 */
import { NodeCircleProgram, createNodeCompoundProgram } from 'sigma/rendering';
import type { NodeProgramType } from 'sigma/rendering';
import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NodeKind } from '../../core/graphFile';
import { drawAtlasHover, drawAtlasLabel } from './labels';

export const PROGRAM_OF_KIND: Record<NodeKind, string> = {
  paper: 'circle',
  author: 'ring',
  category: 'square',
  affiliation: 'target',
  topic: 'eye',
};

const CircleProgram = createNodeCompoundProgram([NodeCircleProgram], drawAtlasLabel, drawAtlasHover);
const SquareProgram = createNodeCompoundProgram([NodeSquareProgram], drawAtlasLabel, drawAtlasHover);


const RingProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.38 }, color: { attribute: 'color' } },
    { size: { fill: true }, color: { value: '#ffffff' } },
  ],
  drawLabel: drawAtlasLabel,
  drawHover: drawAtlasHover,
});

const TargetProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.3 }, color: { attribute: 'color' } },
    { size: { value: 0.22 }, color: { value: '#ffffff' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
  drawLabel: drawAtlasLabel,
  drawHover: drawAtlasHover,
});

const EyeProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.7 }, color: { attribute: 'color' } },
    { size: { fill: true }, color: { value: '#ffffff' } },
  ],
  drawLabel: drawAtlasLabel,
  drawHover: drawAtlasHover,
});

// Programs only read display data (x, y, size, color), whatever the graph's own attributes.
export const NODE_PROGRAMS = {
  circle: CircleProgram,
  ring: RingProgram,
  square: SquareProgram,
  target: TargetProgram,
  eye: EyeProgram,
} as Record<string, NodeProgramType> as Record<string, NodeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>>;
