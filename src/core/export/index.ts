/**
 * Exports of the map for other tools: GEXF 1.3 (Gephi), GraphML (Gephi, Cytoscape, networkx, igraph),
 * VOSviewer JSON (VOSviewer Online) and CSV tables of papers and authors. Each takes the graph and a
 * scope (view + visible nodes) and returns the file's text; no DOM, no sigma, so the explorer and the
 * command line write the same bytes.
 */
import type { AtlasGraph } from '../graphFile';
import { authorsCsv, papersCsv } from './csv';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { exportNetwork } from './subgraph';
import { EXPORT_FORMATS, type ExportFormat, type ExportScope, type ExportView } from './types';
import { writeVosviewer } from './vosviewer';

export * from './types';
export { exportNetwork, resolveScope } from './subgraph';
export { buildVosviewer, type VosviewerJson } from './vosviewer';
export { csvField, scopedPapers } from './csv';
export { legendEntries, type LegendEntries } from './legend';

export const EXPORT_FILES: Record<ExportFormat, { suffix: string; mime: string; label: string }> = {
  gexf: { suffix: '.gexf', mime: 'application/gexf+xml', label: 'GEXF (Gephi)' },
  graphml: { suffix: '.graphml', mime: 'application/graphml+xml', label: 'GraphML' },
  vosviewer: { suffix: '.vosviewer.json', mime: 'application/json', label: 'VOSviewer JSON' },
  'csv-papers': { suffix: '-papers.csv', mime: 'text/csv;charset=utf-8', label: 'Papers (CSV)' },
  'csv-authors': { suffix: '-authors.csv', mime: 'text/csv;charset=utf-8', label: 'Authors (CSV)' },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** e.g. `paper-atlas-collaboration.gexf`, `paper-atlas-full-papers.csv`. */
export function exportFileName(format: ExportFormat, view: ExportView = 'full'): string {
  return `paper-atlas-${view}${EXPORT_FILES[format].suffix}`;
}

export function exportGraph(graph: AtlasGraph, format: ExportFormat, scope: ExportScope = {}): string {
  switch (format) {
    case 'gexf':
      return writeGexf(exportNetwork(graph, scope));
    case 'graphml':
      return writeGraphml(exportNetwork(graph, scope));
    case 'vosviewer':
      return writeVosviewer(exportNetwork(graph, scope));
    case 'csv-papers':
      return papersCsv(graph, scope);
    case 'csv-authors':
      return authorsCsv(graph, scope);
  }
}
