import { useRef, useState } from 'react';
import type { ExportFormat, ExportView } from '../../core/export';
import type { AtlasGraph } from '../../core/graphFile';
import type { AtlasSigma } from '../graph/useSigma';
import { ensureNodeText } from '../load/graphText';

interface ExportMenuProps {
  graph: AtlasGraph;
  sigma: AtlasSigma | null;
  /** Nodes the filters hide: exports contain what is visible. */
  hidden: ReadonlySet<string>;
  /** The map's view switch: the whole graph, or the co-authorship network. */
  view?: ExportView;
  colorBy?: 'community' | 'year';
}

type Choice = { kind: 'png'; scale: 1 | 2 } | { kind: 'data'; format: ExportFormat };

const DATA_CHOICES: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'gexf', label: 'GEXF', hint: 'Gephi' },
  { format: 'graphml', label: 'GraphML', hint: 'Gephi, Cytoscape, networkx' },
  { format: 'vosviewer', label: 'VOSviewer JSON', hint: 'VOSviewer Online' },
  { format: 'csv-papers', label: 'Papers CSV', hint: 'spreadsheet' },
  { format: 'csv-authors', label: 'Authors CSV', hint: 'spreadsheet' },
];

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before letting it go.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Export menu: a PNG of the map as shown, or the visible part of the current view as GEXF, GraphML,
 * VOSviewer JSON or CSV. The export code loads on first use, not with the page.
 */
export function ExportMenu({ graph, sigma, hidden, view = 'full', colorBy = 'community' }: ExportMenuProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const menuRef = useRef<HTMLDetailsElement>(null);

  const run = async (choice: Choice) => {
    setBusy(true);
    setStatus('Preparing the export…');
    try {
      const core = await import('../../core/export');
      const visible = new Set(graph.filterNodes((key) => !hidden.has(key)));
      const scope = { view, visible };
      let name: string;
      if (choice.kind === 'png') {
        if (!sigma) throw new Error('the map is not drawn');
        const { mapPng } = await import('./image');
        const title = `Paper Atlas — ${view === 'collaboration' ? 'co-authorship network' : 'knowledge graph'}`;
        const blob = await mapPng(sigma, choice.scale, { title, entries: core.legendEntries(graph, scope), colorBy });
        name = `paper-atlas-${view}@${choice.scale}x.png`;
        download(blob, name);
      } else {
        // Graphs loaded from compact files get abstracts, DOIs… lazily: fetch those of the exported nodes.
        await ensureNodeText(graph, [...visible]);
        const text = core.exportGraph(graph, choice.format, scope);
        name = core.exportFileName(choice.format, view);
        download(new Blob([text], { type: core.EXPORT_FILES[choice.format].mime }), name);
      }
      setStatus(`Downloaded ${name}`);
      if (menuRef.current) menuRef.current.open = false;
    } catch (err) {
      setStatus(`Export failed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="export-menu" ref={menuRef}>
      <summary>Export</summary>
      <div className="export-panel">
        <p className="export-note">What is visible now, in the current view.</p>
        <h2 id="export-image">Image</h2>
        <ul aria-labelledby="export-image">
          <li>
            <button type="button" disabled={busy || !sigma} onClick={() => run({ kind: 'png', scale: 1 })}>
              PNG 1×
            </button>
          </li>
          <li>
            <button type="button" disabled={busy || !sigma} onClick={() => run({ kind: 'png', scale: 2 })}>
              PNG 2×
            </button>
          </li>
        </ul>
        <h2 id="export-data">Data</h2>
        <ul aria-labelledby="export-data">
          {DATA_CHOICES.map(({ format, label, hint }) => (
            <li key={format}>
              <button type="button" disabled={busy} onClick={() => run({ kind: 'data', format })}>
                {label} <span className="export-hint">{hint}</span>
              </button>
            </li>
          ))}
        </ul>
        <p className="export-status" role="status">
          {status}
        </p>
      </div>
    </details>
  );
}
