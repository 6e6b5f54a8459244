/** Tables and growth exponents for the benchmark's output. */

export interface CaseResult {
  name: string;
  papers: number;
  nodes: number;
  edges: number;
  communityCount: number;
  modularity: number;
  phases: Record<string, { ms: number; peakRssMb: number }>;
  phaseOrder?: string[];
  fileBytes?: number;
  gzipBytes?: number;
  bytesPerNode?: number;
  /** What the explorer downloads first (structure.bin), gzipped, per node: issue 7 asks ≤ 40 at 100k. */
  compact?: { structureGzipBytesPerNode: number; labelsGzipBytesPerNode: number; structureGzipBytes: number };
  /** The build's peak RSS (generate/parse to the written files), before the bench measures sizes after it. */
  totalPeakRssMb: number;
  /** The process's, those measurements included. */
  processPeakRssMb?: number;
  reference?: Record<string, number> | { skipped: string };
  writeError?: string | null;
  layout?: { method: string; edgeLength: number; cohesion: number; stress: number };
}

/** Phases that are the build (what `npm run build:graph` spends), not corpus generation. */
export const isBuildPhase = (phase: string) => phase !== 'generate';

export function buildMs(r: CaseResult): number {
  return Object.entries(r.phases).reduce((ms, [phase, p]) => ms + (isBuildPhase(phase) ? p.ms : 0), 0);
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [line(header), '| ' + widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |', ...rows.map(line)].join('\n');
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const mb = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(0));

export function allPhases(rows: CaseResult[]): string[] {
  const order: string[] = [];
  for (const r of rows) for (const p of r.phaseOrder ?? Object.keys(r.phases)) if (!order.includes(p)) order.push(p);
  return order;
}

export function phaseTable(rows: CaseResult[]): string {
  const phases = allPhases(rows);
  return formatTable(
    ['case', 'papers', 'nodes', 'edges', ...phases.map((p) => `${p} s`), 'build s', 'peak RSS MB', 'file MB', 'gzip MB', 'B/node', 'first view gz B/node', 'Q'],
    rows.map((r) => [
      r.name, String(r.papers), String(r.nodes), String(r.edges), ...phases.map((p) => seconds(r.phases[p]?.ms)), seconds(buildMs(r)),
      mb(r.totalPeakRssMb), r.fileBytes === undefined ? '—' : (r.fileBytes / 2 ** 20).toFixed(1),
      r.gzipBytes === undefined ? '—' : (r.gzipBytes / 2 ** 20).toFixed(1), r.bytesPerNode === undefined ? '—' : r.bytesPerNode.toFixed(0),
      r.compact === undefined ? '—' : r.compact.structureGzipBytesPerNode.toFixed(1), r.modularity.toFixed(3),
    ]),
  );
}

export function rssTable(rows: CaseResult[]): string {
  const phases = allPhases(rows);
  return formatTable(['case', ...phases.map((p) => `${p} MB`)], rows.map((r) => [r.name, ...phases.map((p) => mb(r.phases[p]?.peakRssMb))]));
}

/** log(t₂/t₁)/log(n₂/n₁) per phase between successive sizes: 1 is linear, 2 quadratic. */
export function growthExponents(rows: CaseResult[]): { from: string; to: string; exponents: Record<string, number> }[] {
  const sorted = [...rows].sort((a, b) => a.papers - b.papers);
  const out = [];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (b.papers <= a.papers) continue;
    const exponents: Record<string, number> = {};
    for (const phase of [...allPhases([a, b]), 'build']) {
      const ta = phase === 'build' ? buildMs(a) : a.phases[phase]?.ms;
      const tb = phase === 'build' ? buildMs(b) : b.phases[phase]?.ms;
      if (ta && tb && ta > 0) exponents[phase] = Math.log(tb / ta) / Math.log(b.papers / a.papers);
    }
    out.push({ from: a.name, to: b.name, exponents });
  }
  return out;
}

export function growthTable(growth: ReturnType<typeof growthExponents>): string {
  const phases = [...new Set(growth.flatMap((g) => Object.keys(g.exponents)))];
  return formatTable(['sizes', ...phases], growth.map((g) => [`${g.from} → ${g.to}`, ...phases.map((p) => (g.exponents[p] === undefined ? '—' : g.exponents[p].toFixed(2) + (g.exponents[p] > 1.3 ? ' ⚠' : '')))]));
}
