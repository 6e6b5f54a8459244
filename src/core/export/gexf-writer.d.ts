// graphology-gexf's writer is a plain CommonJS file with no DOM dependency; its package entry also loads
// @xmldom/xmldom for the parser, which an export never needs. Typed here after common/types.d.ts.
declare module 'graphology-gexf/common/writer.js' {
  import type { AbstractGraph, Attributes } from 'graphology-types';
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';
  export default function write<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options?: GexfWriterOptions<N, E>): string;
}
