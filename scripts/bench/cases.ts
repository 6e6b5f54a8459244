/** The benchmark's cases: synthetic corpora by size (`1k`, `10k`, `100k`, `1m`, or a number) and the real OAI-PMH set. */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OAI_DIR = resolve(ROOT, '../shared/datasets/arxiv-oai-pmh-cs');
export const REAL_CASE = 'oai-5k';

export function haveRealSet(): boolean {
  return existsSync(OAI_DIR) && readdirSync(OAI_DIR).some((f) => f.endsWith('.xml'));
}

/** `10k` → 10000, `1m` → 1000000, `2500` → 2500; null when it is not a size. */
export function parseSize(token: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(token.trim());
  if (!match) return null;
  const value = Number(match[1]) * { '': 1, k: 1e3, m: 1e6 }[match[2].toLowerCase() as '' | 'k' | 'm'];
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function sizeName(papers: number): string {
  return papers >= 1e6 && papers % 1e6 === 0 ? `${papers / 1e6}m` : papers >= 1e3 && papers % 1e3 === 0 ? `${papers / 1e3}k` : String(papers);
}
