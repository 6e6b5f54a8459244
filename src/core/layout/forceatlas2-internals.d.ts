// graphology-layout-forceatlas2 ships its matrix helpers and single-iteration function as plain files
// without types. We drive them directly so a long layout can run in chunks without losing FA2's
// per-node speed state between chunks (its public `assign` rebuilds that state on every call).
declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph, Attributes, EdgeMapper } from 'graphology-types';
  const helpers: {
    graphToByteArrays(
      graph: AbstractGraph,
      getEdgeWeight: (...args: Parameters<EdgeMapper<number>>) => number,
    ): { nodes: Float32Array; edges: Float32Array };
    assignLayoutChanges(graph: AbstractGraph, nodes: Float32Array, outputReducer: ((key: string, attributes: Attributes) => Attributes) | null): void;
  };
  export default helpers;
}

declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
