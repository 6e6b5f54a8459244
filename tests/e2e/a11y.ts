/**
 * Accessibility probes for the browser tests: axe-core scans, what the browser's accessibility
 * tree says about an element (what a screen reader gets), and where keyboard focus is and
 * whether a person can see it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 level A and AA rules. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export interface AxeScan {
  violations: AxeViolation[];
  /** Ids of the rules that found something to check and passed (proof the scan saw the page). */
  passed: string[];
}

/**
 * Runs axe-core from the local package on the page as it is now. The app's own CSP
 * (`script-src 'self'`) refuses inline scripts, so `addScriptTag({ content })` is blocked; the
 * source goes in through the DevTools protocol instead (`evaluate`), which CSP does not govern.
 * Nothing is fetched and the page's policy stays exactly as shipped.
 */
export async function axeScan(page: Page, tags: string[] = WCAG_21_AA): Promise<AxeScan> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<any> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v: AxeViolation) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
      passed: result.passes.map((p: { id: string }) => p.id),
    };
  }, tags);
}

/** Serious and critical violations, one readable line per element, to act on from a test log. */
export function seriousViolations(scan: AxeScan): string[] {
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id} at ${n.target.join(' ')}: ${v.help} (${v.helpUrl})\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
    );
}

export interface AccessibleNode {
  role: string;
  name: string;
  description: string;
}

/** Role, name and description of the first element matching `selector`, from Chromium's accessibility tree. */
export async function accessibleNode(page: Page, selector: string): Promise<AccessibleNode> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    return { role: String(node.role?.value ?? ''), name: String(node.name?.value ?? ''), description: String(node.description?.value ?? '') };
  } finally {
    await cdp.detach();
  }
}

export interface FocusState {
  /** `tag#id.class "text"` of the focused element, or `body` when focus is nowhere. */
  element: string;
  /** It draws a focus indicator: an outline of 2px or more, or a box-shadow. */
  ring: boolean;
  /** The nearest box that cuts the outline off (overflow other than visible), if any. */
  clippedBy: string | null;
}

/** Which element has keyboard focus and whether its focus ring can be seen. */
export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', ring: false, clippedBy: null };
    const style = getComputedStyle(el);
    const outlineWidth = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    const outline = outlineWidth >= 2 && !/rgba\(.*, 0\)|transparent/.test(style.outlineColor);
    const ring = outline || style.boxShadow !== 'none';
    // How far the outline reaches beyond the element (a negative offset draws it inside).
    const reach = outline ? parseFloat(style.outlineOffset) + outlineWidth : 0;
    const box = el.getBoundingClientRect();
    let clippedBy: string | null = null;
    for (let a = el.parentElement; a && !clippedBy; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const clip = a.getBoundingClientRect();
      const out = box.left - reach < clip.left - 0.5 || box.right + reach > clip.right + 0.5 || box.top - reach < clip.top - 0.5 || box.bottom + reach > clip.bottom + 0.5;
      if (out) clippedBy = describe(a);
    }
    return { element: describe(el), ring, clippedBy };
  });
}
