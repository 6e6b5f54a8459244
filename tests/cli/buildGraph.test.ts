import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from '../../src/core/graphFile';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/build-graph.ts');
const seedText = readFileSync(join(ROOT, 'data/seed-papers.txt'), 'utf8');

/** Runs the real command as a user would, from `cwd`. */
async function run(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [SCRIPT, ...args], { cwd, env: { ...process.env, DEBUG: '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'atlas-cli-'));
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('npm run build:graph', () => {
  it('with no arguments builds the bundled data into public/graph.json and prints a summary', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code, stderr).toBe(0);
    const file = JSON.parse(readFileSync(join(ROOT, 'public/graph.json'), 'utf8'));
    const parsed = parseGraphFile(file);
    expect(parsed.ok).toBe(true);
    expect(stdout).toContain('wrote public/graph.json');
    expect(stdout).toMatch(/nodes: 140 \(50 paper, 81 author, 6 category, 3 affiliation\)/);
    expect(stdout).toMatch(/edges: \d+ \(.*authored.*in_category.*affiliated.*coauthor\)/);
    expect(stdout).toMatch(/communities: \d+, modularity 0\.\d{3}/);
    expect(stdout).toMatch(/rejected: 0/);
    expect(stdout).toMatch(/time: read \d+ ms, graph .*, communities .*, labels .*, collaboration .*, layout .*, related .*, style .*, write/);
  });

  it('builds other inputs to another path, byte-identical on a second run', async () => {
    const dir = tmp();
    const a = await run(['--input', 'data/seed-papers.txt', '--out', join(dir, 'a.json')]);
    const b = await run(['--input', 'data', '--out', join(dir, 'b', 'b.json')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(readFileSync(join(dir, 'b', 'b.json'))).toEqual(readFileSync(join(dir, 'a.json')));
  });

  it('reports rejected records with file, line and field, exits 0, and --strict turns them into exit 1', async () => {
    const dir = tmp();
    const lines = seedText.split('\n');
    lines[3] = 'XXFeb 30, 2022'; // garbled header of the second record (line 4)
    writeFileSync(join(dir, 'broken.txt'), lines.join('\n'));
    const lenient = await run(['--input', join(dir, 'broken.txt'), '--out', join(dir, 'out.json')]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(new RegExp(`rejected: ${join(dir, 'broken.txt')}:4: \\w+: .+`));
    expect(lenient.stdout).toMatch(/rejected: 1/);
    const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).attributes.report;
    expect(report.inputs[0]).toMatchObject({ records: 50, accepted: 49, rejected: 1 });
    expect(report.rejected[0]).toMatchObject({ line: 4 });

    const strict = await run(['--input', join(dir, 'broken.txt'), '--out', join(dir, 'strict.json'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict/);
    expect(existsSync(join(dir, 'strict.json'))).toBe(false);
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.txt'), /nope\.txt/],
    ['an empty file', (dir: string) => (writeFileSync(join(dir, 'empty.txt'), ''), join(dir, 'empty.txt')), /empty\.txt: .*empty/i],
    ['binary junk', (dir: string) => (writeFileSync(join(dir, 'junk.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28, 0x9f, 0x00])), join(dir, 'junk.bin')), /junk\.bin: .*UTF-8/i],
    ['an unknown format', (dir: string) => (writeFileSync(join(dir, 'notes.md'), '# shopping list\n- milk\n'), join(dir, 'notes.md')), /notes\.md: .*format/i],
  ])('exits 1 with a clear message for %s', async (_, make, message) => {
    const dir = tmp();
    const { code, stderr, stdout } = await run(['--input', make(dir), '--out', join(dir, 'out.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: /m);
    expect(stderr).toMatch(message);
    noStackTrace(stderr + stdout);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('--format overrides detection for every input, and an unknown name lists the known ones', async () => {
    const dir = tmp();
    // The seed listing read as papers JSON Lines: every line is rejected as JSON, so nothing is built.
    const forced = await run(['--input', 'data/seed-papers.txt', '--format', 'papers-jsonl', '--out', join(dir, 'out.json')]);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/rejected: data\/seed-papers\.txt:1: json: not valid JSON/);
    const unknown = await run(['--format', 'marc21']);
    expect(unknown.stderr).toMatch(/unknown --format "marc21"; known formats: listing, arxiv-jsonl, arxiv-oai-pmh, arxiv-atom, bibtex, ris, csl-json, openalex, papers-jsonl/);
  });

  it.each([
    ['an unknown option', ['--frobnicate']],
    ['a stray argument', ['data/seed-papers.txt']],
    ['a non-numeric seed', ['--seed', 'abc']],
    ['an option without its value', ['--out']],
    ['an unknown --format', ['--format', 'marc21']],
  ])('exits 2 with usage for %s', async (_, args) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: npm run build:graph/);
    noStackTrace(stderr);
  });
});
