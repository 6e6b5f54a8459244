/**
 * `npm run build:graph [-- --input FILE_OR_DIR… --out PATH --strict --seed N --export FORMAT --view full|collaboration]`
 * Exit codes: 0 built; 1 bad input (unreadable, empty, non-UTF-8, unknown format; rejected records with --strict);
 * 2 usage error. Bad input is reported as a message naming file, line and field — never a stack trace.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMAT_NAMES, readInputs } from '../core/ingest';
import type { AtlasGraph } from '../core/graphFile';
import { PHASES, runPipeline, DEFAULT_SEED, type Phase } from '../core/pipeline';
import { writeGraphFiles } from '../core/graphFile/compact/node';
import { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportView } from '../core/export';

export const DEFAULT_INPUT = 'data/seed-papers.txt';
export const DEFAULT_OUT = 'public/graph.json';
const MAX_REJECTIONS_SHOWN = 20;

const USAGE = `Usage: npm run build:graph -- [--input FILE_OR_DIR]... [--format NAME] [--out PATH] [--strict] [--seed N] [--export FORMAT [--view VIEW]]

Builds the Paper Atlas graph file from paper listings, arXiv metadata and bibliographies.
  --input, -i  a file or a directory of files (repeatable; default ${DEFAULT_INPUT}); formats may be mixed:
               listing (three lines a paper), arXiv JSON Lines, arXiv OAI-PMH XML, arXiv API Atom, BibTeX,
               RIS, CSL-JSON, OpenAlex works (JSON Lines or API pages), papers JSON Lines
  --format, -f the format of every --input, when detection from content is not wanted; one of
               ${FORMAT_NAMES.join(', ')}
  --out, -o    where to write the graph file (default ${DEFAULT_OUT})
  --strict     exit 1 if any record was rejected (and write nothing)
  --seed       seed for community detection and layout (default ${DEFAULT_SEED})
  --export     instead of the graph file, write ${EXPORT_FORMATS.join('|')} to --out (required then):
               GEXF 1.3 and GraphML for Gephi, VOSviewer JSON for VOSviewer Online, CSV tables of papers or authors
  --view       with --export: full (default) or collaboration (authors and co-authorship links only)
  --quiet, -q  no progress, only the summary and errors
  --help, -h   this text`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress lines on long phases; may overwrite themselves on a terminal. */
  progress?: (line: string) => void;
}

export async function runBuildGraph(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        input: { type: 'string', short: 'i', multiple: true },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        strict: { type: 'boolean' },
        seed: { type: 'string' },
        export: { type: 'string' },
        view: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    io.err(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
  if (!Number.isSafeInteger(seed)) {
    io.err(`error: --seed must be an integer, got "${args.seed}"\n\n${USAGE}`);
    return 2;
  }
  if (args.format !== undefined && !FORMAT_NAMES.includes(args.format)) {
    io.err(`error: unknown --format "${args.format}"; known formats: ${FORMAT_NAMES.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  if (args.out === '') {
    io.err(`error: --out needs a path\n\n${USAGE}`);
    return 2;
  }
  const exportFormat = args.export;
  if (exportFormat !== undefined && !isExportFormat(exportFormat)) {
    io.err(`error: --export must be one of ${EXPORT_FORMATS.join(', ')}, got "${exportFormat}"\n\n${USAGE}`);
    return 2;
  }
  if (exportFormat !== undefined && args.out === undefined) {
    io.err(`error: --export ${exportFormat} needs --out FILE (the graph file is not written then)\n\n${USAGE}`);
    return 2;
  }
  if (args.view !== undefined && (exportFormat === undefined || (args.view !== 'full' && args.view !== 'collaboration'))) {
    io.err(`error: --view is full or collaboration, and only goes with --export\n\n${USAGE}`);
    return 2;
  }
  const inputs = args.input?.length ? args.input : [DEFAULT_INPUT];
  const out = args.out ?? DEFAULT_OUT;
  const progress = args.quiet ? () => {} : (io.progress ?? io.err);

  const started = performance.now();
  const read = await readInputs(inputs, { format: args.format, onFile: (file) => progress(`reading ${file}`) });
  const readMs = performance.now() - started;
  if (read.errors.length) {
    for (const e of read.errors) io.err(`error: ${e.file}: ${e.message}`);
    return 1;
  }
  const rejected = read.inputs.flatMap((i) => i.rejected);
  rejected.slice(0, MAX_REJECTIONS_SHOWN).forEach((r) => io.err(`rejected: ${r.file}:${r.line}: ${r.field}: ${r.reason}`));
  if (rejected.length > MAX_REJECTIONS_SHOWN) io.err(`rejected: … and ${rejected.length - MAX_REJECTIONS_SHOWN} more (all listed in the graph file's report)`);
  if (args.strict && rejected.length) {
    io.err(`error: ${rejected.length} record(s) rejected and --strict is set; nothing written`);
    return 1;
  }
  if (read.inputs.every((i) => i.papers.length === 0)) {
    io.err(`error: no paper could be read from ${inputs.join(', ')}; nothing written`);
    return 1;
  }

  let lastPercent = -1;
  const { graph, timings } = runPipeline(read.inputs, {
    seed,
    onPhaseStart: (phase) => progress(`${phase}…`),
    onProgress: (phase, done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent !== lastPercent) progress(`${phase} ${percent}% (${done}/${total} iterations)`);
      lastPercent = percent;
    },
  });
  const writeStart = performance.now();
  let bytes = 0;
  try {
    await mkdir(dirname(out), { recursive: true });
    if (exportFormat) {
      const text = exportGraph(graph, exportFormat, { view: (args.view ?? 'full') as ExportView });
      await writeFile(out, text);
      bytes = Buffer.byteLength(text);
    } else {
      // graph.json, and what the app downloads first: the compact files beside it (src/core/graphFile/compact).
      bytes = writeGraphFiles(graph, out);
    }
  } catch (err) {
    io.err(`error: cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  const writeMs = performance.now() - writeStart;
  io.out(summarize(graph, out, bytes, { read: readMs, ...timings, write: writeMs }));
  return 0;
}

function countBy(items: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function summarize(graph: AtlasGraph, out: string, bytes: number, timings: Record<Phase | 'read' | 'write', number>): string {
  const { communities, modularity, report } = graph.getAttributes();
  const nodeKinds = countBy(graph.mapNodes((_, a) => a.kind));
  const edgeKinds = countBy(graph.mapEdges((_, a) => a.kind));
  const phases = (['read', ...PHASES, 'write'] as const).map((p) => `${p} ${formatMs(timings[p])}`).join(', ');
  const top = communities.slice(0, 5).map((c) => `  #${c.id} (${c.size}) ${c.label}`);
  return [
    `wrote ${out} (${(bytes / 1024).toFixed(1)} KiB)`,
    `nodes: ${graph.order} (${nodeKinds})`,
    `edges: ${graph.size} (${edgeKinds})`,
    `communities: ${communities.length}, modularity ${modularity.toFixed(3)}${top.length ? '\n' + top.join('\n') : ''}`,
    `inputs: ${report.inputs.map((i) => `${i.file} [${i.format}] ${i.accepted}/${i.records} accepted`).join('; ')}`,
    `rejected: ${report.rejected.length}, duplicates merged: ${report.duplicates.length}, ambiguous author names kept apart: ${report.ambiguousAuthors.length}`,
    `time: ${phases}`,
  ].join('\n');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
